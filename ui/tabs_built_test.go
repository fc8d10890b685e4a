package ui_test

import (
	"testing"

	"companion/ui/uitest"
)

// The window builds the tab in front only; another is built the first
// time it shows, and a client opened from anywhere builds the clients tab.
func TestATabIsBuiltWhenItFirstShows(t *testing.T) {
	_, m, _ := newTestWindow(t)
	for name, st := range m.TabStates() {
		if built, holds, front := st[0], st[1], st[2]; built != front || holds != front {
			t.Errorf("tab %s: built %v, holding its content %v, in front %v", name, built, holds, front)
		}
	}
	uitest.Do(func() { m.ShowTab("staff") })
	if st := m.TabStates()["staff"]; !st[0] || !st[1] {
		t.Error("the staff tab shows unbuilt")
	}
	var opened bool
	uitest.Do(func() { opened = m.OpenClients() })
	if st := m.TabStates()["clients"]; !opened || !st[0] {
		t.Error("the clients tab is not built when asked for")
	}
}
