package reports

import (
	"fmt"
	"io"
	"strings"
	"time"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
)

// newHiringPDF starts an A4 hiring report in lang dated today (the time now
// when unset), whose footer names it and counts the pages.
func newHiringPDF(today model.Date, salon, lang, title string) (*qualityPDF, error) {
	words := i18n.In(lang)
	if today.IsZero() {
		today = model.DateOf(time.Now())
	}
	pdf, err := newPDF(today.Time())
	if err != nil {
		return nil, err
	}
	q := &qualityPDF{recordPDF: &recordPDF{pdf: pdf, w: words, lang: words.Lang(), today: today}, salon: salon}
	title = q.t(title)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(strings.TrimSpace(salon+" · Companion"), true)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(110, 110, 110)
		pdf.CellFormat(0, 4, title+" · "+q.t("qualitypdf.page", map[string]any{"N": pdf.PageNo()}), "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	return q, nil
}

// criterionKeys name the criteria.
var criterionKeys = map[string]string{
	hiring.Knowledge: "hiringpdf.criterion.knowledge", hiring.Communicability: "hiringpdf.criterion.communicability",
	hiring.Positivity: "hiringpdf.criterion.positivity", hiring.Organisation: "hiringpdf.criterion.organisation",
	hiring.Stress: "hiringpdf.criterion.stress", hiring.Responsibility: "hiringpdf.criterion.responsibility",
}

// recommendKeys name the recommendations.
var recommendKeys = map[string]string{hiring.Hire: "hiringpdf.rec.hire", hiring.HireTrain: "hiringpdf.rec.hire_train",
	hiring.Reject: "hiringpdf.rec.reject", "": "hiringpdf.rec.none"}

// pointKeys name the working day's points.
var pointKeys = map[string]string{hiring.PointPriorities: "hiringpdf.point.priorities", hiring.PointDropped: "hiringpdf.point.dropped",
	hiring.PointTime: "hiringpdf.point.time", hiring.PointDay: "hiringpdf.point.day"}

// WriteInterviewReport writes a candidate's interview report as A4 pages
// in lang ("ru", "en", "" for the language in use): the totals and
// recommendations, every form's criteria with notes and signs, the working
// day's four points with the tasks they name, the disagreements and the
// interviewers' agreement, too few candidates said as such.
func WriteInterviewReport(w io.Writer, r hiring.InterviewReport, salon, lang string) error {
	q, err := newHiringPDF(r.Today, salon, lang, "hiringpdf.title")
	if err != nil {
		return err
	}
	c := r.Candidate
	line := strings.Join(nonEmpty(c.Phone, c.Email, c.Source), " · ")
	q.head("hiringpdf.title", c.Name, line)
	q.totals(r)
	for _, f := range r.Forms {
		q.formPart(r, f)
	}
	q.disagreementsPart(r)
	q.agreementPart(r)
	if err := q.pdf.Error(); err != nil {
		return err
	}
	return q.pdf.Output(w)
}

func nonEmpty(list ...string) []string {
	var out []string
	for _, s := range list {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// total writes a weighted total with two decimals: «3,90».
func (q *qualityPDF) total(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	if q.lang == "ru" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// totals writes each form's weighted total and recommendation, and the mean.
func (q *qualityPDF) totals(r hiring.InterviewReport) {
	q.section(q.t("hiringpdf.section.totals"))
	if len(r.Forms) == 0 {
		q.say(q.t("hiringpdf.forms.none"))
		return
	}
	rows := [][]string{}
	for _, f := range r.Forms {
		total := "—"
		if f.Scored {
			total = q.total(f.Total)
		}
		rows = append(rows, []string{f.Form.Interviewer, q.date(f.Form.On), q.submitted(f.Form), total, q.t(recommendKeys[f.Recommend])})
	}
	if r.MeanOK {
		rows = append(rows, []string{q.t("hiringpdf.mean"), "", "", q.total(r.Mean), q.t(recommendKeys[r.MeanRecommend])})
	}
	q.table([]column{{"hiringpdf.col.interviewer", 50, ""}, {"hiringpdf.col.day", 24, ""}, {"hiringpdf.col.state", 30, ""},
		{"hiringpdf.col.total", 22, "R"}, {"hiringpdf.col.recommend", 54, ""}}, rows)
	q.smallPrint(q.t("hiringpdf.legend", map[string]any{"Pass": q.total(r.Pass), "Train": q.total(r.Pass - hiring.TrainMargin)}))
}

func (q *qualityPDF) submitted(f hiring.Form) string {
	if f.Submitted {
		return q.t("hiringpdf.submitted")
	}
	return q.t("hiringpdf.draft")
}
