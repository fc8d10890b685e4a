package kit

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// Change names what was written, so that each tab refreshes only what
// shows it.
type Change string

// The kinds of change the tabs tell each other about.
const (
	ChangeClients     Change = "clients"     // a client added, edited, archived or imported
	ChangeVisits      Change = "visits"      // a visit recorded or removed
	ChangeCards       Change = "cards"       // a card sold, frozen or used
	ChangeContacts    Change = "contacts"    // a contact or a follow-up
	ChangeAssessments Change = "assessments" // a measurement
	ChangeSalon       Change = "salon"       // card types, the intro checklist, services, staff
	ChangeAccess      Change = "access"      // how people get in: PINs, the idle lock
	ChangeAll         Change = "all"         // a restore, an import of everything, the demo
)

// Changes is the window's one way of telling the tabs that something was
// written: a tab that writes calls Notify; a tab that shows such data
// subscribes with On. Listeners run on the goroutine that notifies, which
// is the UI goroutine.
type Changes struct {
	mu   sync.Mutex
	subs []subscriber
}

type subscriber struct {
	fn    func()
	kinds map[Change]bool
}

// On calls fn after each change of the given kinds, and after ChangeAll.
func (c *Changes) On(fn func(), kinds ...Change) {
	sub := subscriber{fn: fn, kinds: map[Change]bool{ChangeAll: true}}
	for _, k := range kinds {
		sub.kinds[k] = true
	}
	c.mu.Lock()
	c.subs = append(c.subs, sub)
	c.mu.Unlock()
}

// Notify calls, once each, the listeners of any of the given kinds; a
// ChangeAll reaches every listener.
func (c *Changes) Notify(kinds ...Change) {
	if c == nil {
		return
	}
	c.mu.Lock()
	subs := append([]subscriber(nil), c.subs...)
	c.mu.Unlock()
	for _, sub := range subs {
		for _, k := range kinds {
			if k == ChangeAll || sub.kinds[k] {
				sub.fn()
				break
			}
		}
	}
}

// Tab is one page of the window. Refresh reads what the page shows off the
// UI goroutine and fills the widgets inside fyne.Do.
type Tab interface {
	Content() fyne.CanvasObject
	Refresh(ctx context.Context)
}

// Page names a page of a client's profile, so that another tab can open
// the client on the page a row is about.
type Page string

// The pages of a client's profile, in the order they show.
const (
	PageProfile     Page = "profile"
	PageVisits      Page = "visits"
	PageCards       Page = "cards"
	PageAssessments Page = "assessments"
	PageContacts    Page = "contacts"
	PagePrograms    Page = "programs"
	PageSales       Page = "sales"
)
