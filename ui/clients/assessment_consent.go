package clients

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// askConsent says, before any measure is typed, that measurements need
// the client's consent to the processing of health data, and offers to
// record it as given today; then goes on to the form. Not recording it is
// the default.
func (p *assessmentsPane) askConsent(then func()) {
	id := p.clientID
	msg := widget.NewLabel(i18n.T("assessment.consent.text", map[string]any{"Name": p.client.FullName()}))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	cancel := widget.NewButton(i18n.T("form.cancel"), func() { d.Hide() })
	cancel.Importance = widget.HighImportance
	record := widget.NewButton(i18n.T("assessment.consent.record"), func() {
		d.Hide()
		kit.Background(func() {
			c, err := p.s.RecordHealthConsent(context.Background(), id, p.today())
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, p.w)
					return
				}
				p.client = c
				if p.consented != nil {
					p.consented(c)
				}
				if id == p.clientID {
					then()
				}
			})
		})
	})
	d = dialog.NewCustomWithoutButtons(i18n.T("assessment.consent.title"), container.NewVBox(msg, container.NewHBox(cancel, record)), p.w)
	d.Resize(fyne.NewSize(520, 0))
	kit.TrackDialog(p.w, d)
	d.Show()
	p.w.Canvas().Focus(cancel)
}

// consented follows a consent to health data recorded on the measurements
// page: a form without unsaved changes shows the client anew; one being
// edited takes the consent and the new version, and keeps what was typed.
func (p *profile) consented(c model.Client) {
	f := p.form
	if f.c.ID != c.ID {
		return
	}
	if !f.dirty {
		f.load(c)
		return
	}
	f.c.HealthConsentAt, f.c.Version = c.HealthConsentAt, c.Version
	f.healthDate.SetText(c.HealthConsentAt.Format(i18n.Lang()))
	f.healthOK.SetChecked(true)
}
