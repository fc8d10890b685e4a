package model

import (
	"fmt"
	"net/url"
	"strings"
)

// ErrCorrupt says the database file failed its integrity check on open; the
// file is left untouched.
type ErrCorrupt struct {
	Path   string
	Detail string
}

func (e *ErrCorrupt) Error() string {
	return fmt.Sprintf("database %s is damaged: %s", e.Path, e.Detail)
}

// ErrLocked says another process has the database open.
type ErrLocked struct {
	Path string
	PID  int // 0 when unknown
}

func (e *ErrLocked) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("database %s is already open in another Companion (process %d)", e.Path, e.PID)
	}
	return fmt.Sprintf("database %s is already open in another Companion", e.Path)
}

// ErrNewerSchema says the database was written by a newer Companion; it
// is refused before anything in it is written. Where names it for a person
// (a file, or a server's address without its password), when known.
type ErrNewerSchema struct {
	Have, Know int
	Where      string
}

func (e *ErrNewerSchema) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this program knows (%d): update Companion", e.Have, e.Know)
}

// ErrServerAddress says --db names a database server of a kind Companion
// does not open (a URL such as mysql://…): only a file or a PostgreSQL
// server. Address has its password left out.
type ErrServerAddress struct {
	Address string
}

func (e *ErrServerAddress) Error() string {
	return fmt.Sprintf("%s is not a database Companion opens: give a file or a postgres:// address", e.Address)
}

// ErrServerUnreachable says the PostgreSQL server did not answer, or
// refused the connection. Address has its password left out; Detail is
// the driver's words.
type ErrServerUnreachable struct {
	Address string
	Detail  string
}

func (e *ErrServerUnreachable) Error() string {
	return fmt.Sprintf("could not connect to %s: %s", e.Address, e.Detail)
}

// IsPostgres reports whether addr is the URL of a PostgreSQL server
// (postgres:// or postgresql://).
func IsPostgres(addr string) bool {
	scheme, _, ok := strings.Cut(addr, "://")
	return ok && (strings.EqualFold(scheme, "postgres") || strings.EqualFold(scheme, "postgresql"))
}

// ServerAddress reports whether path is a URL (scheme://…) rather than a
// file path, and returns it without its password.
func ServerAddress(path string) (string, bool) {
	u, err := url.Parse(path)
	if err != nil || u.Scheme == "" || !strings.Contains(path, "://") {
		return "", false
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.String(), true
}
