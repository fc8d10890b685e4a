package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"companion/model/store"
	"companion/ui/kit"
)

// The window builds the tab in front only; another is built the first
// time it shows, and a client opened from anywhere builds the clients tab.
func TestATabIsBuiltWhenItFirstShows(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "salon.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := NewMainWindow(test.NewTempApp(t), s, Options{})
	defer m.Close()
	kit.Settle()
	for item, p := range m.pages {
		if front := item == m.tabs.Selected(); (p.tab != nil) != front || (len(p.holder.Objects) == 1) != front {
			t.Errorf("tab %s: built %v, in front %v", p.def.name, p.tab != nil, front)
		}
	}
	m.showTab("staff")
	if p := m.pages[m.byName["staff"]]; p.tab == nil || len(p.holder.Objects) != 1 {
		t.Error("the staff tab shows unbuilt")
	}
	if m.clientsTab() == nil || m.pages[m.byName["clients"]].tab == nil {
		t.Error("the clients tab is not built when asked for")
	}
}
