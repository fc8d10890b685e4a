package reports

import (
	"io"
	"strconv"
	"strings"
	"time"

	"companion/model"
	"companion/model/hiring"
)

// devPlanNow is the day a development plan is printed on; tests fix it.
var devPlanNow = time.Now

// methodKeys name the ways of learning.
var methodKeys = map[string]string{"mentoring": "hiringpdf.method.mentoring", "course": "hiringpdf.method.course",
	"roleplay": "hiringpdf.method.roleplay", "selfstudy": "hiringpdf.method.selfstudy", "shadowing": "hiringpdf.method.shadowing"}

// WriteDevPlan writes a staff member's development plan as an A4 page in
// lang ("ru", "en", "" for the language in use): each gap with what to
// learn, how, how the result is checked and by when, whether the employee
// has agreed to it (a plan counts only then), the progress, and lines for
// the employee's and the manager's signatures.
func WriteDevPlan(w io.Writer, plan hiring.DevPlan, staff model.Staff, salon, lang string) error {
	q, err := newHiringPDF(model.DateOf(devPlanNow()), salon, lang, "hiringpdf.dev.title")
	if err != nil {
		return err
	}
	line := strings.Join(nonEmpty(staff.Role, plan.Title), " · ")
	q.head("hiringpdf.dev.title", staff.Name, line)
	q.field(q.t("hiringpdf.dev.made"), q.date(plan.Made))
	agreed := q.t("hiringpdf.dev.not_agreed")
	if plan.Counts() {
		agreed = q.t("hiringpdf.dev.agreed", map[string]any{"Date": q.date(plan.AgreedOn)})
	}
	q.field(q.t("hiringpdf.dev.agreement"), agreed)
	done := 0
	for _, it := range plan.Items {
		if it.Done {
			done++
		}
	}
	q.field(q.t("hiringpdf.dev.progress"), q.t("hiringpdf.dev.progress_value", map[string]any{"Done": done,
		"Of": len(plan.Items), "Percent": strconv.Itoa(int(plan.Progress()*100 + 0.5))}))
	q.devItems(plan)
	q.devSignatures(staff.Name)
	if err := q.pdf.Error(); err != nil {
		return err
	}
	return q.pdf.Output(w)
}

// devItems writes the plan's gaps, one row each.
func (q *qualityPDF) devItems(plan hiring.DevPlan) {
	q.section(q.t("hiringpdf.dev.section.items"))
	if len(plan.Items) == 0 {
		q.say(q.t("hiringpdf.dev.none"))
		return
	}
	rows := make([][]string, len(plan.Items))
	for i, it := range plan.Items {
		gap := it.Gap
		if key, ok := criterionKeys[gap]; ok {
			gap = q.t(key)
		}
		state := q.t("hiringpdf.dev.open")
		if it.Done {
			state = q.t("hiringpdf.dev.done")
		} else if !it.Deadline.IsZero() && it.Deadline.Before(q.today) {
			state = q.t("hiringpdf.dev.overdue")
		}
		method := it.Method
		if key, ok := methodKeys[method]; ok {
			method = q.t(key)
		}
		rows[i] = []string{strconv.Itoa(i + 1), gap, it.Learn, method, it.Check, q.date(it.Deadline), state}
	}
	q.table([]column{{"hiringpdf.dev.col.n", 8, "R"}, {"hiringpdf.dev.col.gap", 37, ""}, {"hiringpdf.dev.col.learn", 36, ""},
		{"hiringpdf.dev.col.method", 24, ""}, {"hiringpdf.dev.col.check", 33, ""}, {"hiringpdf.dev.col.deadline", 20, ""},
		{"hiringpdf.dev.col.state", 22, ""}}, rows)
}

// devSignatures writes the employee's agreement and lines to sign and
// date for the employee and the manager, together on one page.
func (q *qualityPDF) devSignatures(name string) {
	pdf := q.pdf
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+40 > pageH-pageMargin {
		pdf.AddPage()
	}
	pdf.Ln(6)
	q.say(q.t("hiringpdf.dev.agree_text"))
	pdf.Ln(5)
	q.signLine(q.t("hiringpdf.sign.employee"), model.ShortName(name))
	pdf.Ln(5)
	q.signLine(q.t("hiringpdf.sign.manager"), "")
}

// signLine writes a role, a line for the signature, a line with the name
// (printed when known) and a line for the date, each captioned below.
func (q *qualityPDF) signLine(role, name string) {
	pdf := q.pdf
	const h = 6.0
	x, y := pageMargin, pdf.GetY()
	pdf.SetFont(fontFamily, "B", 10)
	pdf.SetXY(x, y)
	pdf.CellFormat(28, h, role, "", 0, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 10)
	pdf.CellFormat(52, h, "", "B", 0, "L", false, 0, "")
	pdf.CellFormat(4, h, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(50, h, name, "B", 0, "C", false, 0, "")
	pdf.CellFormat(4, h, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(12, h, q.t("hiringpdf.sign.date"), "", 0, "L", false, 0, "")
	pdf.CellFormat(30, h, "", "B", 1, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 7.5)
	pdf.SetX(x + 28)
	pdf.CellFormat(52, 4, q.t("hiringpdf.sign.signature"), "", 0, "C", false, 0, "")
	pdf.CellFormat(4, 4, "", "", 0, "L", false, 0, "")
	pdf.CellFormat(50, 4, q.t("hiringpdf.sign.name"), "", 1, "C", false, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
}
