package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"companion/model"
)

// olderBuild makes the store, until the test ends or the returned func
// runs, a build that knows one schema version less than this one.
func olderBuild(t *testing.T) (restore func()) {
	t.Helper()
	saved, savedPG := migrations, postgresMigrations
	migrations = saved[:len(saved)-1]
	if len(savedPG) > 0 {
		postgresMigrations = savedPG[:len(savedPG)-1]
	}
	restore = func() { migrations, postgresMigrations = saved, savedPG }
	t.Cleanup(restore)
	return restore
}

// A database this build made, opened by a build that knows one version
// less, is refused with the versions and where it is, and nothing in it
// changes: the file keeps every byte, the server its rows and version.
func TestAnOlderBuildRefusesTheCurrentSchemaAndTouchesNothing(t *testing.T) {
	where := testDatabase(t)
	clock := WithClock(func() time.Time { return fixedNow })
	s, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, model.Client{LastName: "Зуева", FirstName: "Нина"})
	current := SchemaVersion()
	s.Close()
	before, _ := os.ReadFile(where)

	restore := olderBuild(t)
	_, err = Open(where, clock)
	var newer *model.ErrNewerSchema
	if !errors.As(err, &newer) {
		t.Fatalf("an older build opened a newer database: %v", err)
	}
	if newer.Have != current || newer.Know != current-1 || newer.Where == "" {
		t.Errorf("the refusal says %+v", *newer)
	}
	if testServer == "" {
		if after, _ := os.ReadFile(where); string(after) != string(before) {
			t.Error("the older build changed the file")
		}
		if list, _ := ListBackups(where); len(list) != 0 {
			t.Errorf("the older build made backups: %v", list)
		}
	}
	if _, err := Open(where, clock); !errors.As(err, &newer) {
		t.Fatalf("the second try: %v", err)
	}

	restore()
	s, err = Open(where, clock)
	if err != nil {
		t.Fatalf("this build no longer opens its own database: %v", err)
	}
	defer s.Close()
	if n, _ := s.CountClients(context.Background()); n != 1 {
		t.Errorf("%d clients after the refusal", n)
	}
	if _, ok := s.Upgraded(); ok {
		t.Error("opening a database of this build's schema says it was upgraded")
	}
}

// A database of the previous schema, opened by this build, is upgraded
// and backed up first; the store tells it once, with the backup, which
// holds every row as it was.
func TestAnUpgradeTellsOnceAndNamesTheBackup(t *testing.T) {
	where := testDatabase(t)
	clock := WithClock(func() time.Time { return fixedNow })
	restore := olderBuild(t)
	old, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range []string{"Анна", "Мария"} {
		// in the previous schema's columns only
		err := old.DB().Exec(`INSERT INTO clients (uuid, first_name, last_name, created_at, updated_at, search_key, name_key)
			VALUES (?, ?, 'Орлова', ?, ?, 'x', 'x')`, fmt.Sprintf("uuid-%d", i), n, fixedNow, fixedNow).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := old.Upgraded(); ok {
		t.Error("a new database says it was upgraded")
	}
	old.Close()
	restore()

	s, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	up, ok := s.Upgraded()
	if !ok || up.From != SchemaVersion()-1 || up.To != SchemaVersion() {
		t.Fatalf("the upgrade says %+v, %v", up, ok)
	}
	if n, _ := s.CountClients(context.Background()); n != 2 {
		t.Errorf("%d clients after the upgrade", n)
	}
	s.Close()
	if testServer == "" {
		if up.Backup == "" {
			t.Fatal("no backup named")
		}
		if v, err := fileSchema(up.Backup); err != nil || v != up.From {
			t.Errorf("the backup is at schema %d (%v)", v, err)
		}
		b, err := sql.Open("sqlite", roDSN(up.Backup))
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := b.QueryRow("SELECT count(*) FROM clients").Scan(&n); err != nil || n != 2 {
			t.Errorf("the backup holds %d clients (%v)", n, err)
		}
		b.Close()
	} else if up.Backup != "" {
		t.Errorf("a server's upgrade names a backup: %s", up.Backup)
	}

	s, err = Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if up, ok := s.Upgraded(); ok {
		t.Errorf("the second start says again: %+v", up)
	}
}

// Schema 15 makes the full-text indexes again without the search keys'
// sizes: the clients a build of schema 14 wrote are found after the
// upgrade by a word, a word's start and a part of a phone, as before it.
func TestTheSearchFindsTheClientsOfTheSchemaBeforeTheIndexesWereMadeAgain(t *testing.T) {
	where := testDatabase(t)
	clock := WithClock(func() time.Time { return fixedNow })
	ctx := context.Background()
	restore := olderBuild(t)
	old, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, old, model.Client{LastName: "Воронцова", FirstName: "Дарья", Phone: "+79161234567"})
	mustCreate(t, old, model.Client{LastName: "Орлова", FirstName: "Мария", Phone: "+79257654321"})
	old.Close()
	restore()

	s, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for text, want := range map[string]string{"Воронцова": "Воронцова", "Ворон": "Воронцова", "мари": "Орлова",
		"7654": "Орлова", "ронцо": "Воронцова"} {
		rows, err := s.ListClients(ctx, model.ClientQuery{Text: text})
		if err != nil || len(rows) != 1 || rows[0].LastName != want {
			t.Errorf("%q finds %+v, %v; want %s", text, rows, err, want)
		}
	}
	for _, tb := range []string{"client_tri", "client_words"} {
		if testServer != "" {
			break // PostgreSQL searches with one trigram index
		}
		var n int
		err := s.DB().Raw("SELECT count(*) FROM sqlite_master WHERE name = ? AND sql LIKE '%columnsize=0%'", tb).Scan(&n).Error
		if err != nil || n != 1 {
			t.Errorf("%s is not made without sizes: %d, %v", tb, n, err)
		}
	}
}
