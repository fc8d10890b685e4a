package payroll

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

// settingsPage is payroll's settings: whether payslips withhold the
// income tax, and the employer's contributions' rate.
type settingsPage struct {
	t       *Tab
	tax     *widget.Check
	contrib *widget.Entry
	fields  map[string]*kit.Field
	saved   *widget.Label
	save    *widget.Button
	filling bool // show writes the inputs: no edit of the owner's
	root    fyne.CanvasObject
}

func newSettingsPage(t *Tab) *settingsPage {
	p := &settingsPage{t: t, tax: widget.NewCheck(i18n.T("payroll.settings.tax"), nil), contrib: widget.NewEntry(), saved: how("")}
	p.save = widget.NewButtonWithIcon(i18n.T("form.save"), theme.DocumentSaveIcon(), p.store)
	p.save.Importance = widget.HighImportance
	p.tax.OnChanged = func(bool) { p.edited() }
	p.contrib.OnChanged = func(string) { p.edited() }
	rows := []*kit.Field{kit.NewField("tax", "", container.NewVBox(p.tax, how(i18n.T("payroll.settings.tax_hint")))),
		kit.NewField("contrib", i18n.T("payroll.settings.contrib"), container.NewVBox(
			container.NewGridWrap(fyne.NewSize(160, p.contrib.MinSize().Height), p.contrib), how(i18n.T("payroll.settings.contrib_hint"))))}
	p.fields = fieldMap(rows)
	p.root = container.NewVScroll(container.NewPadded(container.NewVBox(kit.FieldGrid(rows...),
		container.NewHBox(p.save), p.saved)))
	return p
}

func (p *settingsPage) show(d *monthData) {
	p.filling = true
	p.tax.SetChecked(d.taxOn)
	p.contrib.SetText(percentText(d.contrib))
	p.filling = false
}

// edited forgets the word that the settings were saved.
func (p *settingsPage) edited() {
	if !p.filling {
		p.saved.SetText("")
	}
}

// store keeps the settings; the month's figures follow them at once.
func (p *settingsPage) store() {
	taxOn := p.tax.Checked
	rate, ok := parsePercent(p.contrib.Text)
	if !ok || rate > model.MaxPercent {
		kit.ShowValidation(p.t.w, p.fields, &model.FieldError{Field: "contrib", Key: "payroll.settings.contrib_err"})
		return
	}
	p.save.Disable()
	kit.Background(func() {
		err := p.t.s.SetPayrollSettings(context.Background(), taxOn, rate)
		fyne.Do(func() {
			p.save.Enable()
			if kit.ShowValidation(p.t.w, p.fields, err) {
				p.t.written()
				p.saved.SetText(i18n.T("payroll.settings.saved"))
			}
		})
	})
}
