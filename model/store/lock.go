package store

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/gofrs/flock"

	"companion/model"
)

// Lock keeps a database file to one running window: the lock file beside
// it holds the owner's process ID.
type Lock struct{ f *flock.Flock }

// Acquire takes the lock of the database at path, or says who holds it.
// A PostgreSQL server is shared by every PC's Companion: it needs none.
func Acquire(path string) (*Lock, error) {
	if model.IsPostgres(path) {
		return &Lock{}, nil
	}
	lockPath := path + ".lock"
	f := flock.New(lockPath)
	ok, err := f.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", lockPath, err)
	}
	if !ok {
		data, _ := os.ReadFile(lockPath)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
		return nil, &model.ErrLocked{Path: path, PID: pid}
	}
	if err := os.WriteFile(lockPath, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600); err != nil {
		f.Unlock()
		return nil, err
	}
	return &Lock{f: f}, nil
}

// Release lets another process open the database.
func (l *Lock) Release() error {
	if l.f == nil {
		return nil
	}
	os.WriteFile(l.f.Path(), nil, 0o600)
	return l.f.Unlock()
}
