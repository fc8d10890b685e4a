package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
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

// openSQLite opens the file at path for GORM through the write gate
// (writegate.go), so write transactions take turns, and the file's check
// (filecheck.go): in full before it opens after a session that did not end
// well, else beside the work, with every write waiting for it.
func openSQLite(path string, cfg *gorm.Config) (*gorm.DB, error) {
	var check *fileCheck
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		if uncleanEnd(path) {
			if err := checkFile(path); err != nil {
				return nil, err
			}
		} else {
			check = newCheck(path)
		}
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err := markSession(path); err != nil && check != nil {
		check.stop() // the mark cannot be kept: check in full first instead
		if check, err = nil, checkFile(path); err != nil {
			return nil, err
		}
	}
	pool, err := openPool(path, check)
	if err != nil {
		check.stop()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := gorm.Open(sqlite.Dialector{DSN: DSN(path), Conn: pool}, cfg)
	if err != nil {
		if cerr := check.wait(context.Background()); cerr != nil {
			err = cerr // a damaged file may fail to open before its check ends
		}
		pool.close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
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
