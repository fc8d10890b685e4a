package clients_test

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui/clients"
	"companion/ui/kit"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// clientsTab is the clients tab in a window of its own over a real
// database file, as the window shows it: built, its list read.
type clientsTab struct {
	tab *clients.Tab
	w   fyne.Window
	s   *store.Store
}

// openClients stores clients (their IDs filled in), then opens the tab on
// them and waits until the list shows them.
func openClients(t *testing.T, cs ...*model.Client) clientsTab {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	return openClientsOver(t, s, s, cs...)
}

// openClientsOver is openClients with the profile's pages over rel.
func openClientsOver(t *testing.T, s *store.Store, rel clients.RelationshipStore, cs ...*model.Client) clientsTab {
	t.Helper()
	for _, c := range cs {
		if err := s.CreateClient(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	w := uitest.NewWindow(t, "clients")
	var tab *clients.Tab
	uitest.Do(func() {
		tab = clients.New(w, s, s, rel, &kit.Changes{})
		w.SetContent(tab.Content())
	})
	uitest.Do(func() { tab.Refresh(context.Background()) })
	return clientsTab{tab: tab, w: w, s: s}
}

// countLine starts the line under the client list that says how many it shows.
const countLine = "Клиентов в списке"

// names are the names the client list shows, top to bottom (scrolled out
// of sight or not).
func (c clientsTab) names(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, row := range uitest.ListRows(uitest.ListNear(t, c.w, countLine)) {
		if len(row) > 0 {
			out = append(out, row[0])
		}
	}
	return out
}

// showsCount checks the line under the list that says how many it shows.
func (c clientsTab) showsCount(t *testing.T, n int) {
	t.Helper()
	if want := fmt.Sprintf("%s: %d", countLine, n); !uitest.Shows(c.w, want) {
		t.Errorf("the list does not say %q; the window shows %q", want, uitest.Texts(c.w))
	}
}

// title is the name over the profile.
func (c clientsTab) title() string {
	if hs := uitest.Headings(c.w); len(hs) > 0 {
		return hs[len(hs)-1]
	}
	return ""
}

func rowNames(rows []model.ClientRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.FullName())
	}
	return out
}
