package store

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"companion/model"
	"companion/model/demo"
)

// schemaV1File is a database made by schema version 1 with a demo salon of
// about 100 clients. COMPANION_MAKE_SCHEMA_V1=1 go test -run
// TestMakeSchemaV1 ./model/store makes it again (only ever needed if it is
// lost: it stands for the databases already out there).
const schemaV1File = "testdata/schema-v1.db"

func TestMakeSchemaV1(t *testing.T) {
	if os.Getenv("COMPANION_MAKE_SCHEMA_V1") == "" {
		t.Skip("set COMPANION_MAKE_SCHEMA_V1=1 to write " + schemaV1File)
	}
	saved := migrations
	migrations = migrations[:1]
	defer func() { migrations = saved }()
	os.Remove(schemaV1File)
	s, err := Open(schemaV1File, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	d := demo.Salon(11, model.DateOf(fixedNow), 100)
	if err := s.FillDemo(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	// One file, no -wal beside it, so the test data is a single file.
	if err := s.DB().Exec("PRAGMA journal_mode = DELETE").Error; err != nil {
		t.Fatal(err)
	}
	if err := s.DB().Exec("VACUUM").Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// tableKeys reads, for every table of a database file, the key of each row
// (rowid and, where there is one, uuid), read-only.
func tableKeys(t *testing.T, path string) map[string]map[int64]string {
	t.Helper()
	db, err := sql.Open("sqlite", roDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	tables, _, err := exchangeTables(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[int64]string{}
	for _, tb := range tables {
		uuidCol := "''"
		if contains(tb.cols, "uuid") {
			uuidCol = "uuid"
		}
		rows, err := db.Query("SELECT rowid, " + uuidCol + " FROM " + quoteIdent(tb.name))
		if err != nil {
			t.Fatal(err)
		}
		m := map[int64]string{}
		for rows.Next() {
			var id int64
			var u string
			if err := rows.Scan(&id, &u); err != nil {
				t.Fatal(err)
			}
			m[id] = u
		}
		rows.Close()
		out[tb.name] = m
	}
	return out
}

// A database made by schema version 1 upgrades to this build's schema,
// whatever the later versions add, with every row of every table kept, the
// foreign keys whole and a backup made first.
func TestSchemaV1UpgradesKeepingEveryRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	copyFile(t, schemaV1File, path)
	before := tableKeys(t, path)
	if n := len(before["clients"]); n < 90 {
		t.Fatalf("the v1 database holds %d clients", n)
	}
	if v, _ := fileSchema(path); v != 1 {
		t.Fatalf("%s has schema version %d", schemaV1File, v)
	}

	s, err := Open(path, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	s.DB().Raw("PRAGMA user_version").Scan(&version)
	if version != SchemaVersion() {
		t.Fatalf("schema version %d after the upgrade, want %d", version, SchemaVersion())
	}
	var fk []map[string]any
	s.DB().Raw("PRAGMA foreign_key_check").Scan(&fk)
	if len(fk) != 0 {
		t.Fatalf("foreign key problems after the upgrade: %v", fk)
	}
	if err := integrityCheck(path); err != nil {
		t.Fatal(err)
	}
	after := tableKeys(t, path)
	rows := 0
	for table, keys := range before {
		for id, u := range keys {
			got, ok := after[table][id]
			if !ok {
				t.Errorf("%s row %d is gone after the upgrade", table, id)
			} else if got != u {
				t.Errorf("%s row %d: uuid %q became %q", table, id, u, got)
			}
			rows++
		}
	}
	if n, err := s.CountClients(context.Background()); err != nil || int(n) != len(before["clients"]) {
		t.Errorf("the store counts %d clients (%v), the v1 file had %d", n, err, len(before["clients"]))
	}
	ups, _ := ListBackups(path)
	if len(ups) == 0 || ups[0].Kind != model.BackupUpgrade {
		t.Errorf("no backup before the upgrade: %v", ups)
	}
	t.Logf("schema 1 → %d: %d rows in %d tables kept", SchemaVersion(), rows, len(before))
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
