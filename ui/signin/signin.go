package signin

import (
	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"context"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SignIn checks a role's PIN and hands back the store as that role sees it:
// the only store the tabs ever get.
type SignIn func(ctx context.Context, role model.Role, pin string) (kit.RoleStore, error)

// Open builds and returns the window of a role that signed in.
type Open func(st kit.RoleStore) fyne.Window

// PrefRole is the preference key of the role that signed in last, chosen
// first at the next sign-in.
const PrefRole = "signin.role"

// Window asks who is working, checks the PIN and opens that role's
// window. On the first start it asks the owner how people get in.
type Window struct {
	fyne.Window
	a      fyne.App
	s      kit.PINStore
	signIn SignIn
	openFn Open
	stop   chan struct{} // closed with the window; ends the lockout countdown

	// the first start: the salon's name, then PINs or one person
	salon  *widget.Entry
	next   *widget.Button
	pins   map[model.Role]*widget.Entry
	again  *widget.Entry
	fields map[string]*kit.Field
	save   *widget.Button
	single *widget.Button

	// the sign-in, and the owner's way back in with the recovery code
	form     *Form
	signInUI fyne.CanvasObject

	opened fyne.Window // the window a sign-in opened
}

// firstStart is the owner's choice: PINs for the roles, or one person who
// sees everything.
func (w *Window) firstStart() fyne.CanvasObject {
	w.pins = map[model.Role]*widget.Entry{}
	w.fields = map[string]*kit.Field{}
	var rows []*kit.Field
	addField := func(name, label string, e *widget.Entry) {
		f := kit.NewField(name, label, e)
		w.fields[name] = f
		rows = append(rows, f)
		e.OnChanged = func(string) { f.SetError("") }
		e.OnSubmitted = func(string) { w.savePINs() }
	}
	for _, r := range model.Roles {
		e := widget.NewPasswordEntry()
		w.pins[r] = e
		if r == model.RoleOwner {
			addField(string(r), i18n.T("signin.pin.owner"), e)
			w.again = widget.NewPasswordEntry()
			addField("again", i18n.T("signin.pin.again"), w.again)
			continue
		}
		e.SetPlaceHolder(i18n.T("signin.pin.optional"))
		addField(string(r), i18n.T("signin.pin.of", map[string]any{"Role": i18n.T("role." + string(r))}), e)
	}
	w.save = widget.NewButtonWithIcon(i18n.T("signin.pins.save"), theme.ConfirmIcon(), w.savePINs)
	w.save.Importance = widget.HighImportance
	w.single = widget.NewButton(i18n.T("signin.single.choose"), w.chooseSingle)
	w.single.Importance = widget.WarningImportance

	pinsCard := widget.NewCard(i18n.T("signin.pins.title"), "", container.NewVBox(
		kit.Wrapped(i18n.T("signin.pins.about")), kit.FieldGrid(rows...), container.NewHBox(w.save)))
	warning := kit.Wrapped(i18n.T("signin.single.about"))
	warning.Importance = widget.WarningImportance
	singleCard := widget.NewCard(i18n.T("signin.single.title"), "", container.NewVBox(warning, container.NewHBox(w.single)))
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		stepLabel(2), heading(i18n.T("guide.access.title")), kit.Wrapped(i18n.T("signin.first.about")), pinsCard, singleCard)))
}

// checkPINs shows what is wrong next to each field and reports whether all
// is right: the owner's PIN twice alike, the others empty or valid, no two
// roles with the same PIN (each would know the other's).
func (w *Window) checkPINs() bool {
	ok := true
	fail := func(name, text string) {
		if w.fields[name].Msg.Visible() {
			return
		}
		w.fields[name].SetError(text)
		ok = false
	}
	for _, f := range w.fields {
		f.SetError("")
	}
	seen := map[string]model.Role{}
	for _, r := range model.Roles {
		pin := w.pins[r].Text
		if pin == "" && r != model.RoleOwner {
			continue
		}
		if err := model.ValidatePIN(pin); err != nil {
			fail(string(r), i18n.ErrorText(err))
			continue
		}
		if other, dup := seen[pin]; dup {
			fail(string(r), i18n.T("signin.pin.same", map[string]any{"Role": i18n.T("role." + string(other))}))
		}
		seen[pin] = r
	}
	if w.again.Text != w.pins[model.RoleOwner].Text {
		fail("again", i18n.T("signin.pin.mismatch"))
	}
	return ok
}

