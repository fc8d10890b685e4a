// Package ui is Companion's window: the tab registry, the menus and
// shortcuts, the sign-in and the recovery window. Each tab is a package of
// its own under ui/.
package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/catalogue"
	"companion/ui/clients"
	"companion/ui/firstframe"
	"companion/ui/hiring"
	"companion/ui/kit"
	"companion/ui/payroll"
	"companion/ui/sales"
	"companion/ui/settings"
	"companion/ui/staff"
	"companion/ui/today"
)

// Store is everything the window needs from the database: what each tab
// declares it needs.
type Store interface {
	today.Store
	clients.ClientStore
	clients.ClientIO
	clients.RelationshipStore
	settings.Store
	staff.Store
	catalogue.Store
	hiring.Store
	payroll.Store
	sales.Store
	kit.RoleStore
	SessionStore
}

// Options tune how the window opens.
type Options struct {
	Tab   string // the tab to show first, by name; "" for the first
	About model.About
	// Welcome is set on the first start: the window then offers how to
	// begin (import, demo or empty) while the database holds nothing.
	Welcome bool
	// LoadWhenDrawn has the window read its first tab's data once it has
	// drawn its first frame, so that the frame waits for no query, whatever
	// the size of the salon. The program sets it; tests read at once.
	LoadWhenDrawn bool
	// Clock is the idle lock's clock; nil for time.Now.
	Clock func() time.Time

	session *session // set by Start: signing out and the idle lock
}

// tabDef is one entry of the registry: a tab's name (for --tab), its title
// key, icon, who sees it, and how it is built.
type tabDef struct {
	name  string
	title string
	icon  func() fyne.Resource
	shown func(model.Role) bool
	build func(m *MainWindow, s Store) kit.Tab
}

// registry lists the tabs in window order. A new tab is one package under
// ui/ and one line here.
var registry = []tabDef{
	{"today", "tab.today", theme.HomeIcon, canRead(model.AreaClients),
		func(m *MainWindow, s Store) kit.Tab {
			t := today.New(m, s, m.changes, m.openClient)
			t.SetFirstSteps(func() { m.showTab("staff") }, func() { m.showClients(); m.clientsTab().ImportList() })
			return t
		}},
	{"clients", "tab.clients", theme.AccountIcon, canRead(model.AreaClients),
		func(m *MainWindow, s Store) kit.Tab { m.clients = clients.New(m, s, s, s, m.changes); return m.clients }},
	{"promotions", "promo.tab", theme.MailSendIcon, canRead(model.AreaClients),
		func(m *MainWindow, s Store) kit.Tab { return sales.New(m, s, m.changes) }},
	{"staff", "tab.staff", theme.AccountIcon, canRead(model.AreaStaff),
		func(m *MainWindow, s Store) kit.Tab { return staff.New(m, s, m.changes) }},
	{"catalogue", "tab.catalogue", theme.ListIcon, canRead(model.AreaSettings),
		func(m *MainWindow, s Store) kit.Tab { return catalogue.New(m, s, m.changes) }},
	{"payroll", "tab.payroll", theme.DocumentIcon, canRead(model.AreaPayroll),
		func(m *MainWindow, s Store) kit.Tab { return payroll.New(m, s, m.changes) }},
	{"hiring", "hiring.tab", theme.ContentPasteIcon, canRead(model.AreaHiring),
		func(m *MainWindow, s Store) kit.Tab { return hiring.New(m, s, m.changes) }},
	{"settings", "tab.settings", theme.SettingsIcon, canWrite(model.AreaSettings),
		func(m *MainWindow, s Store) kit.Tab { return settings.New(m, s, m.opts.About, m.changes) }},
}

func canRead(a model.Area) func(model.Role) bool {
	return func(r model.Role) bool { return model.Allowed(r, a, model.Read) }
}

func canWrite(a model.Area) func(model.Role) bool {
	return func(r model.Role) bool { return model.Allowed(r, a, model.Write) }
}

// TabNames lists the tab names for --tab, separated by commas.
func TabNames() string {
	names := make([]string, len(registry))
	for i, d := range registry {
		names[i] = d.name
	}
	return strings.Join(names, ", ")
}

// IsTab reports whether name is a tab of this build.
func IsTab(name string) bool {
	for _, d := range registry {
		if d.name == name {
			return true
		}
	}
	return false
}

