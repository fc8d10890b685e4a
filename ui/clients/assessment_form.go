package clients

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// assessmentInputs are the measurement fields of the form, in order.
var assessmentInputs = []struct{ name, key string }{
	{"weight", "assessment.weight"}, {"height", "assessment.height"}, {"waist", "assessment.waist"},
	{"hips", "assessment.hips"}, {"chest", "assessment.chest"}, {"body_fat", "assessment.fat"},
	{"systolic", "assessment.systolic"}, {"diastolic", "assessment.diastolic"},
}

// showNew opens the form of a new measurement; without the client's
// consent to health data it first says so and offers to record it.
func (p *assessmentsPane) showNew() {
	if p.client.ID == p.clientID && p.client.HealthConsentAt.IsZero() {
		p.askConsent(func() { p.showForm(nil) })
		return
	}
	p.showForm(nil)
}

// showForm opens the measurement form: empty, or filled with old to be
// corrected.
func (p *assessmentsPane) showForm(old *model.Assessment) {
	id := p.clientID
	fields := map[string]*kit.Field{}
	entries := map[string]*kit.KeyEntry{}
	on := kit.NewDialogEntry(p.w, false)
	on.SetText(p.today().Format(i18n.Lang()))
	rows := []*kit.Field{kit.NewField("on", i18n.T("assessment.on"), on)}
	for _, in := range assessmentInputs {
		e := kit.NewDialogEntry(p.w, false)
		entries[in.name] = e
		rows = append(rows, kit.NewField(in.name, i18n.T(in.key), e))
	}
	contra, notes := kit.NewDialogEntry(p.w, true), kit.NewDialogEntry(p.w, true)
	rows = append(rows, kit.NewField("contraindications", i18n.T("assessment.contraindications"), contra),
		kit.NewField("notes", i18n.T("assessment.notes"), notes))
	for _, f := range rows {
		fields[f.Name] = f
	}
	title := i18n.T("assessment.new")
	var a0 model.Assessment
	if old != nil {
		a0 = *old
		title = i18n.T("assessment.edit.title", map[string]any{"Day": a0.On.Format(i18n.Lang())})
		fillAssessment(a0, on, entries)
		contra.SetText(a0.Contraindications)
		notes.SetText(a0.Notes)
	}
	p.entries, p.fields = entries, fields
	p.dialog = kit.ShowFormDialog(p.w, title, kit.FieldGrid(rows...), func(close func()) {
		a, errs := readAssessment(id, on.Text, entries)
		a.ID = a0.ID
		a.Contraindications, a.Notes = strings.TrimSpace(contra.Text), strings.TrimSpace(notes.Text)
		write := func() error { return p.s.AddAssessment(context.Background(), &a) }
		if a.ID != 0 {
			write = func() error { return p.s.UpdateAssessment(context.Background(), &a) }
		}
		kit.SubmitForm(p.w, fields, errs, func() error { return pressureUnderSystolic(a.Validate(p.today())) },
			func() error { return pressureUnderSystolic(write()) }, close, func() { p.load(id) })
	})
}

// fillAssessment shows a stored measurement in the form's entries.
func fillAssessment(a model.Assessment, on *kit.KeyEntry, entries map[string]*kit.KeyEntry) {
	on.SetText(a.On.Format(i18n.Lang()))
	whole := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for name, text := range map[string]string{"weight": measure(a.WeightKg), "height": measure(a.HeightCm),
		"waist": measure(a.WaistCm), "hips": measure(a.HipsCm), "chest": measure(a.ChestCm),
		"body_fat": measure(a.BodyFatPct), "systolic": whole(a.Systolic), "diastolic": whole(a.Diastolic)} {
		entries[name].SetText(text)
	}
}

// readAssessment parses the numbers typed; a comma works as the decimal
// mark, the blood pressure is whole.
func readAssessment(clientID uint, on string, entries map[string]*kit.KeyEntry) (model.Assessment, model.ValidationErrors) {
	var errs model.ValidationErrors
	a := model.Assessment{ClientID: clientID}
	d, err := model.ParseDateIn(on, i18n.Lang())
	if err != nil || d.IsZero() {
		errs = append(errs, model.DateError("on", err))
	}
	a.On = d
	num := func(name string) float64 { return readMeasure(name, entries[name].Text, &errs) }
	a.WeightKg, a.HeightCm, a.WaistCm = num("weight"), num("height"), num("waist")
	a.HipsCm, a.ChestCm, a.BodyFatPct = num("hips"), num("chest"), num("body_fat")
	a.Systolic = int(readNumber("systolic", entries["systolic"].Text, 0, &errs))
	a.Diastolic = int(readNumber("diastolic", entries["diastolic"].Text, 0, &errs))
	return a, errs
}

// askDelete asks before removing a measurement entered by mistake; keeping
// it is the default.
func (p *assessmentsPane) askDelete(a model.Assessment) {
	id := p.clientID
	text := i18n.T("assessment.delete.confirm", map[string]any{"Day": a.On.Format(i18n.Lang())})
	kit.AskBeforeLoss(p.w, i18n.T("assessment.delete.title"), text, i18n.T("assessment.delete.keep"),
		i18n.T("assessment.delete.do"), func() {
			kit.Background(func() {
				err := p.s.DeleteAssessment(context.Background(), a.ID)
				fyne.Do(func() {
					if err != nil {
						kit.ShowError(err, p.w)
						return
					}
					p.load(id)
				})
			})
		}, nil)
}

// pressureUnderSystolic puts the errors of the blood pressure as a whole
// under its first field, where the person types it.
func pressureUnderSystolic(err error) error {
	errs, ok := kit.AsFieldErrors(err)
	if !ok {
		return err
	}
	out := make(model.ValidationErrors, len(errs))
	for i, e := range errs {
		c := *e
		if c.Field == "pressure" {
			c.Field = "systolic"
		}
		out[i] = &c
	}
	return out
}
