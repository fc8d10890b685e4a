package payroll

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/staff"
	"companion/ui/widgets"
)

// componentForm is the form of a pay component taking effect from a day.
type componentForm struct {
	who      *personSelect
	kind     *widget.Select
	from     *widgets.DateEntry
	amount   *widgets.MoneyEntry
	share    *kit.KeyEntry
	block    *staff.BlockSelect
	after    *widget.Check
	tiers    *tiersEditor
	mode     *widget.RadioGroup
	stopped  *widget.Check
	note     *kit.KeyEntry
	rows     map[string]*kit.Field
	grid     *formGrid
	modeName [2]string
}

// addComponent shows the form of a new component for st (nil: none
// picked yet), from the first day of the month shown while it is open.
func (t *Tab) addComponent(st *model.Staff) {
	if t.d == nil {
		return
	}
	f := t.newComponentForm(st)
	kit.ShowFormDialog(t.w, i18n.T("payroll.scheme.form"), f.grid.box, func(close func()) {
		c, errs := f.read()
		kit.SubmitForm(t.w, f.rows, errs, c.Validate, func() error {
			return lockedUnder("from", t.s.AddPayComponent(context.Background(), &c))
		}, close, t.written)
	})
}

func (t *Tab) newComponentForm(st *model.Staff) *componentForm {
	w := t.w
	f := &componentForm{who: newPersonSelect(t.d.staff, st), from: widgets.NewDateEntry(w), amount: widgets.NewMoneyEntry(w),
		share: kit.NewDialogEntry(w, false), block: staff.NewBlockSelect(t.d.blocks, nil), tiers: newTiersEditor(w),
		after: widget.NewCheck(i18n.T("payroll.scheme.after_label"), nil), stopped: widget.NewCheck(i18n.T("payroll.scheme.stop_label"), nil),
		note: kit.NewDialogEntry(w, false), modeName: [2]string{i18n.T("pay.mode.progressive"), i18n.T("pay.mode.retroactive")}}
	names := make([]string, len(model.PayKinds))
	for i, k := range model.PayKinds {
		names[i] = i18n.T("pay.kind." + k)
	}
	f.kind = kit.NewSelect(names, func(string) { f.follow() })
	f.mode = widget.NewRadioGroup(f.modeName[:], nil)
	f.mode.SetSelected(f.modeName[0])
	f.stopped.OnChanged = func(bool) { f.follow() }
	from := model.MonthOf(t.s.Today())
	if t.open() {
		from = t.month
	}
	f.from.SetValue(from)
	f.share.SetPlaceHolder(i18n.T("payroll.percent.hint"))
	ordered := []*kit.Field{kit.NewField("staff", i18n.T("payroll.col.person"), f.who.Select),
		kit.NewField("kind", i18n.T("payroll.scheme.kind"), f.kind), kit.NewField("from", i18n.T("payroll.scheme.from"), f.from),
		kit.NewField("stopped", "", f.stopped), kit.NewField("amount", i18n.T("payroll.scheme.amount"), f.amount),
		kit.NewField("percent", i18n.T("payroll.scheme.percent"), f.share),
		kit.NewField("block", i18n.T("payroll.scheme.block"), container.NewVBox(f.block.Select, how(i18n.T("payroll.scheme.block_hint")))),
		kit.NewField("after", "", f.after), kit.NewField("tiers", i18n.T("payroll.scheme.tiers"), f.tiers.root),
		kit.NewField("mode", i18n.T("payroll.scheme.mode"), f.mode), kit.NewField("note", i18n.T("payroll.scheme.note"), f.note)}
	f.rows, f.grid = fieldMap(ordered), newFormGrid(ordered)
	f.follow()
	return f
}

