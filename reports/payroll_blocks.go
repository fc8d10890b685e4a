package reports

import (
	"companion/model"
	"companion/model/payroll"
)

// blockCalc writes how a block's profit was worked out, as the seed
// counts it: the turnover (sales, cards, each correction with its reason),
// less the consumables, the goods' cost, each extra with its reason and
// the staff's pay before any share of the profit.
func (p *payPDF) blockCalc(b payroll.BlockMonth) {
	p.roomFor(blockHeight(b))
	pdf := p.pdf
	pdf.SetFont(fontFamily, "B", 10.5)
	pdf.CellFormat(0, 6.5, p.t("payrollpdf.block.title", map[string]any{"Block": b.Block.Name}), "", 1, "L", false, 0, "")
	const in = 4.0
	p.calcLine(in, p.t("payrollpdf.block.sales"), b.Sales, false)
	p.calcLine(in, p.t("payrollpdf.block.cards"), b.Cards, false)
	for _, c := range b.Corrections {
		if c.Field == model.CorrectTurnover {
			p.calcLine(in, p.t("payrollpdf.block.correction", map[string]any{"Reason": c.Reason}), c.Amount, false)
		}
	}
	p.calcLine(in, p.t("payrollpdf.block.turnover"), b.Turnover, true)
	p.calcLine(in, p.t("payrollpdf.block.consumables"), -b.Consumables, false)
	p.calcLine(in, p.t("payrollpdf.block.goods_cost"), -b.GoodsCost, false)
	for _, c := range b.Corrections {
		if c.Field == model.CorrectConsumables {
			p.calcLine(in, p.t("payrollpdf.block.extra", map[string]any{"Reason": c.Reason}), -c.Amount, false)
		}
	}
	p.calcLine(in, p.t("payrollpdf.block.salaries"), -b.Salaries, false)
	key := "payrollpdf.block.profit"
	if b.Profit < 0 {
		key = "payrollpdf.block.loss"
	}
	p.calcLine(in, p.t(key), b.Profit, true)
	pdf.Ln(1.5)
}

// blockHeight is about how tall blockCalc writes b, with a share below.
func blockHeight(b payroll.BlockMonth) float64 {
	return 6.5 + float64(8+len(b.Corrections))*(lineH+0.6) + 2*(lineH+1.6) + 1.5
}

// shareBlock is the block whose profit a line of pay is a share of: the
// one whose profit is the line's base, the person's own first.
func (p *payPDF) shareBlock(person payroll.Payslip, l payroll.PayLine) (payroll.BlockMonth, bool) {
	var found []payroll.BlockMonth
	for _, b := range p.r.Blocks {
		if b.Profit == l.Base {
			found = append(found, b)
		}
	}
	for _, b := range found {
		if person.Staff.BlockID != nil && b.Block.ID == *person.Staff.BlockID {
			return b, true
		}
	}
	if len(found) == 0 {
		return payroll.BlockMonth{}, false
	}
	return found[0], true
}

// shareLine writes a person's share of a block's profit under the
// block's calculation: the rate and the amount, or why it is nothing.
func (p *payPDF) shareLine(label string, l payroll.PayLine) {
	if l.Note == payroll.NoteLoss {
		p.pdf.SetX(pageMargin + 4)
		p.pdf.SetFont(fontFamily, "", 9.5)
		p.pdf.MultiCell(146, lineH+0.6, label+": "+p.t("pay.note.loss"), "", "L", false)
		return
	}
	p.calcLine(4, p.t("payrollpdf.block.share", map[string]any{"Who": label, "Rate": p.lineRate(l)}), l.Amount, false)
}

// blocks writes every block's calculation with the shares taken of it.
func (p *payPDF) blocks() {
	if len(p.r.Blocks) == 0 {
		return
	}
	p.roomFor(blockHeight(p.r.Blocks[0]) + 14) // the title with the first block
	p.section(p.t("payrollpdf.section.blocks"))
	for _, b := range p.r.Blocks {
		p.blockCalc(b)
		for _, person := range p.r.People {
			for _, l := range person.Lines {
				if l.Kind != model.PayBlockProfit {
					continue
				}
				if sb, ok := p.shareBlock(person, l); ok && sb.Block.ID == b.Block.ID {
					p.shareLine(person.Staff.Name, l)
				}
			}
		}
		p.pdf.Ln(2)
	}
}
