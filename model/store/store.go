// Package store keeps the salon's data: one Store, one file of queries per
// area; the SQL of model's rules generated in one place (rules_sql.go);
// the SQLite backend's plumbing in its own files (sqlite.go, writegate.go,
// lock.go, netshare*.go, paths.go); versioned migrations (migrate.go,
// schema_v*.go); and the safety of the data apart: backups (backup.go),
// restore and recovery (recover.go), encryption (encrypt.go) and the
// exchange format (exchange*.go).
package store

import (
	"context"
	"time"

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

// Open opens (or creates) the database at path, checks it and brings its
// schema up to date, backing the file up first when it must be upgraded.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	db, err := openSQLite(path, s.gormConfig()) // sqlite.go
	if err != nil {
		return nil, err
	}
	s.db = db
	if err := s.migrate(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// gormConfig is how GORM serves every backend: typed duplicate and
// foreign-key errors, the store's clock in UTC, no logging.
func (s *Store) gormConfig() *gorm.Config {
	return &gorm.Config{
		TranslateError: true,
		NowFunc:        func() time.Time { return s.now().UTC() },
		Logger:         logger.Default.LogMode(logger.Silent),
	}
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

func (s *Store) ctx(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }
