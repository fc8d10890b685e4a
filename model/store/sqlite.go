package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"

	"companion/model"
)

// The SQLite backend's plumbing: how a file is named to the driver, checked
// and opened, and where its schema version and schema text are read. The
// write gate (writegate.go), the file lock (lock.go) and the network-share
// check (netshare*.go) belong to it too.

// DSN is the connection string for a database file. The pragmas ride in the
// DSN so that every pooled connection has them, not only the first.
func DSN(path string) string {
	return path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
		"&_pragma=" + busyTimeout + "&_txlock=immediate"
}

// busyTimeout is how long a connection waits for another's lock, as the
// pragma of a DSN.
const busyTimeout = "busy_timeout(5000)"

// busyDSN opens a file with nothing but the busy timeout: for a copy of a
// database this process has not opened as a store.
func busyDSN(path string) string { return path + "?_pragma=" + busyTimeout }

// roDSN opens a file read-only through a URI, with the characters that
// URIs give a meaning escaped.
func roDSN(path string) string {
	p := filepath.ToSlash(path)
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file:" + p + "?mode=ro"
}

// openSQLite checks the file at path and opens it for GORM through the
// write gate (writegate.go), so write transactions take turns.
func openSQLite(path string, cfg *gorm.Config) (*gorm.DB, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	pool, err := openPool(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := gorm.Open(sqlite.Dialector{DSN: DSN(path), Conn: pool}, cfg)
	if err != nil {
		pool.db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
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

// userVersion reads the schema version SQLite keeps in the file's header.
func userVersion(db *gorm.DB) (int, error) {
	var v int
	err := db.Raw("PRAGMA user_version").Scan(&v).Error
	return v, err
}

// setUserVersion records the schema version, inside the migration's
// transaction.
func setUserVersion(tx *gorm.DB, v int) error {
	return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)).Error
}

// fileSchema reads the schema version of a database file, read-only.
func fileSchema(path string) (int, error) {
	db, err := sql.Open("sqlite", roDSN(path))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v int
	err = db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// schemaSQL reads the SQL of every index and trigger as SQLite keeps it,
// keyed by "index NAME" or "trigger NAME".
func schemaSQL(db *gorm.DB) (map[string]string, error) {
	var rows []struct {
		Type, Name string
		SQL        string `gorm:"column:sql"`
	}
	err := db.Raw(`SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_master WHERE type IN ('index', 'trigger')`).
		Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Type+" "+r.Name] = r.SQL
	}
	return out, nil
}
