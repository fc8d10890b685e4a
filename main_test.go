package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"companion/model"
	"companion/model/store"
)

// copyOpen opens a copy of the database file at path, so that reading it
// changes nothing in the original.
func copyOpen(t *testing.T, path string) *store.Store {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	os.WriteFile(cp, data, 0o600)
	s, err := store.Open(cp)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestADemoStartBacksUpTheDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := startSession(s, true)
	if err != nil {
		t.Fatal(err)
	}
	b.start() // once the window is there
	if err := b.wait(); err != nil {
		t.Fatal(err)
	}
	list, _ := store.ListBackups(path)
	if len(list) != 1 {
		t.Fatalf("%d backups after the start", len(list))
	}
	if n, _ := copyOpen(t, list[0].Path).CountClients(context.Background()); n == 0 {
		t.Error("the start's backup of a demo start holds no clients")
	}
}

func TestABackupNotStartedBeforeTheExitIsNotWaitedFor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := startSession(s, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.wait(); err != nil {
		t.Fatal(err)
	}
	b.start()
	if list, _ := store.ListBackups(path); len(list) != 0 {
		t.Fatalf("%d backups: the window closed before its first frame makes only the exit's", len(list))
	}
}

func TestAFailedExitBackupIsNotedForTheNextStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(store.BackupDir(path), []byte("x"), 0o600)
	closeWindowDB(s, func() error { return nil }, io.Discard)
	f, err := store.LastBackupFailure(path)
	if err != nil || f == nil || f.Moment != model.BackupAtExit {
		t.Fatalf("the next start finds %+v, %v", f, err)
	}
}
