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
	d    dialect
	path string // the file, or the server's address with its password
	now  func() time.Time
	role model.Role // "" acts as the owner

	upgraded   *model.SchemaUpgrade // what Open did to an older schema
	deferCheck bool                 // see WithDeferredCheck
}

// Option changes how Open sets the store up.
type Option func(*Store)

// WithClock makes the store read the time from now instead of the wall clock.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens (or creates) the database at path, checks it and brings its
// schema up to date, backing the file up first when it must be upgraded.
// A file whose last session ended well is checked while the store works,
// its writes waiting for the check (filecheck.go). A postgres:// address
// opens that PostgreSQL database instead.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	open := openSQLite // sqlite.go
	if model.IsPostgres(path) {
		s.d, open = postgresSQL, openPostgres // postgres.go
	} else if addr, ok := model.ServerAddress(path); ok {
		return nil, &model.ErrServerAddress{Address: addr}
	}
	db, err := open(path, s.gormConfig())
	if err != nil {
		return nil, err
	}
	s.db = db
	if !s.deferCheck {
		s.StartCheck()
	}
	if err := s.migrate(context.Background()); err != nil {
		if cerr := s.Checked(context.Background()); cerr != nil {
			err = cerr // a damaged file may fail to read before its check ends
		}
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
		NowFunc:        s.moment,
		Logger:         logger.Default.LogMode(logger.Silent),
	}
}

// moment is the time to store: the store's clock in UTC to the
// microsecond, which both backends keep whole (SQLite would keep
// nanoseconds and PostgreSQL drop them, and their exports then differ).
func (s *Store) moment() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// Close releases the database.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	if p := s.pool(); p != nil {
		return p.close()
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Path is the database file, or the server's address with its password.
func (s *Store) Path() string { return s.path }

// OnServer reports whether the database is on a PostgreSQL server, not in
// a file.
func (s *Store) OnServer() bool { return s.d.postgres }

// Where names the database for a person: the file, or the server's
// address without its password.
func (s *Store) Where() string {
	if addr, ok := model.ServerAddress(s.path); ok {
		return addr
	}
	return s.path
}

// Today is the salon's current day in local time.
func (s *Store) Today() model.Date { return model.DateOf(s.now().In(time.Local)) }

func (s *Store) ctx(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }
