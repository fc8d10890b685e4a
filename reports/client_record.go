package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"companion/model"
	"companion/model/i18n"
)

// recordPDF writes one client record in the window's words: a label or a
// value the window shows comes from the window's own key, and only what the
// window never says (the title, the page, a table's header the window has no
// table for) from the record.* keys.
type recordPDF struct {
	pdf   *gofpdf.Fpdf
	w     i18n.Words
	lang  string
	today model.Date
}

const (
	pageMargin = 15.0
	lineH      = 4.6
)

// WriteClientRecordPDF writes the whole record of one client — profile,
// consents and needs, visits, cards, assessments with BMI, the contact
// history — as A4 pages in lang ("ru" or "en", "" for the language in use),
// with the window's words in that language, whatever language the window
// speaks. It is created at the time given, so the same record always gives
// the same file.
func WriteClientRecordPDF(w io.Writer, rec model.ClientRecord, lang string, created time.Time) error {
	words := i18n.In(lang)
	pdf, err := newPDF(created)
	if err != nil {
		return err
	}
	r := &recordPDF{pdf: pdf, w: words, lang: words.Lang(), today: model.DateOf(created)}
	c := rec.Client
	pdf.SetTitle(r.t("record.title")+": "+c.FullName(), true)
	pdf.SetAuthor("Companion", true)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(120, 120, 120)
		page := r.t("record.page", map[string]any{"N": pdf.PageNo()})
		pdf.CellFormat(0, 4, c.FullName()+" · "+page, "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	r.header(rec)
	r.profile(rec)
	r.visits(rec)
	r.cards(rec)
	r.assessments(rec)
	r.timeline(rec)
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// t translates in the record's language.
func (r *recordPDF) t(key string, args ...map[string]any) string { return r.w.T(key, args...) }

// date writes a day the way the language does: 05.03.1990 or 1990-03-05.
func (r *recordPDF) date(d model.Date) string { return d.Format(r.lang) }

func (r *recordPDF) money(m model.Money) string { return m.Format(r.lang) }

func (r *recordPDF) header(rec model.ClientRecord) {
	pdf, c := r.pdf, rec.Client
	pdf.SetFont(fontFamily, "", 9)
	pdf.SetTextColor(110, 110, 110)
	pdf.CellFormat(90, 5, r.t("record.title"), "", 0, "L", false, 0, "")
	pdf.CellFormat(0, 5, r.t("record.created", map[string]any{"Date": r.date(r.today)}), "", 1, "R", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "B", 18)
	pdf.MultiCell(0, 9, c.FullName(), "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	line := r.t("status." + string(c.Status(r.today)))
	if c.VisitCount > 0 {
		line = r.t("client.subtitle", map[string]any{"Status": line, "Trust": r.t("trust." + string(rec.Trust(r.today))),
			"Since": r.date(c.FirstVisitOn), "Visits": c.VisitCount})
	}
	pdf.MultiCell(0, 5, line, "", "L", false)
	pdf.Ln(2)
}

// section starts a part of the record under its title, on a new page when
// too little room is left for the title and the first lines below it.
func (r *recordPDF) section(title string) {
	pdf := r.pdf
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+32 > pageH-pageMargin {
		pdf.AddPage()
	}
	pdf.Ln(3)
	pdf.SetFont(fontFamily, "B", 12)
	pdf.SetTextColor(40, 80, 120)
	pdf.CellFormat(0, 7, title, "B", 1, "L", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "", 9.5)
	pdf.Ln(1.5)
}

// field writes "label: value" when there is a value.
func (r *recordPDF) field(label, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	pdf := r.pdf
	pdf.SetFont(fontFamily, "B", 9.5)
	pdf.CellFormat(62, lineH+0.4, label, "", 0, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 9.5)
	pdf.MultiCell(0, lineH+0.4, value, "", "L", false)
}

func (r *recordPDF) consent(d model.Date) string {
	if d.IsZero() {
		return r.t("record.consent.none")
	}
	return r.t("record.consent.given", map[string]any{"Date": r.date(d)})
}

func (r *recordPDF) profile(rec model.ClientRecord) {
	c := rec.Client
	source := ""
	if c.Source != "" {
		source = r.t("source." + c.Source)
	}
	if c.Phone+c.Email+c.BirthDate.ISO()+source+rec.ReferrerName+c.Tags != "" {
		r.section(r.t("client.section.contacts"))
		r.field(r.t("client.phone"), model.FormatPhone(c.Phone))
		r.field(r.t("client.email"), c.Email)
		r.field(r.t("client.birth_date"), r.date(c.BirthDate))
		r.field(r.t("client.source"), source)
		r.field(r.t("client.referrer"), rec.ReferrerName)
		r.field(r.t("client.tags"), c.Tags)
	}
	r.section(r.t("client.section.consents"))
	r.field(r.t("client.pd_consent"), r.consent(c.PDConsentAt))
	r.field(r.t("client.health_consent"), r.consent(c.HealthConsentAt))
	marketing := r.t("record.consent.none")
	if c.MarketingConsent {
		marketing = r.consent(c.MarketingConsentAt)
	}
	r.field(r.t("client.marketing_consent"), marketing)
	r.needs(c)
}

// needs writes what the client wants and the goals, the numeric ones
// with their units as the profile form names them.
func (r *recordPDF) needs(c model.Client) {
	goalWeight, goalWaist := r.goal(c.GoalWeightKg), r.goal(c.GoalWaistCm)
	if c.NeedsStated+c.NeedsObserved+c.Goals+goalWeight+goalWaist+c.Health+c.Notes == "" {
		return
	}
	r.section(r.t("client.section.needs"))
	r.field(r.t("client.needs_stated"), c.NeedsStated)
	r.field(r.t("client.needs_observed"), c.NeedsObserved)
	r.field(r.t("client.goals"), c.Goals)
	r.field(r.t("client.goal_weight"), goalWeight)
	r.field(r.t("client.goal_waist"), goalWaist)
	r.field(r.t("client.health"), c.Health)
	r.field(r.t("client.notes"), c.Notes)
}

// column of a table: its title's key, width in mm, alignment.
type column struct {
	key   string
	w     float64
	align string
}

// Table text: its size in points and the height of a line in mm.
const (
	tableFont  = 8.5
	tableLineH = 4.0
)

// table writes rows under a header that repeats on each new page; cells
// and titles wrap, and a row never splits across pages.
func (r *recordPDF) table(cols []column, rows [][]string) {
	pdf := r.pdf
	_, pageH := pdf.GetPageSize()
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = r.t(c.key)
	}
	titleFont := r.fitWords(cols, titles)
	titleLines, titleH := r.wrap(cols, titles)
	head := func() {
		pdf.SetFont(fontFamily, "B", titleFont)
		pdf.SetFillColor(232, 238, 244)
		r.cells(cols, titleLines, titleH, true)
		pdf.SetFont(fontFamily, "", tableFont)
	}
	for k, row := range rows {
		pdf.SetFont(fontFamily, "", tableFont)
		lines, h := r.wrap(cols, row)
		need := h
		if k == 0 {
			need += titleH
		}
		switch {
		case pdf.GetY()+need > pageH-pageMargin-4:
			pdf.AddPage()
			head()
		case k == 0:
			head()
		}
		r.cells(cols, lines, h, false)
	}
}

// fitWords sets the bold font no larger than the table's in which every
// word of the titles fits its column, so that a title wraps between words
// and never inside one, and returns its size.
func (r *recordPDF) fitWords(cols []column, titles []string) float64 {
	pdf := r.pdf
	size := tableFont
	pdf.SetFont(fontFamily, "B", size)
	const margins = 2.2 // gofpdf's cell margins, and a little air
	for i, c := range cols {
		for _, word := range strings.Fields(titles[i]) {
			if w := pdf.GetStringWidth(word); w > c.w-margins {
				size = min(size, tableFont*(c.w-margins)/w)
			}
		}
	}
	size = max(math.Floor(size*4)/4, 6)
	pdf.SetFont(fontFamily, "B", size)
	return size
}

// wrap splits each cell's text into the lines that fit its column, in the
// font set, and gives the height of the row.
func (r *recordPDF) wrap(cols []column, texts []string) ([][]string, float64) {
	lines := make([][]string, len(cols))
	n := 1
	for i, c := range cols {
		lines[i] = r.pdf.SplitText(texts[i], c.w) // it leaves the cell margins
		n = max(n, len(lines[i]))
	}
	return lines, float64(n)*tableLineH + 1.6
}

// cells draws one row of boxed cells h high at the current position and
// moves below it.
func (r *recordPDF) cells(cols []column, lines [][]string, h float64, fill bool) {
	pdf := r.pdf
	style := "D"
	if fill {
		style = "FD"
	}
	x, y := pdf.GetX(), pdf.GetY()
	for i, c := range cols {
		pdf.Rect(x, y, c.w, h, style)
		for k, line := range lines[i] {
			pdf.SetXY(x, y+0.8+float64(k)*tableLineH)
			pdf.CellFormat(c.w, tableLineH, line, "", 0, alignOf(c.align), false, 0, "")
		}
		x += c.w
	}
	pdf.SetXY(pageMargin, y+h)
}

func alignOf(a string) string {
	if a == "" {
		return "L"
	}
	return a + "M"
}

// num writes a measure with one decimal as the language does, without a
// decimal zero, and "—" for 0, which means not measured.
func (r *recordPDF) num(x float64) string {
	if x == 0 {
		return "—"
	}
	s := r.w.Decimal(x)
	return strings.TrimSuffix(strings.TrimSuffix(s, ".0"), ",0")
}

// goal writes a numeric goal as it was set, every decimal kept, with the
// language's decimal mark; "" for no goal.
func (r *recordPDF) goal(x float64) string {
	if x == 0 {
		return ""
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if r.lang == "ru" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (r *recordPDF) visits(rec model.ClientRecord) {
	r.section(r.t("profile.tab.visits"))
	if len(rec.Visits) == 0 {
		r.pdf.CellFormat(0, 5, r.t("visit.none"), "", 1, "L", false, 0, "")
		return
	}
	cards := map[uint]model.CardView{}
	for _, cv := range rec.Cards {
		cards[cv.Card.ID] = cv
	}
	cols := []column{{"visit.on", 20, ""}, {"visit.line.service", 36, ""}, {"visit.line.staff", 24, ""},
		{"visit.line.qty", 23, "R"}, {"visit.line.price", 17, "R"}, {"visit.line.discount", 20, "R"},
		{"visit.line.paid", 23, ""}, {"record.visit.sum", 17, "R"}}
	var rows [][]string
	var total model.Money
	for _, v := range rec.Visits {
		for i, l := range v.Lines {
			day := ""
			if i == 0 {
				day = r.date(v.On)
			}
			paid, sum := r.t("visit.paid.money"), r.money(l.Total())
			if l.PaidBy == model.PaidCard && l.CardID != nil {
				cv := cards[*l.CardID]
				paid = r.t("visit.paid.card", map[string]any{"Number": cv.Card.Number, "Type": cv.Type.Name})
				sum = "—"
			}
			discount := ""
			if l.Discount != 0 {
				discount = r.money(l.Discount)
			}
			staff := ""
			if l.StaffID != nil {
				staff = model.ShortName(rec.StaffNames[*l.StaffID])
			}
			rows = append(rows, []string{day, l.Name, staff, strconv.Itoa(l.Qty), r.money(l.Price), discount, paid, sum})
		}
		total += v.Total()
	}
	r.table(cols, rows)
	r.pdf.SetFont(fontFamily, "B", 9.5)
	r.pdf.CellFormat(0, 7, r.t("visit.summary", map[string]any{"N": len(rec.Visits), "Sum": r.money(total)}),
		"", 1, "R", false, 0, "")
}

func (r *recordPDF) assessments(rec model.ClientRecord) {
	if len(rec.Assessments) == 0 {
		return
	}
	r.section(r.t("profile.tab.assessments"))
	cols := []column{{"assessment.on", 22, ""}, {"assessment.weight", 19, "R"}, {"assessment.height", 19, "R"},
		{"assessment.bmi", 14, "R"}, {"assessment.waist", 19, "R"}, {"assessment.hips", 19, "R"},
		{"assessment.chest", 19, "R"}, {"assessment.fat", 19, "R"}, {"assessment.pressure", 30, "R"}}
	var rows [][]string
	var contra, notes []string
	for _, a := range rec.Assessments {
		pressure := "—"
		if a.Systolic > 0 {
			pressure = fmt.Sprintf("%d/%d", a.Systolic, a.Diastolic)
		}
		rows = append(rows, []string{r.date(a.On), r.num(a.WeightKg), r.num(a.HeightCm), r.num(a.BMI()),
			r.num(a.WaistCm), r.num(a.HipsCm), r.num(a.ChestCm), r.num(a.BodyFatPct), pressure})
		if a.Contraindications != "" {
			contra = append(contra, r.date(a.On)+": "+a.Contraindications)
		}
		if a.Notes != "" {
			notes = append(notes, r.date(a.On)+": "+a.Notes)
		}
	}
	r.table(cols, rows)
	if len(contra)+len(notes) > 0 {
		r.pdf.Ln(1.5)
		r.field(r.t("assessment.contraindications"), strings.Join(contra, "\n"))
		r.field(r.t("assessment.notes"), strings.Join(notes, "\n"))
	}
}

func (r *recordPDF) timeline(rec model.ClientRecord) {
	if len(rec.Contacts) == 0 {
		return
	}
	r.section(r.t("record.timeline"))
	cols := []column{{"contact.on", 22, ""}, {"contact.kind", 36, ""}, {"contact.channel", 22, ""},
		{"contact.outcome", 72, ""}, {"contact.next_on", 28, ""}}
	var rows [][]string
	for _, c := range rec.Contacts {
		outcome := strings.TrimSpace(strings.Join([]string{c.Outcome, c.Notes}, "\n"))
		if ids := c.TopicIDs(); len(ids) > 0 {
			titles := make([]string, len(ids))
			for i, id := range ids {
				titles[i] = "• " + rec.TopicTitles[id]
			}
			outcome = strings.TrimSpace(outcome + "\n" + r.t("contact.topics") + ":\n" + strings.Join(titles, "\n"))
		}
		next := r.date(c.NextOn)
		if next != "" && c.NextDone {
			next += " ✓"
		}
		channel := ""
		if c.Channel != "" {
			channel = r.t("contact.channel." + c.Channel)
		}
		rows = append(rows, []string{r.date(c.On), r.t("contact.kind." + string(c.Kind)), channel, outcome, next})
	}
	r.table(cols, rows)
}

// recordJSON is a client record in a JSON export: snake_case names, dates
// as 2006-01-02 or null, money in kopecks.
type recordJSON struct {
	Client      clientJSON       `json:"client"`
	Referrer    string           `json:"referrer"`
	Visits      []visitJSON      `json:"visits"`
	Cards       []cardJSON       `json:"cards"`
	Assessments []assessmentJSON `json:"assessments"`
	Contacts    []contactJSON    `json:"contacts"`
}

type visitJSON struct {
	ID           uint       `json:"id"`
	UUID         string     `json:"uuid"`
	Day          string     `json:"day"`
	Notes        string     `json:"notes"`
	TotalKopecks int64      `json:"total_kopecks"`
	Lines        []lineJSON `json:"lines"`
}

type lineJSON struct {
	ServiceID       *uint  `json:"service_id"`
	Name            string `json:"name"`
	StaffID         *uint  `json:"staff_id"`
	Staff           string `json:"staff"`
	Qty             int    `json:"qty"`
	PriceKopecks    int64  `json:"price_kopecks"`
	DiscountKopecks int64  `json:"discount_kopecks"`
	PaidBy          string `json:"paid_by"`
	CardID          *uint  `json:"card_id"`
	TotalKopecks    int64  `json:"total_kopecks"`
}

type cardJSON struct {
	ID              uint         `json:"id"`
	UUID            string       `json:"uuid"`
	Number          string       `json:"number"`
	Type            string       `json:"type"`
	SoldOn          *string      `json:"sold_on"`
	ValidFrom       *string      `json:"valid_from"`
	ValidTo         *string      `json:"valid_to"`
	VisitsIncluded  int          `json:"visits_included"`
	VisitsUsed      int          `json:"visits_used"`
	PriceKopecks    int64        `json:"price_kopecks"`
	DiscountKopecks int64        `json:"discount_kopecks"`
	PaidKopecks     int64        `json:"paid_kopecks"`
	Status          string       `json:"status"`
	Notes           string       `json:"notes"`
	Freezes         []freezeJSON `json:"freezes"`
}

type freezeJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type assessmentJSON struct {
	Day               string  `json:"day"`
	WeightKg          float64 `json:"weight_kg"`
	HeightCm          float64 `json:"height_cm"`
	BMI               float64 `json:"bmi"`
	WaistCm           float64 `json:"waist_cm"`
	HipsCm            float64 `json:"hips_cm"`
	ChestCm           float64 `json:"chest_cm"`
	BodyFatPct        float64 `json:"body_fat_pct"`
	Systolic          int     `json:"systolic"`
	Diastolic         int     `json:"diastolic"`
	Contraindications string  `json:"contraindications"`
	Notes             string  `json:"notes"`
}

type contactJSON struct {
	Day      string   `json:"day"`
	Kind     string   `json:"kind"`
	Channel  string   `json:"channel"`
	Outcome  string   `json:"outcome"`
	Notes    string   `json:"notes"`
	NextOn   *string  `json:"next_on"`
	NextDone bool     `json:"next_done"`
	Topics   []string `json:"topics"`
}

// WriteClientRecordJSON writes the whole record of one client as indented
// JSON: what a client who asks for their data takes away.
func WriteClientRecordJSON(w io.Writer, rec model.ClientRecord) error {
	out := recordJSON{Client: toJSON(&rec.Client), Referrer: rec.ReferrerName, Visits: []visitJSON{}, Cards: []cardJSON{},
		Assessments: []assessmentJSON{}, Contacts: []contactJSON{}}
	for _, v := range rec.Visits {
		vj := visitJSON{ID: v.ID, UUID: v.UUID, Day: v.On.ISO(), Notes: v.Notes, TotalKopecks: int64(v.Total()), Lines: []lineJSON{}}
		for _, l := range v.Lines {
			lj := lineJSON{ServiceID: l.ServiceID, Name: l.Name, StaffID: l.StaffID, Qty: l.Qty, PriceKopecks: int64(l.Price),
				DiscountKopecks: int64(l.Discount), PaidBy: l.PaidBy, CardID: l.CardID, TotalKopecks: int64(l.Total())}
			if l.StaffID != nil {
				lj.Staff = rec.StaffNames[*l.StaffID]
			}
			vj.Lines = append(vj.Lines, lj)
		}
		out.Visits = append(out.Visits, vj)
	}
	for _, cv := range rec.Cards {
		cj := cardJSON{ID: cv.Card.ID, UUID: cv.Card.UUID, Number: cv.Card.Number, Type: cv.Type.Name,
			SoldOn: isoOrNil(cv.Card.SoldOn), ValidFrom: isoOrNil(cv.State.ValidFrom), ValidTo: isoOrNil(cv.State.ValidTo),
			VisitsIncluded: cv.Card.VisitsIncluded, VisitsUsed: cv.State.VisitsUsed, PriceKopecks: int64(cv.Card.Price),
			DiscountKopecks: int64(cv.Card.Discount), PaidKopecks: int64(cv.Card.Paid), Status: string(cv.State.Status), Notes: cv.Card.Notes, Freezes: []freezeJSON{}}
		for _, f := range cv.Freezes {
			cj.Freezes = append(cj.Freezes, freezeJSON{From: f.From.ISO(), To: f.To.ISO()})
		}
		out.Cards = append(out.Cards, cj)
	}
	for _, a := range rec.Assessments {
		out.Assessments = append(out.Assessments, assessmentJSON{Day: a.On.ISO(), WeightKg: a.WeightKg, HeightCm: a.HeightCm,
			BMI: a.BMI(), WaistCm: a.WaistCm, HipsCm: a.HipsCm, ChestCm: a.ChestCm, BodyFatPct: a.BodyFatPct,
			Systolic: a.Systolic, Diastolic: a.Diastolic, Contraindications: a.Contraindications, Notes: a.Notes})
	}
	for _, c := range rec.Contacts {
		cj := contactJSON{Day: c.On.ISO(), Kind: string(c.Kind), Channel: c.Channel, Outcome: c.Outcome, Notes: c.Notes,
			NextOn: isoOrNil(c.NextOn), NextDone: c.NextDone, Topics: []string{}}
		for _, id := range c.TopicIDs() {
			cj.Topics = append(cj.Topics, rec.TopicTitles[id])
		}
		out.Contacts = append(out.Contacts, cj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
