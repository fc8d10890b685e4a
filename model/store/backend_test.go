package store

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// The store's tests run on SQLite, and on PostgreSQL too when
// COMPANION_TEST_POSTGRES names a server where they may create databases
// (make test starts one: scripts/pg.sh). Each test then gets a new
// database of its own, dropped after it.
var testServer = os.Getenv("COMPANION_TEST_POSTGRES")

// testBackend is the backend the tests run on, as `go test -v` says.
func testBackend() string {
	if testServer != "" {
		return "PostgreSQL"
	}
	return "SQLite"
}

// testDatabase is where a test's store lives: a new file, or a new
// database on the test server.
func testDatabase(t testing.TB) string {
	t.Helper()
	if testServer == "" {
		return filepath.Join(t.TempDir(), "salon.db")
	}
	return newServerDatabase(t)
}

var serverDatabases atomic.Int64

// newServerDatabase creates an empty database on the test server and
// returns its address; it is dropped when the test ends.
func newServerDatabase(t testing.TB) string {
	t.Helper()
	admin, err := sql.Open("pgx", testServer)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("companion_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, serverDatabases.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create the test database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", testServer)
		if err != nil {
			t.Error(err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop the test database: %v", err)
		}
	})
	u, err := url.Parse(testServer)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// onSQLite marks a test about SQLite's file itself (pragmas, backups of
// the file, damage, locks): it runs in the SQLite run only.
func onSQLite(t testing.TB) {
	t.Helper()
	if testServer != "" {
		t.Skip("about the SQLite file; runs in the SQLite run")
	}
}

// TestBackendIsNamed says which backend the run uses, so a log shows it.
func TestBackendIsNamed(t *testing.T) {
	s := openTest(t)
	if got := s.d.name(); got != testBackend() {
		t.Fatalf("the store runs on %s, the tests asked for %s", got, testBackend())
	}
	if s.OnServer() != (testServer != "") || (testServer != "" && strings.Contains(s.Where(), "@") && strings.Contains(s.Where(), ":"+passwordOf(testServer)+"@")) {
		t.Fatalf("OnServer %v, Where %q", s.OnServer(), s.Where())
	}
	t.Logf("store tests on %s", testBackend())
}

func passwordOf(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.User == nil {
		return "\x00"
	}
	p, ok := u.User.Password()
	if !ok {
		return "\x00"
	}
	return p
}
