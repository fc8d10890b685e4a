package programs

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// basisView shows beside the builder what a program is made from: the
// client's needs in their words and the manager's, the goals, and the
// latest assessment with its contraindications.
func basisView(b model.ProgramBasis) fyne.CanvasObject {
	box := container.NewVBox(heading(b.Client.FullName()))
	add := func(title, text string) {
		if strings.TrimSpace(text) == "" {
			text = "—"
		}
		box.Add(heading(title))
		box.Add(kit.Wrapped(text))
	}
	add(i18n.T("program.basis.stated"), b.Client.NeedsStated)
	add(i18n.T("program.basis.observed"), b.Client.NeedsObserved)
	add(i18n.T("program.basis.goals"), b.Client.Goals)
	if !b.HealthConsent {
		note := kit.Wrapped(i18n.T("program.basis.no_consent"))
		note.Importance = widget.WarningImportance
		box.Add(note)
		return box
	}
	add(i18n.T("program.basis.health"), b.Client.Health)
	if b.Latest == nil {
		add(i18n.T("program.basis.assessment"), i18n.T("program.basis.no_assessment"))
		return box
	}
	add(i18n.T("program.basis.assessment"), b.Latest.On.Format(i18n.Lang())+"\n"+measures(*b.Latest))
	add(i18n.T("program.basis.contra"), b.Latest.Contraindications)
	return box
}

// measures lists what an assessment measured.
func measures(a model.Assessment) string {
	var out []string
	for _, m := range []struct {
		key string
		v   float64
	}{{"program.basis.weight", a.WeightKg}, {"program.basis.bmi", a.BMI()}, {"program.basis.waist", a.WaistCm}} {
		if m.v > 0 {
			out = append(out, i18n.T(m.key, map[string]any{"Value": trim(m.v)}))
		}
	}
	if a.Systolic > 0 {
		out = append(out, i18n.T("program.basis.pressure", map[string]any{"Value": fmt.Sprintf("%d/%d", a.Systolic, a.Diastolic)}))
	}
	return strings.Join(out, "\n")
}
