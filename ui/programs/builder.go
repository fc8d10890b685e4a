package programs

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// builder is the form of a client's program, new or changed, with the
// client's needs and condition beside it and the schedule, price and
// progress following every change.
type builder struct {
	w    fyne.Window
	b    model.ProgramBasis
	orig model.Program      // as read: its ID, version and client
	view *model.ProgramView // the stored program, nil for a new one

	title, goal, notes, weight, waist *kit.KeyEntry
	start, goalBy                     *widgets.DateEntry
	days                              *widgets.WeekdaysInput
	timeOfDay, status, card           *widget.Select
	discount                          *widgets.MoneyEntry
	items                             []*itemRow
	read                              []int // the row of each item read
	itemsBox                          *fyne.Container
	fields                            map[string]*kit.Field
	summary                           *summary
	root                              fyne.CanvasObject
}

func newBuilder(w fyne.Window, b model.ProgramBasis, p model.Program, view *model.ProgramView) *builder {
	f := &builder{w: w, b: b, orig: p, view: view, fields: map[string]*kit.Field{}, itemsBox: container.NewVBox()}
	f.title, f.goal, f.notes = kit.NewDialogEntry(w, false), kit.NewDialogEntry(w, true), kit.NewDialogEntry(w, true)
	f.weight, f.waist = kit.NewDialogEntry(w, false), kit.NewDialogEntry(w, false)
	f.start, f.goalBy = widgets.NewDateEntry(w), widgets.NewDateEntry(w)
	f.goalBy.Optional = true
	f.discount = widgets.NewMoneyEntry(w)
	f.discount.Optional = true
	f.days = widgets.NewWeekdaysInput()
	f.days.OnChanged = func(model.Weekdays) { f.follow() }
	f.timeOfDay = kit.NewSelect(options("time_of_day.", model.TimesOfDay), nil)
	f.status = kit.NewSelect(options("program.status.", model.ProgramStatuses), nil)
	f.card = kit.NewSelect(f.cardNames(), func(string) { f.follow() })
	f.summary = newSummary()
	f.fill(p)
	for _, e := range []*kit.KeyEntry{&f.start.KeyEntry, &f.discount.KeyEntry} {
		e.OnChanged = func(string) { f.follow() }
	}
	add := widget.NewButtonWithIcon(i18n.T("program.add_item"), theme.ContentAddIcon(), func() { f.addItem(model.ProgramItem{}) })
	f.root = container.NewHSplit(basisView(b), container.NewVBox(f.formGrid(), heading(i18n.T("program.items")),
		f.itemsBox, f.fields["items"].Msg, container.NewHBox(add), f.summary.content()))
	f.root.(*container.Split).Offset = 0.28
	f.follow()
	return f
}

// formGrid lays the program's own fields out.
func (f *builder) formGrid() fyne.CanvasObject {
	add := func(name, label string, input fyne.CanvasObject) *kit.Field {
		fl := kit.NewField(name, label, input)
		f.fields[name] = fl
		return fl
	}
	f.fields["items"] = kit.NewField("items", "", widget.NewLabel(""))
	return kit.FieldGrid(
		add("title", i18n.T("program.title"), f.title), add("goal", i18n.T("program.goal"), f.goal),
		add("weight_change", i18n.T("program.weight_change"), f.weight), add("waist_change", i18n.T("program.waist_change"), f.waist),
		add("start", i18n.T("program.start"), f.start), add("goal_by", i18n.T("program.goal_by"), f.goalBy),
		add("days", i18n.T("program.days"), f.days.Content()), add("time_of_day", i18n.T("program.time_of_day"), f.timeOfDay),
		add("status", i18n.T("program.status"), f.status), add("card", i18n.T("program.card"), f.card),
		add("discount", i18n.T("program.discount"), f.discount), add("notes", i18n.T("program.notes"), f.notes))
}

// fill shows p in the form.
func (f *builder) fill(p model.Program) {
	f.title.SetText(p.Title)
	f.goal.SetText(p.Goal)
	f.notes.SetText(p.Notes)
	f.weight.SetText(number(p.WeightChangeKg))
	f.waist.SetText(number(p.WaistChangeCm))
	f.start.SetValue(p.StartOn)
	f.goalBy.SetValue(p.GoalBy)
	f.days.SetValue(p.Days)
	f.timeOfDay.SetSelectedIndex(index(model.TimesOfDay, p.TimeOfDay))
	f.status.SetSelectedIndex(max(0, index(model.ProgramStatuses, p.Status)))
	f.card.SetSelectedIndex(0)
	for i, c := range f.b.Cards {
		if p.CardID != nil && c.Card.ID == *p.CardID {
			f.card.SetSelectedIndex(i + 1)
		}
	}
	if p.Discount > 0 {
		f.discount.SetValue(p.Discount)
	}
	for _, it := range p.Items {
		f.addItem(it)
	}
	if len(p.Items) == 0 {
		f.addItem(model.ProgramItem{})
	}
}

