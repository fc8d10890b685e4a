package cli

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"companion/model"
	"companion/model/store"
)

func TestCmdDemoFillsAnEmptyDatabaseOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	var out bytes.Buffer
	if err := cmdDemo([]string{"--db", path, "--clients", "80"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "clients: 80") || !strings.Contains(out.String(), "staff: 12") {
		t.Errorf("printed %q", out.String())
	}
	err := cmdDemo([]string{"--db", path}, &out)
	if !errors.Is(err, model.ErrNotEmpty) {
		t.Fatalf("second demo: %v", err)
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if mode, _ := s.AccessMode(ctx); mode != "single" {
		t.Errorf("a demo salon opens with access mode %q, want single-user", mode)
	}
	all, err := s.ListClients(ctx, model.ClientQuery{})
	if err != nil || len(all) != 80 {
		t.Fatalf("%d clients, %v", len(all), err)
	}
	surname := all[len(all)/2].LastName
	found, err := s.ListClients(ctx, model.ClientQuery{Text: strings.ToLower(surname)})
	if err != nil || len(found) == 0 {
		t.Fatalf("search %q: %d rows, %v", surname, len(found), err)
	}
	for _, r := range found {
		if !strings.Contains(model.Fold(r.FullName()), model.Fold(surname)) {
			t.Errorf("search %q found %s", surname, r.FullName())
		}
	}
}

func TestFillDemoOnlyFillsAnEmptyDatabase(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "salon.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := FillDemo(s); err != nil {
		t.Fatal(err)
	}
	n, _ := s.CountClients(ctx)
	if n == 0 {
		t.Fatal("nothing added")
	}
	if err := FillDemo(s); err != nil {
		t.Fatalf("second fill: %v", err)
	}
	if again, _ := s.CountClients(ctx); again != n {
		t.Errorf("%d clients after the second fill, want %d", again, n)
	}
}
