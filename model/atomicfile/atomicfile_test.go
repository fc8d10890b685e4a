package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesTheFileWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new contents"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new contents" {
		t.Errorf("the file holds %q", got)
	}
	assertNoTempFiles(t, filepath.Dir(path))
}

func TestAFailedWriteLeavesTheOldFileAsItWas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, []byte("the old report"), 0o600); err != nil {
		t.Fatal(err)
	}
	disk := errors.New("disk full")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half a rep")
		return disk
	})
	if !errors.Is(err, disk) {
		t.Fatalf("err = %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "the old report" {
		t.Errorf("the old file now holds %q", got)
	}
	assertNoTempFiles(t, filepath.Dir(path))
}

func TestAFailedWriteOfANewFileLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.json")
	if err := Write(path, func(io.Writer) error { return errors.New("cancelled") }); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a file was left at %s: %v", path, err)
	}
	assertNoTempFiles(t, dir)
}

func TestWriteIntoAMissingFolderFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "folder", "f.txt")
	if err := Write(path, func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".tmp" {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}
}
