package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
)

func init() { store.ScryptWorkFactor = 10 } // a passphrase costs a millisecond in tests

// runOK runs a command line and fails the test on an error.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(args, &out); err != nil {
		t.Fatalf("companion %s: %v (%s)", strings.Join(args, " "), i18n.ErrorText(err), out.String())
	}
	return out.String()
}

func TestBackupListRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "salon.db")
	runOK(t, "demo", "--db", db, "--clients", "20")

	out := runOK(t, "backup", "--db", db)
	list, _ := store.ListBackups(db)
	if len(list) != 1 || !strings.Contains(out, list[0].Path) {
		t.Fatalf("backup printed %q; backups %v", out, list)
	}
	if out := runOK(t, "backup", "--db", db, "--list"); !strings.Contains(out, filepath.Base(list[0].Path)) ||
		!strings.Contains(out, i18n.T("backup.kind.manual")) {
		t.Errorf("--list printed %q; want the file and that it was made by hand", out)
	}

	withStore(t, db, func(s *store.Store) {
		if err := s.CreateClient(context.Background(), &model.Client{FirstName: "Новая"}); err != nil {
			t.Fatal(err)
		}
	})
	// A name from --list is enough.
	out = runOK(t, "restore", "--db", db, filepath.Base(list[0].Path))
	if n := clientCount(t, db); n != 20 {
		t.Errorf("%d clients after the restore, want 20", n)
	}
	if !strings.Contains(out, list[0].Path) || !strings.Contains(out, "before-restore") {
		t.Errorf("restore printed %q", out)
	}

	// The lock: no restore under an open window.
	lock, err := store.Acquire(db)
	if err != nil {
		t.Fatal(err)
	}
	err = run([]string{"restore", "--db", db, list[0].Path}, &bytes.Buffer{})
	lock.Release()
	var locked *model.ErrLocked
	if !errors.As(err, &locked) {
		t.Errorf("restore under a lock: %v", err)
	}
	// No database, no new empty one made by a typo.
	if err := run([]string{"backup", "--db", filepath.Join(dir, "typo.db")}, &bytes.Buffer{}); err == nil {
		t.Error("a backup of a missing database")
	}
	if _, err := os.Stat(filepath.Join(dir, "typo.db")); err == nil {
		t.Error("backup made a database")
	}
}

func TestEncryptedBackupCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "salon.db")
	runOK(t, "demo", "--db", db, "--clients", "5")
	pass := tempFile(t, "pass.txt", []byte("весна 2026\n"))
	enc := filepath.Join(dir, "stick.db.age")
	if err := run([]string{"backup", "--db", db, "--passphrase-file", pass}, &bytes.Buffer{}); err == nil {
		t.Error("an encrypted backup without --out")
	}
	runOK(t, "backup", "--db", db, "--out", enc, "--passphrase-file", pass)
	if ok, _ := store.IsEncrypted(enc); !ok {
		t.Fatal("not encrypted")
	}
	err := run([]string{"restore", "--db", db, enc}, &bytes.Buffer{})
	if !strings.Contains(i18n.ErrorText(err), "--passphrase-file") {
		t.Errorf("restore of an encrypted file without a passphrase: %v", i18n.ErrorText(err))
	}
	wrong := tempFile(t, "wrong.txt", []byte("осень"))
	if err := run([]string{"restore", "--db", db, "--passphrase-file", wrong, enc}, &bytes.Buffer{}); err == nil {
		t.Error("a wrong passphrase restored")
	}
	runOK(t, "restore", "--db", db, "--passphrase-file", pass, enc)
	if n := clientCount(t, db); n != 5 {
		t.Errorf("%d clients", n)
	}
}

func TestExportAllImportAllCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "salon.db")
	runOK(t, "demo", "--db", db, "--clients", "25")
	file := filepath.Join(dir, "salon.json")
	out := runOK(t, "export", "--all", "--db", db, "--out", file)
	if !strings.Contains(out, file) {
		t.Errorf("export printed %q", out)
	}
	fresh := filepath.Join(dir, "fresh.db")
	runOK(t, "import", "--db", fresh, file)
	if n := clientCount(t, fresh); n != 25 {
		t.Errorf("%d clients imported", n)
	}
	err := run([]string{"import", "--db", fresh, file}, &bytes.Buffer{})
	if !strings.Contains(i18n.ErrorText(err), "НОВАЯ.db") && !strings.Contains(i18n.ErrorText(err), "NEW.db") {
		t.Errorf("a second import: %s", i18n.ErrorText(err))
	}
	// A CSV file named where a full export goes is pointed to the right command.
	csv := tempFile(t, "clients.csv", []byte("Фамилия;Имя\nИванова;Анна\n"))
	if err := run([]string{"import", "--db", fresh, csv}, &bytes.Buffer{}); !strings.Contains(i18n.ErrorText(err), "import clients") {
		t.Errorf("import of a CSV file: %s", i18n.ErrorText(err))
	}
	// The client list commands still work as before.
	if out := runOK(t, "export", "clients", "--db", fresh, "--format", "json"); !strings.Contains(out, "uuid") {
		t.Errorf("export clients printed %.200q", out)
	}
}

func TestDamagedDatabaseTellsTheCommandToRun(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "salon.db")
	runOK(t, "demo", "--db", db, "--clients", "200")
	runOK(t, "backup", "--db", db)
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	junk := bytes.Repeat([]byte{0x5a}, 4096)
	for off := int64(4096); off < st.Size()-4096; off += 2 * 4096 {
		f.WriteAt(junk, off)
	}
	f.Close()
	before, _ := os.ReadFile(db)

	err = run([]string{"export", "clients", "--db", db}, &bytes.Buffer{})
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) {
		t.Fatalf("export of a damaged database: %v", err)
	}
	text := i18n.ErrorText(err)
	list, _ := store.ListBackups(db)
	if !strings.Contains(text, "companion restore --db") || len(list) == 0 || !strings.Contains(text, list[0].Path) {
		t.Errorf("the message does not say what to run: %s", text)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the damaged file was written to")
	}
}

// Damage in the clients' rows, made while Companion was closed, lets the
// file open; the import's write is refused, with the command to run, and
// nothing reaches the file.
func TestAnImportIntoADamagedDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "salon.db")
	runOK(t, "demo", "--db", db, "--clients", "200")
	runOK(t, "backup", "--db", db)
	data, _ := os.ReadFile(db)
	for i := len(data) - 3*4096; i < len(data); i += 3 {
		data[i] ^= 0x5a
	}
	os.WriteFile(db, data, 0o600)
	csv := tempFile(t, "clients.csv", []byte("Фамилия;Имя\nИванова;Анна\n"))
	err := run([]string{"import", "clients", "--db", db, csv}, &bytes.Buffer{})
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) || !strings.Contains(i18n.ErrorText(err), "companion restore --db") {
		t.Fatalf("an import into a damaged database: %v", err)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(data, after) {
		t.Error("the damaged file was written to")
	}
}
