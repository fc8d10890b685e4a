// Package ui is Companion's window: the tabs a support manager, an owner
// and an interviewer work in.
package ui

import (
	"companion/model/i18n"
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// Store is everything the window needs from the database.
type Store interface {
	ClientStore
	ClientIO
	RelationshipStore
	AgendaStore
	SettingsStore
	RoleStore
}

// Options tune how the window opens.
type Options struct {
	Tab     string // the tab to show first, by name; "" for the first
	Version string
}

// tab is one page of the window.
type tab interface {
	content() fyne.CanvasObject
	refresh(ctx context.Context)
}

// tabNames are the tabs this build has, in window order.
var tabNames = []string{"today", "clients", "settings"}

// TabNames lists the tab names for --tab, separated by commas.
func TabNames() string { return strings.Join(tabNames, ", ") }

// IsTab reports whether name is a tab of this build.
func IsTab(name string) bool {
	for _, n := range tabNames {
		if n == name {
			return true
		}
	}
	return false
}

// MainWindow is the application window and its tabs.
type MainWindow struct {
	fyne.Window
	tabs     *container.AppTabs
	today    *todayTab
	clients  *clientsTab
	settings *settingsTab
	byItem   map[*container.TabItem]tab
}

// NewMainWindow builds the window over the store.
func NewMainWindow(a fyne.App, s Store, opts Options) *MainWindow {
	w := a.NewWindow(i18n.T("app.title"))
	m := &MainWindow{Window: w}
	m.clients = newClientsTab(w, s, s, s)
	m.today = newTodayTab(w, s, m.openClient)
	m.settings = newSettingsTab(w, s, opts.Version, m.refreshAll)
	items := []*container.TabItem{
		container.NewTabItemWithIcon(i18n.T("tab.today"), theme.HomeIcon(), m.today.content()),
		container.NewTabItemWithIcon(i18n.T("tab.clients"), theme.AccountIcon(), m.clients.content()),
		container.NewTabItemWithIcon(i18n.T("tab.settings"), theme.SettingsIcon(), m.settings.content()),
	}
	m.byItem = map[*container.TabItem]tab{items[0]: m.today, items[1]: m.clients, items[2]: m.settings}
	m.tabs = container.NewAppTabs(items...)
	keepTabsOf(s.Role(), m.tabs, m.settings.content())
	m.tabs.OnSelected = func(*container.TabItem) { m.current().refresh(context.Background()) }
	for i, n := range tabNames {
		if n == opts.Tab {
			m.tabs.Select(items[i])
		}
	}
	w.SetContent(m.tabs)
	w.SetMainMenu(m.menu())
	m.addShortcuts()
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			closeTopDialog(w)
		}
	})
	w.Resize(fyne.NewSize(1200, 760))
	m.current().refresh(context.Background())
	return m
}

func (m *MainWindow) current() tab {
	if t, ok := m.byItem[m.tabs.Selected()]; ok {
		return t
	}
	return m.clients
}

func (m *MainWindow) refreshAll() {
	for _, t := range m.byItem {
		t.refresh(context.Background())
	}
}

// showClients brings the clients tab forward.
func (m *MainWindow) showClients() {
	for item, t := range m.byItem {
		if t == m.clients {
			m.tabs.Select(item)
		}
	}
}

// openClient shows a client's profile from anywhere in the window.
func (m *MainWindow) openClient(id uint) {
	m.showClients()
	m.clients.open(id)
}

func (m *MainWindow) menu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem(i18n.T("menu.new_client"), func() { m.showClients(); m.clients.newClient() })
	newItem.Shortcut = shortcutNew
	findItem := fyne.NewMenuItem(i18n.T("menu.find"), func() { m.showClients(); m.clients.focusSearch() })
	findItem.Shortcut = shortcutFind
	return fyne.NewMainMenu(fyne.NewMenu(i18n.T("menu.clients"),
		newItem, findItem, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(i18n.T("menu.import"), m.clients.importCSV),
		fyne.NewMenuItem(i18n.T("menu.export"), m.clients.exportCSV),
	))
}

var (
	shortcutNew  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

func (m *MainWindow) addShortcuts() {
	c := m.Canvas()
	c.AddShortcut(shortcutNew, func(fyne.Shortcut) { m.showClients(); m.clients.newClient() })
	c.AddShortcut(shortcutFind, func(fyne.Shortcut) { m.showClients(); m.clients.focusSearch() })
	c.AddShortcut(shortcutSave, func(fyne.Shortcut) { m.clients.form.save() })
}
