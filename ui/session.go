package ui

import (
	"context"
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/signin"
)

// SessionStore is what the window reads about a window left alone: after
// how many idle minutes it locks (0 never).
type SessionStore interface {
	IdleLockMinutes(ctx context.Context) (int, error)
}

// session is how people come and go in one run of the program: the door
// (the database before anyone signed in), the PIN check, and what opens a
// role's window. Signing out and the idle lock need it; a window without
// one (single-user tests) has neither.
type session struct {
	a      fyne.App
	door   kit.PINStore
	signIn signin.SignIn
	open   signin.Open
}

// signInWindow reads the roles with a PIN off the UI goroutine and hands
// the sign-in window over them to show.
func (s *session) signInWindow(w fyne.Window, show func(fyne.Window)) {
	kit.Background(func() {
		roles, err := kit.RolesWithPIN(context.Background(), s.door)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, w)
				return
			}
			show(signin.ForRoles(s.a, s.door, roles, s.signIn, s.open))
		})
	})
}

// watchSession starts what the window does with a session: it reads how
// people get in and the idle lock (again whenever the owner changes
// them), and looks every idleTick whether anyone works in it.
func (m *MainWindow) watchSession() {
	m.closed = make(chan struct{})
	var once sync.Once
	m.SetOnClosed(func() { once.Do(func() { close(m.closed) }) })
	m.readSession()
	m.changes.On(m.readSession, kit.ChangeAccess)
	go m.tickIdle()
}

// readSession reads, off the UI goroutine, whether people sign in with
// PINs (only then is there someone to sign out or lock away) and the idle
// lock's minutes.
func (m *MainWindow) readSession() {
	kit.Background(func() {
		ctx := context.Background()
		mode, err := m.sess.door.AccessMode(ctx)
		minutes := 0
		if err == nil {
			minutes, err = m.s.IdleLockMinutes(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, m)
				return
			}
			m.pins = mode == model.AccessPINs
			m.idle.setMinutes(minutes)
			if m.locked != nil {
				m.locked.menu = m.menu()
			} else {
				m.SetMainMenu(m.menu())
			}
		})
	})
}

// switchUser returns to the sign-in without closing the program, once
// unsaved edits are dealt with.
func (m *MainWindow) switchUser() {
	if !m.pins || m.sess == nil {
		return
	}
	m.askUnsaved(func() { m.sess.signInWindow(m, m.handOver) })
}

// handOver shows next in place of this window, which closes: the program
// runs on in next.
func (m *MainWindow) handOver(next fyne.Window) {
	next.Show()
	m.next = next
	m.Close()
}

// askUnsaved runs proceed at once when nothing typed would be lost;
// otherwise it names what is unsaved and asks first, going back to the
// work being the safe choice.
func (m *MainWindow) askUnsaved(proceed func()) {
	what := m.unsaved()
	if len(what) == 0 {
		proceed()
		return
	}
	kit.AskBeforeLoss(m, i18n.T("session.unsaved.title"),
		i18n.T("session.unsaved", map[string]any{"What": strings.Join(what, ", ")}),
		i18n.T("session.unsaved.stay"), i18n.T("session.unsaved.discard"), proceed, nil)
}

// unsaved names the edits not saved yet: the tabs' (a client's profile),
// in window order, then the form dialogs'.
func (m *MainWindow) unsaved() []string {
	var out []string
	for _, d := range registry {
		item, ok := m.byName[d.name]
		if !ok {
			continue
		}
		if k, ok := m.pages[item].tab.(kit.Keeper); ok {
			if name := k.Unsaved(); name != "" {
				out = append(out, i18n.T("session.unsaved.card", map[string]any{"Name": name}))
			}
		}
	}
	for _, title := range kit.UnsavedForms(m) {
		out = append(out, i18n.T("session.unsaved.form", map[string]any{"Title": title}))
	}
	return out
}
