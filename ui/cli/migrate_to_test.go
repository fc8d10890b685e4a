package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
	"companion/model/store/storetest"
)

var cmdMigrateTo = command("migrate-to")

// serverDatabase makes an empty database on the test server, dropped
// after the test (the PostgreSQL run of make test has one).
func serverDatabase(t *testing.T) string {
	t.Helper()
	if storetest.Server == "" {
		t.Skip("needs a PostgreSQL server: set COMPANION_TEST_POSTGRES")
	}
	return storetest.ServerDatabase(t)
}

// migrate-to copies a demo salon's file to an empty server database and
// prints each table's rows on both sides; a second run into the now full
// database is refused and changes nothing.
func TestMigrateToCopiesOnceAndCounts(t *testing.T) {
	i18n.SetLanguage("en")
	addr := serverDatabase(t)
	path := filepath.Join(t.TempDir(), "salon.db")
	var out bytes.Buffer
	if err := cmdDemo([]string{"--db", path, "--clients", "40"}, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := cmdMigrateTo([]string{"--db", path, addr}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	printed := out.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^Table / rows in SQLite / rows in PostgreSQL$`),
		regexp.MustCompile(`(?m)^  clients +40 +40$`),
		regexp.MustCompile(`(?m)^  visits +([1-9]\d*) +([1-9]\d*)$`),
		regexp.MustCompile(`Copied \d+ rows of \d+ tables from .*salon\.db to postgres://.* in [\d.]+ s \(\d+ rows a second\)\.`),
	} {
		if !want.MatchString(printed) {
			t.Errorf("the output lacks %s:\n%s", want, printed)
		}
	}
	for _, line := range strings.Split(printed, "\n") {
		if f := strings.Fields(line); len(f) == 3 && strings.HasPrefix(line, "  ") && f[1] != f[2] {
			t.Errorf("counts differ: %q", line)
		}
	}
	before := exportOf(t, addr)

	out.Reset()
	err := cmdMigrateTo([]string{"--db", path, addr}, &out)
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Key != "migrate.err.not_empty" || !strings.Contains(i18n.ErrorText(err), "empty") {
		t.Fatalf("a second run: %v\n%s", err, out.String())
	}
	if after := exportOf(t, addr); !bytes.Equal(before, after) {
		t.Error("the refused run changed the server's database")
	}
}

func exportOf(t *testing.T, addr string) []byte {
	t.Helper()
	s, err := store.Open(addr, store.WithClock(func() time.Time { return time.Unix(0, 0) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var buf bytes.Buffer
	if _, err := s.ExportAll(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestMigrateToWantsAServerAndAFile(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	var fe *model.FieldError
	for args, key := range map[string]string{
		"":         "migrate.err.usage",
		"other.db": "migrate.err.address",
		"--db " + dir + "/none.db postgres://x@127.0.0.1:1/x": "backup.err.no_database",
	} {
		err := cmdMigrateTo(strings.Fields(args), &out)
		if !errors.As(err, &fe) || fe.Key != key {
			t.Errorf("migrate-to %s: %v, want %s", args, err, key)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refusal left %v behind", entries)
	}
}
