package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/demo"
	"companion/model/store/storetest"
)

var uuidRE = regexp.MustCompile(`"uuid":"[^"]*"`)

// openOn opens a new database on the backend asked for, whatever the run's:
// a SQLite file, or a database on the test server.
func openOn(t testing.TB, postgres bool) *Store {
	t.Helper()
	where := filepath.Join(t.TempDir(), "salon.db")
	if postgres {
		where = storetest.ServerDatabase(t)
	}
	s, err := Open(where, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The demo salon exported from SQLite, imported into PostgreSQL and
// exported again gives the same file byte for byte, and the other way
// round; the same salon made on each gives the same file but for its uuids.
func TestExchangeCrossesBackends(t *testing.T) {
	if testServer == "" {
		t.Skip("needs both backends: set COMPANION_TEST_POSTGRES")
	}
	ctx := context.Background()
	files := map[bool][]byte{}
	for _, fromServer := range []bool{false, true} {
		src := openOn(t, fromServer)
		if err := src.FillDemo(ctx, demo.Salon(3, model.DateOf(fixedNow), 60)); err != nil {
			t.Fatal(err)
		}
		first := exportAll(t, src)
		files[fromServer] = first
		dst := openOn(t, !fromServer)
		if _, err := dst.ImportAll(ctx, bytes.NewReader(first)); err != nil {
			t.Fatalf("%s → %s: %v", src.d.name(), dst.d.name(), err)
		}
		if second := exportAll(t, dst); !bytes.Equal(first, second) {
			t.Errorf("%s → %s: the second export differs:\n%s", src.d.name(), dst.d.name(), firstDifference(first, second))
		}
		// The copy takes new rows after the ids it was given.
		c := model.Client{FirstName: "Новая"}
		if err := dst.CreateClient(ctx, &c); err != nil {
			t.Fatalf("%s: a new client after the import: %v", dst.d.name(), err)
		}
	}
	// Made on each, the salon differs only in its random uuids.
	lite, server := uuidRE.ReplaceAll(files[false], nil), uuidRE.ReplaceAll(files[true], nil)
	if !bytes.Equal(lite, server) {
		t.Errorf("the same salon exports differently from SQLite and PostgreSQL:\n%s", firstDifference(lite, server))
	}
}

// On PostgreSQL a value the column's type cannot take is refused as the
// file's problem, with the column named, and nothing is written.
func TestImportIntoPostgreSQLTypesTheValues(t *testing.T) {
	if testServer == "" {
		t.Skip("about PostgreSQL's column types: set COMPANION_TEST_POSTGRES")
	}
	s := openOn(t, true)
	head := fmt.Sprintf(`{"format":"companion-exchange","version":1,"schema":%d,"tables":`, SchemaVersion())
	for file, column := range map[string]string{
		`{"blocks":[{"id":1,"name":"a","archived":2}]}}`:                   "archived",
		`{"access_mode":[{"id":1,"mode":"single","updated_at":"вчера"}]}}`: "updated_at",
	} {
		_, err := s.ImportAll(context.Background(), strings.NewReader(head+file))
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Key != "exchange.err.value" || fe.Args["Column"] != column {
			t.Errorf("%s: %v", file, err)
		}
		if empty, _ := s.IsEmpty(context.Background()); !empty {
			t.Fatal("a rejected import left data behind")
		}
	}
	ok := head + `{"blocks":[{"id":4,"name":"a","archived":1}],"access_mode":[{"id":1,"mode":"single","updated_at":"2026-11-27 10:00:00"}]}}`
	if _, err := s.ImportAll(context.Background(), strings.NewReader(ok)); err != nil {
		t.Fatal(err)
	}
	var archived bool
	var at time.Time
	s.DB().Raw("SELECT archived FROM blocks WHERE id = 4").Scan(&archived)
	s.DB().Raw("SELECT updated_at FROM access_mode").Scan(&at)
	if !archived || !at.Equal(fixedNow) {
		t.Errorf("archived %v, updated_at %v", archived, at)
	}
}
