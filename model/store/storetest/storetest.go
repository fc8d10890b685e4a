// Package storetest gives each test a database of its own: a new SQLite
// file, or, when COMPANION_TEST_POSTGRES names a PostgreSQL server where
// the tests may create databases (make test starts one: scripts/pg.sh), a
// new database on it, dropped after the test.
package storetest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the server's driver for database/sql
)

// Server is the test server's address, or "" to test on SQLite.
var Server = os.Getenv("COMPANION_TEST_POSTGRES")

// Backend names the backend the tests run on.
func Backend() string {
	if Server != "" {
		return "PostgreSQL"
	}
	return "SQLite"
}

// Database is where a test's store lives: a new file in the test's folder,
// or a new database on the test server.
func Database(t testing.TB) string {
	t.Helper()
	if Server == "" {
		return filepath.Join(t.TempDir(), "salon.db")
	}
	return ServerDatabase(t)
}

var made atomic.Int64

// ServerDatabase creates an empty database on the test server and returns
// its address; it is dropped when the test ends.
func ServerDatabase(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("companion_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, made.Add(1))
	if err := admin("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create the test database: %v", err)
	}
	t.Cleanup(func() {
		if err := admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop the test database: %v", err)
		}
	})
	return At(name)
}

// At is the address of the database name on the test server.
func At(name string) string {
	u, err := url.Parse(Server)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + name
	return u.String()
}

func admin(stmt string) error {
	db, err := sql.Open("pgx", Server)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(stmt)
	return err
}
