package payroll

import (
	"context"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/staff"
	"companion/ui/widgets"
)

// addEntry shows the form of a sum of the month shown: a bonus, a
// deduction with its ground, an advance, or an adjustment of an approved
// month.
func (t *Tab) addEntry() {
	if !t.open() {
		return
	}
	d := t.d
	who := newPersonSelect(d.staff, nil)
	names := make([]string, len(model.EntryKinds))
	for i, k := range model.EntryKinds {
		names[i] = i18n.T("pay.entry." + k)
	}
	amount, ground := widgets.NewMoneyEntry(t.w), kit.NewDialogEntry(t.w, false)
	ground.SetPlaceHolder(i18n.T("payroll.entry.ground_hint"))
	var refs []model.Date // the approved months before this one, newest first
	for i := len(d.months) - 1; i >= 0; i-- {
		if d.months[i].Before(d.month) {
			refs = append(refs, d.months[i])
		}
	}
	refNames := make([]string, len(refs))
	for i, m := range refs {
		refNames[i] = monthName(m)
	}
	ref := kit.NewSelect(refNames, nil)
	kind := kit.NewSelect(names, nil)
	rows := []*kit.Field{kit.NewField("staff", i18n.T("payroll.col.person"), who.Select),
		kit.NewField("kind", i18n.T("payroll.entry.kind"), kind),
		kit.NewField("amount", i18n.T("payroll.entry.amount_label"), amount), kit.NewField("ground", i18n.T("payroll.entry.ground"), ground),
		kit.NewField("ref_month", i18n.T("payroll.entry.ref_month"), ref)}
	fields, grid := fieldMap(rows), newFormGrid(rows)
	grid.show("ref_month", false)
	kind.OnChanged = func(string) {
		i := kind.SelectedIndex()
		grid.show("ref_month", i >= 0 && model.EntryKinds[i] == model.EntryAdjustment)
	}
	kit.ShowFormDialog(t.w, i18n.T("payroll.entry.form", map[string]any{"Month": monthInText(d.month)}), grid.box, func(close func()) {
		e := model.PayEntry{StaffID: who.ID(), Month: d.month, Ground: ground.Text, On: t.s.Today()}
		if i := kind.SelectedIndex(); i >= 0 {
			e.Kind = model.EntryKinds[i]
		}
		if i := ref.SelectedIndex(); i >= 0 && e.Kind == model.EntryAdjustment {
			e.RefMonth = refs[i]
		}
		var errs model.ValidationErrors
		var ferr *model.FieldError
		e.Amount, ferr = amount.Value("amount")
		errs = errs.Add(ferr)
		kit.SubmitForm(t.w, fields, errs, e.Validate, func() error {
			return t.s.AddPayEntry(context.Background(), &e)
		}, close, t.written)
	})
}

// addCorrection shows the form of a correction of a block's turnover or
// consumables of the month shown, with its reason.
func (t *Tab) addCorrection() {
	if !t.open() {
		return
	}
	d := t.d
	block := staff.NewBlockSelect(d.blocks, nil)
	what := []string{model.CorrectTurnover, model.CorrectConsumables}
	field := kit.NewSelect([]string{i18n.T("payroll.corr.turnover"), i18n.T("payroll.corr.consumables")}, nil)
	amount, reason := widgets.NewMoneyEntry(t.w), kit.NewDialogEntry(t.w, false)
	amount.SetPlaceHolder(i18n.T("payroll.corr.amount_hint"))
	rows := []*kit.Field{kit.NewField("block", i18n.T("payroll.col.block"), block.Select),
		kit.NewField("field", i18n.T("payroll.corr.field"), field),
		kit.NewField("amount", i18n.T("payroll.entry.amount_label"), amount),
		kit.NewField("reason", i18n.T("payroll.corr.reason"), reason)}
	fields := fieldMap(rows)
	kit.ShowFormDialog(t.w, i18n.T("payroll.corr.form", map[string]any{"Month": monthInText(d.month)}), kit.FieldGrid(rows...), func(close func()) {
		c := model.BlockCorrection{Month: d.month, Reason: reason.Text}
		if id := block.ID(); id != nil {
			c.BlockID = *id
		}
		if i := field.SelectedIndex(); i >= 0 {
			c.Field = what[i]
		}
		var errs model.ValidationErrors
		var ferr *model.FieldError
		c.Amount, ferr = amount.Value("amount")
		errs = errs.Add(ferr)
		kit.SubmitForm(t.w, fields, errs, c.Validate, func() error {
			return t.s.AddBlockCorrection(context.Background(), &c)
		}, close, t.written)
	})
}
