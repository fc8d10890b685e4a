package signin

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// SignedIn takes the store of the role whose PIN was right.
type SignedIn func(st kit.RoleStore, role model.Role)

// Form asks for a role and its PIN, checks them off the UI goroutine and
// hands the role's store on. A wrong PIN shows under it; a lockout shuts
// it and counts down. The sign-in window shows it, and so does a main
// window that locked itself while nobody worked in it.
type Form struct {
	w           fyne.Window
	signIn      SignIn
	signedIn    SignedIn
	stop        <-chan struct{} // closed with the window; ends the countdown
	roles       []model.Role
	role        *widget.RadioGroup
	pin         *widget.Entry
	msg         *widget.Label
	enter       *widget.Button
	lockedUntil time.Time
	content     fyne.CanvasObject
}

// NewForm builds the form in w over roles, chosen picked first (the first
// role when chosen is not one of them); enter labels its button.
func NewForm(w fyne.Window, roles []model.Role, chosen model.Role, enter string, signIn SignIn, signedIn SignedIn, stop <-chan struct{}) *Form {
	f := &Form{w: w, signIn: signIn, signedIn: signedIn, stop: stop, roles: roles}
	labels := make([]string, len(roles))
	for i, r := range roles {
		labels[i] = i18n.T("role." + string(r))
	}
	f.role = widget.NewRadioGroup(labels, nil)
	f.pin = widget.NewPasswordEntry()
	f.pin.SetPlaceHolder(i18n.T("signin.pin.placeholder"))
	f.pin.OnSubmitted = func(string) { f.submit() }
	f.pin.OnChanged = func(string) {
		if time.Now().After(f.lockedUntil) {
			f.msg.SetText("")
		}
	}
	f.msg = kit.Wrapped("")
	f.msg.Importance = widget.DangerImportance
	f.enter = widget.NewButtonWithIcon(enter, theme.LoginIcon(), f.submit)
	f.enter.Importance = widget.HighImportance
	if len(labels) > 0 {
		f.role.SetSelected(labels[0])
	}
	for i, r := range roles {
		if r == chosen {
			f.role.SetSelected(labels[i])
		}
	}
	f.role.OnChanged = func(string) {
		f.msg.SetText("")
		f.w.Canvas().Focus(f.pin)
	}
	grid := kit.FormGrid(kit.NewField("role", i18n.T("signin.role"), f.role), kit.NewField("pin", i18n.T("signin.pin"), f.pin))
	f.content = container.NewVBox(grid, f.msg, container.NewHBox(f.enter))
	return f
}

// Content is the form: the role, the PIN, the message and the button.
func (f *Form) Content() fyne.CanvasObject { return f.content }

// Focus puts the cursor in the PIN.
func (f *Form) Focus() { f.w.Canvas().Focus(f.pin) }

// Chosen is the role picked in the list.
func (f *Form) Chosen() model.Role { return kit.RoleOf(f.roles, f.role.Selected) }

// submit checks the PIN off the UI goroutine and hands on the role's store.
func (f *Form) submit() {
	if f.enter.Disabled() {
		return
	}
	pin := f.pin.Text
	if err := model.ValidatePIN(pin); err != nil {
		f.msg.SetText(i18n.ErrorText(err))
		return
	}
	role := f.Chosen()
	f.enter.Disable()
	kit.Background(func() {
		st, err := f.signIn(context.Background(), role, pin)
		fyne.Do(func() {
			f.enter.Enable()
			f.pin.SetText("")
			if err == nil {
				fyne.CurrentApp().Preferences().SetString(PrefRole, string(role))
				f.signedIn(st, role)
				return
			}
			f.msg.SetText(i18n.ErrorText(err))
			if wait, ok := model.LockedFor(err); ok {
				f.lockFor(wait)
			} else if _, ok := kit.AsFieldErrors(err); !ok {
				kit.ShowError(err, f.w)
			}
		})
	})
}

// lockoutTick is how often the lockout message counts down.
var lockoutTick = time.Second

// lockFor keeps the form shut during a lockout, counting down the wait.
func (f *Form) lockFor(wait time.Duration) {
	f.lockedUntil = time.Now().Add(wait)
	until := f.lockedUntil
	f.enter.Disable()
	go func() {
		tick := time.NewTicker(lockoutTick)
		defer tick.Stop()
		for {
			select {
			case <-f.stop:
				return
			case <-tick.C:
			}
			left := time.Until(until)
			fyne.Do(func() { f.countDown(left) })
			if left <= 0 {
				return
			}
		}
	}()
}

// countDown shows the wait left, or opens the form again when it is over.
func (f *Form) countDown(left time.Duration) {
	if left <= 0 {
		f.msg.SetText("")
		f.enter.Enable()
		return
	}
	f.msg.SetText(i18n.ErrorText(model.PINLocked(left)))
}
