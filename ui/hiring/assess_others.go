package hiring

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
)

// othersCard shows the candidate's other forms: before this interviewer
// has sent a form, only that the scores are hidden; after, every
// interviewer's score of each criterion, the mean, and a flag where two
// of them are DisagreeBy or more apart.
func (v *assessView) othersCard() fyne.CanvasObject {
	box := container.NewVBox(subheading(i18n.T("hiring.others.title")))
	var shown []hiring.Form
	for _, f := range v.others {
		if len(f.Scores) > 0 {
			shown = append(shown, f)
		}
	}
	switch {
	case len(v.others) == 0:
		box.Add(quiet(i18n.T("hiring.others.none")))
	case !v.form.Submitted && len(shown) == 0:
		box.Add(quiet(i18n.T("hiring.others.hidden", map[string]any{"N": len(v.others)})))
	default:
		forms := shown
		if v.form.Submitted { // beside the others once its scores are final
			forms = append([]hiring.Form{v.form}, shown...)
		}
		box.Add(scoreTable(forms, v.weights))
	}
	return widget.NewCard("", "", box)
}

// scoreTable lays forms' scores side by side: a row per criterion with
// each form's score, the mean and the flag of disagreement, then the
// weighted totals.
func scoreTable(forms []hiring.Form, weights map[string]int) fyne.CanvasObject {
	cols := len(forms) + 3
	cells := []fyne.CanvasObject{heading(i18n.T("hiring.others.criterion"))}
	for _, f := range forms {
		name := f.Interviewer
		if name == "" {
			name = i18n.T("hiring.others.this")
		}
		if !f.Submitted {
			name = i18n.T("hiring.others.draft", map[string]any{"Name": name})
		}
		cells = append(cells, heading(name))
	}
	cells = append(cells, heading(i18n.T("hiring.others.mean")), widget.NewLabel(""))
	maps := make([]map[string]int, len(forms))
	for i, f := range forms {
		maps[i] = f.ScoreMap()
	}
	flagged := disagreements(maps)
	for _, c := range hiring.Criteria {
		cells = append(cells, widget.NewLabel(criterionName(c)))
		sum, n := 0, 0
		for _, m := range maps {
			cells = append(cells, widget.NewLabel(scoreText(m[c])))
			if m[c] > 0 {
				sum, n = sum+m[c], n+1
			}
		}
		mean := "—"
		if n > 0 {
			mean = decimal2(float64(sum) / float64(n))
		}
		flag := widget.NewLabel("")
		if flagged[c] {
			flag.SetText(i18n.T("hiring.others.flag", map[string]any{"N": hiring.DisagreeBy}))
			flag.Importance = widget.DangerImportance
		}
		cells = append(cells, widget.NewLabel(mean), flag)
	}
	cells = append(cells, heading(i18n.T("hiring.others.total")))
	for _, m := range maps {
		t, ok := hiring.Weighted(m, weights)
		s := "—"
		if ok {
			s = decimal2(t)
		}
		cells = append(cells, heading(s))
	}
	cells = append(cells, widget.NewLabel(""), widget.NewLabel(""))
	return container.NewGridWithColumns(cols, cells...)
}

// disagreements are the criteria some two of the score maps put
// DisagreeBy or more apart.
func disagreements(maps []map[string]int) map[string]bool {
	out := map[string]bool{}
	for i := range maps {
		for j := i + 1; j < len(maps); j++ {
			for _, c := range hiring.Disagreements(maps[i], maps[j]) {
				out[c] = true
			}
		}
	}
	return out
}

func scoreText(s int) string {
	if s == 0 {
		return "—"
	}
	return strconv.Itoa(s)
}
