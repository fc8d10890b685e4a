package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"companion/model/store"
	"companion/ui/kit"
)

func TestMain(m *testing.M) {
	dir, _ := os.MkdirTemp("", "companion-ui-test")
	os.Setenv("XDG_CONFIG_HOME", dir)
	kit.Background = func(work func()) { work() }
	SetLanguage("ru")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testNow is the salon's clock in the UI tests.
var testNow = time.Date(2026, time.November, 27, 10, 0, 0, 0, time.Local)

// newTestWindow opens the real window over a real database file.
func newTestWindow(t *testing.T) (*MainWindow, *store.Store) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "salon.db"), store.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := test.NewTempApp(t)
	m := NewMainWindow(a, s, Options{Version: "test"})
	m.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(m.Close)
	return m, s
}
