package reports

import (
	"io"

	"companion/model"
	"companion/model/payroll"
)

// WritePayrollSummary writes the owner's summary of a month's payroll as
// A4 pages in lang ("ru" or "en", "" for the language in use): everyone's
// gross, tax, deductions, advances and pay in one table; each person's
// lines with their base and rate; how each block's profit was worked out
// and the shares of it; the month's totals with the employer's
// contributions and what the month costs; lines to sign. It is dated the
// month's end, so the same month always gives the same file.
func WritePayrollSummary(w io.Writer, r payroll.Result, salon string, lang string) error {
	p, err := newPayPDF(r, salon, lang, "L")
	if err != nil {
		return err
	}
	title := p.t("payrollpdf.summary.title", map[string]any{"Month": p.monthName(r.Month)})
	p.pdf.SetTitle(title, true)
	p.footer(func() string { return title })
	p.newPage()
	p.summaryHeader(title)
	p.summaryTable()
	p.summaryPeople()
	p.blocks()
	p.summaryTotals()
	p.summarySignatures()
	if err := p.pdf.Error(); err != nil {
		return err
	}
	return p.pdf.Output(w)
}

// summaryHeader writes the salon, the title, and how many people the
// month pays.
func (p *payPDF) summaryHeader(title string) {
	pdf := p.pdf
	if p.salon != "" {
		pdf.SetFont(fontFamily, "B", 11)
		pdf.CellFormat(0, 6, p.salon, "", 1, "L", false, 0, "")
		pdf.Ln(1)
	}
	pdf.SetFont(fontFamily, "B", 17)
	pdf.MultiCell(0, 8, title, "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	pdf.CellFormat(0, 5.5, p.t("payrollpdf.summary.people", map[string]any{"N": len(p.r.People)}), "", 1, "L", false, 0, "")
}

// peopleCols are the columns of the summary's table of everyone.
var peopleCols = []column{{"payrollpdf.col.person", 44, ""}, {"payrollpdf.col.role", 28, ""},
	{"payrollpdf.col.gross", 22, "R"}, {"payrollpdf.col.tax", 20, "R"}, {"payrollpdf.col.deducted", 20, "R"},
	{"payrollpdf.col.advances", 22, "R"}, {"payrollpdf.col.to_pay", 24, "R"}}

// summaryTable writes everyone's month in one row each, and the totals.
func (p *payPDF) summaryTable() {
	p.section(p.t("payrollpdf.section.table"))
	if len(p.r.People) == 0 {
		p.pdf.CellFormat(0, 5, p.t("payrollpdf.nobody"), "", 1, "L", false, 0, "")
		return
	}
	var rows []row
	var deducted, advances model.Money
	for _, person := range p.r.People {
		rows = append(rows, row{cells: []string{person.Staff.Name, person.Staff.Role, p.money(person.Gross),
			p.money(person.Tax), p.money(person.Deducted()), p.money(person.Advances), p.money(person.ToPay)}})
		deducted += person.Deducted()
		advances += person.Advances
	}
	rows = append(rows, row{cells: []string{p.t("payrollpdf.total"), "", p.money(p.r.Gross), p.money(p.r.Tax),
		p.money(deducted), p.money(advances), p.money(p.r.ToPay)}, total: true})
	p.grid(peopleCols, rows)
}

// summaryPeople writes each person's lines of pay and how they come to
// what is paid.
func (p *payPDF) summaryPeople() {
	if len(p.r.People) == 0 {
		return
	}
	p.section(p.t("payrollpdf.section.lines"))
	for _, person := range p.r.People {
		rows := p.personRows(person)
		p.roomFor(p.gridHeight(lineCols, rows) + 7) // a person's lines together
		p.pdf.SetFont(fontFamily, "B", 10)
		p.pdf.CellFormat(0, 6.5, p.personTitle(person), "", 1, "L", false, 0, "")
		p.grid(lineCols, rows)
		p.pdf.Ln(2.5)
	}
}

// personTitle is a person's name with their role and block.
func (p *payPDF) personTitle(person payroll.Payslip) string {
	if rb := p.roleBlock(person); rb != "" {
		return person.Staff.Name + " — " + rb
	}
	return person.Staff.Name
}

// roleBlock is a person's role and block: «косметолог, Косметология».
func (p *payPDF) roleBlock(person payroll.Payslip) string {
	s := person.Staff.Role
	for _, b := range p.r.Blocks {
		if person.Staff.BlockID != nil && b.Block.ID == *person.Staff.BlockID {
			if s != "" {
				s += ", "
			}
			s += b.Block.Name
		}
	}
	return s
}

// personRows are a person's lines of pay, their gross, the tax, each
// deduction with its ground, the advances and what is to be paid.
func (p *payPDF) personRows(person payroll.Payslip) []row {
	var rows []row
	for _, l := range person.Lines {
		rows = append(rows, row{cells: p.lineRow(l)})
	}
	rows = append(rows, row{cells: []string{p.t("payrollpdf.gross"), "", "", p.money(person.Gross), ""}, total: true})
	if person.Tax != 0 {
		rows = append(rows, row{cells: []string{p.t("payrollpdf.tax"), "", "", p.money(-person.Tax),
			p.t("payrollpdf.tax.year", map[string]any{"Income": person.YearIncome})}})
	}
	for _, d := range person.Deductions {
		rows = append(rows, row{cells: []string{p.t("pay.entry.deduction"), "", "", p.money(-d.Amount), d.Note}})
	}
	if person.Advances != 0 {
		rows = append(rows, row{cells: []string{p.t("pay.entry.advance"), "", "", p.money(-person.Advances), ""}})
	}
	return append(rows, row{cells: []string{p.t("payrollpdf.to_pay"), "", "", p.money(person.ToPay), ""}, total: true})
}

// summaryTotals writes the month's totals: gross, tax, deductions,
// advances, to pay, and beside them the employer's contributions and the
// month's cost of pay.
func (p *payPDF) summaryTotals() {
	var deducted, advances model.Money
	for _, person := range p.r.People {
		deducted += person.Deducted()
		advances += person.Advances
	}
	p.roomFor(60)
	p.section(p.t("payrollpdf.section.totals"))
	p.calcLine(0, p.t("payrollpdf.totals.gross"), p.r.Gross, false)
	p.calcLine(0, p.t("payrollpdf.totals.tax"), -p.r.Tax, false)
	p.calcLine(0, p.t("payrollpdf.totals.deducted"), -deducted, false)
	p.calcLine(0, p.t("payrollpdf.totals.advances"), -advances, false)
	p.calcLine(0, p.t("payrollpdf.totals.to_pay"), p.r.ToPay, true)
	p.pdf.Ln(2)
	p.calcLine(0, p.t("payrollpdf.totals.contributions"), p.r.Contributions, false)
	p.calcLine(0, p.t("payrollpdf.totals.cost"), p.r.Cost, true)
}

// summarySignatures writes the lines for whoever drew the payroll up and
// for the owner who approves it, together on one page.
func (p *payPDF) summarySignatures() {
	p.roomFor(40)
	p.pdf.Ln(8)
	p.signLine(p.t("payrollpdf.sign.made"), "")
	p.pdf.Ln(6)
	p.signLine(p.t("payrollpdf.sign.owner"), "")
}
