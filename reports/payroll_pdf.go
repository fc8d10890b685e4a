package reports

import (
	"strconv"
	"strings"
	"time"

	"companion/model"
	"companion/model/i18n"
	"companion/model/payroll"
)

// payPDF writes a month's payroll — the owner's summary or the payslips —
// on the record's page furniture: its sections, tables and fonts.
type payPDF struct {
	*recordPDF
	r      payroll.Result
	salon  string
	orient string // "P" portrait or "L" landscape, every page
}

// newPayPDF starts a payroll document in lang, its pages A4 in orient ("P"
// or "L"), with the fonts parsed once for all its pages. It is dated the
// month's end, so the same month always gives the same file.
func newPayPDF(r payroll.Result, salon, lang, orient string) (*payPDF, error) {
	words := i18n.In(lang)
	month := model.MonthOf(r.Month)
	end := month.AddDays(model.DaysIn(month) - 1)
	pdf, err := newPDF(end.Time().Add(18 * time.Hour))
	if err != nil {
		return nil, err
	}
	p := &payPDF{recordPDF: &recordPDF{pdf: pdf, w: words, lang: words.Lang(), today: end}, r: r, salon: salon,
		orient: orient}
	pdf.SetAuthor(strings.TrimSpace(salon+" · Companion"), true)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	return p, nil
}

// footer sets the line at the foot of every page: what the page is, and
// its number.
func (p *payPDF) footer(what func() string) {
	pdf := p.pdf
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(90, 90, 90)
		page := p.t("payrollpdf.page", map[string]any{"N": pdf.PageNo()})
		line := what() + " · " + page
		if p.salon != "" {
			line = p.salon + " · " + line
		}
		pdf.CellFormat(0, 4, line, "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
}

// monthKeys name the months, January first, as «за …» takes them.
var monthKeys = []string{"payrollpdf.month.1", "payrollpdf.month.2", "payrollpdf.month.3", "payrollpdf.month.4",
	"payrollpdf.month.5", "payrollpdf.month.6", "payrollpdf.month.7", "payrollpdf.month.8", "payrollpdf.month.9",
	"payrollpdf.month.10", "payrollpdf.month.11", "payrollpdf.month.12"}

// monthName writes a month with its year: «октябрь 2026 г.».
func (p *payPDF) monthName(d model.Date) string {
	return p.t("payrollpdf.month_year", map[string]any{"Month": p.t(monthKeys[d.Month()-1]), "Year": d.Year()})
}

// percent writes a share in hundredths of a percent the language's way:
// «10 %», «12,5 %».
func (p *payPDF) percent(v model.Percent) string {
	s := strconv.FormatInt(int64(v)/100, 10)
	if frac := int64(v) % 100; frac != 0 {
		dec := "."
		if p.lang == "ru" {
			dec = ","
		}
		s += dec + strings.TrimRight(strconv.FormatInt(frac/10, 10)+strconv.FormatInt(frac%10, 10), "0")
	}
	return p.t("payrollpdf.percent", map[string]any{"Value": s})
}

// isEntry reports whether a line of pay is a sum entered for the month (a
// one-off bonus or an adjustment) rather than a part of the pay scheme; a
// monthly bonus of the scheme has its days, an entered one none.
func isEntry(l payroll.PayLine) bool {
	return l.Kind == model.EntryAdjustment || l.Kind == model.EntryBonus && l.Of == 0
}

// lineName is what a line of pay is for: the component's name, or the
// entry's, an adjustment with the month it corrects.
func (p *payPDF) lineName(l payroll.PayLine) string {
	switch {
	case l.Kind == model.EntryAdjustment && !l.Ref.IsZero():
		return p.t("payrollpdf.adjustment", map[string]any{"Month": p.monthName(l.Ref)})
	case isEntry(l):
		return p.t("pay.entry." + l.Kind) // an adjustment whose month is not known, too
	}
	return p.t("pay.kind." + l.Kind)
}

// lineRate is a line's rate and, when it was in force part of the month,
// its days: «20 %», «15 из 31 дн.», «10 % · 15 из 31 дн.».
func (p *payPDF) lineRate(l payroll.PayLine) string {
	if isEntry(l) || l.Kind == model.PayBonus {
		return ""
	}
	var parts []string
	if l.Rate != 0 {
		parts = append(parts, p.percent(l.Rate))
	}
	salary := l.Kind == model.PaySalary || l.Kind == model.PayDirectorRate
	if l.Of > 0 && (salary || l.Days < l.Of) {
		parts = append(parts, p.t("payrollpdf.days", map[string]any{"Days": l.Days, "Of": l.Of}))
	}
	return strings.Join(parts, " · ")
}

// lineNote is the ground of an entry, the way a tiered share was taken,
// or why a share of a block's profit is nothing.
func (p *payPDF) lineNote(l payroll.PayLine) string {
	switch {
	case l.Note == payroll.NoteLoss && !isEntry(l):
		return p.t("pay.note.loss")
	case l.Mode != "":
		return p.t("pay.mode." + l.Mode)
	}
	return l.Note
}

// lineRow is a line of pay as a row of the lines' table: what it is for,
// its base, its rate, the amount and a note.
func (p *payPDF) lineRow(l payroll.PayLine) []string {
	base := ""
	if !isEntry(l) {
		base = p.money(l.Base)
	}
	return []string{p.lineName(l), base, p.lineRate(l), p.money(l.Amount), p.lineNote(l)}
}

// lineCols are the columns of a person's lines of pay.
var lineCols = []column{{"payrollpdf.col.kind", 52, ""}, {"payrollpdf.col.base", 27, "R"},
	{"payrollpdf.col.rate", 30, ""}, {"payrollpdf.col.amount", 27, "R"}, {"payrollpdf.col.note", 44, ""}}

// row is a row of a payroll table; a total is bold on a tinted ground.
type row struct {
	cells []string
	total bool
}

// grid writes rows under a header that repeats on each new page; cells
// wrap, and a row never splits across pages. The columns are fitted to the
// page's width.
func (p *payPDF) grid(cols []column, rows []row) {
	pdf := p.pdf
	cols = p.fit(cols)
	_, pageH := pdf.GetPageSize()
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = p.t(c.key)
	}
	titleFont := p.fitWords(cols, titles)
	titleLines, titleH := p.wrap(cols, titles)
	head := func() {
		pdf.SetFont(fontFamily, "B", titleFont)
		pdf.SetFillColor(232, 238, 244)
		p.cells(cols, titleLines, titleH, true)
	}
	for k, rw := range rows {
		style := ""
		if rw.total {
			style = "B"
		}
		pdf.SetFont(fontFamily, style, tableFont)
		lines, h := p.wrap(cols, rw.cells)
		need := h
		if k == 0 {
			need += titleH
		}
		if pdf.GetY()+need > pageH-pageMargin-4 || k == 0 {
			if k > 0 {
				p.newPage()
			}
			head()
			pdf.SetFont(fontFamily, style, tableFont)
		}
		pdf.SetFillColor(245, 245, 245)
		p.cells(cols, lines, h, rw.total)
	}
	pdf.SetFont(fontFamily, "", 9.5)
}

