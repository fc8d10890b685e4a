package store

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"companion/model"
	"companion/model/demo"
)

var uuidRE = regexp.MustCompile(`"uuid":"[^"]*"`)

// openOn opens a new database on the backend asked for, whatever the run's:
// a SQLite file, or a database on the test server.
func openOn(t testing.TB, postgres bool) *Store {
	t.Helper()
	where := filepath.Join(t.TempDir(), "salon.db")
	if postgres {
		where = newServerDatabase(t)
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