// program reads the form, with the errors of what could not be read.
func (f *builder) program() (model.Program, model.ValidationErrors) {
	var errs model.ValidationErrors
	p := f.orig
	p.Title, p.Goal, p.Notes = f.title.Text, f.goal.Text, f.notes.Text
	var ferr *model.FieldError
	p.StartOn, ferr = f.start.Value("start")
	errs = errs.Add(ferr)
	p.GoalBy, ferr = f.goalBy.Value("goal_by")
	errs = errs.Add(ferr)
	p.Discount, ferr = f.discount.Value("discount")
	errs = errs.Add(ferr)
	for name, v := range map[string]*float64{"weight_change": &p.WeightChangeKg, "waist_change": &p.WaistChangeCm} {
		e := map[string]*kit.KeyEntry{"weight_change": f.weight, "waist_change": f.waist}[name]
		if *v, ferr = decimal(e.Text, name); ferr != nil {
			errs = append(errs, ferr)
		}
	}
	p.Days = f.days.Value()
	p.TimeOfDay = pick(model.TimesOfDay, f.timeOfDay.SelectedIndex())
	p.Status = pick(model.ProgramStatuses, f.status.SelectedIndex())
	p.CardID = nil
	if i := f.card.SelectedIndex(); i > 0 {
		id := f.b.Cards[i-1].Card.ID
		p.CardID = &id
	}
	p.Items, f.read = nil, f.read[:0]
	for i, r := range f.items {
		if r.removed || (r.service.SelectedIndex() < 0 && r.sessions.Text == "") {
			continue
		}
		it, ierrs := f.readItem(r, i)
		errs = append(errs, ierrs...)
		p.Items = append(p.Items, it)
		f.read = append(f.read, i)
	}
	return p, errs
}

// formErrors moves the errors of the program's items ("line.N.x", N
// counting the items read) to the rows they came from.
func (f *builder) formErrors(err error) error {
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

// follow shows the schedule, price and progress of what the form holds.
func (f *builder) follow() {
	if f.summary == nil {
		return
	}
	p, _ := f.program()
	var card *model.CardView
	if p.CardID != nil {
		card = &f.b.Cards[f.card.SelectedIndex()-1]
	}
	f.summary.show(p, card, f.view, f.b.Staff)
}

func (f *builder) cardNames() []string {
	names := []string{i18n.T("program.card.none")}
	for _, c := range f.b.Cards {
		names = append(names, i18n.T("visit.paid.card", map[string]any{"Number": c.Card.Number, "Type": c.Type.Name}))
	}
	return names
}

func options(prefix string, values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		if v == "" {
			v = "any"
		}
		out[i] = i18n.T(prefix + v)
	}
	return out
}

func index(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}

func pick(list []string, i int) string {
	if i < 0 || i >= len(list) {
		return ""
	}
	return list[i]
}

func number(v float64) string {
	if v == 0 {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// decimal reads a signed number typed with a point or a comma; "" is 0.
func decimal(s, field string) (float64, *model.FieldError) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	s = strings.ReplaceAll(s, "−", "-")
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, &model.FieldError{Field: field, Key: "err.number"}
	}
	return v, nil
}

// openBuilder shows the builder for a stored program, or for a new one
// (start: a program made from a template, or nil for an empty one).
func (p *Pane) openBuilder(view *model.ProgramView) {
	var prog model.Program
	if view != nil {
		prog = view.Program
	}
	p.withBasis(func(b model.ProgramBasis) {
		if view == nil {
			prog = model.Program{ClientID: p.clientID, Status: model.ProgramDraft, StartOn: p.today(),
				Days: b.Client.PreferredDays, TimeOfDay: b.Client.PreferredTime}
		}
		p.showBuilder(b, prog, view)
	})
}

// withBasis reads what the builder shows beside a program, then runs then.
func (p *Pane) withBasis(then func(model.ProgramBasis)) {
	id := p.clientID
	kit.Background(func() {
		b, err := p.s.ProgramBasis(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			then(b)
		})
	})
}
