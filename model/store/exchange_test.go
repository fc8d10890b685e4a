package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/demo"
)

func exportAll(t testing.TB, s *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.ExportAll(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func demoStore(t testing.TB, clients int) *Store {
	t.Helper()
	s := openTest(t)
	if err := s.FillDemo(context.Background(), demo.Salon(3, model.DateOf(fixedNow), clients)); err != nil {
		t.Fatal(err)
	}
	return s
}

// Exporting a demo salon, importing it into an empty database and
// exporting again gives the same file byte for byte; search works on the
// imported clients.
func TestExchangeRoundTripIsExact(t *testing.T) {
	src := demoStore(t, 80)
	first := exportAll(t, src)

	dst := openTest(t)
	sum, err := dst.ImportAll(context.Background(), bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Tables["clients"] != 80 {
		t.Errorf("imported %d clients", sum.Tables["clients"])
	}
	second := exportAll(t, dst)
	if !bytes.Equal(first, second) {
		t.Fatalf("the second export differs from the first:\n%s", firstDifference(first, second))
	}

	// The search indexes were rebuilt: a client is found by a piece of
	// the name, as in the list.
	c, err := src.Client(context.Background(), 17)
	if err != nil {
		t.Fatal(err)
	}
	word := []rune(c.LastName)
	rows, err := dst.ListClients(context.Background(), model.ClientQuery{Text: string(word[1:4])})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || r.ID == c.ID
	}
	if !found {
		t.Errorf("search for %q after the import does not find %s", string(word[1:4]), c.FullName())
	}
	var doc struct {
		Format     string
		ExportedAt string `json:"exported_at"`
		Version    int
		Schema     int
		Tables     map[string][]map[string]any
	}
	if err := json.Unmarshal(first, &doc); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if doc.Format != ExchangeFormat || doc.Version != ExchangeVersion || doc.Schema != SchemaVersion() ||
		doc.ExportedAt != "2026-11-27T10:00:00Z" {
		t.Errorf("header: %s %d %d %s", doc.Format, doc.Version, doc.Schema, doc.ExportedAt)
	}
	for _, name := range []string{"client_tri", "client_tri_data", "client_words_idx", "sqlite_sequence"} {
		if _, ok := doc.Tables[name]; ok {
			t.Errorf("the export carries %s", name)
		}
	}
	t.Logf("%d bytes, %d rows in %d tables", len(first), sum.Rows(), len(sum.Tables))
}

func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range la {
		if i >= len(lb) || la[i] != lb[i] {
			other := "(end)"
			if i < len(lb) {
				other = lb[i]
			}
			return fmt.Sprintf("line %d:\n%.300s\n%.300s", i+1, la[i], other)
		}
	}
	return "the second is longer"
}

// Tables the schema gains later are carried too, with every kind of value
// SQLite stores, whatever their keys.
func TestExchangeCarriesAnyTable(t *testing.T) {
	onSQLite(t)
	saved := migrations
	defer func() { migrations = saved }()
	migrations = append(append([][]string{}, saved...), []string{
		`CREATE TABLE extra (a INTEGER, b TEXT, c REAL, d BLOB, e, f DATETIME, PRIMARY KEY (b, a)) WITHOUT ROWID`,
		`CREATE TABLE "odd ""name""" (x TEXT)`,
		`CREATE TABLE seeded (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`,
		`INSERT INTO seeded (name) VALUES ('made by a migration')`,
	})
	src := openTest(t)
	for _, q := range []string{
		`INSERT INTO extra VALUES (2, 'b', 1.0, x'00ff10', NULL, '2026-11-27 10:00:00+00:00')`,
		`INSERT INTO extra VALUES (1, 'b', -2.5e-300, x'', 12, 'not a date')`,
		`INSERT INTO extra VALUES (1, 'a', 3.14159265358979, NULL, 'текст "в кавычках"' || char(10) || '<&>', '2026-11-27')`,
		`INSERT INTO extra VALUES (9223372036854775807, cast(x'ff41' as text), 1e300, NULL, -9223372036854775808, NULL)`,
		`INSERT INTO "odd ""name""" VALUES ('one'), ('two'), (NULL)`,
		`INSERT INTO seeded (name) VALUES ('made by the salon')`,
	} {
		if err := src.DB().Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	first := exportAll(t, src)
	for _, want := range []string{`"c":1.0`, `{"base64":"AP8Q"}`, `{"text_base64":"/0E="}`, `"odd \"name\""`,
		`"e":"текст \"в кавычках\"\n<&>"`, `"f":"2026-11-27 10:00:00+00:00"`} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("the export lacks %s", want)
		}
	}
	dst := openTest(t)
	if _, err := dst.ImportAll(context.Background(), bytes.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	if second := exportAll(t, dst); !bytes.Equal(first, second) {
		t.Fatalf("the second export differs:\n%s", firstDifference(first, second))
	}
	var n int64
	dst.DB().Raw("SELECT count(*) FROM seeded").Scan(&n)
	if n != 2 {
		t.Errorf("seeded holds %d rows, want the file's 2", n)
	}
}

func TestImportOnlyIntoAnEmptyDatabase(t *testing.T) {
	data := exportAll(t, demoStore(t, 5))
	dst := openTest(t)
	mustCreate(t, dst, model.Client{FirstName: "Анна"})
	_, err := dst.ImportAll(context.Background(), bytes.NewReader(data))
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Key != "exchange.err.not_empty" || fe.Args["Table"] != "clients" {
		t.Fatalf("import into a database with a client: %v", err)
	}
	if n, _ := dst.CountClients(context.Background()); n != 1 {
		t.Errorf("%d clients after a refused import", n)
	}
	if _, err := dst.As(model.RoleManager).ImportAll(context.Background(), bytes.NewReader(data)); err == nil {
		t.Error("a manager imported a whole salon")
	}
}

// Every rejection is a *model.FieldError that names the problem, and the
// database stays empty.
func TestImportRejectsClearly(t *testing.T) {
	s := openTest(t)
	good := string(exportAll(t, demoStore(t, 3)))
	head := fmt.Sprintf(`{"format":"companion-exchange","version":1,"schema":%d,`, SchemaVersion())
	client := `{"id":5,"uuid":"u5","created_at":"2026-11-27 10:00:00+00:00","updated_at":"2026-11-27 10:00:00+00:00"`
	tests := []struct{ name, file, key string }{
		{"empty", ``, "truncated"},
		{"not JSON", `Фамилия;Имя`, "json"},
		{"an array", `[1,2]`, "shape"},
		{"another format", `{"format":"csv","version":1}`, "format"},
		{"a newer version", `{"format":"companion-exchange","version":2}`, "version"},
		{"version as text", `{"format":"companion-exchange","version":"1"}`, "type"},
		{"another schema", `{"format":"companion-exchange","version":1,"schema":999,"tables":{}}`, "schema"},
		{"tables before the header", `{"tables":{},"format":"companion-exchange"}`, "header_first"},
		{"no tables", head[:len(head)-1] + `}`, "no_tables"},
		{"an unknown key", head + `"salon":"x","tables":{}}`, "key"},
		{"a key twice", head + `"version":1,"tables":{}}`, "duplicate"},
		{"an unknown table", head + `"tables":{"payroll_2019":[]}}`, "table"},
		{"a table twice", head + `"tables":{"blocks":[],"blocks":[]}}`, "duplicate"},
		{"rows not in an array", head + `"tables":{"blocks":{}}}`, "shape"},
		{"a row that is not an object", head + `"tables":{"blocks":[1]}}`, "row"},
		{"a null row", head + `"tables":{"blocks":[null]}}`, "row"},
		{"an unknown column", head + `"tables":{"blocks":[{"id":1,"colour":"red"}]}}`, "column"},
		{"a value of no kind", head + `"tables":{"blocks":[{"id":1,"name":true}]}}`, "value"},
		{"an array value", head + `"tables":{"blocks":[{"id":1,"name":[1]}]}}`, "value"},
		{"bad base64", head + `"tables":{"blocks":[{"id":1,"name":{"base64":"%%%"}}]}}`, "value"},
		{"a huge number", head + `"tables":{"blocks":[{"id":1e999,"name":"x"}]}}`, "value"},
		{"an integer too big", head + `"tables":{"blocks":[{"id":99999999999999999999,"name":"x"}]}}`, "value"},
		{"a missing required value", head + `"tables":{"blocks":[{"id":1}]}}`, "insert"},
		{"a duplicate key", head + `"tables":{"blocks":[{"id":1,"name":"a"},{"id":1,"name":"b"}]}}`, "insert"},
		{"a reference to nowhere", head + `"tables":{"clients":[` + client + `,"referrer_id":77}]}}`, "foreign_key"},
		{"cut short", good[:len(good)/2], "truncated"},
		{"something after the end", good + `{}`, "trailing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ImportAll(context.Background(), strings.NewReader(tt.file))
			var fe *model.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want a *model.FieldError", err, err)
			}
			if fe.Key != "exchange.err."+tt.key {
				t.Errorf("error %s %v, want exchange.err.%s", fe.Key, fe.Args, tt.key)
			}
			if empty, _ := s.IsEmpty(context.Background()); !empty {
				t.Fatal("a rejected import left data behind")
			}
		})
	}
	// After all the rejections the good file still goes in whole.
	if _, err := s.ImportAll(context.Background(), strings.NewReader(good)); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountClients(context.Background()); n != 3 {
		t.Errorf("%d clients", n)
	}
}

