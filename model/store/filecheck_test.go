package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"companion/model"
)

// closedSalon is a salon file of n clients whose session ended well.
func closedSalon(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		mustCreate(t, s, model.Client{LastName: fmt.Sprintf("Клиентова%d", i), FirstName: "Анна",
			Notes: strings.Repeat("заметка ", 60)})
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"-wal", ".open"} {
		if _, err := os.Stat(path + side); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("a session that ended well left %s behind: %v", path+side, err)
		}
	}
	return path
}

// damageEnd garbles the last pages of the file, where the clients' rows
// are, and leaves the schema at its start readable; it returns the
// damaged bytes.
func damageEnd(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(data) - 3*4096; i < len(data); i += 3 {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return data
}

// A file damaged while the program was closed opens at once, but its check
// finds the damage: every write is refused, nothing reaches the file, and
// the next start refuses it before opening it.
func TestAFileDamagedWhileClosedIsRefusedAndLeftUntouched(t *testing.T) {
	onSQLite(t)
	for _, opts := range [][]Option{nil, {WithDeferredCheck()}} {
		path := closedSalon(t, 120)
		damaged := damageEnd(t, path)
		s, err := Open(path, opts...)
		if err != nil {
			t.Fatalf("open: %v; the file's rows are damaged, its schema is not", err)
		}
		ctx := context.Background()
		err = s.CreateClient(ctx, &model.Client{FirstName: "Вера"})
		var corrupt *model.ErrCorrupt
		if !errors.As(err, &corrupt) {
			t.Errorf("a write to the damaged file: %v", err)
		}
		if err := s.Checked(ctx); !errors.As(err, &corrupt) || !s.Damaged() {
			t.Errorf("the check found %v", err)
		}
		if _, err := s.Backup(ctx, filepath.Join(t.TempDir(), "copy.db")); !errors.As(err, &corrupt) {
			t.Errorf("a backup of the damaged file: %v", err)
		}
		if _, err := s.ExportAll(ctx, io.Discard); !errors.As(err, &corrupt) {
			t.Errorf("a full export of the damaged file: %v", err)
		}
		s.Close()
		if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
			t.Fatal("the damaged file was written to")
		}
		if _, err := Open(path, opts...); !errors.As(err, &corrupt) {
			t.Fatalf("the next start opened the damaged file: %v", err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
			t.Fatal("the next start wrote to the damaged file")
		}
	}
}

// After a session that did not end well the whole file is read before it
// opens: a damaged one is refused before any connection may write to it.
func TestAnUncleanEndIsCheckedBeforeTheFileOpens(t *testing.T) {
	onSQLite(t)
	path := closedSalon(t, 40)
	if err := markSession(path); err != nil { // as a crash leaves it
		t.Fatal(err)
	}
	damaged := damageEnd(t, path)
	_, err := Open(path, WithDeferredCheck())
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) {
		t.Fatalf("open after a crash: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
		t.Fatal("the damaged file was written to")
	}
}

// A good file's check passes while the store works; writes wait for it and
// then go through; the session's mark is there while the file is open and
// gone when it closes well.
func TestAGoodFileIsCheckedWhileTheStoreWorks(t *testing.T) {
	onSQLite(t)
	path := closedSalon(t, 10)
	for _, opts := range [][]Option{nil, {WithDeferredCheck()}} {
		s, err := Open(path, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(sessionMarker(path)); err != nil {
			t.Errorf("no mark while the file is open: %v", err)
		}
		if err := s.CreateClient(context.Background(), &model.Client{FirstName: "Вера"}); err != nil {
			t.Fatal(err)
		}
		if err := s.Checked(context.Background()); err != nil || s.Damaged() {
			t.Errorf("the check of a good file: %v", err)
		}
		s.Close()
		if _, err := os.Stat(sessionMarker(path)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the mark outlived a session that ended well: %v", err)
		}
	}
}

// A store closed before its deferred check started (a window closed at
// once) wrote nothing, and its file needs no check before the next start.
func TestAStoreClosedBeforeItsCheckLeavesNoMark(t *testing.T) {
	onSQLite(t)
	path := closedSalon(t, 5)
	s, err := Open(path, WithDeferredCheck())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CountClients(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if uncleanEnd(path) {
		t.Error("a session that only read and closed well looks unclean")
	}
}
