package reports

import (
	"io"
	"strings"

	"companion/model"
)

// WriteFeedbackSheet writes what a manager hands a staff member in a
// one-to-one about a month: the month's figures, each with the number of
// answers behind it, then every thanks and every complaint clients gave
// them in the client's own words with the day, the rating and what was
// done, and room for the notes of the meeting and two signatures — as A4
// pages in lang ("ru" or "en", "" for the language in use). It is dated
// the day it was read, so the same data always gives the same file.
func WriteFeedbackSheet(w io.Writer, sh model.FeedbackSheet, salon string, lang string) error {
	q, err := newQualityPDF(sh.Today, sh.Month, salon, lang, "qualitypdf.sheet.title")
	if err != nil {
		return err
	}
	line := q.monthName(sh.Month)
	if sh.Staff.Role != "" {
		line = sh.Staff.Role + " · " + line
	}
	q.head("qualitypdf.sheet.title", sh.Staff.Name, line)
	q.sheetFigures(sh.Score)
	q.notes(q.t("qualitypdf.sheet.thanks", map[string]any{"N": len(sh.Thanks)}), "qualitypdf.sheet.thanks.none", sh.Thanks)
	q.notes(q.t("qualitypdf.sheet.complaints", map[string]any{"N": len(sh.Complaints)}), "qualitypdf.sheet.complaints.none",
		sh.Complaints)
	q.meeting(sh.Staff.Name)
	if err := q.pdf.Error(); err != nil {
		return err
	}
	return q.pdf.Output(w)
}

// sheetFigures writes the staff member's month as the report's table does.
func (q *qualityPDF) sheetFigures(sc model.Score) {
	q.section(q.t("qualitypdf.section.month"))
	cells := q.scoreCells(sc)
	for i, key := range []string{"qualitypdf.col.rating", "qualitypdf.col.complaints", "qualitypdf.col.thanks",
		"qualitypdf.col.kept", "qualitypdf.col.nps"} {
		q.field(q.t(key), cells[i])
	}
	q.legend("")
}

// notes writes a part of the sheet under its title: each piece of
// feedback, or the words that say there was none.
func (q *qualityPDF) notes(title, noneKey string, list []model.FeedbackNote) {
	q.section(title)
	if len(list) == 0 {
		q.say(q.t(noneKey))
		return
	}
	for _, n := range list {
		q.note(n)
	}
}

// keepRoom starts a new page when less than h mm are left on this one.
func (q *qualityPDF) keepRoom(h float64) {
	_, pageH := q.pdf.GetPageSize()
	if q.pdf.GetY()+h > pageH-pageMargin-4 {
		q.pdf.AddPage()
	}
}

// note writes one piece of feedback: the day, the client, the service and
// the rating in bold, the client's words, then each step taken.
func (q *qualityPDF) note(n model.FeedbackNote) {
	pdf := q.pdf
	q.keepRoom(22)
	parts := []string{q.date(n.On), n.Client}
	if n.Service != "" {
		parts = append(parts, n.Service)
	}
	if n.Rating > 0 {
		parts = append(parts, q.t("qualitypdf.sheet.rating", map[string]any{"Rating": n.Rating}))
	}
	pdf.SetFont(fontFamily, "B", 9.5)
	pdf.MultiCell(0, lineH+0.4, strings.Join(parts, " · "), "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	pdf.SetX(pageMargin + 5)
	pdf.MultiCell(0, lineH+0.6, q.t("qualitypdf.words", map[string]any{"Words": n.Words}), "", "L", false)
	steps := q.steps(n.Feedback)
	pdf.SetFont(fontFamily, "B", 8.5)
	labelW := 30.0
	for _, step := range steps {
		labelW = max(labelW, pdf.GetStringWidth(step[0])+4)
	}
	for _, step := range steps {
		pdf.SetFont(fontFamily, "B", 8.5)
		pdf.SetX(pageMargin + 5)
		pdf.CellFormat(labelW, lineH, step[0], "", 0, "L", false, 0, "")
		pdf.SetFont(fontFamily, "", 8.5)
		pdf.MultiCell(0, lineH, step[1], "", "L", false)
	}
	pdf.Ln(2.5)
}

// steps are what was done about the feedback, each as its label and its
// words: passed on, the staff member's answer, the resolution and any
// compensation, the call to the client afterwards, and the state it is in.
func (q *qualityPDF) steps(f model.Feedback) [][2]string {
	var out [][2]string
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			out = append(out, [2]string{q.t(key), value})
		}
	}
	if !f.PassedOn.IsZero() {
		add("qualitypdf.step.passed", q.t("qualitypdf.step.passed.value", map[string]any{"Who": f.PassedBy, "Date": f.PassedOn}))
	}
	add("qualitypdf.step.answer", f.Answer)
	add("qualitypdf.step.resolution", f.Resolution)
	add("qualitypdf.step.compensation", f.Compensation)
	if !f.ContactedOn.IsZero() {
		key := "qualitypdf.step.contacted.unsatisfied"
		if f.Satisfied {
			key = "qualitypdf.step.contacted.satisfied"
		}
		add("qualitypdf.step.contacted", strings.TrimSpace(q.t(key, map[string]any{"Date": f.ContactedOn})+" "+f.ContactNote))
	}
	state := q.t(complaintState[f.State])
	if f.Kind == model.FeedbackThanks {
		state = q.t(thanksState[f.State])
	}
	add("qualitypdf.step.state", state)
	return out
}

// thanksState are the words of the states of a thanks: it is received,
// then passed to the staff member.
var thanksState = map[string]string{
	model.StateNew:    "qualitypdf.thanks.new",
	model.StatePassed: "qualitypdf.thanks.passed",
}

// meeting leaves lines for what the manager and the staff member agreed,
// and lines to sign.
func (q *qualityPDF) meeting(name string) {
	pdf := q.pdf
	q.keepRoom(68)
	q.section(q.t("qualitypdf.section.meeting"))
	for range 4 {
		pdf.CellFormat(0, 8, "", "B", 1, "L", false, 0, "")
	}
	pdf.Ln(7)
	for _, who := range [][2]string{{q.t("qualitypdf.sign.staff"), model.ShortName(name)}, {q.t("qualitypdf.sign.manager"), ""}} {
		pdf.SetFont(fontFamily, "B", 10)
		pdf.CellFormat(34, 6, who[0], "", 0, "L", false, 0, "")
		pdf.SetFont(fontFamily, "", 10)
		pdf.CellFormat(52, 6, "", "B", 0, "L", false, 0, "")
		pdf.CellFormat(4, 6, "", "", 0, "L", false, 0, "")
		pdf.CellFormat(50, 6, who[1], "B", 0, "C", false, 0, "")
		pdf.CellFormat(4, 6, "", "", 0, "L", false, 0, "")
		pdf.CellFormat(12, 6, q.t("qualitypdf.sign.date"), "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 6, "", "B", 1, "L", false, 0, "")
		pdf.Ln(6)
	}
}
