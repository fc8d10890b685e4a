package hiring

import (
	"context"
	"fmt"
	"strings"

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

// itemInputs are one gap of a plan on its form.
type itemInputs struct {
	gap, learn, check *kit.KeyEntry
	method            *widget.Select
	deadline          *widgets.DateEntry
	done              *widget.Check
	removed           bool
	root              fyne.CanvasObject
}

// addItem puts a gap on the form.
func (f *planForm) addItem(it hiring.DevItem) {
	w := f.pg.t.w
	in := &itemInputs{gap: kit.NewKeyEntry(nil), learn: kit.NewKeyEntry(nil), check: kit.NewKeyEntry(nil),
		method: kit.NewSelect(names("hiring.method.", hiring.Methods), nil), deadline: widgets.NewDateEntry(w),
		done: widget.NewCheck(i18n.T("hiring.plan.done"), func(bool) { f.follow() })}
	in.gap.SetText(gapText(it.Gap))
	in.learn.SetText(it.Learn)
	in.check.SetText(it.Check)
	in.method.SetSelectedIndex(index(hiring.Methods, it.Method))
	in.deadline.SetValue(it.Deadline)
	in.done.SetChecked(it.Done)
	row := len(f.items)
	f.items = append(f.items, in)
	field := func(name, label string, input fyne.CanvasObject) *kit.Field {
		fl := kit.NewField(name, label, input)
		f.fields[model.LineField(row, name)] = fl
		return fl
	}
	var card *widget.Card
	remove := widget.NewButtonWithIcon(i18n.T("hiring.plan.remove"), theme.DeleteIcon(), func() {
		in.removed = true
		card.Hide()
		f.follow()
	})
	grid := kit.FieldGrid(field("gap", i18n.T("hiring.plan.gap"), in.gap), field("learn", i18n.T("hiring.plan.learn"), in.learn),
		field("method", i18n.T("hiring.plan.method"), in.method), field("check", i18n.T("hiring.plan.check"), in.check),
		field("deadline", i18n.T("hiring.plan.deadline"), in.deadline))
	card = widget.NewCard("", "", container.NewVBox(grid, container.NewBorder(nil, nil, in.done, remove)))
	in.root = card
	f.itemsBox.Add(card)
	f.follow()
}

// follow shows the plan's progress and the change the re-assessment made.
func (f *planForm) follow() {
	if f.progress == nil {
		return
	}
	n, done := 0, 0
	for _, in := range f.items {
		if !in.removed {
			n++
			if in.done.Checked {
				done++
			}
		}
	}
	if n > 0 {
		f.progress.SetValue(float64(done) / float64(n))
	} else {
		f.progress.SetValue(0)
	}
	f.progress.TextFormatter = func() string { return i18n.T("hiring.plan.done_of", map[string]any{"Done": done, "N": n}) }
	f.progress.Refresh()
	f.showChange()
}

// showChange sets each criterion gap's score in the first assessment
// beside its score in the re-assessment.
func (f *planForm) showChange() {
	f.change.Objects = nil
	i, j := f.fromForm.SelectedIndex(), f.reForm.SelectedIndex()
	if i < 0 || j < 0 {
		f.change.Refresh()
		return
	}
	before, after := f.forms[i].ScoreMap(), f.forms[j].ScoreMap()
	f.change.Add(heading(i18n.T("hiring.plan.change")))
	for _, in := range f.items {
		c := gapValue(in.gap.Text)
		if in.removed || index(hiring.Criteria, c) < 0 {
			continue
		}
		f.change.Add(widget.NewLabel(i18n.T("hiring.plan.change_row", map[string]any{"Criterion": criterionName(c),
			"Before": scoreText(before[c]), "After": scoreText(after[c])})))
	}
	f.change.Refresh()
}

// plan reads the form, with the errors of what could not be read.
func (f *planForm) plan() (hiring.DevPlan, model.ValidationErrors) {
	var errs model.ValidationErrors
	p := f.pl
	p.StaffID = 0
	if i := f.staffSel.SelectedIndex(); i >= 0 {
		p.StaffID = f.staff[i].ID
	}
	p.Title = f.title.Text
	p.FormID, p.ReFormID = f.formID(f.fromForm), f.formID(f.reForm)
	p.AgreedOn = model.Date{}
	if f.agreed.Checked {
		var ferr *model.FieldError
		p.AgreedOn, ferr = f.agreedOn.Value("agreed_on")
		if ferr == nil && p.AgreedOn.IsZero() {
			ferr = &model.FieldError{Field: "agreed_on", Key: "err.date.required"}
		}
		errs = errs.Add(ferr)
	}
	p.Items, f.read = nil, f.read[:0]
	for row, in := range f.items {
		if in.removed {
			continue
		}
		it := hiring.DevItem{Gap: gapValue(strings.TrimSpace(in.gap.Text)), Learn: in.learn.Text, Check: in.check.Text,
			Method: pick(hiring.Methods, in.method.SelectedIndex()), Done: in.done.Checked}
		var ferr *model.FieldError
		it.Deadline, ferr = in.deadline.Value(model.LineField(len(p.Items), "deadline"))
		errs = errs.Add(ferr)
		p.Items = append(p.Items, it)
		f.read = append(f.read, row)
	}
	return p, errs
}

func (f *planForm) formID(s *widget.Select) *uint {
	if i := s.SelectedIndex(); i >= 0 {
		id := f.forms[i].ID
		return &id
	}
	return nil
}

// lineErrors moves the errors of the plan's items ("line.N.x", N counting
// the items read) to the rows they came from.
func (f *planForm) lineErrors(err error) error {
	errs, ok := kit.AsFieldErrors(err)
	if !ok {
		return err
	}
	out := make(model.ValidationErrors, len(errs))
	for i, e := range errs {
		c := *e
		var n int
		var rest string
		if _, serr := fmt.Sscanf(e.Field, "line.%d.%s", &n, &rest); serr == nil && n < len(f.read) {
			c.Field = model.LineField(f.read[n], rest)
		}
		out[i] = &c
	}
	return out
}

// save stores the plan whole, once every field reads; what does not read
// and what the plan's rule refuses show together, each under its field.
func (f *planForm) save() {
	p, errs := f.plan()
	if len(errs) > 0 {
		v := p
		if verr, ok := kit.AsFieldErrors(v.Validate()); ok {
			errs = append(errs, verr...)
		}
		kit.ShowValidation(f.pg.t.w, f.fields, f.lineErrors(errs))
		return
	}
	f.saveBtn.Disable()
	kit.Background(func() {
		err := f.lineErrors(f.pg.t.s.SaveDevPlan(context.Background(), &p))
		fyne.Do(func() {
			f.saveBtn.Enable()
			if kit.ShowValidation(f.pg.t.w, f.fields, err) {
				f.pg.saved(p)
			}
		})
	})
}
