package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/signin"
)

// lockState is what a locked window keeps aside, untouched, while the PIN
// screen shows: its content (an open form keeps what was typed), its
// dialogs, its menu and where the cursor was.
type lockState struct {
	content  fyne.CanvasObject
	overlays []fyne.CanvasObject
	menu     *fyne.MainMenu
	focused  fyne.Focusable
	form     *signin.Form
}

// lockNow hides the window's work behind the PIN screen. The role's PIN
// brings it back as it was; another role's PIN opens that role's window.
func (m *MainWindow) lockNow() {
	if m.locked != nil || !m.pins || m.sess == nil {
		return
	}
	c := m.Canvas()
	l := &lockState{content: m.Content(), menu: m.MainMenu(), focused: c.Focused(),
		overlays: slices.Clone(c.Overlays().List())}
	for _, o := range l.overlays {
		c.Overlays().Remove(o)
	}
	m.locked = l
	role := i18n.T("role." + string(m.s.Role()))
	title := widget.NewLabelWithStyle(i18n.T("session.locked.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(title, kit.Wrapped(i18n.T("session.locked.about", map[string]any{"Role": role})))
	m.SetMainMenu(nil)
	m.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 360), container.NewPadded(box))))
	kit.Background(func() {
		roles, err := kit.RolesWithPIN(context.Background(), m.sess.door)
		fyne.Do(func() {
			if m.locked != l {
				return
			}
			if err != nil {
				roles = []model.Role{m.s.Role()}
			}
			l.form = signin.NewForm(m, roles, m.s.Role(), i18n.T("session.unlock"), m.sess.signIn, m.unlocked, m.closed)
			box.Add(l.form.Content())
			box.Refresh() // Add lays out but draws nothing
			l.form.Focus()
		})
	})
}

// unlocked takes the store of the role whose PIN was typed on the PIN
// screen: the same role goes on where it stopped; another one gets its
// own window, once the edits left unsaved are dealt with.
func (m *MainWindow) unlocked(st kit.RoleStore, role model.Role) {
	if role == m.s.Role() {
		m.unlock()
		return
	}
	m.askUnsaved(func() { m.handOver(m.sess.open(st)) })
}

// unlock puts back what the lock kept aside.
func (m *MainWindow) unlock() {
	l := m.locked
	if l == nil {
		return
	}
	m.locked = nil
	c := m.Canvas()
	m.SetContent(l.content)
	m.SetMainMenu(l.menu)
	for _, o := range l.overlays {
		if o.Visible() { // not closed meanwhile by the work it showed
			c.Overlays().Add(o)
		}
	}
	if l.focused != nil {
		c.Focus(l.focused)
	}
	m.idle.poke()
}

// active runs fn unless the window is locked: a shortcut or a menu item
// does nothing behind the PIN screen. It counts as input.
func (m *MainWindow) active(fn func()) func() {
	return func() {
		if m.locked != nil {
			return
		}
		m.idle.poke()
		fn()
	}
}
