package settings

import (
	"context"
	"net/url"

	"companion/model/store"
)

// checkServer opens the database at addr as the program does at its
// start, then closes it, and reports whether it holds no salon yet.
func checkServer(ctx context.Context, addr string) (empty bool, err error) {
	s, err := store.Open(addr)
	if err != nil {
		return false, err
	}
	defer s.Close()
	return s.IsEmpty(ctx)
}

// withConnectTimeout adds a ten seconds' limit to an address without
// one, so that a test of a server that does not answer ends.
func withConnectTimeout(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return addr
	}
	q := u.Query()
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", "10")
		u.RawQuery = q.Encode()
	}
	return u.String()
}