// follow shows the inputs the kind chosen needs; a stopped component needs
// only its day.
func (f *componentForm) follow() {
	kind := ""
	if i := f.kind.SelectedIndex(); i >= 0 {
		kind = model.PayKinds[i]
	}
	on := !f.stopped.Checked && kind != ""
	g := f.grid
	g.show("stopped", kind != "")
	g.show("amount", on && amountKind(kind))
	g.show("percent", on && !amountKind(kind) && kind != model.PayTiered)
	g.show("block", on && kind == model.PayBlockProfit)
	g.show("after", on && kind == model.PayOwnServices)
	g.show("tiers", on && kind == model.PayTiered)
	g.show("mode", on && kind == model.PayTiered)
}

// read is the component the form holds, with what could not be read.
func (f *componentForm) read() (model.PayComponent, model.ValidationErrors) {
	c := model.PayComponent{StaffID: f.who.ID(), Stopped: f.stopped.Checked, Note: f.note.Text}
	var errs model.ValidationErrors
	if i := f.kind.SelectedIndex(); i >= 0 {
		c.Kind = model.PayKinds[i]
	}
	var ferr *model.FieldError
	c.From, ferr = f.from.Value("from")
	errs = errs.Add(ferr)
	if c.Stopped {
		return c, errs
	}
	switch {
	case amountKind(c.Kind):
		c.Amount, ferr = f.amount.Value("amount")
		errs = errs.Add(ferr)
	case c.Kind == model.PayTiered:
		c.Tiers, ferr = f.tiers.value()
		errs = errs.Add(ferr)
		c.Retroactive = f.mode.Selected == f.modeName[1]
	case c.Kind != "":
		v, ok := parsePercent(f.share.Text)
		if !ok {
			errs = errs.Add(&model.FieldError{Field: "percent", Key: "err.pay.percent"})
		}
		c.Percent = v
	}
	if c.Kind == model.PayBlockProfit {
		c.BlockID = f.block.ID()
	}
	c.AfterConsumables = c.Kind == model.PayOwnServices && f.after.Checked
	return c, errs
}

// lockedUnder puts the store's refusal of an approved month under field,
// where the day that falls in it was typed.
func lockedUnder(field string, err error) error {
	var fe *model.FieldError
	if errors.As(err, &fe) && fe.Key == "err.payroll.locked" && fe.Field == "" {
		c := *fe
		c.Field = field
		return &c
	}
	return err
}

// formGrid is a form's fields laid out by kit.FieldGrid, whose rows can
// be shown and hidden as the choices made ask for them.
type formGrid struct {
	box *fyne.Container
	at  map[string]int // each field's row
}

func newFormGrid(fields []*kit.Field) *formGrid {
	g := &formGrid{box: kit.FieldGrid(fields...), at: map[string]int{}}
	for i, f := range fields {
		g.at[f.Name] = i
	}
	return g
}

// show shows or hides the row of field name, its label and input together.
func (g *formGrid) show(name string, on bool) {
	i := g.at[name]
	for _, o := range g.box.Objects[2*i : 2*i+2] {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	g.box.Refresh()
}

func fieldMap(rows []*kit.Field) map[string]*kit.Field {
	m := map[string]*kit.Field{}
	for _, f := range rows {
		m[f.Name] = f
	}
	return m
}

// personSelect is a drop-down of the staff who work, and st if picked.
type personSelect struct {
	*widget.Select
	people []model.Staff
}

func newPersonSelect(all []model.Staff, st *model.Staff) *personSelect {
	ps := &personSelect{}
	var names []string
	for _, p := range all {
		if p.Active || st != nil && st.ID == p.ID {
			ps.people = append(ps.people, p)
			names = append(names, p.Name)
		}
	}
	ps.Select = kit.NewSelect(names, nil)
	for i, p := range ps.people {
		if st != nil && st.ID == p.ID {
			ps.SetSelectedIndex(i)
		}
	}
	return ps
}

// ID is the person chosen, or 0.
func (ps *personSelect) ID() uint {
	if i := ps.SelectedIndex(); i >= 0 && i < len(ps.people) {
		return ps.people[i].ID
	}
	return 0
}
