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

// qualityPDF writes the quality reports on the record's page furniture:
// its sections, fields and tables, with the salon's name at the head.
type qualityPDF struct {
	*recordPDF
	salon string
}

// newQualityPDF starts an A4 report in lang dated today (the time now when
// unset, so that the same data read on the same day gives the same file),
// whose footer names it and the month and counts the pages.
func newQualityPDF(today, month model.Date, salon, lang, titleKey string) (*qualityPDF, error) {
	words := i18n.In(lang)
	if today.IsZero() {
		today = model.DateOf(time.Now())
	}
	pdf, err := newPDF(today.Time())
	if err != nil {
		return nil, err
	}
	q := &qualityPDF{recordPDF: &recordPDF{pdf: pdf, w: words, lang: words.Lang(), today: today}, salon: salon}
	title := q.t(titleKey) + " · " + q.monthName(month)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(strings.TrimSpace(salon+" · Companion"), true)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(110, 110, 110)
		page := q.t("qualitypdf.page", map[string]any{"N": pdf.PageNo()})
		pdf.CellFormat(0, 4, title+" · "+page, "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	return q, nil
}

// qualityMonthKeys name the months, January first, as a report's heading does.
var qualityMonthKeys = [12]string{"qualitypdf.month.1", "qualitypdf.month.2", "qualitypdf.month.3", "qualitypdf.month.4",
	"qualitypdf.month.5", "qualitypdf.month.6", "qualitypdf.month.7", "qualitypdf.month.8", "qualitypdf.month.9",
	"qualitypdf.month.10", "qualitypdf.month.11", "qualitypdf.month.12"}

// monthName writes a month with its year: «ноябрь 2026».
func (q *qualityPDF) monthName(d model.Date) string {
	return q.t("qualitypdf.month_year", map[string]any{"Month": q.t(qualityMonthKeys[d.Month()-1]), "Year": d.Year()})
}

// head writes the salon's name and the day the report was made, the
// report's title, and below it the subject in large type and its line.
func (q *qualityPDF) head(titleKey, subject, line string) {
	pdf := q.pdf
	pdf.SetFont(fontFamily, "B", 11)
	pdf.CellFormat(120, 6, q.salon, "", 0, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 9)
	pdf.CellFormat(0, 6, q.t("qualitypdf.created", map[string]any{"Date": q.today}), "", 1, "R", false, 0, "")
	pdf.Ln(2)
	pdf.SetFont(fontFamily, "", 10)
	pdf.CellFormat(0, 5, q.t(titleKey), "", 1, "L", false, 0, "")
	pdf.SetFont(fontFamily, "B", 18)
	pdf.MultiCell(0, 8.5, subject, "", "L", false)
	if line != "" {
		pdf.SetFont(fontFamily, "", 11)
		pdf.MultiCell(0, 5.5, line, "", "L", false)
	}
	pdf.Ln(1)
}

// say writes a paragraph in the body's font.
func (q *qualityPDF) say(text string) {
	q.pdf.SetFont(fontFamily, "", 9.5)
	q.pdf.MultiCell(0, lineH+0.4, text, "", "L", false)
}

// figure writes a score with the number of answers behind it: «4,6 (12)»;
// too few answers to compare as such, «мало (3)», without the value that
// would invite a comparison; no answers as «—».
func (q *qualityPDF) figure(f model.Figure, value func(float64) string) string {
	switch {
	case !f.Known():
		return "—"
	case !f.Enough():
		return q.t("qualitypdf.too_few", map[string]any{"N": f.N})
	}
	return q.t("qualitypdf.figure", map[string]any{"Value": value(f.Value), "N": f.N})
}

// rating writes an average rating with one decimal: «4,6».
func (q *qualityPDF) rating(v float64) string { return q.w.Decimal(v) }

// share writes a percent: «75 %».
func (q *qualityPDF) share(v float64) string {
	return q.t("qualitypdf.percent", map[string]any{"Value": strconv.Itoa(int(v))})
}

// nps writes a net promoter score, a negative one with a true minus: «−20».
func (q *qualityPDF) nps(v float64) string {
	if v < 0 {
		return "−" + strconv.Itoa(int(math.Abs(v)))
	}
	return strconv.Itoa(int(v))
}

// scoreCells are a staff member's figures as the table and the sheet write
// them: rating, complaints, thanks, standards kept, NPS.
func (q *qualityPDF) scoreCells(sc model.Score) []string {
	return []string{q.figure(sc.Rating, q.rating), strconv.Itoa(sc.Complaints), strconv.Itoa(sc.Thanks),
		q.figure(sc.Kept, q.share), q.figure(sc.NPS, q.nps)}
}

// legend writes, small, how to read the figures, and more when given.
func (q *qualityPDF) legend(more string) {
	pdf := q.pdf
	pdf.Ln(1)
	pdf.SetFont(fontFamily, "", 8)
	pdf.SetTextColor(90, 90, 90)
	text := q.t("qualitypdf.legend", map[string]any{"Min": model.MinAnswers})
	pdf.MultiCell(0, 3.8, strings.TrimSpace(text+" "+more), "", "L", false)
	pdf.SetTextColor(0, 0, 0)
}

// WriteQualityReport writes the month's quality report of the salon — every
// staff member's figures, each with the number of answers behind it (too
// few to compare said as such, none as «—»), the salon's NPS and what it
// is made of, what the complaints were about, the complaints still open
// and the proposals in hand — as A4 pages in lang ("ru" or "en", "" for
// the language in use). It is dated the day it was read, so the same data
// always gives the same file.
func WriteQualityReport(w io.Writer, m model.QualityMonth, salon string, lang string) error {
	q, err := newQualityPDF(m.Today, m.Month, salon, lang, "qualitypdf.title")
	if err != nil {
		return err
	}
	q.head("qualitypdf.title", q.monthName(m.Month), "")
	q.staffTable(m)
	q.salonNPS(m.NPS)
	q.complaintTopics(m)
	q.openComplaints(m)
	q.proposals(m)
	if err := q.pdf.Error(); err != nil {
		return err
	}
	return q.pdf.Output(w)
}

// staffTable writes a row of figures for each staff member, in the order
// given: by name, never ranked.
func (q *qualityPDF) staffTable(m model.QualityMonth) {
	q.section(q.t("qualitypdf.section.staff"))
	if len(m.Staff) == 0 {
		q.say(q.t("qualitypdf.staff.none"))
		return
	}
	cols := []column{{"qualitypdf.col.staff", 44, ""}, {"qualitypdf.col.position", 28, ""},
		{"qualitypdf.col.rating", 20, "R"}, {"qualitypdf.col.complaints", 20, "R"}, {"qualitypdf.col.thanks", 24, "R"},
		{"qualitypdf.col.kept", 22, "R"}, {"qualitypdf.col.nps", 22, "R"}}
	rows := make([][]string, len(m.Staff))
	for i, s := range m.Staff {
		rows[i] = append([]string{s.Staff.Name, s.Staff.Role}, q.scoreCells(s.Score)...)
	}
	q.table(cols, rows)
	q.legend(q.t("qualitypdf.legend.order"))
}

// salonNPS writes the salon's NPS of the month and the answers it is made
// of: promoters, passives, detractors.
func (q *qualityPDF) salonNPS(s model.NPSSplit) {
	q.section(q.t("qualitypdf.section.nps"))
	if !s.Score.Known() {
		q.say(q.t("qualitypdf.nps.none"))
		return
	}
	value := q.nps(s.Score.Value)
	if !s.Score.Enough() {
		value = q.t("qualitypdf.nps.too_few", map[string]any{"Value": value, "Min": model.MinAnswers})
	}
	q.field(q.t("qualitypdf.nps.salon"), value)
	q.field(q.t("qualitypdf.nps.answers"), strconv.Itoa(s.Score.N))
	q.field(q.t("qualitypdf.nps.promoters", map[string]any{"From": model.NPSPromoterFrom}), strconv.Itoa(s.Promoters))
	q.field(q.t("qualitypdf.nps.passives", map[string]any{"From": model.NPSDetractorTo + 1, "To": model.NPSPromoterFrom - 1}),
		strconv.Itoa(s.Passives))
	q.field(q.t("qualitypdf.nps.detractors", map[string]any{"To": model.NPSDetractorTo}), strconv.Itoa(s.Detractors))
	q.pdf.Ln(1)
	q.say(q.t("qualitypdf.nps.rule"))
}

// complaintTopics writes how many complaints came in the month and the
// services and staff members most complained about, counted.
func (q *qualityPDF) complaintTopics(m model.QualityMonth) {
	q.section(q.t("qualitypdf.section.topics"))
	if m.Complaints == 0 {
		q.say(q.t("qualitypdf.topics.none"))
		return
	}
	q.say(q.t("qualitypdf.topics.total", map[string]any{"N": m.Complaints}))
	for _, part := range []struct {
		key    string
		counts []model.Count
	}{{"qualitypdf.col.service", m.ByService}, {"qualitypdf.col.staff", m.ByStaff}} {
		if len(part.counts) == 0 {
			continue
		}
		q.pdf.Ln(2)
		rows := make([][]string, len(part.counts))
		for i, c := range part.counts {
			rows[i] = []string{c.Name, strconv.Itoa(c.N)}
		}
		q.table([]column{{part.key, 90, ""}, {"qualitypdf.col.complaints", 25, "R"}}, rows)
	}
}

// complaintState are the words of each state of a complaint.
var complaintState = map[string]string{
	model.StateNew:       "qualitypdf.state.new",
	model.StatePassed:    "qualitypdf.state.passed",
	model.StateAnswered:  "qualitypdf.state.answered",
	model.StateResolved:  "qualitypdf.state.resolved",
	model.StateClosed:    "qualitypdf.state.closed",
	model.StateWithdrawn: "qualitypdf.state.withdrawn",
}

// openComplaints writes the complaints still open, the oldest first, each
// overdue one said so with its days.
func (q *qualityPDF) openComplaints(m model.QualityMonth) {
	q.section(q.t("qualitypdf.section.open"))
	if len(m.Open) == 0 {
		q.say(q.t("qualitypdf.open.none"))
		return
	}
	overdue := 0
	rows := make([][]string, len(m.Open))
	for i, c := range m.Open {
		state := q.t(complaintState[c.State])
		if c.Overdue {
			overdue++
			state += "\n" + q.t("qualitypdf.open.overdue", map[string]any{"N": m.Today.DaysSince(c.On)})
		}
		who := strings.TrimSpace(c.Staff + "\n" + c.Service)
		rows[i] = []string{q.date(c.On), c.Client, who, q.t("qualitypdf.words", map[string]any{"Words": c.Words}), state}
	}
	q.say(q.t("qualitypdf.open.total", map[string]any{"N": len(m.Open), "Overdue": overdue, "Days": model.OverdueDays}))
	q.pdf.Ln(1.5)
	q.table([]column{{"qualitypdf.col.day", 20, ""}, {"qualitypdf.col.client", 32, ""}, {"qualitypdf.col.about", 34, ""},
		{"qualitypdf.col.words", 62, ""}, {"qualitypdf.col.state", 32, ""}}, rows)
}

// proposalStatus are the words of each status of a proposal.
var proposalStatus = map[string]string{
	model.ProposalProposed: "qualitypdf.proposal.proposed",
	model.ProposalAccepted: "qualitypdf.proposal.accepted",
	model.ProposalDone:     "qualitypdf.proposal.done",
	model.ProposalRejected: "qualitypdf.proposal.rejected",
}

// proposals writes the proposals with their status, owner and result.
func (q *qualityPDF) proposals(m model.QualityMonth) {
	q.section(q.t("qualitypdf.section.proposals"))
	if len(m.Proposals) == 0 {
		q.say(q.t("qualitypdf.proposals.none"))
		return
	}
	rows := make([][]string, len(m.Proposals))
	for i, p := range m.Proposals {
		owner := p.Owner
		if owner == "" {
			owner = "—"
		}
		rows[i] = []string{q.date(p.Made), strings.TrimSpace(p.Title + "\n" + p.Text), owner,
			q.t(proposalStatus[p.Status]), p.Result}
	}
	q.table([]column{{"qualitypdf.col.made", 20, ""}, {"qualitypdf.col.proposal", 60, ""}, {"qualitypdf.col.owner", 34, ""},
		{"qualitypdf.col.status", 26, ""}, {"qualitypdf.col.result", 40, ""}}, rows)
}
