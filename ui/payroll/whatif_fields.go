package payroll

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// inForce are a person's components that are in force on some day of
// month, by kind and day: those the month is computed from.
func inForce(comps []model.PayComponent, staffID uint, month model.Date) []model.PayComponent {
	first := model.MonthOf(month)
	last := first.AddDays(model.DaysIn(first) - 1)
	var out []model.PayComponent
	for _, kind := range model.PayKinds {
		var mine []model.PayComponent
		for _, c := range comps {
			if c.StaffID == staffID && c.Kind == kind {
				mine = append(mine, c)
			}
		}
		sort.SliceStable(mine, func(i, j int) bool { return mine[i].From.Before(mine[j].From) })
		for i, c := range mine {
			ends := i+1 < len(mine) && !mine[i+1].From.After(first)
			if !c.Stopped && !c.From.After(last) && !ends {
				out = append(out, c)
			}
		}
	}
	return out
}

// showPerson shows an input for each component of the person picked:
// the sum for a salary, a rate or a bonus, the share for the others.
func (p *whatIfPage) showPerson() {
	p.fields.RemoveAll()
	i := p.person.SelectedIndex()
	if i < 0 || i >= len(p.offered) {
		return
	}
	var rows []*kit.Field
	for _, c := range inForce(p.base.Components, p.offered[i].ID, p.base.Month) {
		if ch, ok := p.comps[c.ID]; ok {
			c = ch
		}
		rows = append(rows, p.componentField(c))
	}
	p.fields.Add(kit.FieldGrid(rows...))
	p.fields.Refresh()
}

// componentField is the input of one component; each valid change is
// computed at once, a wrong one says so under the input.
func (p *whatIfPage) componentField(c model.PayComponent) *kit.Field {
	label := i18n.T("pay.kind." + c.Kind)
	if c.From.After(p.base.Month) {
		label = i18n.T("payroll.what_if.from", map[string]any{"Kind": label, "From": c.From})
	}
	if c.Kind == model.PayTiered {
		return kit.NewField("tiers", label, how(i18n.T("payroll.what_if.tiers")))
	}
	if amountKind(c.Kind) {
		e := widgets.NewMoneyEntry(p.t.w)
		e.SetValue(c.Amount)
		f := kit.NewField("amount", i18n.T("payroll.what_if.rub", map[string]any{"Name": label}), e)
		e.OnChanged = func(string) {
			m, err := e.Value("amount")
			if err == nil && m <= 0 {
				err = &model.FieldError{Key: "err.pay.amount"}
			}
			p.edited(f, err, func() { c.Amount = m; p.comps[c.ID] = c })
		}
		return f
	}
	e := widget.NewEntry()
	e.SetText(percentText(c.Percent))
	f := kit.NewField("percent", label, e)
	e.OnChanged = func(s string) {
		v, ok := parsePercent(s)
		var err *model.FieldError
		if !ok || v <= 0 || v > model.MaxPercent {
			err = &model.FieldError{Key: "err.pay.percent"}
		}
		p.edited(f, err, func() { c.Percent = v; p.comps[c.ID] = c })
	}
	return f
}

// edited takes a change: a wrong one is shown under its field and nothing
// is computed; a valid one is kept and the month computed again.
func (p *whatIfPage) edited(f *kit.Field, err *model.FieldError, keep func()) {
	if err != nil {
		f.SetError(i18n.T(err.Key))
		return
	}
	f.SetError("")
	keep()
	p.compute()
}

// showBlocks shows an input of each block's turnover.
func (p *whatIfPage) showBlocks() {
	p.blocksF.RemoveAll()
	var rows []*kit.Field
	for _, b := range p.was.Blocks {
		id, was := b.Block.ID, b.Turnover
		e := widgets.NewMoneyEntry(p.t.w)
		e.SetValue(was)
		if want, ok := p.turnover[id]; ok {
			e.SetValue(want)
		}
		f := kit.NewField("turnover", i18n.T("payroll.what_if.block", map[string]any{"Block": b.Block.Name}), e)
		e.OnChanged = func(string) {
			m, err := e.Value("turnover")
			p.edited(f, err, func() { p.turnover[id] = m })
		}
		rows = append(rows, f)
	}
	if len(rows) == 0 {
		p.blocksF.Add(how(i18n.T("payroll.what_if.no_blocks")))
	} else {
		p.blocksF.Add(kit.FieldGrid(rows...))
	}
	p.blocksF.Refresh()
}

var _ fyne.CanvasObject = (*widget.Entry)(nil)
