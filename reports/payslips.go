package reports

import (
	"io"

	"companion/model"
	"companion/model/payroll"
)

// WritePayslips writes everyone's payslip (расчётный листок) for the
// month, one A4 page each in one document, in lang ("ru" or "en", "" for
// the language in use). A page shows what Labour Code art. 136 asks: the
// parts of the month's pay, each with its base and rate; the other sums
// (bonuses, adjustments naming the month they correct); the income tax and
// each deduction with its ground; the advances; what is to be paid. Whoever
// has a share of a block's profit sees how that profit was worked out, and
// everyone the month's thanks. It is dated the month's end, so the same
// month always gives the same file.
func WritePayslips(w io.Writer, r payroll.Result, salon string, lang string) error {
	p, err := newPayPDF(r, salon, lang, "P")
	if err != nil {
		return err
	}
	title := p.t("payrollpdf.slip.title", map[string]any{"Month": p.monthName(r.Month)})
	p.pdf.SetTitle(title, true)
	var who string
	p.footer(func() string {
		if who == "" {
			return title
		}
		return who + " · " + title
	})
	for _, person := range r.People {
		p.newPage() // the page before has its footer now
		who = person.Staff.Name
		p.payslip(person, title)
	}
	if len(r.People) == 0 {
		p.newPage()
		p.pdf.CellFormat(0, 6, p.t("payrollpdf.nobody"), "", 1, "L", false, 0, "")
	}
	if err := p.pdf.Error(); err != nil {
		return err
	}
	return p.pdf.Output(w)
}

// payslip writes one person's page.
func (p *payPDF) payslip(person payroll.Payslip, title string) {
	pdf := p.pdf
	if p.salon != "" {
		pdf.SetFont(fontFamily, "B", 10.5)
		pdf.CellFormat(0, 5.5, p.salon, "", 1, "L", false, 0, "")
	}
	pdf.SetFont(fontFamily, "B", 15)
	pdf.MultiCell(0, 7.5, title, "", "L", false)
	pdf.SetFont(fontFamily, "B", 12.5)
	pdf.MultiCell(0, 6.5, person.Staff.Name, "", "L", false)
	pdf.SetFont(fontFamily, "", 9.5)
	if rb := p.roleBlock(person); rb != "" {
		pdf.MultiCell(0, 5, rb, "", "L", false)
	}
	p.slipEarned(person)
	p.slipWithheld(person)
	p.slipToPay(person)
	p.slipShares(person)
	p.slipThanks(person)
	p.roomFor(18)
	pdf.Ln(6)
	p.signLine(p.t("payrollpdf.sign.received"), model.ShortName(person.Staff.Name))
}

// slipEarned writes the parts of the month's pay, then the other sums,
// and the gross under them.
func (p *payPDF) slipEarned(person payroll.Payslip) {
	var parts, other []row
	for _, l := range person.Lines {
		if isEntry(l) {
			other = append(other, row{cells: p.lineRow(l)})
		} else {
			parts = append(parts, row{cells: p.lineRow(l)})
		}
	}
	p.section(p.t("payrollpdf.slip.earned"))
	if len(parts) == 0 {
		parts = append(parts, row{cells: []string{p.t("payrollpdf.slip.no_parts"), "", "", "", ""}})
	}
	if len(other) > 0 {
		parts = append(parts, row{cells: []string{p.t("payrollpdf.slip.other"), "", "", "", ""}, total: true})
		parts = append(parts, other...)
	}
	parts = append(parts, row{cells: []string{p.t("payrollpdf.gross"), "", "", p.money(person.Gross), ""}, total: true})
	p.grid(lineCols, parts)
}

// withheldCols are the columns of the tax and the deductions.
var withheldCols = []column{{"payrollpdf.col.kind", 64, ""}, {"payrollpdf.col.ground", 89, ""},
	{"payrollpdf.col.amount", 27, "R"}}

// slipWithheld writes the income tax, each deduction with its ground, and
// the advances paid during the month.
func (p *payPDF) slipWithheld(person payroll.Payslip) {
	p.section(p.t("payrollpdf.slip.withheld"))
	rows := []row{{cells: []string{p.t("payrollpdf.tax"), p.t("payrollpdf.tax.year", map[string]any{"Income": person.YearIncome}),
		p.money(person.Tax)}}}
	for _, d := range person.Deductions {
		rows = append(rows, row{cells: []string{p.t("pay.entry.deduction"), d.Note, p.money(d.Amount)}})
	}
	if person.Advances != 0 {
		rows = append(rows, row{cells: []string{p.t("pay.entry.advance"), p.t("payrollpdf.slip.advance"), p.money(person.Advances)}})
	}
	rows = append(rows, row{cells: []string{p.t("payrollpdf.slip.withheld.total"), "",
		p.money(person.Tax + person.Deducted() + person.Advances)}, total: true})
	p.grid(withheldCols, rows)
}

// slipToPay writes what is to be paid, large, as gross less what was
// withheld and paid before.
func (p *payPDF) slipToPay(person payroll.Payslip) {
	pdf := p.pdf
	pdf.Ln(4)
	pdf.SetFillColor(232, 238, 244)
	pdf.SetFont(fontFamily, "B", 13)
	pdf.CellFormat(126, 10, "  "+p.t("payrollpdf.to_pay"), "TB", 0, "L", true, 0, "")
	pdf.CellFormat(54, 10, p.money(person.ToPay)+"  ", "TB", 1, "R", true, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
}

// slipShares writes, for each share of a block's profit the person has,
// how that profit was worked out and the share.
func (p *payPDF) slipShares(person payroll.Payslip) {
	first := true
	for _, l := range person.Lines {
		if l.Kind != model.PayBlockProfit {
			continue
		}
		b, ok := p.shareBlock(person, l)
		if !ok {
			continue
		}
		if first {
			p.roomFor(blockHeight(b) + 14)
			p.section(p.t("payrollpdf.slip.shares"))
			first = false
		}
		p.blockCalc(b)
		p.shareLine(p.t("payrollpdf.slip.your_share"), l)
	}
}

// recognitionFrom says whom a thanks came from.
var recognitionFrom = map[string]string{"owner": "payrollpdf.thanks.owner", "client": "payrollpdf.thanks.client"}

// slipThanks writes the month's recognitions of the person.
func (p *payPDF) slipThanks(person payroll.Payslip) {
	if len(person.Recognition) == 0 {
		return
	}
	p.section(p.t("payrollpdf.slip.thanks"))
	pdf := p.pdf
	for _, r := range person.Recognition {
		text := "«" + r.Text + "»"
		if p.lang != "ru" {
			text = "“" + r.Text + "”"
		}
		if key, ok := recognitionFrom[r.Source]; ok {
			text += " — " + p.t(key)
		}
		pdf.SetX(pageMargin + 4)
		pdf.MultiCell(176, lineH+0.6, "• "+text, "", "L", false)
	}
}