// MainWindow is the application window and the tabs of the role that
// signed in. A tab is built the first time it shows: the window's first
// frame lays out the tab in front only.
type MainWindow struct {
	fyne.Window
	opts    Options
	s       Store
	changes *kit.Changes
	tabs    *container.AppTabs
	pages   map[*container.TabItem]*page
	byName  map[string]*container.TabItem
	clients *clients.Tab // set when the clients tab is built: see clientsTab

	// signing out and the idle lock, with a session (see Start)
	sess   *session
	pins   bool          // people sign in with PINs: someone to sign out or lock away
	idle   idleWatch     // when anyone last worked in the window
	locked *lockState    // what the PIN screen keeps aside; nil when unlocked
	closed chan struct{} // closed with the window
	next   fyne.Window   // the window that took over on signing out
}

// page is one tab of the window: its content holder, empty until the tab
// is built, and the tab once it is.
type page struct {
	def    tabDef
	holder *fyne.Container
	tab    kit.Tab
}

// NewMainWindow builds the window over the store, with the tabs its role
// may see.
func NewMainWindow(a fyne.App, s Store, opts Options) *MainWindow {
	m := &MainWindow{Window: a.NewWindow(i18n.T("app.title")), opts: opts, s: s, changes: &kit.Changes{},
		pages: map[*container.TabItem]*page{}, byName: map[string]*container.TabItem{},
		sess: opts.session, idle: newIdleWatch(opts.Clock)}
	var items []*container.TabItem
	var first *container.TabItem
	for _, d := range registry {
		if !d.shown(s.Role()) {
			continue
		}
		p := &page{def: d, holder: container.NewStack()}
		item := container.NewTabItemWithIcon(i18n.T(d.title), d.icon(), p.holder)
		m.pages[item] = p
		m.byName[d.name] = item
		items = append(items, item)
		if d.name == opts.Tab || first == nil {
			first = item
		}
	}
	if first != nil {
		m.built(first)
	}
	m.tabs = container.NewAppTabs(items...) // at once: each Append lays every tab out again
	if first != nil {
		m.tabs.Select(first)
	}
	m.tabs.OnSelected = func(*container.TabItem) { m.refreshCurrent() }
	m.SetContent(newActivity(m.tabs, m.idle.poke))
	m.SetMainMenu(m.menu())
	m.addShortcuts()
	m.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		m.idle.poke()
		if ev.Name == fyne.KeyEscape && m.locked == nil {
			kit.CloseTopDialog(m)
		}
	})
	m.watchKeys()
	if m.sess != nil {
		m.watchSession()
	}
	m.Resize(fyne.NewSize(1200, 640))
	if opts.LoadWhenDrawn {
		firstframe.Watch(m, func() { go fyne.Do(m.refreshCurrent) })
	} else {
		m.refreshCurrent()
	}
	if opts.Welcome {
		m.offerBeginning(s)
	}
	return m
}

// built is the tab of item, built now if it has not been yet.
func (m *MainWindow) built(item *container.TabItem) kit.Tab {
	p, ok := m.pages[item]
	if !ok {
		return nil
	}
	if p.tab == nil {
		p.tab = p.def.build(m, m.s)
		p.holder.Objects = []fyne.CanvasObject{p.tab.Content()}
		p.holder.Refresh()
	}
	return p.tab
}

// clientsTab is the clients tab, built if need be; nil for a role without it.
func (m *MainWindow) clientsTab() *clients.Tab {
	if item, ok := m.byName["clients"]; ok {
		m.built(item)
	}
	return m.clients
}

func (m *MainWindow) refreshCurrent() {
	if t := m.built(m.tabs.Selected()); t != nil {
		t.Refresh(context.Background())
	}
}

// showTab brings the tab of that registry name forward, if the role has it.
func (m *MainWindow) showTab(name string) {
	if item, ok := m.byName[name]; ok {
		m.tabs.Select(item)
	}
}

// showClients brings the clients tab forward.
func (m *MainWindow) showClients() { m.showTab("clients") }

// openClient shows a client's profile, on page, from anywhere in the window.
func (m *MainWindow) openClient(id uint, page kit.Page) {
	m.showClients()
	if c := m.clientsTab(); c != nil {
		c.OpenPage(id, page)
	}
}
