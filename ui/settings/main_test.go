package settings_test

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui/kit"
	"companion/ui/settings"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) {
	store.ScryptWorkFactor = 10 // a passphrase costs a millisecond in tests
	uitest.Main(m)
}

// settingsFixture is the settings tab in a window of its own over a real
// database, with the times it told every tab that everything changed.
type settingsFixture struct {
	w       fyne.Window
	tab     *settings.Tab
	changes int // kit.ChangeAll notices: a restore, an import, the demo
}

// openSettings shows the settings over s, as the window does, once they
// have read what they show.
func openSettings(t *testing.T, s settings.Store) *settingsFixture {
	t.Helper()
	f := &settingsFixture{w: uitest.NewWindow(t, "settings")}
	bus := &kit.Changes{}
	bus.On(func() { f.changes++ })
	uitest.Do(func() {
		f.tab = settings.New(f.w, s, model.About{Version: "test"}, bus)
		f.w.SetContent(f.tab.Content())
	})
	f.refresh()
	return f
}

// refresh reads the settings again, as the window does when the tab comes
// forward, and waits until they show what they read.
func (f *settingsFixture) refresh() {
	uitest.Do(func() { f.tab.Refresh(context.Background()) })
}

// showsExactly reports whether some label or button in w shows text as
// its whole text.
func showsExactly(w fyne.Window, text string) bool { return slices.Contains(uitest.Texts(w), text) }
