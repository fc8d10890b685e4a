package payroll

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	calc "companion/model/payroll"
)

// sumRow is one line of a calculation: what it is, its amount on the
// right, and under it how it was reached.
func sumRow(title string, amount model.Money, reached string, strong bool) fyne.CanvasObject {
	name := widget.NewLabel(title)
	name.Wrapping = fyne.TextWrapWord
	sum := widget.NewLabel(money(amount))
	name.TextStyle.Bold, sum.TextStyle.Bold = strong, strong
	row := container.NewBorder(nil, nil, nil, sum, name)
	if reached == "" {
		return row
	}
	return container.NewVBox(row, how(reached))
}

// warnRow is a note that stands out: why a share is nothing, an unsaved
// figure.
func warnRow(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}

// personDetail is a person's payslip: each line with its base and rate or
// days, the gross, the tax, the deductions with their grounds, the
// advances and what is to be paid.
func personDetail(p calc.Payslip, d *monthData) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(p.Staff.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(title)
	if sub := p.Staff.Role; sub != "" || p.Staff.BlockID != nil {
		if b := blockName(d.blocks, p.Staff.BlockID); b != "" {
			sub += " · " + b
		}
		box.Add(how(sub))
	}
	box.Add(heading(i18n.T("payroll.detail.earned")))
	if len(p.Lines) == 0 {
		box.Add(how(i18n.T("payroll.detail.no_lines")))
	}
	for _, l := range p.Lines {
		box.Add(sumRow(kindName(l), l.Amount, lineHow(l, d.blocks), false))
		if l.Note == calc.NoteLoss {
			box.Add(warnRow(i18n.T("pay.note.loss")))
		}
	}
	box.Add(widget.NewSeparator())
	box.Add(sumRow(i18n.T("payroll.col.gross"), p.Gross, "", true))
	box.Add(sumRow(i18n.T("payroll.detail.tax"), p.Tax, i18n.T("payroll.detail.tax_how", map[string]any{"Year": p.YearIncome}), false))
	for _, dd := range p.Deductions {
		box.Add(sumRow(i18n.T("pay.entry.deduction"), dd.Amount, dd.Note, false))
	}
	if len(p.Deductions) > 0 {
		box.Add(how(i18n.T("payroll.detail.limit", map[string]any{"Limit": p.Limit})))
	}
	if p.Advances != 0 {
		box.Add(sumRow(i18n.T("pay.entry.advance"), p.Advances, "", false))
	}
	box.Add(widget.NewSeparator())
	box.Add(sumRow(i18n.T("payroll.col.to_pay"), p.ToPay, "", true))
	box.Add(how(i18n.T("payroll.detail.revenue", map[string]any{"Services": p.Revenue.Services,
		"Consumables": p.Revenue.Consumables, "Goods": p.Revenue.Goods})))
	if len(p.Recognition) > 0 {
		box.Add(heading(i18n.T("payroll.page.recognition")))
		for _, r := range p.Recognition {
			box.Add(how("«" + r.Text + "»"))
		}
	}
	return box
}

// lineHow says how a payslip line was reached: the base and the rate, or
// the monthly sum and the days in force.
func lineHow(l calc.PayLine, blocks []model.Block) string {
	args := map[string]any{"Base": l.Base, "Rate": percent(l.Rate), "Days": l.Days, "Of": l.Of, "Note": l.Note,
		"Block": blockName(blocks, l.Block)}
	days := ""
	if l.Of > 0 && l.Days < l.Of {
		days = " " + i18n.T("payroll.line.days", args)
	}
	switch l.Kind {
	case model.PaySalary, model.PayDirectorRate:
		return i18n.T("payroll.line.monthly", args) + days
	case model.PayOwnServices, model.PayOwnGoods:
		return i18n.T("payroll.line.share", args) + days
	case model.PayTiered:
		return i18n.T("payroll.line.share", args) + " — " + i18n.T("pay.mode."+l.Mode)
	case model.PayBlockProfit:
		return i18n.T("payroll.line.profit", args) + days
	case model.EntryAdjustment:
		if l.Ref.IsZero() {
			return l.Note
		}
		return i18n.T("payroll.line.adjustment", map[string]any{"Month": monthInText(l.Ref), "Note": l.Note})
	}
	if l.Of > 0 { // a monthly bonus of the scheme
		return i18n.T("payroll.line.monthly", args)
	}
	return l.Note
}

