package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"companion/model"
	"companion/model/atomicfile"
)

// A damaged file is never written to, and yet the window does not wait
// for the whole file to be read before it opens:
//
//   - A session marks the file while it has it open (sessionMarker) and
//     removes the mark when it closes it well. A mark left behind, or a
//     write-ahead log with something in it, says the last session did not
//     end well: then PRAGMA quick_check reads the whole file before it is
//     opened, as it always did, for closing would copy that log into it.
//   - Otherwise the file opens at once and quick_check runs beside the
//     work (fileCheck): reads go on, every write waits for the check, and
//     when it finds damage every write is refused with *model.ErrCorrupt
//     and the mark stays, so the next start checks before it opens.
//   - Each backup, the day's and the exit's, is checked in full
//     (integrity_check) before it is kept, and waits for the file's check.

// sessionMarker is the file that marks the database as open in a session.
func sessionMarker(path string) string { return path + ".open" }

// uncleanEnd reports whether the last session with the file at path may
// not have ended well: its mark is still there, or a write-ahead log that
// holds something (a session that closed well leaves none). When in doubt
// it says so.
func uncleanEnd(path string) bool {
	if _, err := os.Stat(sessionMarker(path)); !errors.Is(err, os.ErrNotExist) {
		return true
	}
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 0 || err != nil && !errors.Is(err, os.ErrNotExist)
}

// markSession marks the file as open in this session, durably, so that a
// crash or a power cut leaves the mark behind.
func markSession(path string) error {
	f, err := os.OpenFile(sessionMarker(path), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return atomicfile.SyncDir(filepath.Dir(path))
}

// unmarkSession removes the session's mark once the file is closed well.
func unmarkSession(path string) { os.Remove(sessionMarker(path)) }

// fileCheck is PRAGMA quick_check of the database file running while the
// store works. It starts at Open, or, with WithDeferredCheck, when
// StartCheck or the first write asks for it.
type fileCheck struct {
	path   string
	once   sync.Once
	done   chan struct{}
	err    error // after done: nil, *model.ErrCorrupt, or the cancel
	ctx    context.Context
	cancel context.CancelFunc
}

func newCheck(path string) *fileCheck {
	ctx, cancel := context.WithCancel(context.Background())
	return &fileCheck{path: path, done: make(chan struct{}), ctx: ctx, cancel: cancel}
}

// start starts the check unless it has started (or stopped) already.
func (c *fileCheck) start() {
	if c == nil {
		return
	}
	c.once.Do(func() {
		go func() {
			c.err = quickCheck(c.ctx, c.path)
			close(c.done)
		}()
	})
}

// wait starts the check if need be and waits for its end, or ctx's, and
// returns what it found. A nil check has nothing to wait for.
func (c *fileCheck) wait(ctx context.Context) error {
	if c == nil {
		return nil
	}
	c.start()
	select {
	case <-c.done:
		return c.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// damaged reports whether the check has ended and found damage.
func (c *fileCheck) damaged() bool {
	if c == nil {
		return false
	}
	select {
	case <-c.done:
		var corrupt *model.ErrCorrupt
		return errors.As(c.err, &corrupt)
	default:
		return false
	}
}

// stop ends the check if it runs, or keeps it from starting (the store is
// closing: nothing was written meanwhile, for writes wait for it), and
// waits for it.
func (c *fileCheck) stop() {
	if c == nil {
		return
	}
	c.cancel()
	c.once.Do(func() {
		c.err = context.Canceled
		close(c.done)
	})
	<-c.done
}

// checkFile runs PRAGMA quick_check on an existing database through a
// read-only connection, so a damaged file is never written to.
func checkFile(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && st.Size() == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	return quickCheck(context.Background(), path)
}

// quickCheck runs PRAGMA quick_check on the file at path, read-only; a
// problem it finds is *model.ErrCorrupt.
func quickCheck(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", roDSN(path))
	if err != nil {
		return err
	}
	defer db.Close()
	corrupt := func(err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &model.ErrCorrupt{Path: path, Detail: err.Error()}
	}
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return corrupt(err)
	}
	defer rows.Close()
	var first string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return corrupt(err)
		}
		if first == "" {
			first = line
		}
	}
	if err := rows.Err(); err != nil {
		return corrupt(err)
	}
	if first != "ok" {
		return &model.ErrCorrupt{Path: path, Detail: first}
	}
	return nil
}

// WithDeferredCheck leaves the check of the file that runs while the store
// works to start when StartCheck or the first write asks for it: the
// window starts it once it has drawn its first frame, so that the two do
// not share the processor meanwhile.
func WithDeferredCheck() Option { return func(s *Store) { s.deferCheck = true } }

// StartCheck starts the check of the file now, in the background, if it
// has not started yet (see WithDeferredCheck).
func (s *Store) StartCheck() {
	if p := s.pool(); p != nil {
		p.check.start()
	}
}

// Checked waits for the check of the database file that runs while the
// store works, and returns what it found: nil, or *model.ErrCorrupt (then
// every write is refused). A file checked before it opened, a new file
// and a server have nothing to wait for.
func (s *Store) Checked(ctx context.Context) error {
	if p := s.pool(); p != nil {
		return p.check.wait(ctx)
	}
	return nil
}

// pool is the SQLite store's connection pool, nil on a server.
func (s *Store) pool() *gatedPool {
	p, _ := s.db.ConnPool.(*gatedPool)
	return p
}

// Damaged reports whether the file's check has found damage: then every
// write is refused, and the backups fail because of the file, not of the
// backups.
func (s *Store) Damaged() bool {
	p := s.pool()
	return p != nil && p.check.damaged()
}
