package settings

import (
	"context"

	"companion/model/store"
)

// checkServer opens the database at addr as the program does at its
// start (which waits for a silent server only so long), then closes it,
// and reports whether it holds no salon yet.
func checkServer(ctx context.Context, addr string) (empty bool, err error) {
	s, err := store.Open(addr)
	if err != nil {
		return false, err
	}
	defer s.Close()
	return s.IsEmpty(ctx)
}
