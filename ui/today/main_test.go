package today_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/ui/kit"
	"companion/ui/today"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// todayFixture is the Today tab in a window of its own over a real
// database, with the clients it was asked to open.
type todayFixture struct {
	w      fyne.Window
	tab    *today.Tab
	opened []uint     // the clients the tab asked the window to show, in order
	pages  []kit.Page // and the page of each
}

// openToday shows the Today tab over s, as the window does, once it has
// read the agenda.
func openToday(t *testing.T, s today.Store) *todayFixture {
	t.Helper()
	f := &todayFixture{w: uitest.NewWindow(t, "today")}
	uitest.Do(func() {
		f.tab = today.New(f.w, s, &kit.Changes{}, func(id uint, page kit.Page) {
			f.opened, f.pages = append(f.opened, id), append(f.pages, page)
		})
		f.w.SetContent(f.tab.Content())
	})
	uitest.Do(func() { f.tab.Refresh(context.Background()) })
	return f
}

// openList chooses the agenda's list titled title, as the manager does with
// its button, and returns it.
func openList(t *testing.T, w fyne.Window, title string) *widget.List {
	t.Helper()
	uitest.Tap(t, w, title)
	return uitest.List(t, w, title)
}