// savePINs stores the PINs typed on the first start, shows the owner's
// recovery code once and signs the owner in.
func (w *Window) savePINs() {
	if !w.checkPINs() {
		return
	}
	pins := map[model.Role]string{}
	for r, e := range w.pins {
		if e.Text != "" {
			pins[r] = e.Text
		}
	}
	w.save.Disable()
	w.single.Disable()
	kit.Background(func() {
		ctx := context.Background()
		err := w.s.SetPIN(ctx, model.RoleOwner, pins[model.RoleOwner])
		for _, r := range model.Roles[1:] {
			if pin, ok := pins[r]; ok && err == nil {
				err = w.s.SetPIN(ctx, r, pin)
			}
		}
		var code string
		if err == nil {
			code, err = w.s.NewRecoveryCode(ctx)
		}
		var st kit.RoleStore
		if err == nil {
			st, err = w.signIn(ctx, model.RoleOwner, pins[model.RoleOwner])
		}
		fyne.Do(func() {
			w.save.Enable()
			w.single.Enable()
			if err != nil {
				kit.ShowValidation(w.Window, w.fields, err)
				return
			}
			kit.ShowRecoveryCode(w, code, func() { w.open(st) })
		})
	})
}

// chooseSingle makes the program open for everyone as the owner.
func (w *Window) chooseSingle() {
	w.save.Disable()
	w.single.Disable()
	kit.Background(func() {
		ctx := context.Background()
		err := w.s.SetSingleUser(ctx)
		var st kit.RoleStore
		if err == nil {
			st, err = w.signIn(ctx, model.RoleOwner, "")
		}
		fyne.Do(func() {
			w.save.Enable()
			w.single.Enable()
			if err != nil {
				kit.ShowError(err, w.Window)
				return
			}
			w.open(st)
		})
	})
}

// signInForm asks for the role and its PIN, the last role that signed in
// chosen first, and offers the way back in for an owner who forgot the PIN.
func (w *Window) signInForm(roles []model.Role) fyne.CanvasObject {
	last := model.Role(w.a.Preferences().String(PrefRole))
	w.form = NewForm(w, roles, last, i18n.T("signin.enter"), w.signIn, func(st kit.RoleStore, _ model.Role) { w.open(st) }, w.stop)
	title := widget.NewLabelWithStyle(i18n.T("signin.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(title, w.form.Content())
	if slices.Contains(roles, model.RoleOwner) {
		forgot := widget.NewButton(i18n.T("ownercode.forgot"), w.showReset)
		forgot.Importance = widget.LowImportance
		box.Add(container.NewHBox(forgot))
	}
	return container.NewPadded(box)
}

// open shows the signed-in role's window and closes the sign-in.
func (w *Window) open(st kit.RoleStore) {
	w.opened = w.openFn(st)
	w.opened.Show()
	w.Close()
}

// New builds the sign-in window: on the first start (mode AccessUnset) the
// guide's first steps — the salon's name, then the owner's choice between
// PINs and one person — otherwise the role and its PIN. It reads the roles
// with a PIN on the calling goroutine.
func New(a fyne.App, s kit.PINStore, mode string, signIn SignIn, open Open) (*Window, error) {
	if mode != model.AccessUnset {
		roles, err := kit.RolesWithPIN(context.Background(), s)
		if err != nil {
			return nil, err
		}
		return ForRoles(a, s, roles, signIn, open), nil
	}
	w := newWindow(a, s, signIn, open)
	if ns, ok := s.(SalonNameStore); ok {
		w.SetContent(w.salonStep(ns))
		w.Resize(fyne.NewSize(680, 440))
		w.Canvas().Focus(w.salon)
	} else {
		w.showAccessStep()
	}
	w.CenterOnScreen()
	return w, nil
}

// ForRoles builds the sign-in of the roles that have a PIN, read before:
// the window a person who signed out comes back to.
func ForRoles(a fyne.App, s kit.PINStore, roles []model.Role, signIn SignIn, open Open) *Window {
	w := newWindow(a, s, signIn, open)
	w.signInUI = w.signInForm(roles)
	w.SetContent(w.signInUI)
	w.Resize(fyne.NewSize(560, 340))
	w.form.Focus()
	w.CenterOnScreen()
	return w
}

func newWindow(a fyne.App, s kit.PINStore, signIn SignIn, open Open) *Window {
	w := &Window{Window: a.NewWindow(i18n.T("app.title")), a: a, s: s, signIn: signIn, openFn: open,
		stop: make(chan struct{})}
	var once sync.Once
	w.SetOnClosed(func() { once.Do(func() { close(w.stop) }) })
	return w
}

// Opened is the window the sign-in opened, or nil before anyone signed in.
func (w *Window) Opened() fyne.Window { return w.opened }
