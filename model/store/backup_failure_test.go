package store

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"companion/model"
)

func TestAFailedAutoBackupIsNotedUntilABackupSucceeds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	now := day("2026-11-27 10:00")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна")
	dir := BackupDir(path)
	if err := os.WriteFile(dir, []byte("a file where the folder goes"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.AutoBackup(context.Background()); err == nil {
		t.Fatal("a backup into a file instead of a folder succeeded")
	}
	f, err := s.BackupFailure()
	if err != nil || f == nil {
		t.Fatalf("no failure noted: %v %v", f, err)
	}
	if f.Moment != model.BackupAtStart || f.Key != keyBackupNoFolder || f.Args["Dir"] != dir || !f.Time.Equal(now) {
		t.Errorf("the note reads %+v", f)
	}
	os.Remove(dir)
	if err := s.AutoBackup(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.BackupFailure(); f != nil {
		t.Errorf("the note stays after a good backup: %+v", f)
	}
}

func TestAFailedExitBackupIsNoted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	now := day("2026-11-27 19:00")
	s := clockStore(t, path, &now)
	os.WriteFile(BackupDir(path), nil, 0o600)
	if err := s.BackupAtExit(context.Background()); err == nil {
		t.Fatal("no error")
	}
	if f, _ := LastBackupFailure(path); f == nil || f.Moment != model.BackupAtExit {
		t.Errorf("the note reads %+v", f)
	}
}

func TestBackupFailureNamesTheReason(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "open", Path: "/b", Err: errNoSpace}, keyBackupDiskFull},
		{errText("backup to /b: database or disk is full (13)"), keyBackupDiskFull},
		{&os.PathError{Op: "open", Path: "/b", Err: os.ErrPermission}, keyBackupPermission},
		{&model.ErrCorrupt{Path: "/b"}, keyBackupCheck},
		{errText("something else"), keyBackupOther},
	} {
		if got := backupFailureOf(c.err).Key; got != c.want {
			t.Errorf("%v: %s, want %s", c.err, got, c.want)
		}
	}
}

func TestABackupOfAnEmptyDatabaseKeepsTheLastOneWithClients(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	now := day("2026-11-27 10:00")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна", "Мария")
	full, err := s.Backup(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
	now = now.Add(time.Hour) // the same day: rotation keeps one of it
	empty := clockStore(t, path, &now)
	if _, err := empty.Backup(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(full); err != nil {
		t.Fatalf("the backup with the clients was rotated away for an empty one: %v", err)
	}
	if n := countClientsIn(t, full); n != 2 {
		t.Errorf("the kept backup holds %d clients", n)
	}
	addClients(t, empty, "Нина")
	now = now.Add(time.Hour)
	if _, err := empty.Backup(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	list, _ := ListBackups(path)
	if len(list) != 1 {
		t.Errorf("a backup with data rotates as before; %d left", len(list))
	}
}

type errText string

func (e errText) Error() string { return string(e) }

var errNoSpace = syscall.ENOSPC
