package reports

import (
	"strconv"
	"strings"

	"companion/model/hiring"
)

// formPart writes one form: each criterion's weight, score, notes, the
// questions asked and the signs seen, then the working day.
func (q *qualityPDF) formPart(r hiring.InterviewReport, f hiring.FormResult) {
	q.section(q.t("hiringpdf.section.form", map[string]any{"Interviewer": f.Form.Interviewer, "Day": q.date(f.Form.On)}))
	scores := map[string]hiring.Score{}
	for _, sc := range f.Form.Scores {
		scores[sc.Criterion] = sc
	}
	rows := [][]string{}
	for _, c := range hiring.Criteria {
		sc := scores[c]
		score := "—"
		if sc.Score > 0 {
			score = strconv.Itoa(sc.Score)
		}
		var about []string
		if sc.Notes != "" {
			about = append(about, sc.Notes)
		}
		for _, id := range splitNumbers(sc.Questions) {
			if text, ok := r.Questions[uint(id)]; ok {
				about = append(about, q.t("hiringpdf.asked", map[string]any{"Question": text}))
			}
		}
		if sc.Signs != "" {
			about = append(about, q.t("hiringpdf.signs", map[string]any{"Signs": sc.Signs}))
		}
		rows = append(rows, []string{q.t(criterionKeys[c]), strconv.Itoa(r.Weights[c]) + " %", score, strings.Join(about, "\n")})
	}
	q.table([]column{{"hiringpdf.col.criterion", 44, ""}, {"hiringpdf.col.weight", 16, "R"}, {"hiringpdf.col.score", 16, "R"},
		{"hiringpdf.col.notes", 104, ""}}, rows)
	if f.Form.Notes != "" {
		q.pdf.Ln(1)
		q.field(q.t("hiringpdf.form_notes"), f.Form.Notes)
	}
	if f.Day != nil {
		q.dayPart(*f.Day)
	}
}

func splitNumbers(s string) []int {
	var out []int
	for _, p := range strings.Split(s, ",") {
		if v, err := strconv.Atoi(strings.TrimSpace(p)); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// dayPart writes the working-day test's four points, each with what it is
// made of and the tasks it names, and the organisation score they make.
func (q *qualityPDF) dayPart(d hiring.DayResult) {
	q.pdf.Ln(2)
	q.say(q.t("hiringpdf.day.title", map[string]any{"Set": d.TaskSet, "Start": clock(d.Plan.Start), "End": clock(d.Plan.End)}))
	q.pdf.Ln(1)
	rows := [][]string{}
	for _, p := range d.Score.Points {
		of := q.t("hiringpdf.day.of", map[string]any{"Done": p.Of[0], "Of": p.Of[1]})
		if p.Name == hiring.PointDay {
			of = q.t("hiringpdf.day.length", map[string]any{"Length": hours(p.Of[0]), "Good": hours(p.Of[1])})
		}
		rows = append(rows, []string{q.t(pointKeys[p.Name]), q.share(p.Score * 100), of, strings.Join(p.Named, "\n")})
	}
	q.table([]column{{"hiringpdf.col.point", 58, ""}, {"hiringpdf.col.point_score", 18, "R"}, {"hiringpdf.col.of", 40, ""},
		{"hiringpdf.col.named", 64, ""}}, rows)
	q.field(q.t("hiringpdf.day.organisation"), strconv.Itoa(d.Score.Organisation))
}

// clock writes minutes from midnight as 9:00.
func clock(m int) string { return strconv.Itoa(m/60) + ":" + twoDigits(m%60) }

// hours writes minutes as hours and minutes: 9:30.
func hours(m int) string { return strconv.Itoa(m/60) + ":" + twoDigits(m%60) }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// disagreementsPart writes the criteria two interviewers scored far apart.
func (q *qualityPDF) disagreementsPart(r hiring.InterviewReport) {
	q.section(q.t("hiringpdf.section.disagreements"))
	if len(r.Disagreements) == 0 {
		q.say(q.t("hiringpdf.disagreements.none", map[string]any{"By": hiring.DisagreeBy}))
		return
	}
	for _, d := range r.Disagreements {
		var parts []string
		for i, c := range d.Criteria {
			parts = append(parts, q.t("hiringpdf.disagreement.criterion", map[string]any{"Criterion": q.t(criterionKeys[c]),
				"A": d.ScoresA[i], "B": d.ScoresB[i]}))
		}
		q.field(d.A+" — "+d.B, strings.Join(parts, "; "))
	}
	q.smallPrint(q.t("hiringpdf.disagreements.rule", map[string]any{"By": hiring.DisagreeBy}))
}

// agreementPart writes how far each two interviewers agree over all the
// candidates they both assessed, too few said as such.
func (q *qualityPDF) agreementPart(r hiring.InterviewReport) {
	q.section(q.t("hiringpdf.section.agreement"))
	if len(r.Agreements) == 0 {
		q.say(q.t("hiringpdf.agreement.one"))
		return
	}
	for _, a := range r.Agreements {
		value := q.t("hiringpdf.agreement.too_few", map[string]any{"N": a.N, "Min": hiring.MinRated})
		if a.Enough {
			value = q.t("hiringpdf.agreement.value", map[string]any{"ICC": q.total(a.ICC), "N": a.N})
		}
		q.field(a.A+" — "+a.B, value)
	}
	q.smallPrint(q.t("hiringpdf.agreement.rule", map[string]any{"Min": hiring.MinRated}))
}

// smallPrint writes, small and grey, how to read what stands above.
func (q *qualityPDF) smallPrint(text string) {
	pdf := q.pdf
	pdf.Ln(1)
	pdf.SetFont(fontFamily, "", 8)
	pdf.SetTextColor(90, 90, 90)
	pdf.MultiCell(0, 3.8, text, "", "L", false)
	pdf.SetTextColor(0, 0, 0)
}
