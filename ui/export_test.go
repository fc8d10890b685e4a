package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// What the tests of package ui_test reach inside for: the idle lock's
// look at the window, which otherwise waits on a ticker, and the window
// that took over after signing out.

func init() {
	// The ticker would look at the window on a goroutine of its own while
	// a test types; it is held still and the tests look with CheckIdle.
	idleTick = time.Hour
}

// CheckIdle looks whether anyone worked in the window, as the ticker does
// every so often, and locks it when nobody has for the idle lock's time.
func (m *MainWindow) CheckIdle() { m.checkIdle() }

// Next is the window that took over when this one signed out or switched
// to another role; nil before.
func (m *MainWindow) Next() fyne.Window { return m.next }

// TabStates says, by name, whether each tab is built, whether it holds
// its content and whether it is the one in front.
func (m *MainWindow) TabStates() map[string][3]bool {
	out := map[string][3]bool{}
	for item, p := range m.pages {
		out[p.def.name] = [3]bool{p.tab != nil, len(p.holder.Objects) == 1, item == m.tabs.Selected()}
	}
	return out
}

// ShowTab brings the tab named name to the front, as its button does.
func (m *MainWindow) ShowTab(name string) { m.showTab(name) }

// OpenClients builds the clients tab as opening a client from anywhere
// does, and reports whether there is one.
func (m *MainWindow) OpenClients() bool { return m.clientsTab() != nil }
