package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui"
	"companion/ui/signin"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// newTestWindow opens the real window over a new database file, as the
// owner, once the tab it shows first has read what it shows.
func newTestWindow(t *testing.T) (fyne.App, *ui.MainWindow, *store.Store) {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	a, m := openWindow(t, s)
	return a, m, s
}

// openWindow opens the real window over s, as the owner, once the tab it
// shows first has read what it shows, and closes it after the test.
func openWindow(t *testing.T, s *store.Store) (fyne.App, *ui.MainWindow) {
	t.Helper()
	a := uitest.NewApp(t)
	var m *ui.MainWindow
	uitest.Do(func() { m = ui.NewMainWindow(a, s, ui.Options{About: model.About{Version: "test"}}) })
	uitest.CloseAtEnd(t, m)
	return a, m
}

// start opens the first window as main.go does, closed after the test.
func start(t *testing.T, a fyne.App, s *store.Store) fyne.Window {
	t.Helper()
	var w fyne.Window
	var err error
	uitest.Do(func() { w, err = ui.Start(a, s, ui.Options{About: model.About{Version: "test"}}) })
	if err != nil {
		t.Fatal(err)
	}
	uitest.CloseAtEnd(t, w)
	return w
}

func signInWindow(t *testing.T, w fyne.Window) *signin.Window {
	t.Helper()
	sw, ok := w.(*signin.Window)
	if !ok {
		t.Fatalf("the first window is %T, not the sign-in", w)
	}
	return sw
}

// signInAs chooses role in the sign-in, types pin and taps the button, as
// a person does, and returns the window that opened (closed after the
// test) once it has read what it shows.
func signInAs(t *testing.T, sw *signin.Window, role, pin string) fyne.Window {
	t.Helper()
	uitest.TapText(t, sw, role)
	uitest.Type(t, sw, "PIN-код", pin)
	uitest.Tap(t, sw, "Войти")
	opened := sw.Opened()
	if opened == nil {
		t.Fatalf("not signed in as %s: %q", role, uitest.Texts(sw))
	}
	uitest.CloseAtEnd(t, opened)
	return opened
}

// mainWindow is w as the main window, the one with the tabs.
func mainWindow(t *testing.T, w fyne.Window) *ui.MainWindow {
	t.Helper()
	m, ok := w.(*ui.MainWindow)
	if !ok {
		t.Fatalf("the window is %T, not the main window", w)
	}
	return m
}
