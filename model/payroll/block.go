package payroll

import "companion/model"

// block works a block's month out: its turnover (money received for its
// services and goods, and its cards sold), its consumables (each
// session's, and the goods' cost price), the corrections entered, and the
// pay of its staff so far (people: before any share of a profit).
func (m month) block(b model.Block, people []Payslip) BlockMonth {
	bm := BlockMonth{Block: b}
	in := func(id *uint) bool { return id != nil && *id == b.ID }
	for _, l := range m.in.Lines {
		if !in(l.BlockID) {
			continue
		}
		bm.Sales += l.Money
		if l.Product {
			bm.GoodsCost += model.Money(l.Qty) * l.CostPrice
		} else {
			bm.Consumables += model.Money(l.Qty) * l.Consumables
		}
	}
	for _, c := range m.in.CardSales {
		if in(c.BlockID) {
			bm.Cards += c.Paid
		}
	}
	bm.Turnover = bm.Sales + bm.Cards
	for _, c := range m.in.Corrections {
		if c.BlockID != b.ID {
			continue
		}
		bm.Corrections = append(bm.Corrections, c)
		if c.Field == model.CorrectTurnover {
			bm.Turnover += c.Amount
		} else {
			bm.Extras += c.Amount
		}
	}
	for _, p := range people {
		if in(p.Staff.BlockID) {
			for _, l := range p.Lines {
				bm.Salaries += l.Amount
			}
		}
	}
	bm.Profit = bm.Turnover - bm.Consumables - bm.GoodsCost - bm.Extras - bm.Salaries
	return bm
}

// shares adds to p the shares of a block's profit in force this month, by
// the days in force; a share of a loss is nothing, and says so.
func (m month) shares(p *Payslip, blocks []BlockMonth) {
	for _, sg := range segments(m.in.Components, p.Staff.ID, model.PayBlockProfit, m.first, m.last) {
		id := sg.c.BlockID
		if id == nil {
			id = p.Staff.BlockID
		}
		var profit model.Money
		for _, b := range blocks {
			if id != nil && b.Block.ID == *id {
				profit = b.Profit
			}
		}
		l := PayLine{Kind: model.PayBlockProfit, Base: profit, Rate: sg.c.Percent, Days: sg.days, Of: sg.of, Block: id}
		if profit <= 0 {
			l.Note = NoteLoss
		} else {
			l.Amount = model.Money(model.DivRound(int64(profit)*int64(sg.c.Percent)*int64(sg.days), 10000*int64(sg.of)))
		}
		p.Lines = append(p.Lines, l)
	}
}

// settle adds up a person's month: the gross, the income tax withheld on
// the year's income so far, the deductions' limit and what is to be paid.
func (m month) settle(p *Payslip) {
	for _, l := range p.Lines {
		p.Gross += l.Amount
	}
	ytd := m.in.YearBefore[p.Staff.ID]
	p.YearIncome = ytd.Income + p.Gross
	if m.in.TaxOn {
		p.Tax = TaxOn(p.YearIncome) - ytd.Tax
	}
	p.Limit = DeductionLimit.Of(p.Gross - p.Tax)
	p.ToPay = p.Gross - p.Tax - p.Advances
	for _, d := range p.Deductions {
		p.ToPay -= d.Amount
	}
}

// Deducted is what p's deductions take in all.
func (p Payslip) Deducted() model.Money {
	var sum model.Money
	for _, d := range p.Deductions {
		sum += d.Amount
	}
	return sum
}