// blockDetail is a block's profit as the seed counts it: the turnover with
// its parts and corrections, less the consumables, the goods' cost, the
// extras and the staff's pay.
func blockDetail(b calc.BlockMonth, people []calc.Payslip) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(b.Block.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(title)
	var turnover, extras []string
	for _, c := range b.Corrections {
		line := i18n.T("payroll.block.correction", map[string]any{"Amount": signed(c.Amount), "Reason": c.Reason})
		if c.Field == model.CorrectTurnover {
			turnover = append(turnover, line)
		} else {
			extras = append(extras, line)
		}
	}
	parts := i18n.T("payroll.block.turnover_how", map[string]any{"Sales": b.Sales, "Cards": b.Cards})
	box.Add(sumRow(i18n.T("payroll.col.turnover"), b.Turnover, joinLines(parts, turnover), false))
	box.Add(sumRow(i18n.T("payroll.block.consumables"), -b.Consumables, i18n.T("payroll.block.consumables_how"), false))
	box.Add(sumRow(i18n.T("payroll.block.goods_cost"), -b.GoodsCost, i18n.T("payroll.block.goods_cost_how"), false))
	box.Add(sumRow(i18n.T("payroll.block.extras"), -b.Extras, joinLines("", extras), false))
	box.Add(sumRow(i18n.T("payroll.col.salaries"), -b.Salaries, salariesHow(b, people), false))
	box.Add(widget.NewSeparator())
	box.Add(sumRow(i18n.T("payroll.col.profit"), b.Profit, i18n.T("payroll.block.profit_how"), true))
	if b.Profit <= 0 {
		box.Add(warnRow(i18n.T("payroll.block.loss")))
	}
	if shares := profitShares(b, people); len(shares) > 0 {
		box.Add(heading(i18n.T("payroll.block.shares")))
		for _, s := range shares {
			box.Add(s)
		}
	}
	return box
}

// profitShares are the rows of the shares of b's profit: who, what share,
// how much.
func profitShares(b calc.BlockMonth, people []calc.Payslip) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, p := range people {
		for _, l := range p.Lines {
			if l.Kind == model.PayBlockProfit && l.Block != nil && *l.Block == b.Block.ID {
				how := percent(l.Rate)
				if l.Of > 0 && l.Days < l.Of {
					how += " " + i18n.T("payroll.line.days", map[string]any{"Days": l.Days, "Of": l.Of})
				}
				out = append(out, sumRow(p.Staff.Name, l.Amount, how, false))
			}
		}
	}
	return out
}

// salariesHow names the block's staff whose pay the block carries.
func salariesHow(b calc.BlockMonth, people []calc.Payslip) string {
	how := i18n.T("payroll.block.salaries_how")
	for _, p := range people {
		if p.Staff.BlockID == nil || *p.Staff.BlockID != b.Block.ID {
			continue
		}
		var sum model.Money
		for _, l := range p.Lines {
			if l.Kind != model.PayBlockProfit {
				sum += l.Amount
			}
		}
		how += "\n" + p.Staff.Name + " — " + money(sum)
	}
	return how
}

func joinLines(first string, more []string) string {
	out := first
	for _, l := range more {
		if out != "" {
			out += "\n"
		}
		out += l
	}
	return out
}

// signed writes an amount with its sign: «+2 000 ₽», «−500 ₽».
func signed(m model.Money) string {
	if m > 0 {
		return "+" + money(m)
	}
	return money(m)
}

// totalsDetail is the month's totals: what is earned, withheld and paid,
// the employer's contributions and what the month costs the salon.
func totalsDetail(d *monthData) fyne.CanvasObject {
	r := d.result
	title := widget.NewLabelWithStyle(i18n.T("payroll.totals", map[string]any{"Month": monthName(d.month)}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	rate := d.contrib
	if d.approved && r.Gross != 0 { // as it was when approved
		rate = model.Percent(model.DivRound(int64(r.Contributions)*10000, int64(r.Gross)))
	}
	contribHow := i18n.T("payroll.totals.contrib_how", map[string]any{"Rate": percent(rate)})
	var deducted, advances model.Money
	for _, p := range r.People {
		deducted += p.Deducted()
		advances += p.Advances
	}
	box := container.NewVBox(title,
		sumRow(i18n.T("payroll.col.gross"), r.Gross, i18n.T("payroll.totals.people", map[string]any{"N": len(r.People)}), false),
		sumRow(i18n.T("payroll.detail.tax"), r.Tax, "", false),
		sumRow(i18n.T("payroll.col.deductions"), deducted, "", false),
		sumRow(i18n.T("payroll.col.advances"), advances, "", false),
		sumRow(i18n.T("payroll.col.to_pay"), r.ToPay, "", true),
		widget.NewSeparator(),
		sumRow(i18n.T("payroll.totals.contrib"), r.Contributions, contribHow, false),
		sumRow(i18n.T("payroll.totals.cost"), r.Cost, i18n.T("payroll.totals.cost_how"), true),
		how(i18n.T("payroll.totals.hint")))
	if !d.taxOn && !d.approved {
		box.Add(how(i18n.T("payroll.totals.tax_off")))
	}
	return box
}
