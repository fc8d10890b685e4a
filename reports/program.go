package reports

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"companion/model"
	"companion/model/i18n"
)

// programPDF writes a client's program on the record's page furniture:
// its sections, fields and tables.
type programPDF struct {
	*recordPDF
	sh model.ProgramSheet
}

// WriteProgram writes the program a client takes home — the goal, every
// session of the schedule with its specialist, the price with what the
// card pays, the contraindications the manager kept and the lines to sign
// — as A4 pages in lang ("ru" or "en", "" for the language in use), in
// black and white. It is dated the sheet's day, so the same sheet always
// gives the same file.
func WriteProgram(w io.Writer, sh model.ProgramSheet, lang string) error {
	words := i18n.In(lang)
	if sh.Today.IsZero() {
		sh.Today = model.DateOf(time.Now())
	}
	pdf, err := newPDF(sh.Today.Time())
	if err != nil {
		return err
	}
	p := &programPDF{recordPDF: &recordPDF{pdf: pdf, w: words, lang: words.Lang(), today: sh.Today}, sh: sh}
	prog, name := sh.View.Program, sh.Client.FullName()
	pdf.SetTitle(prog.Title+": "+name, true)
	pdf.SetAuthor(strings.TrimSpace(sh.Salon+" · Companion"), true)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(90, 90, 90)
		page := p.t("programpdf.page", map[string]any{"N": pdf.PageNo()})
		pdf.CellFormat(0, 4, name+" · "+prog.Title+" · "+page, "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	p.header()
	p.goal()
	p.schedule()
	p.price()
	p.contraindications()
	p.signatures()
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// header writes the salon's name and the day, the program's title and
// whom it is for.
func (p *programPDF) header() {
	pdf, c := p.pdf, p.sh.Client
	pdf.SetFont(fontFamily, "B", 11)
	pdf.CellFormat(120, 6, p.sh.Salon, "", 0, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 9)
	pdf.CellFormat(0, 6, p.t("programpdf.created", map[string]any{"Date": p.today}), "", 1, "R", false, 0, "")
	pdf.Ln(2)
	pdf.SetFont(fontFamily, "", 10)
	pdf.CellFormat(0, 5, p.t("programpdf.kind"), "", 1, "L", false, 0, "")
	pdf.SetFont(fontFamily, "B", 18)
	pdf.MultiCell(0, 8.5, p.sh.View.Program.Title, "", "L", false)
	pdf.Ln(1)
	pdf.SetFont(fontFamily, "B", 12)
	pdf.MultiCell(0, 6, c.FullName(), "", "L", false)
	if c.Phone != "" {
		pdf.SetFont(fontFamily, "", 10)
		pdf.CellFormat(0, 5, p.t("programpdf.phone")+": "+model.FormatPhone(c.Phone), "", 1, "L", false, 0, "")
	}
}

// programStatus are the words of each status of a program.
var programStatus = map[string]string{
	model.ProgramDraft:     "programpdf.status.draft",
	model.ProgramActive:    "programpdf.status.active",
	model.ProgramCompleted: "programpdf.status.completed",
	model.ProgramCancelled: "programpdf.status.cancelled",
}

// goal writes the goal in the client's words, the target changes and
// their day, the start, the status and how far the client has come.
func (p *programPDF) goal() {
	prog := p.sh.View.Program
	p.section(p.t("programpdf.section.goal"))
	p.field(p.t("programpdf.goal"), prog.Goal)
	if prog.WeightChangeKg != 0 {
		p.field(p.t("programpdf.weight"), p.t("programpdf.kg", map[string]any{"Value": p.signed(prog.WeightChangeKg)}))
	}
	if prog.WaistChangeCm != 0 {
		p.field(p.t("programpdf.waist"), p.t("programpdf.cm", map[string]any{"Value": p.signed(prog.WaistChangeCm)}))
	}
	if !prog.GoalBy.IsZero() {
		p.field(p.t("programpdf.goal_by"), p.t("programpdf.goal_by.date", map[string]any{"Date": prog.GoalBy}))
	}
	p.field(p.t("programpdf.start"), p.date(prog.StartOn))
	if key, ok := programStatus[prog.Status]; ok {
		p.field(p.t("programpdf.status"), p.t(key))
	}
	p.progress()
}

// signed writes a target change with its sign and every decimal it was
// set with: −5, +2,5.
func (p *programPDF) signed(x float64) string {
	sign := "+"
	if x < 0 {
		sign = "−"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	if p.lang == "ru" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return sign + s
}

// weekdayKeys name the days of the week from Monday.
var weekdayKeys = []string{"programpdf.weekday.mon", "programpdf.weekday.tue", "programpdf.weekday.wed",
	"programpdf.weekday.thu", "programpdf.weekday.fri", "programpdf.weekday.sat", "programpdf.weekday.sun"}

// day writes a session's day with its weekday: «пн 07.12.2026».
func (p *programPDF) day(d model.Date) string {
	return p.t(weekdayKeys[(int(d.Time().Weekday())+6)%7]) + " " + p.date(d)
}

// schedule writes every session in date order with its specialist and,
// when the card pays any of them, how each one is paid.
func (p *programPDF) schedule() {
	v := p.sh.View
	p.section(p.t("programpdf.section.schedule"))
	if len(v.Schedule) == 0 {
		p.pdf.CellFormat(0, 5, p.t("programpdf.schedule.none"), "", 1, "L", false, 0, "")
		return
	}
	var st *model.CardState
	if v.Card != nil {
		st = &v.Card.State
	}
	byCard := model.CardPays(v.Program, v.Schedule, st)
	withCard := v.Price.CardSessions > 0
	cols := []column{{"programpdf.col.n", 10, "R"}, {"programpdf.col.date", 30, ""},
		{"programpdf.col.service", 96, ""}, {"programpdf.col.staff", 44, ""}}
	if withCard {
		cols[2].w -= 24
		cols = append(cols, column{"programpdf.col.payment", 24, ""})
	}
	rows := make([][]string, len(v.Schedule))
	for i, s := range v.Schedule {
		it := v.Program.Items[s.Item]
		staff := "—"
		if it.StaffID != nil && p.sh.Staff[*it.StaffID] != "" {
			staff = p.sh.Staff[*it.StaffID]
		}
		rows[i] = []string{strconv.Itoa(i + 1), p.day(s.On), it.Name, staff}
		if withCard {
			pay := p.t("programpdf.pay.money")
			if byCard[i] {
				pay = p.t("programpdf.pay.card")
			}
			rows[i] = append(rows[i], pay)
		}
	}
	p.table(cols, rows)
}

// price writes what the program costs, what the card pays, the discount
// and, in bold under a rule, what the client pays.
func (p *programPDF) price() {
	v := p.sh.View
	pr := v.Price
	p.section(p.t("programpdf.section.price"))
	p.priceLine(p.t("programpdf.price.total", map[string]any{"Sessions": len(v.Schedule)}), p.money(pr.Total), false)
	if v.Card != nil || pr.CardSessions > 0 {
		number := ""
		if v.Card != nil {
			number = v.Card.Card.Number
		}
		p.priceLine(p.t("programpdf.price.card", map[string]any{"Number": number, "Sessions": pr.CardSessions}),
			p.money(-pr.ByCard), false)
	}
	if pr.Discount > 0 {
		p.priceLine(p.t("programpdf.price.discount"), p.money(-pr.Discount), false)
	}
	p.priceLine(p.t("programpdf.price.to_pay"), p.money(pr.ToPay), true)
}

// priceLine writes a line of the price: the words, and the amount to the
// right; the total bold under a rule.
func (p *programPDF) priceLine(label, amount string, total bool) {
	pdf := p.pdf
	style, border, h := "", "", lineH+0.6
	if total {
		style, border, h = "B", "T", lineH+2.5
		pdf.SetFont(fontFamily, "B", 11)
	} else {
		pdf.SetFont(fontFamily, "", 10)
	}
	pdf.SetX(pageMargin + 40)
	pdf.CellFormat(95, h, label, border, 0, "L", false, 0, "")
	pdf.SetFont(fontFamily, style, 11)
	pdf.CellFormat(45, h, amount, border, 1, "R", false, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
}

// contraindications writes each service kept against the client's
// conditions, the conditions and the manager's reason.
func (p *programPDF) contraindications() {
	items := p.sh.View.Program.Items
	first := true
	for _, it := range items {
		if it.Contraindicated == "" {
			continue
		}
		if first {
			p.section(p.t("programpdf.section.contra"))
			first = false
		}
		pdf := p.pdf
		pdf.SetFont(fontFamily, "B", 9.5)
		pdf.MultiCell(0, lineH+0.4, it.Name, "", "L", false)
		pdf.SetFont(fontFamily, "", 9.5)
		pdf.SetX(pageMargin + 6)
		pdf.MultiCell(0, lineH+0.4, p.t("programpdf.contra.conditions", map[string]any{"Conditions": it.Contraindicated}), "", "L", false)
		if it.Override != "" {
			pdf.SetX(pageMargin + 6)
			pdf.MultiCell(0, lineH+0.4, p.t("programpdf.contra.reason", map[string]any{"Reason": it.Override}), "", "L", false)
		}
		pdf.Ln(1)
	}
}

// progress writes the sessions done of the planned ones, for a program
// that has started.
func (p *programPDF) progress() {
	v := p.sh.View
	if v.Program.Status != model.ProgramActive && v.Program.Status != model.ProgramCompleted {
		return
	}
	pr := v.Progress
	p.field(p.t("programpdf.progress"), p.t("programpdf.progress.value",
		map[string]any{"Done": pr.Done, "Planned": pr.Planned, "Percent": pr.Percent}))
}

// signatures writes the client's consent and a line to sign and date for
// the client and for the manager, together on one page.
func (p *programPDF) signatures() {
	pdf := p.pdf
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+40 > pageH-pageMargin {
		pdf.AddPage()
	}
	pdf.Ln(5)
	pdf.SetFont(fontFamily, "", 10)
	pdf.MultiCell(0, 5, p.t("programpdf.agree"), "", "L", false)
	pdf.Ln(5)
	p.signLine(p.t("programpdf.sign.client"), model.ShortName(p.sh.Client.FullName()))
	pdf.Ln(5)
	p.signLine(p.t("programpdf.sign.manager"), "")
}

// signLine writes a role, a line for the signature, a line with the name
// (printed when known) and a line for the date, each captioned below.
func (p *programPDF) signLine(role, name string) {
	pdf := p.pdf
	const h = 6.0
	x, y := pageMargin, pdf.GetY()
	pdf.SetFont(fontFamily, "B", 10)
	pdf.SetXY(x, y)
	pdf.CellFormat(24, h, role, "", 0, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 10)
	pdf.CellFormat(56, h, "", "B", 0, "L", false, 0, "")
	pdf.CellFormat(4, h, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(50, h, name, "B", 0, "C", false, 0, "")
	pdf.CellFormat(4, h, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(12, h, p.t("programpdf.sign.date"), "", 0, "L", false, 0, "")
	pdf.CellFormat(30, h, "", "B", 1, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 7.5)
	pdf.SetX(x + 24)
	pdf.CellFormat(56, 4, p.t("programpdf.sign.signature"), "", 0, "C", false, 0, "")
	pdf.CellFormat(4, 4, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(50, 4, p.t("programpdf.sign.name"), "", 1, "C", false, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
}
