package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"companion/model/i18n"
	"companion/ui/kit"
)

var (
	shortcutNew  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutLock = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
)

// menu is the window's menu: the clients' for a role that has the
// clients' tab, and with PINs the person's (lock, switch user).
func (m *MainWindow) menu() *fyne.MainMenu {
	var menus []*fyne.Menu
	if _, ok := m.byName["clients"]; ok {
		menus = append(menus, m.clientsMenu())
	}
	if m.pins && m.sess != nil {
		lock := fyne.NewMenuItem(i18n.T("session.lock"), m.active(m.lockNow))
		lock.Shortcut = shortcutLock
		menus = append(menus, fyne.NewMenu(i18n.T("session.menu", map[string]any{"Role": i18n.T("role." + string(m.s.Role()))}),
			lock, fyne.NewMenuItem(i18n.T("session.switch"), m.active(m.switchUser))))
	}
	if len(menus) == 0 {
		return nil
	}
	return fyne.NewMainMenu(append(menus, fyne.NewMenu(i18n.T("dist.menu.help"),
		fyne.NewMenuItem(i18n.T("dist.menu.about"), m.active(m.showAbout))))...)
}

func (m *MainWindow) clientsMenu() *fyne.Menu {
	newItem := fyne.NewMenuItem(i18n.T("menu.new_client"), m.active(m.newClient))
	newItem.Shortcut = shortcutNew
	findItem := fyne.NewMenuItem(i18n.T("menu.find"), m.active(m.findClient))
	findItem.Shortcut = shortcutFind
	saveItem := fyne.NewMenuItem(i18n.T("menu.save"), m.active(m.save))
	saveItem.Shortcut = shortcutSave
	return fyne.NewMenu(i18n.T("menu.clients"),
		newItem, findItem, saveItem, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(i18n.T("menu.import"), m.active(func() {
			if c := m.clientsTab(); c != nil {
				c.ImportList()
			}
		})),
		fyne.NewMenuItem(i18n.T("menu.export"), m.active(func() {
			if c := m.clientsTab(); c != nil {
				c.ExportList()
			}
		})),
	)
}

func (m *MainWindow) newClient() {
	if c := m.clientsTab(); c != nil {
		m.showClients()
		c.NewClient()
	}
}

func (m *MainWindow) findClient() {
	if c := m.clientsTab(); c != nil {
		m.showClients()
		c.FocusSearch()
	}
}

// save stores what is in front of the person: the form dialog on top, or
// else the client's profile when the clients tab shows. A menu item, so
// that Ctrl+S works with the cursor in an entry too.
func (m *MainWindow) save() {
	if kit.SaveTopDialog(m) {
		return
	}
	if item, ok := m.byName["clients"]; ok && m.tabs.Selected() == item {
		m.clientsTab().Save()
	}
}

func (m *MainWindow) addShortcuts() {
	c := m.Canvas()
	for sc, fn := range map[fyne.Shortcut]func(){shortcutNew: m.newClient, shortcutFind: m.findClient,
		shortcutSave: m.save, shortcutLock: m.lockNow} {
		act := m.active(fn)
		c.AddShortcut(sc, func(fyne.Shortcut) { act() })
	}
}
