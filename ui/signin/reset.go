package signin

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// resetForm is the owner's way back in after a forgotten PIN: the recovery
// code shown when the PINs were set, and a new PIN twice.
type resetForm struct {
	code, pin, again *widget.Entry
	fields           map[string]*kit.Field
	reset            *widget.Button
}

// showReset puts the recovery form in place of the sign-in.
func (w *Window) showReset() {
	f := &resetForm{code: widget.NewEntry(), pin: widget.NewPasswordEntry(), again: widget.NewPasswordEntry(),
		fields: map[string]*kit.Field{}}
	f.code.SetPlaceHolder(i18n.T("ownercode.code.placeholder"))
	var rows []*kit.Field
	for _, x := range []struct {
		name, label string
		e           *widget.Entry
	}{{"code", i18n.T("ownercode.code"), f.code}, {"pin", i18n.T("ownercode.new_pin"), f.pin}, {"again", i18n.T("signin.pin.again"), f.again}} {
		field := kit.NewField(x.name, x.label, x.e)
		f.fields[x.name] = field
		rows = append(rows, field)
		x.e.OnChanged = func(string) { field.SetError("") }
		x.e.OnSubmitted = func(string) { w.resetPIN(f) }
	}
	f.reset = widget.NewButtonWithIcon(i18n.T("ownercode.reset"), theme.ConfirmIcon(), func() { w.resetPIN(f) })
	f.reset.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(i18n.T("ownercode.back"), theme.NavigateBackIcon(), func() {
		w.SetContent(w.signInUI)
		w.form.Focus()
	})
	title := widget.NewLabelWithStyle(i18n.T("ownercode.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	w.SetContent(container.NewVScroll(container.NewPadded(container.NewVBox(title,
		kit.Wrapped(i18n.T("ownercode.about")), kit.FieldGrid(rows...), container.NewHBox(f.reset, back)))))
	w.Canvas().Focus(f.code)
}

// check shows what is wrong next to each field and reports whether all is
// right: a code of the right length, a valid PIN, twice alike.
func (f *resetForm) check() bool {
	for _, x := range f.fields {
		x.SetError("")
	}
	ok := true
	if _, err := model.NormalizeRecoveryCode(f.code.Text); err != nil {
		f.fields["code"].SetError(i18n.ErrorText(err))
		ok = false
	}
	if err := model.ValidatePIN(f.pin.Text); err != nil {
		f.fields["pin"].SetError(i18n.ErrorText(err))
		ok = false
	} else if f.again.Text != f.pin.Text {
		f.fields["again"].SetError(i18n.T("signin.pin.mismatch"))
		ok = false
	}
	return ok
}

// resetPIN spends the code on the new PIN off the UI goroutine, shows the
// code that replaces it once, and signs the owner in.
func (w *Window) resetPIN(f *resetForm) {
	if f.reset.Disabled() || !f.check() {
		return
	}
	code, pin := f.code.Text, f.pin.Text
	f.reset.Disable()
	kit.Background(func() {
		ctx := context.Background()
		next, err := w.s.ResetOwnerPIN(ctx, code, pin)
		var st kit.RoleStore
		if err == nil {
			st, err = w.signIn(ctx, model.RoleOwner, pin)
		}
		fyne.Do(func() {
			f.reset.Enable()
			if err != nil {
				kit.ShowValidation(w.Window, f.fields, err)
				return
			}
			w.a.Preferences().SetString(PrefRole, string(model.RoleOwner))
			kit.ShowRecoveryCode(w, next, func() { w.open(st) })
		})
	})
}
