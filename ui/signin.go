package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
)

// RoleStore says which role a store acts for; the window shows that role's
// tabs only, and the store refuses the rest on its own.
type RoleStore interface {
	Role() model.Role
}

// PINStore is what the sign-in and the owner's PIN settings need.
type PINStore interface {
	AccessMode(ctx context.Context) (string, error)
	SetSingleUser(ctx context.Context) error
	SetPIN(ctx context.Context, role model.Role, pin string) error
	RemovePIN(ctx context.Context, role model.Role) error
	HasPIN(ctx context.Context, role model.Role) (bool, error)
}

// SignInStore is the database as the sign-in sees it, before anyone has
// signed in. SignIn hands back the store as the role sees it (S): the only
// store the tabs ever get.
type SignInStore[S Store] interface {
	PINStore
	SignIn(ctx context.Context, role model.Role, pin string) (S, error)
}

// PrefRole is the preference key of the role that signed in last, chosen
// first at the next sign-in.
const PrefRole = "signin.role"

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
	signIn := func(ctx context.Context, role model.Role, pin string) (Store, error) {
		st, err := s.SignIn(ctx, role, pin)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	if mode == model.AccessSingle {
		st, err := signIn(ctx, model.RoleOwner, "")
		if err != nil {
			return nil, err
		}
		return openFor(a, st, opts), nil
	}
	w := &SignInWindow{Window: a.NewWindow(i18n.T("app.title")), a: a, s: s, signIn: signIn, opts: opts,
		stop: make(chan struct{})}
	var once sync.Once
	w.SetOnClosed(func() { once.Do(func() { close(w.stop) }) })
	if mode == model.AccessUnset {
		w.SetContent(w.firstStart())
		w.Resize(fyne.NewSize(680, 720))
		w.Canvas().Focus(w.pins[model.RoleOwner])
	} else {
		roles, err := rolesWithPIN(ctx, s)
		if err != nil {
			return nil, err
		}
		w.SetContent(w.signInForm(roles))
		w.Resize(fyne.NewSize(560, 340))
		w.Canvas().Focus(w.pin)
	}
	w.CenterOnScreen()
	return w, nil
}

func rolesWithPIN(ctx context.Context, s PINStore) ([]model.Role, error) {
	var roles []model.Role
	for _, r := range model.Roles {
		has, err := s.HasPIN(ctx, r)
		if err != nil {
			return nil, err
		}
		if has {
			roles = append(roles, r)
		}
	}
	return roles, nil
}

// SignInWindow asks who is working, checks the PIN and opens that role's
// window. On the first start it asks the owner how people get in.
type SignInWindow struct {
	fyne.Window
	a      fyne.App
	s      PINStore
	signIn func(ctx context.Context, role model.Role, pin string) (Store, error)
	opts   Options
	stop   chan struct{} // closed with the window; ends the lockout countdown

	// the first start
	pins   map[model.Role]*widget.Entry
	again  *widget.Entry
	fields map[string]*field
	save   *widget.Button
	single *widget.Button

	// the sign-in
	roles       []model.Role
	role        *widget.RadioGroup
	pin         *widget.Entry
	msg         *widget.Label
	enter       *widget.Button
	lockedUntil time.Time

	opened fyne.Window // the window a sign-in opened
}

