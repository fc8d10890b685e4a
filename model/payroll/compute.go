package payroll

import (
	"sort"

	"companion/model"
)

// Compute works a month out. Each person's pay comes first, without the
// shares of a block's profit; then each block's profit is its turnover less
// its consumables, its goods' cost and its staff's pay so computed; the
// shares are taken of that profit last, so nothing goes round in a circle.
// Every amount is rounded once, half away from zero, to the kopeck, and the
// totals are the sums of the lines.
func Compute(in Input) Result {
	first := model.MonthOf(in.Month)
	last := first.AddDays(model.DaysIn(first) - 1)
	m := month{in: in, first: first, last: last}
	res := Result{Month: first}
	for _, st := range m.people() {
		res.People = append(res.People, m.earned(st))
	}
	for _, b := range in.Blocks {
		res.Blocks = append(res.Blocks, m.block(b, res.People))
	}
	for i := range res.People {
		m.shares(&res.People[i], res.Blocks)
		m.settle(&res.People[i])
		res.Gross += res.People[i].Gross
		res.Tax += res.People[i].Tax
		res.ToPay += res.People[i].ToPay
	}
	res.Contributions = in.ContribRate.Of(res.Gross)
	res.Cost = res.Gross + res.Contributions
	return res
}

// month is a month being computed.
type month struct {
	in          Input
	first, last model.Date
}

// people are the staff who have anything this month: a component in
// force, a line performed, an entry; by name.
func (m month) people() []model.Staff {
	has := map[uint]bool{}
	for _, c := range m.in.Components {
		for _, k := range model.PayKinds {
			if c.Kind == k && len(segments(m.in.Components, c.StaffID, k, m.first, m.last)) > 0 {
				has[c.StaffID] = true
			}
		}
	}
	for _, l := range m.in.Lines {
		if l.StaffID != nil {
			has[*l.StaffID] = true
		}
	}
	for _, e := range m.in.Entries {
		has[e.StaffID] = true
	}
	var out []model.Staff
	for _, st := range m.in.Staff {
		if has[st.ID] {
			out = append(out, st)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// revenue is what st brought in on the days of seg (the whole month when
// seg is nil).
func (m month) revenue(st model.Staff, seg *segment) Revenue {
	var r Revenue
	for _, l := range m.in.Lines {
		if l.StaffID == nil || *l.StaffID != st.ID || seg != nil && !seg.holds(l.On) {
			continue
		}
		if l.Product {
			r.Goods += l.Money
			continue
		}
		r.Services += l.Money + l.CardValue
		r.Consumables += model.Money(l.Qty) * l.Consumables
	}
	return r
}

// earned is a person's pay before the shares of a block's profit: the
// salary and rate by the days in force, the shares of their own revenue,
// the bonuses and the month's entries.
func (m month) earned(st model.Staff) Payslip {
	p := Payslip{Staff: st, Revenue: m.revenue(st, nil)}
	for _, kind := range model.PayKinds {
		for _, sg := range segments(m.in.Components, st.ID, kind, m.first, m.last) {
			if l, ok := m.componentLine(st, sg); ok {
				p.Lines = append(p.Lines, l)
			}
		}
	}
	for _, e := range m.in.Entries {
		if e.StaffID != st.ID {
			continue
		}
		l := PayLine{Kind: e.Kind, Amount: e.Amount, Note: e.Ground, Ref: e.RefMonth}
		switch e.Kind {
		case model.EntryBonus, model.EntryAdjustment:
			p.Lines = append(p.Lines, l)
		case model.EntryDeduction:
			p.Deductions = append(p.Deductions, l)
		case model.EntryAdvance:
			p.Advances += e.Amount
		}
	}
	for _, r := range m.in.Recognition {
		if r.StaffID == st.ID {
			p.Recognition = append(p.Recognition, r)
		}
	}
	return p
}

// componentLine is the line a component gives over its stretch of the
// month; the shares of a block's profit come later (shares).
func (m month) componentLine(st model.Staff, sg segment) (PayLine, bool) {
	c := sg.c
	l := PayLine{Kind: c.Kind, Days: sg.days, Of: sg.of}
	switch c.Kind {
	case model.PaySalary, model.PayDirectorRate:
		l.Base, l.Amount = c.Amount, prorate(c.Amount, sg.days, sg.of)
	case model.PayBonus:
		if !sg.holds(m.last) {
			return l, false // a monthly bonus is the month's when in force at its end
		}
		l.Base, l.Amount = c.Amount, c.Amount
	case model.PayOwnServices:
		r := m.revenue(st, &sg)
		l.Base = r.Services
		if c.AfterConsumables {
			l.Base -= r.Consumables
		}
		l.Rate, l.Amount = c.Percent, c.Percent.Of(max(l.Base, 0))
	case model.PayOwnGoods:
		l.Base, l.Rate = m.revenue(st, &sg).Goods, c.Percent
		l.Amount = c.Percent.Of(l.Base)
	case model.PayTiered:
		if !sg.holds(m.last) {
			return l, false // the bands are the month's: the component in force at its end
		}
		r := m.revenue(st, nil)
		l.Base = r.Services + r.Goods
		l.Amount, l.Rate = Tiered(l.Base, c.Tiers, c.Retroactive)
		l.Days, l.Of, l.Mode = 0, 0, ModeProgressive
		if c.Retroactive {
			l.Mode = ModeRetroactive
		}
	default:
		return l, false
	}
	return l, true
}
