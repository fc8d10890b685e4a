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
)

// menu is the clients' menu, for a role that has the clients' tab.
func (m *MainWindow) menu() *fyne.MainMenu {
	if _, ok := m.byName["clients"]; !ok {
		return nil
	}
	newItem := fyne.NewMenuItem(i18n.T("menu.new_client"), m.newClient)
	newItem.Shortcut = shortcutNew
	findItem := fyne.NewMenuItem(i18n.T("menu.find"), m.findClient)
	findItem.Shortcut = shortcutFind
	saveItem := fyne.NewMenuItem(i18n.T("menu.save"), m.save)
	saveItem.Shortcut = shortcutSave
	return fyne.NewMainMenu(fyne.NewMenu(i18n.T("menu.clients"),
		newItem, findItem, saveItem, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(i18n.T("menu.import"), func() {
			if c := m.clientsTab(); c != nil {
				c.ImportCSV()
			}
		}),
		fyne.NewMenuItem(i18n.T("menu.export"), func() {
			if c := m.clientsTab(); c != nil {
				c.ExportCSV()
			}
		}),
	), fyne.NewMenu(i18n.T("dist.menu.help"), fyne.NewMenuItem(i18n.T("dist.menu.about"), m.showAbout)))
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
	c.AddShortcut(shortcutNew, func(fyne.Shortcut) { m.newClient() })
	c.AddShortcut(shortcutFind, func(fyne.Shortcut) { m.findClient() })
	c.AddShortcut(shortcutSave, func(fyne.Shortcut) { m.save() })
}
