package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"companion/model"
)

func TestUpgradeBacksUpAndKeepsEveryRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	clock := WithClock(func() time.Time { return fixedNow })
	s, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Анна", "Мария", "Ольга"} {
		mustCreate(t, s, model.Client{FirstName: n})
	}
	s.Close()

	saved := migrations
	defer func() { migrations = saved }()
	migrations = append(append([][]string{}, saved...), []string{`ALTER TABLE clients ADD COLUMN nickname TEXT NOT NULL DEFAULT ''`})

	s, err = Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	s.DB().Raw("PRAGMA user_version").Scan(&version)
	if version != len(saved)+1 {
		t.Fatalf("schema version %d", version)
	}
	if n, _ := s.CountClients(context.Background()); n != 3 {
		t.Fatalf("%d clients after upgrade", n)
	}
	var problems []string
	s.DB().Raw("PRAGMA foreign_key_check").Scan(&problems)
	if len(problems) != 0 {
		t.Fatalf("foreign key problems: %v", problems)
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", fmt.Sprintf("salon-v%d-*.db", len(saved))))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	old, err := Open(backups[0], clock)
	if err == nil {
		defer old.Close()
	}
	if n, _ := old.CountClients(context.Background()); err != nil || n != 3 {
		t.Fatalf("backup holds %d clients (%v)", n, err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec("PRAGMA user_version = 99")
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path); err == nil {
		t.Fatal("a database from a newer version was opened")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the newer database was changed")
	}
}
