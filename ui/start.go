package ui

import (
	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/signin"
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// SignInStore is the database as the sign-in sees it, before anyone has
// signed in. SignIn hands back the store as the role sees it (S): the only
// store the tabs ever get.
type SignInStore[S Store] interface {
	kit.PINStore
	SignIn(ctx context.Context, role model.Role, pin string) (S, error)
}

// Start opens the first window: in single-user mode the owner's window,
// otherwise the sign-in (with the owner's choice on the first start). Call
// it before the app runs: like opening the database, it reads the access
// mode on the calling goroutine.
func Start[S Store](a fyne.App, s SignInStore[S], opts Options) (fyne.Window, error) {
	ctx := context.Background()
	mode, err := s.AccessMode(ctx)
	if err != nil {
		return nil, err
	}
	sess := &session{a: a, door: s, signIn: func(ctx context.Context, role model.Role, pin string) (kit.RoleStore, error) {
		st, err := s.SignIn(ctx, role, pin)
		if err != nil {
			return nil, err
		}
		return st, nil
	}}
	opts.session = sess
	later := opts // a sign-in after signing out: no first start's welcome
	later.Welcome = false
	sess.open = func(st kit.RoleStore) fyne.Window { return openFor(a, st.(Store), later) }
	if mode == model.AccessSingle {
		st, err := sess.signIn(ctx, model.RoleOwner, "")
		if err != nil {
			return nil, err
		}
		return openFor(a, st.(Store), opts), nil
	}
	opts.Welcome = mode == model.AccessUnset
	return signin.New(a, s, mode, sess.signIn, func(st kit.RoleStore) fyne.Window { return openFor(a, st.(Store), opts) })
}

// openFor builds the window of the store's role: the main window with the
// role's tabs (the interviewer's is hiring's), or for a role with no tabs
// yet a word that they are coming.
func openFor(a fyne.App, st Store, opts Options) fyne.Window {
	role := st.Role()
	if !model.Allowed(role, model.AreaClients, model.Read) && !model.Allowed(role, model.AreaHiring, model.Read) {
		w := a.NewWindow(i18n.T("app.title"))
		msg := kit.Wrapped(i18n.T("signin.coming", map[string]any{"Role": i18n.T("role." + string(role))}))
		msg.Alignment = fyne.TextAlignCenter
		w.SetContent(container.NewCenter(container.NewPadded(msg)))
		w.Resize(fyne.NewSize(640, 320))
		return w
	}
	return NewMainWindow(a, st, opts)
}