// gridHeight is how tall grid would write rows, with its header.
func (p *payPDF) gridHeight(cols []column, rows []row) float64 {
	cols = p.fit(cols)
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = p.t(c.key)
	}
	p.fitWords(cols, titles)
	_, h := p.wrap(cols, titles)
	for _, rw := range rows {
		style := ""
		if rw.total {
			style = "B"
		}
		p.pdf.SetFont(fontFamily, style, tableFont)
		_, rh := p.wrap(cols, rw.cells)
		h += rh
	}
	p.pdf.SetFont(fontFamily, "", 9.5)
	return h
}

// calcLine writes a line of a calculation: the words indented by indent
// mm, the amount to the right; a total bold under a rule.
func (p *payPDF) calcLine(indent float64, label string, amount model.Money, total bool) {
	pdf := p.pdf
	style, border, h := "", "", lineH+0.6
	if total {
		style, border, h = "B", "T", lineH+1.6
	}
	pdf.SetFont(fontFamily, style, 9.5)
	pdf.SetX(pageMargin + indent)
	const width = 150.0
	lines := pdf.SplitText(label, width-indent-40)
	for i, l := range lines {
		if i+1 < len(lines) {
			pdf.CellFormat(width-indent-40, h, l, "", 2, "L", false, 0, "")
			continue
		}
		pdf.CellFormat(width-indent-40, h, l, border, 0, "L", false, 0, "")
	}
	pdf.CellFormat(40, h, p.money(amount), border, 1, "R", false, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
}

// signLine writes a role, a line for the signature, a line with the name
// (printed when known) and a line for the date, each captioned below.
func (p *payPDF) signLine(role, name string) {
	pdf := p.pdf
	const h = 6.0
	x, y := pageMargin, pdf.GetY()
	pdf.SetFont(fontFamily, "B", 9.5)
	pdf.SetXY(x, y)
	pdf.CellFormat(58, h, role, "", 0, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
	pdf.CellFormat(38, h, "", "B", 0, "L", false, 0, "")
	pdf.CellFormat(4, h, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(40, h, name, "B", 0, "C", false, 0, "")
	pdf.CellFormat(4, h, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(10, h, p.t("payrollpdf.sign.date"), "", 0, "L", false, 0, "")
	pdf.CellFormat(26, h, "", "B", 1, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 7.5)
	pdf.SetX(x + 58)
	pdf.CellFormat(38, 4, p.t("payrollpdf.sign.signature"), "", 0, "C", false, 0, "")
	pdf.CellFormat(4, 4, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(40, 4, p.t("payrollpdf.sign.name"), "", 1, "C", false, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
}

// roomFor starts a new page unless h mm are left on this one.
func (p *payPDF) roomFor(h float64) {
	_, pageH := p.pdf.GetPageSize()
	if p.pdf.GetY()+h > pageH-pageMargin {
		p.newPage()
	}
}

// newPage starts a page in the document's orientation.
func (p *payPDF) newPage() {
	p.pdf.AddPageFormat(p.orient, p.pdf.GetPageSizeStr("A4"))
}

// width is how wide the text of a page is.
func (p *payPDF) width() float64 {
	w, _ := p.pdf.GetPageSize()
	return w - 2*pageMargin
}

// fit widens or narrows columns set for a portrait page to the page's
// width, each in proportion.
func (p *payPDF) fit(cols []column) []column {
	var sum float64
	for _, c := range cols {
		sum += c.w
	}
	out := make([]column, len(cols))
	for i, c := range cols {
		out[i] = column{c.key, c.w * p.width() / sum, c.align}
	}
	return out
}

// section starts a part under its title, on a new page when too little
// room is left for the title and the first lines below it.
func (p *payPDF) section(title string) {
	pdf := p.pdf
	p.roomFor(32)
	pdf.Ln(3)
	pdf.SetFont(fontFamily, "B", 12)
	pdf.SetTextColor(40, 80, 120)
	pdf.CellFormat(0, 7, title, "B", 1, "L", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "", 9.5)
	pdf.Ln(1.5)
}
