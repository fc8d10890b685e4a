package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
	"companion/ui/cli"
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

// A file damaged while Companion was closed opens, but once its check
// finds the damage the window gives way to the recovery window; the file
// is not written to.
func TestDamageFoundWhileTheWindowWorksGivesWayToTheRecoveryWindow(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 60; i++ {
		c := model.Client{LastName: fmt.Sprintf("Клиентова%d", i), FirstName: "Анна", Notes: strings.Repeat("заметка ", 60)}
		if err := s.CreateClient(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.BackupByHand(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	for i := len(data) - 3*4096; i < len(data); i += 3 {
		data[i] ^= 0x5a
	}
	os.WriteFile(path, data, 0o600)

	s, err = cli.OpenDB(windowFiles, path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	w := a.NewWindow("main")
	w.SetContent(widget.NewLabel("работа"))
	w.Show()
	s.StartCheck()
	watchCheck(a, s)
	if wins := a.Driver().AllWindows(); len(wins) != 1 || wins[0] == w || wins[0].Title() != i18n.T("recovery.title") {
		t.Fatalf("%d windows after the damage was found", len(wins))
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the damaged file was written to")
	}
}