// firstStart is the owner's choice: PINs for the roles, or one person who
// sees everything.
func (w *SignInWindow) firstStart() fyne.CanvasObject {
	w.pins = map[model.Role]*widget.Entry{}
	w.fields = map[string]*field{}
	var rows []*field
	addField := func(name, label string, e *widget.Entry) {
		f := newField(name, label, e)
		w.fields[name] = f
		rows = append(rows, f)
		e.OnChanged = func(string) { f.setError("") }
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

	title := widget.NewLabelWithStyle(i18n.T("signin.first.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	pinsCard := widget.NewCard(i18n.T("signin.pins.title"), "", container.NewVBox(
		wrapped(i18n.T("signin.pins.about")), fieldGrid(rows...), container.NewHBox(w.save)))
	warning := wrapped(i18n.T("signin.single.about"))
	warning.Importance = widget.WarningImportance
	singleCard := widget.NewCard(i18n.T("signin.single.title"), "", container.NewVBox(warning, container.NewHBox(w.single)))
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		title, wrapped(i18n.T("signin.first.about")), pinsCard, singleCard)))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// checkPINs shows what is wrong next to each field and reports whether all
// is right: the owner's PIN twice alike, the others empty or valid, no two
// roles with the same PIN (each would know the other's).
func (w *SignInWindow) checkPINs() bool {
	ok := true
	fail := func(name, text string) {
		if w.fields[name].msg.Visible() {
			return
		}
		w.fields[name].setError(text)
		ok = false
	}
	for _, f := range w.fields {
		f.setError("")
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

// savePINs stores the PINs typed on the first start and signs the owner in.
func (w *SignInWindow) savePINs() {
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
	background(func() {
		ctx := context.Background()
		err := w.s.SetPIN(ctx, model.RoleOwner, pins[model.RoleOwner])
		for _, r := range model.Roles[1:] {
			if pin, ok := pins[r]; ok && err == nil {
				err = w.s.SetPIN(ctx, r, pin)
			}
		}
		var st Store
		if err == nil {
			st, err = w.signIn(ctx, model.RoleOwner, pins[model.RoleOwner])
		}
		fyne.Do(func() {
			w.save.Enable()
			w.single.Enable()
			if err != nil {
				showValidation(w.Window, w.fields, err)
				return
			}
			w.open(st)
		})
	})
}

// chooseSingle makes the program open for everyone as the owner.
func (w *SignInWindow) chooseSingle() {
	w.save.Disable()
	w.single.Disable()
	background(func() {
		ctx := context.Background()
		err := w.s.SetSingleUser(ctx)
		var st Store
		if err == nil {
			st, err = w.signIn(ctx, model.RoleOwner, "")
		}
		fyne.Do(func() {
			w.save.Enable()
			w.single.Enable()
			if err != nil {
				showError(err, w.Window)
				return
			}
			w.open(st)
		})
	})
}

// signInForm asks for the role and its PIN.
func (w *SignInWindow) signInForm(roles []model.Role) fyne.CanvasObject {
	w.roles = roles
	labels := make([]string, len(roles))
	for i, r := range roles {
		labels[i] = i18n.T("role." + string(r))
	}
	w.role = widget.NewRadioGroup(labels, nil)
	w.pin = widget.NewPasswordEntry()
	w.pin.SetPlaceHolder(i18n.T("signin.pin.placeholder"))
	w.pin.OnSubmitted = func(string) { w.submit() }
	w.pin.OnChanged = func(string) {
		if time.Now().After(w.lockedUntil) {
			w.msg.SetText("")
		}
	}
	w.msg = wrapped("")
	w.msg.Importance = widget.DangerImportance
	w.enter = widget.NewButtonWithIcon(i18n.T("signin.enter"), theme.LoginIcon(), w.submit)
	w.enter.Importance = widget.HighImportance
	last := model.Role(w.a.Preferences().String(PrefRole))
	w.role.SetSelected(labels[0])
	for i, r := range roles {
		if r == last {
			w.role.SetSelected(labels[i])
		}
	}
	w.role.OnChanged = func(string) {
		w.msg.SetText("")
		w.Canvas().Focus(w.pin)
	}
	title := widget.NewLabelWithStyle(i18n.T("signin.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	form := formGrid(newField("role", i18n.T("signin.role"), w.role), newField("pin", i18n.T("signin.pin"), w.pin))
	return container.NewPadded(container.NewVBox(title, form, w.msg, container.NewHBox(w.enter)))
}

// chosen is the role picked in the list.
func (w *SignInWindow) chosen() model.Role {
	return roleOf(w.roles, w.role.Selected)
}

// roleOf finds the role whose name is label.
func roleOf(roles []model.Role, label string) model.Role {
	for _, r := range roles {
		if i18n.T("role."+string(r)) == label {
			return r
		}
	}
	return model.RoleOwner
}

// submit checks the PIN off the UI goroutine and opens the role's window.
func (w *SignInWindow) submit() {
	if w.enter.Disabled() {
		return
	}
	pin := w.pin.Text
	if err := model.ValidatePIN(pin); err != nil {
		w.msg.SetText(i18n.ErrorText(err))
		return
	}
	role := w.chosen()
	w.enter.Disable()
	background(func() {
		st, err := w.signIn(context.Background(), role, pin)
		fyne.Do(func() {
			w.enter.Enable()
			w.pin.SetText("")
			if err == nil {
				w.a.Preferences().SetString(PrefRole, string(role))
				w.open(st)
				return
			}
			w.msg.SetText(i18n.ErrorText(err))
			if wait, ok := model.LockedFor(err); ok {
				w.lockFor(wait)
			} else if _, ok := asFieldErrors(err); !ok {
				showError(err, w.Window)
			}
		})
	})
}

// lockoutTick is how often the lockout message counts down.
var lockoutTick = time.Second

// lockFor keeps the sign-in shut during a lockout, counting down the wait.
func (w *SignInWindow) lockFor(wait time.Duration) {
	w.lockedUntil = time.Now().Add(wait)
	until := w.lockedUntil
	w.enter.Disable()
	go func() {
		tick := time.NewTicker(lockoutTick)
		defer tick.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-tick.C:
			}
			left := time.Until(until)
			fyne.Do(func() { w.countDown(left) })
			if left <= 0 {
				return
			}
		}
	}()
}

// countDown shows the wait left, or opens the sign-in again when it is over.
func (w *SignInWindow) countDown(left time.Duration) {
	if left <= 0 {
		w.msg.SetText("")
		w.enter.Enable()
		return
	}
	w.msg.SetText(i18n.ErrorText(model.PINLocked(left)))
}

// open shows the signed-in role's window and closes the sign-in.
func (w *SignInWindow) open(st Store) {
	w.opened = openFor(w.a, st, w.opts)
	w.opened.Show()
	w.Close()
}

// openFor builds the window of the store's role: the owner's and the
// manager's main window, or for a role with no tabs yet a word that they
// are coming.
func openFor(a fyne.App, st Store, opts Options) fyne.Window {
	role := st.Role()
	if !model.Allowed(role, model.AreaClients, model.Read) {
		w := a.NewWindow(i18n.T("app.title"))
		msg := wrapped(i18n.T("signin.coming", map[string]any{"Role": i18n.T("role." + string(role))}))
		msg.Alignment = fyne.TextAlignCenter
		w.SetContent(container.NewCenter(container.NewPadded(msg)))
		w.Resize(fyne.NewSize(640, 320))
		return w
	}
	return NewMainWindow(a, st, opts)
}

// keepTabsOf removes from tabs the owner's tabs (those showing one of
// ownerOnly) unless role may change the settings, that is, is the owner.
func keepTabsOf(role model.Role, tabs *container.AppTabs, ownerOnly ...fyne.CanvasObject) {
	if model.Allowed(role, model.AreaSettings, model.Write) {
		return
	}
	for _, item := range append([]*container.TabItem(nil), tabs.Items...) {
		for _, c := range ownerOnly {
			if item.Content == c {
				tabs.Remove(item)
			}
		}
	}
}

// pinSettings is the owner's row of the settings about signing in: the mode,
// who has a PIN, and a dialog to set, change or remove PINs.
type pinSettings struct {
	w      fyne.Window
	s      PINStore
	status *widget.Label
	change *widget.Button
	dialog *pinDialog // the dialog shown last
	root   fyne.CanvasObject
}

func newPINSettings(w fyne.Window, s PINStore) *pinSettings {
	p := &pinSettings{w: w, s: s}
	p.status = wrapped("")
	p.change = widget.NewButtonWithIcon(i18n.T("safety.pins.change"), theme.AccountIcon(), p.showDialog)
	p.root = container.NewVBox(p.status, container.NewHBox(p.change))
	return p
}

func (p *pinSettings) content() fyne.CanvasObject { return p.root }

func (p *pinSettings) refresh(ctx context.Context) {
	background(func() {
		mode, err := p.s.AccessMode(ctx)
		var roles []model.Role
		if err == nil {
			roles, err = rolesWithPIN(ctx, p.s)
		}
		fyne.Do(func() {
			if err != nil {
				showError(err, p.w)
				return
			}
			if mode != model.AccessPINs {
				p.status.SetText(i18n.T("safety.pins.single"))
				return
			}
			names := ""
			for i, r := range roles {
				if i > 0 {
					names += ", "
				}
				names += i18n.T("role." + string(r))
			}
			p.status.SetText(i18n.T("safety.pins.set", map[string]any{"Roles": names}))
		})
	})
}

// pinDialog sets or removes one role's PIN.
type pinDialog struct {
	fd     *formDialog
	roles  []model.Role
	role   *widget.RadioGroup
	pin    *widget.Entry
	again  *widget.Entry
	remove *widget.Button
	fields map[string]*field
}

func (p *pinSettings) showDialog() {
	d := &pinDialog{roles: model.Roles, fields: map[string]*field{}}
	p.dialog = d
	labels := make([]string, len(d.roles))
	for i, r := range d.roles {
		labels[i] = i18n.T("role." + string(r))
	}
	d.pin = widget.NewPasswordEntry()
	d.again = widget.NewPasswordEntry()
	d.role = widget.NewRadioGroup(labels, func(string) {
		d.fields["role"].setError("")
		if d.chosen() == model.RoleOwner {
			d.remove.Hide()
		} else {
			d.remove.Show()
		}
	})
	d.remove = widget.NewButtonWithIcon(i18n.T("safety.pins.remove"), theme.DeleteIcon(), func() { p.remove(d) })
	d.remove.Importance = widget.DangerImportance
	rows := []*field{newField("role", i18n.T("signin.role"), container.NewVBox(d.role, container.NewHBox(d.remove))),
		newField("pin", i18n.T("safety.pins.new"), d.pin), newField("again", i18n.T("signin.pin.again"), d.again)}
	for _, f := range rows {
		d.fields[f.name] = f
	}
	for _, e := range []*widget.Entry{d.pin, d.again} {
		e.OnChanged = func(string) { d.fields["pin"].setError(""); d.fields["again"].setError("") }
		e.OnSubmitted = func(string) { p.save(d, d.fd.d.Hide) }
	}
	d.role.SetSelected(labels[0])
	body := container.NewVBox(wrapped(i18n.T("safety.pins.about")), fieldGrid(rows...))
	d.fd = showFormDialog(p.w, i18n.T("safety.pins.title"), body, func(close func()) { p.save(d, close) })
	d.fd.d.Resize(fyne.NewSize(560, 420))
	p.w.Canvas().Focus(d.pin)
}

func (d *pinDialog) chosen() model.Role {
	return roleOf(d.roles, d.role.Selected)
}

func (p *pinSettings) save(d *pinDialog, close func()) {
	if err := model.ValidatePIN(d.pin.Text); err != nil {
		d.fields["pin"].setError(i18n.ErrorText(err))
		return
	}
	if d.again.Text != d.pin.Text {
		d.fields["again"].setError(i18n.T("signin.pin.mismatch"))
		return
	}
	role, pin := d.chosen(), d.pin.Text
	d.fd.save.Disable()
	background(func() {
		err := p.s.SetPIN(context.Background(), role, pin)
		fyne.Do(func() {
			d.fd.save.Enable()
			if showValidation(p.w, d.fields, err) {
				close()
				p.refresh(context.Background())
			}
		})
	})
}

func (p *pinSettings) remove(d *pinDialog) {
	role := d.chosen()
	msg := i18n.T("safety.pins.remove.confirm", map[string]any{"Role": i18n.T("role." + string(role))})
	confirm := dialog.NewConfirm(i18n.T("safety.pins.remove"), msg, func(yes bool) {
		if !yes {
			return
		}
		background(func() {
			err := p.s.RemovePIN(context.Background(), role)
			fyne.Do(func() {
				if showValidation(p.w, d.fields, err) {
					d.fd.d.Hide()
					p.refresh(context.Background())
				}
			})
		})
	}, p.w)
	trackDialog(p.w, confirm)
	confirm.Show()
}
