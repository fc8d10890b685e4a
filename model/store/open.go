// Package store keeps the salon's data in SQLite: opening the file safely,
// versioned migrations, and one file of queries per area.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"companion/model"
)

// Store is the salon's database.
type Store struct {
	db   *gorm.DB
	path string
	now  func() time.Time
	role model.Role // "" acts as the owner
}

// Option changes how Open sets the store up.
type Option func(*Store)

// WithClock makes the store read the time from now instead of the wall clock.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// DSN is the connection string for a database file. The pragmas ride in the
// DSN so that every pooled connection has them, not only the first.
func DSN(path string) string {
	return path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
		"&_pragma=busy_timeout(5000)&_txlock=immediate"
}

// Open opens (or creates) the database at path, checks it and brings its
// schema up to date, backing the file up first when it must be upgraded.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	pool, err := openPool(path) // write transactions take turns: writegate.go
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := gorm.Open(sqlite.Dialector{DSN: DSN(path), Conn: pool}, &gorm.Config{
		TranslateError: true,
		NowFunc:        func() time.Time { return s.now().UTC() },
		Logger:         logger.Default.LogMode(logger.Silent),
	})
	if err != nil {
		pool.db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.db = db
	if err := s.migrate(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
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
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query("PRAGMA quick_check")
	if err != nil {
		return &model.ErrCorrupt{Path: path, Detail: err.Error()}
	}
	defer rows.Close()
	var first string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return &model.ErrCorrupt{Path: path, Detail: err.Error()}
		}
		if first == "" {
			first = line
		}
	}
	if err := rows.Err(); err != nil {
		return &model.ErrCorrupt{Path: path, Detail: err.Error()}
	}
	if first != "ok" {
		return &model.ErrCorrupt{Path: path, Detail: first}
	}
	return nil
}

// Close releases the database.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Today is the salon's current day in local time.
func (s *Store) Today() model.Date { return model.DateOf(s.now().In(time.Local)) }

// DB gives the tests and the benchmarks the connection underneath.
func (s *Store) DB() *gorm.DB { return s.db }

func (s *Store) ctx(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }
