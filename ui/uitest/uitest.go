// Package uitest drives the real window in tests as a person would: it
// opens a real database file, finds widgets by the words they show, taps
// and types through Fyne's test driver, and waits for the work the window
// runs in the background. Only tests import it.
package uitest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"companion/model/store"
	"companion/model/store/storetest"
	"companion/ui"
	"companion/ui/kit"
)

// Now is the salon's clock in the UI tests: a Friday in November 2026.
var Now = time.Date(2026, time.November, 27, 10, 0, 0, 0, time.Local)

// Main runs a package's tests in Russian with Fyne's preferences in a
// folder of their own. Call it from TestMain.
func Main(m *testing.M) {
	dir, _ := os.MkdirTemp("", "companion-ui-test")
	os.Setenv("XDG_CONFIG_HOME", dir)
	ui.SetLanguage("ru")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// OpenStore opens a new database — a file in the test's folder, or a
// database on the test server (storetest) — with the tests' clock, and
// closes it after the test.
func OpenStore(t testing.TB) (*store.Store, string) {
	t.Helper()
	path := storetest.Database(t)
	s, err := store.Open(path, store.WithClock(func() time.Time { return Now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// OpenFileStore is OpenStore on an SQLite file whatever the test server:
// for tests of the file itself (its backups, its audit triggers).
func OpenFileStore(t testing.TB) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := store.Open(path, store.WithClock(func() time.Time { return Now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// NewWindow is a window of the test app (NewApp: one UI goroutine), big
// enough for a tab, closed after the test.
func NewWindow(t testing.TB, title string) fyne.Window {
	t.Helper()
	a := NewApp(t)
	w := a.NewWindow(title)
	w.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(w.Close)
	return w
}

// Settle waits for the work the window started in the background.
func Settle() { kit.Settle() }
