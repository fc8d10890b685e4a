package hiring

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// planForm is a development plan open beside the list: whose it is, the
// gaps taken from an assessment's low scores or the profile, each gap's
// what, how, check and deadline with its tick, the employee's agreement
// with its date, and the re-assessment that shows the change.
type planForm struct {
	pg        *plansPage
	pl        hiring.DevPlan
	staff     []model.Staff
	staffSel  *widget.Select
	title     *kit.KeyEntry
	fromForm  *widget.Select
	comp      *widget.Select
	reForm    *widget.Select
	forms     []hiring.Form // the chosen staff member's assessments
	items     []*itemInputs
	read      []int // the row of each item read
	itemsBox  *fyne.Container
	agreed    *widget.Check
	agreedOn  *widgets.DateEntry
	change    *fyne.Container
	progress  *widget.ProgressBar
	fields    map[string]*kit.Field
	saveBtn   *widget.Button
	savedNote *widget.Label
	root      fyne.CanvasObject
}

func newPlanForm(pg *plansPage, pl hiring.DevPlan) *planForm {
	w := pg.t.w
	f := &planForm{pg: pg, pl: pl, fields: map[string]*kit.Field{}, itemsBox: container.NewVBox(), change: container.NewVBox(),
		progress: widget.NewProgressBar(), savedNote: quiet("")}
	for _, s := range pg.d.staff {
		if s.Active || s.ID == pl.StaffID {
			f.staff = append(f.staff, s)
		}
	}
	f.staffSel = kit.NewSelect(staffNames(f.staff), func(string) { f.staffChosen() })
	f.title = kit.NewKeyEntry(nil)
	f.title.SetText(pl.Title)
	f.fromForm = kit.NewSelect(nil, nil)
	f.comp = kit.NewSelect(competencyNames(pg.d.comps), nil)
	f.reForm = kit.NewSelect(nil, func(string) { f.showChange() })
	f.agreed = widget.NewCheck(i18n.T("hiring.plan.agreed"), func(on bool) {
		if on && f.agreedOn.Text == "" {
			f.agreedOn.SetValue(pg.t.s.Today())
		}
	})
	f.agreedOn = widgets.NewDateEntry(w)
	f.agreedOn.Optional = true
	f.agreedOn.SetValue(pl.AgreedOn)
	f.agreed.SetChecked(pl.Counts())
	for i, s := range f.staff {
		if s.ID == pl.StaffID {
			f.staffSel.SetSelectedIndex(i)
		}
	}
	for _, it := range pl.Items {
		f.addItem(it)
	}
	f.saveBtn = widget.NewButtonWithIcon(i18n.T("hiring.plan.save"), theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	f.root = container.NewVScroll(container.NewPadded(f.layout()))
	f.follow()
	return f
}

func (f *planForm) layout() fyne.CanvasObject {
	field := func(name, label string, in fyne.CanvasObject) *kit.Field {
		fl := kit.NewField(name, label, in)
		f.fields[name] = fl
		return fl
	}
	takeLow := widget.NewButton(i18n.T("hiring.plan.take_low"), f.takeLow)
	addComp := widget.NewButton(i18n.T("hiring.plan.add_comp"), f.addCompetency)
	addItem := widget.NewButtonWithIcon(i18n.T("hiring.plan.add_item"), theme.ContentAddIcon(), func() {
		f.addItem(hiring.DevItem{Method: hiring.Methods[0]})
	})
	head := kit.FieldGrid(field("staff", i18n.T("hiring.plan.staff"), f.staffSel), field("title", i18n.T("hiring.plan.title"), f.title),
		field("form", i18n.T("hiring.plan.from_form"), container.NewBorder(nil, nil, nil, takeLow, f.fromForm)),
		field("competency", i18n.T("hiring.plan.from_profile"), container.NewBorder(nil, nil, nil, addComp, f.comp)))
	agree := kit.FieldGrid(field("agreed", "", container.NewVBox(f.agreed, quiet(i18n.T("hiring.plan.agreed_hint")))),
		field("agreed_on", i18n.T("hiring.plan.agreed_on"), f.agreedOn),
		field("re_form", i18n.T("hiring.plan.re_form"), f.reForm))
	return container.NewVBox(subheading(i18n.T("hiring.plan.heading")), head, heading(i18n.T("hiring.plan.items")), f.itemsBox,
		container.NewHBox(addItem), widget.NewSeparator(), agree, f.change,
		container.NewBorder(nil, nil, heading(i18n.T("hiring.plan.progress")), nil, f.progress),
		container.NewHBox(f.saveBtn), f.savedNote)
}

// staffChosen offers the chosen staff member's assessments.
func (f *planForm) staffChosen() {
	f.forms = nil
	if i := f.staffSel.SelectedIndex(); i >= 0 {
		f.forms = f.pg.d.forms[f.staff[i].ID]
	}
	labels := make([]string, len(f.forms))
	for i, fm := range f.forms {
		labels[i] = f.formLabel(fm)
	}
	f.fromForm.SetOptions(labels)
	f.reForm.SetOptions(labels)
	f.fromForm.ClearSelected()
	f.reForm.ClearSelected()
	for i, fm := range f.forms {
		if f.pl.FormID != nil && fm.ID == *f.pl.FormID {
			f.fromForm.SetSelectedIndex(i)
		}
		if f.pl.ReFormID != nil && fm.ID == *f.pl.ReFormID {
			f.reForm.SetSelectedIndex(i)
		}
	}
}

// formLabel names an assessment: its day, who filled it, its total.
func (f *planForm) formLabel(fm hiring.Form) string {
	line := fm.On.Format(i18n.Lang()) + " · " + fm.Interviewer
	if t, ok := hiring.Weighted(fm.ScoreMap(), f.pg.d.weights); ok {
		line += " · " + decimal2(t)
	}
	return line
}

// takeLow adds a gap for each criterion the chosen assessment scored
// below the pass threshold.
func (f *planForm) takeLow() {
	i := f.fromForm.SelectedIndex()
	if i < 0 {
		kit.ShowValidation(f.pg.t.w, f.fields, &model.FieldError{Field: "form", Key: "hiring.plan.pick_form"})
		return
	}
	for _, sc := range f.forms[i].Scores {
		if sc.Score > 0 && float64(sc.Score) < f.pg.d.pass && !f.hasGap(sc.Criterion) {
			f.addItem(hiring.DevItem{Gap: sc.Criterion, Method: hiring.Methods[0]})
		}
	}
}

// addCompetency adds the competency chosen as a gap.
func (f *planForm) addCompetency() {
	i := f.comp.SelectedIndex()
	if i < 0 {
		kit.ShowValidation(f.pg.t.w, f.fields, &model.FieldError{Field: "competency", Key: "hiring.plan.pick_comp"})
		return
	}
	if name := f.pg.d.comps[i].Name; !f.hasGap(name) {
		f.addItem(hiring.DevItem{Gap: name, Method: hiring.Methods[0]})
	}
}

func (f *planForm) hasGap(gap string) bool {
	for _, it := range f.items {
		if !it.removed && gapValue(it.gap.Text) == gap {
			return true
		}
	}
	return false
}

func competencyNames(cs []hiring.Competency) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%s · %s", c.Name, kindName(c.Kind))
	}
	return out
}

// gapText is a gap as the form shows it: a criterion by its name.
func gapText(gap string) string {
	if index(hiring.Criteria, gap) >= 0 {
		return criterionName(gap)
	}
	return gap
}

// gapValue is a gap as the plan keeps it: a criterion by its key, so that
// a re-assessment finds it whatever the language.
func gapValue(text string) string {
	for _, c := range hiring.Criteria {
		if criterionName(c) == text {
			return c
		}
	}
	return text
}
