package settings

import (
	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pinSettings is the owner's row of the settings about signing in: the mode,
// who has a PIN, and a dialog to set, change or remove PINs.
type pinSettings struct {
	w      fyne.Window
	s      kit.PINStore
	status *widget.Label
	change *widget.Button
	dialog *pinDialog // the dialog shown last
	root   fyne.CanvasObject
	saved  func() // after a PIN is set or removed
}

func newPINSettings(w fyne.Window, s kit.PINStore, saved func()) *pinSettings {
	p := &pinSettings{w: w, s: s, saved: saved}
	p.status = kit.Wrapped("")
	p.change = widget.NewButtonWithIcon(i18n.T("safety.pins.change"), theme.AccountIcon(), p.showDialog)
	p.root = container.NewVBox(p.status, container.NewHBox(p.change))
	return p
}

func (p *pinSettings) content() fyne.CanvasObject { return p.root }

func (p *pinSettings) refresh(ctx context.Context) {
	kit.Background(func() {
		mode, err := p.s.AccessMode(ctx)
		var roles []model.Role
		if err == nil {
			roles, err = kit.RolesWithPIN(ctx, p.s)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
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
	fd     *kit.FormDialog
	roles  []model.Role
	role   *widget.RadioGroup
	pin    *widget.Entry
	again  *widget.Entry
	remove *widget.Button
	fields map[string]*kit.Field
}

func (p *pinSettings) showDialog() {
	d := &pinDialog{roles: model.Roles, fields: map[string]*kit.Field{}}
	p.dialog = d
	labels := make([]string, len(d.roles))
	for i, r := range d.roles {
		labels[i] = i18n.T("role." + string(r))
	}
	d.pin = widget.NewPasswordEntry()
	d.again = widget.NewPasswordEntry()
	d.role = widget.NewRadioGroup(labels, func(string) {
		d.fields["role"].SetError("")
		if d.chosen() == model.RoleOwner {
			d.remove.Hide()
		} else {
			d.remove.Show()
		}
	})
	d.remove = widget.NewButtonWithIcon(i18n.T("safety.pins.remove"), theme.DeleteIcon(), func() { p.remove(d) })
	d.remove.Importance = widget.DangerImportance
	rows := []*kit.Field{kit.NewField("role", i18n.T("signin.role"), container.NewVBox(d.role, container.NewHBox(d.remove))),
		kit.NewField("pin", i18n.T("safety.pins.new"), d.pin), kit.NewField("again", i18n.T("signin.pin.again"), d.again)}
	for _, f := range rows {
		d.fields[f.Name] = f
	}
	for _, e := range []*widget.Entry{d.pin, d.again} {
		e.OnChanged = func(string) { d.fields["pin"].SetError(""); d.fields["again"].SetError("") }
		e.OnSubmitted = func(string) { p.save(d, d.fd.Dialog.Hide) }
	}
	d.role.SetSelected(labels[0])
	body := container.NewVBox(kit.Wrapped(i18n.T("safety.pins.about")), kit.FieldGrid(rows...))
	d.fd = kit.ShowFormDialog(p.w, i18n.T("safety.pins.title"), body, func(close func()) { p.save(d, close) })
	d.fd.Dialog.Resize(fyne.NewSize(560, 420))
	p.w.Canvas().Focus(d.pin)
}

func (d *pinDialog) chosen() model.Role {
	return kit.RoleOf(d.roles, d.role.Selected)
}

func (p *pinSettings) save(d *pinDialog, close func()) {
	if err := model.ValidatePIN(d.pin.Text); err != nil {
		d.fields["pin"].SetError(i18n.ErrorText(err))
		return
	}
	if d.again.Text != d.pin.Text {
		d.fields["again"].SetError(i18n.T("signin.pin.mismatch"))
		return
	}
	role, pin := d.chosen(), d.pin.Text
	d.fd.Save.Disable()
	kit.Background(func() {
		ctx := context.Background()
		err := p.s.SetPIN(ctx, role, pin)
		var code string
		if err == nil && role == model.RoleOwner {
			code, err = p.s.NewRecoveryCode(ctx)
		}
		fyne.Do(func() {
			d.fd.Save.Enable()
			if kit.ShowValidation(p.w, d.fields, err) {
				close()
				p.refresh(ctx)
				p.saved()
				if code != "" {
					kit.ShowRecoveryCode(p.w, code, nil)
				}
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
		kit.Background(func() {
			err := p.s.RemovePIN(context.Background(), role)
			fyne.Do(func() {
				if kit.ShowValidation(p.w, d.fields, err) {
					d.fd.Dialog.Hide()
					p.refresh(context.Background())
					p.saved()
				}
			})
		})
	}, p.w)
	kit.TrackDialog(p.w, confirm)
	confirm.Show()
}
