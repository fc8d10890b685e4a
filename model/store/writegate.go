package store

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"

	"gorm.io/gorm"
)

// gateWait is how long a write transaction waits for its turn before it
// goes to SQLite anyway (and SQLite's busy timeout decides). It only
// matters if a transaction is begun inside another one by mistake: that
// then fails as it would without the gate instead of hanging.
var gateWait = 30 * time.Second

// gatedPool is the connection pool under GORM. It lets one write
// transaction of this process at a time reach SQLite, in the order they
// asked: waiting on a Go channel is fair, while SQLite's busy handler polls
// with sleeps and favours no one, so under load one of twenty goroutines
// could wait past busy_timeout and fail with "database is locked". SQLite's
// busy timeout now only settles between processes. Read-only transactions
// and single statements pass straight through. Between processes a write
// that finds the lock taken for longer than busy_timeout asks again, for up
// to busyRetryFor.
type gatedPool struct {
	db    *sql.DB
	gate  chan struct{} // holds a token while a write transaction is open
	path  string
	check *fileCheck // the file's check, which writes wait for; nil when none runs
}

func openPool(path string, check *fileCheck) (*gatedPool, error) {
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return nil, err
	}
	return &gatedPool{db: db, gate: make(chan struct{}, 1), path: path, check: check}, nil
}

// writable waits until the file's check has passed: a write to a file
// that failed it is refused with its *model.ErrCorrupt.
func (p *gatedPool) writable(ctx context.Context) error {
	return p.check.wait(ctx)
}

// close closes the connections and ends the session: the check stops if it
// still runs, and the file's mark goes unless the check found damage.
func (p *gatedPool) close() error {
	err := p.db.Close()
	p.check.stop()
	if !p.check.damaged() {
		unmarkSession(p.path)
	}
	return err
}

func (p *gatedPool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.db.PrepareContext(ctx, query)
}

// ExecContext runs a statement outside a transaction, which may write:
// it waits for the file's check first.
func (p *gatedPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := p.writable(ctx); err != nil {
		return nil, err
	}
	return p.db.ExecContext(ctx, query, args...)
}

func (p *gatedPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.db.QueryContext(ctx, query, args...)
}

func (p *gatedPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.db.QueryRowContext(ctx, query, args...)
}

// GetDBConn gives gorm.DB.DB() the *sql.DB underneath.
func (p *gatedPool) GetDBConn() (*sql.DB, error) { return p.db, nil }

// BeginTx is what GORM calls to begin a transaction.
func (p *gatedPool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	tx, release, err := p.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &gatedTx{Tx: tx, db: p.db, release: release}, nil
}

// begin waits for the turn of a write transaction (not of a read-only one)
// and begins it; release gives the turn back once it has ended.
func (p *gatedPool) begin(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, func(), error) {
	release := func() {}
	if opts == nil || !opts.ReadOnly {
		if err := p.writable(ctx); err != nil {
			return nil, nil, err
		}
		timer := time.NewTimer(gateWait)
		select {
		case p.gate <- struct{}{}:
			var once sync.Once
			release = func() { once.Do(func() { <-p.gate }) }
		case <-timer.C: // see gateWait
		case <-ctx.Done():
			timer.Stop()
			return nil, nil, ctx.Err()
		}
		timer.Stop()
	}
	start := time.Now()
	for {
		tx, err := p.db.BeginTx(ctx, opts)
		if err == nil {
			return tx, release, nil
		}
		// Another process held the write lock for all of busy_timeout:
		// nothing is done yet, so try again for a while before giving up.
		if !isBusy(err) || ctx.Err() != nil || time.Since(start) >= busyRetryFor {
			release()
			return nil, nil, err
		}
	}
}

// busyRetryFor is how long a write transaction keeps asking another
// process for the write lock (each ask waits busy_timeout).
var busyRetryFor = 30 * time.Second

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == 5 // SQLITE_BUSY
}

// gatedTx is a transaction that gives its turn back when it ends.
type gatedTx struct {
	*sql.Tx
	db      *sql.DB
	release func()
}

func (t *gatedTx) Commit() error {
	defer t.release()
	return t.Tx.Commit()
}

func (t *gatedTx) Rollback() error {
	defer t.release()
	return t.Tx.Rollback()
}

// GetDBConn gives gorm.DB.DB() the *sql.DB underneath, inside a
// transaction too.
func (t *gatedTx) GetDBConn() (*sql.DB, error) { return t.db, nil }

// beginWrite begins a write transaction on database/sql directly (for the
// full import), taking its turn like GORM's transactions do; call release
// after Commit or Rollback.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, func(), error) {
	if p, ok := s.db.ConnPool.(*gatedPool); ok {
		return p.begin(ctx, nil)
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, nil, err
	}
	tx, err := sqlDB.BeginTx(ctx, nil)
	return tx, func() {}, err
}
