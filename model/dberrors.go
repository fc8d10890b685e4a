package model

import "fmt"

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

// ErrNewerSchema says the database was written by a newer Companion.
type ErrNewerSchema struct{ Have, Know int }

func (e *ErrNewerSchema) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this program knows (%d): update Companion", e.Have, e.Know)
}
