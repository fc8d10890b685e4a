package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"companion/model"
)

func fileHash(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

// damage overwrites pages in the middle of a closed database file, as a
// failing disk or a copy cut short would, leaving the header whole.
func damage(t testing.TB, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*7 + 3)
	}
	for off := int64(4096); off < st.Size()-4096; off += 3 * 4096 {
		if _, err := f.WriteAt(junk, off); err != nil {
			t.Fatal(err)
		}
	}
}

// salonWithBackup makes a database of n clients with one backup, then adds
// more clients after the backup.
func salonWithBackup(t testing.TB, path string, n, more int) (backup string) {
	t.Helper()
	now := fixedNow
	s, err := Open(path, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		mustCreate(t, s, model.Client{FirstName: fmt.Sprintf("Клиент %d", i), Notes: fmt.Sprintf("заметка %0200d", i)})
	}
	if backup, err = s.Backup(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < more; i++ {
		mustCreate(t, s, model.Client{FirstName: fmt.Sprintf("Новый %d", i)})
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return backup
}

// A damaged database is refused on open and never written to; recovery
// offers the newest good backup, moves the damaged file aside (kept byte
// for byte) and restores.
func TestDamagedDatabaseGetsTheRecoveryPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "salon.db")
	backup := salonWithBackup(t, path, 200, 5)
	damage(t, path)
	hash := fileHash(t, path)

	_, err := Open(path)
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) {
		t.Fatalf("open of a damaged file: %v, want ErrCorrupt", err)
	}
	if fileHash(t, path) != hash {
		t.Fatal("open wrote to the damaged file")
	}

	// A newer backup that is itself damaged is passed over.
	bad := filepath.Join(BackupDir(path), "salon-20991231-235959.db")
	copyFile(t, path, bad)

	plan, err := Recover(path)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Backup == nil || plan.Backup.Path != backup || plan.Problem == "" {
		t.Fatalf("plan %+v, want the backup %s", plan, backup)
	}
	if fileHash(t, path) != hash {
		t.Fatal("planning the recovery wrote to the damaged file")
	}

	res, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if res.Damaged == "" || res.Saved != "" {
		t.Fatalf("result %+v", res)
	}
	if fileHash(t, res.Damaged) != hash {
		t.Error("the damaged file was not kept as it was")
	}
	if n := countClientsIn(t, path); n != 200 {
		t.Errorf("%d clients after the recovery, want the backup's 200", n)
	}
}

func TestDamagedDatabaseWithoutBackups(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "salon.db")
	salonWithBackup(t, path, 100, 0)
	os.RemoveAll(BackupDir(path))
	damage(t, path)
	hash := fileHash(t, path)

	plan, err := Recover(path)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Backup != nil {
		t.Fatalf("a backup was offered: %+v", plan.Backup)
	}
	res, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if fileHash(t, res.Damaged) != hash {
		t.Error("the damaged file was not kept")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("the damaged file is still where the database goes")
	}
	if n := countClientsIn(t, path); n != 0 {
		t.Errorf("a new database holds %d clients", n)
	}
}

func TestNotADatabaseAtAll(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	os.WriteFile(path, []byte("Это не база данных, а письмо от бухгалтера.\n"), 0o600)
	hash := fileHash(t, path)
	_, err := Open(path)
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) {
		t.Fatalf("open: %v, want ErrCorrupt", err)
	}
	if _, err := Recover(path); err != nil {
		t.Fatal(err)
	}
	if fileHash(t, path) != hash {
		t.Error("the file was changed")
	}
}

func TestRecoverRefusesAGoodDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	salonWithBackup(t, path, 1, 0)
	var fe *model.FieldError
	if _, err := Recover(path); !errors.As(err, &fe) || fe.Key != "recovery.err.not_damaged" {
		t.Errorf("recover of a good database: %v", err)
	}
}