// FuzzImportExchange: no input makes the importer panic, every rejection
// is a *model.FieldError (a message a person can read), a rejected import
// leaves the database as it was, and an accepted one leaves it whole.
func FuzzImportExchange(f *testing.F) {
	small := exportAll(f, demoStore(f, 2))
	f.Add(small)
	f.Add([]byte(`{"format":"companion-exchange","version":1,"schema":1,"tables":{}}`))
	dir := f.TempDir()
	n := 0
	var s *Store
	reopen := func(tb testing.TB) {
		if s != nil {
			s.Close()
		}
		n++
		var err error
		s, err = Open(filepath.Join(dir, fmt.Sprintf("fuzz-%d.db", n)), WithClock(func() time.Time { return fixedNow }))
		if err != nil {
			tb.Fatal(err)
		}
	}
	reopen(f)
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := s.ImportAll(context.Background(), bytes.NewReader(data))
		if err != nil {
			var fe *model.FieldError
			if !errors.As(err, &fe) || !strings.HasPrefix(fe.Key, "exchange.err.") {
				t.Fatalf("unclear rejection: %v (%T)", err, err)
			}
			if empty, err := s.IsEmpty(context.Background()); err != nil || !empty {
				t.Fatalf("a rejected import left data behind (%v)", err)
			}
			return
		}
		var fk []map[string]any
		s.DB().Raw("PRAGMA foreign_key_check").Scan(&fk)
		if len(fk) > 0 {
			t.Fatalf("an accepted import broke foreign keys: %v", fk)
		}
		if err := s.DB().Exec("PRAGMA quick_check").Error; err != nil {
			t.Fatal(err)
		}
		reopen(t) // the next input needs an empty database
	})
}
