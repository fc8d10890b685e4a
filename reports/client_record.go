package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"companion/model"
)

// recordLabels are the words of the client record, in Russian and English.
var recordLabels = map[string]map[string]string{
	"ru": {
		"title": "Карта клиента", "created": "Сформировано", "since": "Клиент с", "visits_n": "визитов",
		"contacts": "Контакты", "phone": "Телефон", "email": "Email", "birth": "Дата рождения", "source": "Источник",
		"consents": "Согласия", "pd": "Персональные данные", "health_c": "Данные о здоровье",
		"marketing": "Рассылки", "given": "дано", "not_given": "не дано",
		"needs": "Потребности и цели", "stated": "Со слов клиента", "observed": "Наблюдения менеджера",
		"goals": "Цели", "health": "Противопоказания", "notes": "Заметки", "tags": "Теги",
		"visits": "Визиты", "date": "Дата", "item": "Услуга / товар", "staff": "Специалист", "qty": "Кол.",
		"price": "Цена", "discount": "Скидка", "paid": "Оплата", "sum": "Сумма", "money": "деньги", "card": "карта",
		"total": "Итого оплачено", "none": "нет",
		"cards": "Клиентские карты", "number": "Номер", "type": "Вид", "sold": "Продана", "valid": "Действует",
		"card_visits": "Посещения", "freeze": "Заморозка", "status": "Статус", "unlimited": "безлимит",
		"from_first": "с первого визита", "days": "дн.",
		"assessments": "Замеры", "weight": "Вес, кг", "height": "Рост, см", "bmi": "ИМТ", "waist": "Талия",
		"hips": "Бёдра", "chest": "Грудь", "fat": "Жир, %", "pressure": "Давление", "contra": "Противопоказания",
		"timeline": "История контактов", "kind": "Вид", "channel": "Канал", "outcome": "Итог", "next": "Следующий",
		"done": "сделан", "topics": "Темы",
		"page":        "Стр.",
		"status.lead": "новый контакт", "status.active": "активный", "status.at_risk": "в зоне риска", "status.lapsed": "ушёл",
		"trust.new": "новый", "trust.building": "доверие растёт", "trust.trusted": "доверяет",
		"card.active": "действует", "card.frozen": "заморожена", "card.expired": "истекла", "card.used_up": "израсходована",
		"card.not_activated": "не начата",
		"kind.first_visit":   "Первый визит", "kind.intro_lecture": "Вступительная лекция", "kind.consultation": "Консультация",
		"kind.call": "Звонок", "kind.message": "Сообщение", "kind.visit": "Визит", "kind.note": "Заметка",
		"ch.in_person": "лично", "ch.phone": "телефон", "ch.whatsapp": "WhatsApp", "ch.telegram": "Telegram",
		"ch.sms": "SMS", "ch.email": "email",
	},
	"en": {
		"title": "Client record", "created": "Created", "since": "Client since", "visits_n": "visits",
		"contacts": "Contacts", "phone": "Phone", "email": "Email", "birth": "Birth date", "source": "Source",
		"consents": "Consents", "pd": "Personal data", "health_c": "Health data",
		"marketing": "Marketing", "given": "given", "not_given": "not given",
		"needs": "Needs and goals", "stated": "Stated by the client", "observed": "Observed by the manager",
		"goals": "Goals", "health": "Contraindications", "notes": "Notes", "tags": "Tags",
		"visits": "Visits", "date": "Date", "item": "Service / product", "staff": "Specialist", "qty": "Qty",
		"price": "Price", "discount": "Discount", "paid": "Paid by", "sum": "Amount", "money": "money", "card": "card",
		"total": "Total paid", "none": "none",
		"cards": "Client cards", "number": "Number", "type": "Type", "sold": "Sold", "valid": "Valid",
		"card_visits": "Visits", "freeze": "Frozen", "status": "Status", "unlimited": "unlimited",
		"from_first": "from the first visit", "days": "d",
		"assessments": "Assessments", "weight": "Weight, kg", "height": "Height, cm", "bmi": "BMI", "waist": "Waist",
		"hips": "Hips", "chest": "Chest", "fat": "Fat, %", "pressure": "Pressure", "contra": "Contraindications",
		"timeline": "Contact history", "kind": "Kind", "channel": "Channel", "outcome": "Outcome", "next": "Next",
		"done": "done", "topics": "Topics",
		"page":        "Page",
		"status.lead": "lead", "status.active": "active", "status.at_risk": "at risk", "status.lapsed": "lapsed",
		"trust.new": "new", "trust.building": "building trust", "trust.trusted": "trusted",
		"card.active": "active", "card.frozen": "frozen", "card.expired": "expired", "card.used_up": "used up",
		"card.not_activated": "not started",
		"kind.first_visit":   "First visit", "kind.intro_lecture": "Intro lecture", "kind.consultation": "Consultation",
		"kind.call": "Call", "kind.message": "Message", "kind.visit": "Visit", "kind.note": "Note",
		"ch.in_person": "in person", "ch.phone": "phone", "ch.whatsapp": "WhatsApp", "ch.telegram": "Telegram",
		"ch.sms": "SMS", "ch.email": "email",
	},
}

// recordPDF writes one client record.
type recordPDF struct {
	pdf   *gofpdf.Fpdf
	lang  string
	l     map[string]string
	today model.Date
}

const (
	pageMargin = 15.0
	lineH      = 4.6
)

// WriteClientRecordPDF writes the whole record of one client — profile,
// consents and needs, visits, cards, assessments with BMI, the contact
// history — as A4 pages in lang ("ru" or "en"), created at the time given,
// so the same record always gives the same file.
func WriteClientRecordPDF(w io.Writer, rec model.ClientRecord, lang string, created time.Time) error {
	if lang != "ru" {
		lang = "en"
	}
	pdf, err := newPDF(created)
	if err != nil {
		return err
	}
	r := &recordPDF{pdf: pdf, lang: lang, l: recordLabels[lang], today: model.DateOf(created)}
	c := rec.Client
	pdf.SetTitle(r.l["title"]+": "+c.FullName(), true)
	pdf.SetAuthor("Companion", true)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(120, 120, 120)
		pdf.CellFormat(0, 4, c.FullName()+" · "+r.l["page"]+" "+strconv.Itoa(pdf.PageNo()), "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	r.header(rec)
	r.profile(c)
	r.visits(rec)
	r.cards(rec)
	r.assessments(rec)
	r.timeline(rec)
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

func (r *recordPDF) header(rec model.ClientRecord) {
	pdf, c := r.pdf, rec.Client
	pdf.SetFont(fontFamily, "", 9)
	pdf.SetTextColor(110, 110, 110)
	pdf.CellFormat(90, 5, r.l["title"], "", 0, "L", false, 0, "")
	pdf.CellFormat(0, 5, r.l["created"]+" "+r.today.Format(r.lang), "", 1, "R", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "B", 18)
	pdf.MultiCell(0, 9, c.FullName(), "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	parts := []string{r.l["status."+string(c.Status(r.today))]}
	if c.VisitCount > 0 {
		parts = append(parts, r.l["trust."+string(model.TrustOf(&c, r.today))],
			r.l["since"]+" "+c.FirstVisitOn.Format(r.lang), r.l["visits_n"]+": "+strconv.Itoa(c.VisitCount))
	}
	pdf.MultiCell(0, 5, strings.Join(parts, " · "), "", "L", false)
	pdf.Ln(2)
}

func (r *recordPDF) section(title string) {
	pdf := r.pdf
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+18 > pageH-pageMargin {
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
		return r.l["not_given"]
	}
	return r.l["given"] + " " + d.Format(r.lang)
}

func (r *recordPDF) profile(c model.Client) {
	r.section(r.l["contacts"])
	r.field(r.l["phone"], model.FormatPhone(c.Phone))
	r.field(r.l["email"], c.Email)
	r.field(r.l["birth"], c.BirthDate.Format(r.lang))
	r.field(r.l["source"], sourceNames[r.lang][c.Source])
	r.field(r.l["tags"], c.Tags)
	r.section(r.l["consents"])
	r.field(r.l["pd"], r.consent(c.PDConsentAt))
	r.field(r.l["health_c"], r.consent(c.HealthConsentAt))
	marketing := r.l["not_given"]
	if c.MarketingConsent {
		marketing = r.consent(c.MarketingConsentAt)
	}
	r.field(r.l["marketing"], marketing)
	if c.NeedsStated+c.NeedsObserved+c.Goals+c.Health+c.Notes != "" {
		r.section(r.l["needs"])
		r.field(r.l["stated"], c.NeedsStated)
		r.field(r.l["observed"], c.NeedsObserved)
		r.field(r.l["goals"], c.Goals)
		r.field(r.l["health"], c.Health)
		r.field(r.l["notes"], c.Notes)
	}
}

// column of a table: title, width in mm, alignment.
type column struct {
	title string
	w     float64
	align string
}

// table writes rows under a header that repeats on each new page; cells
// wrap, and a row never splits across pages.
func (r *recordPDF) table(cols []column, rows [][]string) {
	pdf := r.pdf
	_, pageH := pdf.GetPageSize()
	head := func() {
		pdf.SetFont(fontFamily, "B", 8.5)
		pdf.SetFillColor(232, 238, 244)
		for _, c := range cols {
			pdf.CellFormat(c.w, 6, c.title, "1", 0, alignOf(c.align), true, 0, "")
		}
		pdf.Ln(-1)
		pdf.SetFont(fontFamily, "", 8.5)
	}
	for k, row := range rows {
		lines := make([][]string, len(cols))
		n := 1
		pdf.SetFont(fontFamily, "", 8.5)
		for i, c := range cols {
			lines[i] = pdf.SplitText(row[i], c.w) // less the cell margins
			n = max(n, len(lines[i]))
		}
		h := float64(n)*4 + 1.6
		switch {
		case pdf.GetY()+h+6*float64(1-min(k, 1)) > pageH-pageMargin-4:
			pdf.AddPage()
			head()
		case k == 0:
			head()
		}
		x, y := pdf.GetX(), pdf.GetY()
		for i, c := range cols {
			pdf.Rect(x, y, c.w, h, "D")
			for k, line := range lines[i] {
				pdf.SetXY(x, y+0.8+float64(k)*4)
				pdf.CellFormat(c.w, 4, line, "", 0, alignOf(c.align), false, 0, "")
			}
			x += c.w
		}
		pdf.SetXY(pageMargin, y+h)
	}
}

func alignOf(a string) string {
	if a == "" {
		return "L"
	}
	return a + "M"
}

// num writes a measure with one decimal as the language does, "—" for 0.
func (r *recordPDF) num(x float64) string {
	if x == 0 {
		return "—"
	}
	s := strconv.FormatFloat(x, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if r.lang == "ru" {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

func (r *recordPDF) visits(rec model.ClientRecord) {
	r.section(r.l["visits"] + " (" + strconv.Itoa(len(rec.Visits)) + ")")
	if len(rec.Visits) == 0 {
		r.pdf.CellFormat(0, 5, r.l["none"], "", 1, "L", false, 0, "")
		return
	}
	numbers := map[uint]string{}
	for _, cv := range rec.Cards {
		numbers[cv.Card.ID] = cv.Card.Number
	}
	cols := []column{{r.l["date"], 22, ""}, {r.l["item"], 42, ""}, {r.l["staff"], 27, ""}, {r.l["qty"], 9, "R"},
		{r.l["price"], 18, "R"}, {r.l["discount"], 16, "R"}, {r.l["paid"], 28, ""}, {r.l["sum"], 18, "R"}}
	var rows [][]string
	var total model.Money
	for _, v := range rec.Visits {
		for i, l := range v.Lines {
			day := ""
			if i == 0 {
				day = v.On.Format(r.lang)
			}
			paid, sum := r.l["money"], l.Total().Format(r.lang)
			if l.PaidBy == model.PaidCard && l.CardID != nil {
				paid, sum = r.l["card"]+" "+numbers[*l.CardID], "—"
			}
			discount := ""
			if l.Discount != 0 {
				discount = l.Discount.Format(r.lang)
			}
			staff := ""
			if l.StaffID != nil {
				staff = shortStaff(rec.StaffNames[*l.StaffID])
			}
			rows = append(rows, []string{day, l.Name, staff, strconv.Itoa(l.Qty), l.Price.Format(r.lang), discount, paid, sum})
			total += l.Total()
		}
	}
	r.table(cols, rows)
	r.pdf.SetFont(fontFamily, "B", 9.5)
	r.pdf.CellFormat(0, 7, r.l["total"]+": "+total.Format(r.lang), "", 1, "R", false, 0, "")
}

// shortStaff writes "Орлов Артём Сергеевич" as "Орлов А. С.".
func shortStaff(full string) string {
	last, first, middle := model.SplitFullName(full)
	out := last
	for _, p := range []string{first, middle} {
		if p != "" {
			out += " " + string([]rune(p)[0]) + "."
		}
	}
	return out
}

func (r *recordPDF) cards(rec model.ClientRecord) {
	if len(rec.Cards) == 0 {
		return
	}
	r.section(r.l["cards"])
	cols := []column{{r.l["number"], 18, ""}, {r.l["type"], 36, ""}, {r.l["sold"], 22, ""}, {r.l["valid"], 38, ""},
		{r.l["card_visits"], 22, "R"}, {r.l["freeze"], 22, "R"}, {r.l["status"], 22, ""}}
	var rows [][]string
	for _, cv := range rec.Cards {
		st := cv.State
		valid := r.l["from_first"]
		if !st.ValidFrom.IsZero() {
			valid = st.ValidFrom.Format(r.lang) + " – " + st.ValidTo.Format(r.lang)
		}
		visits := strconv.Itoa(st.VisitsUsed) + " / " + strconv.Itoa(cv.Card.VisitsIncluded)
		if cv.Card.VisitsIncluded == 0 {
			visits = strconv.Itoa(st.VisitsUsed) + " / " + r.l["unlimited"]
		}
		freeze := "—"
		if st.FreezeDaysUsed > 0 {
			freeze = strconv.Itoa(st.FreezeDaysUsed) + " " + r.l["days"]
		}
		rows = append(rows, []string{cv.Card.Number, cv.Type.Name + "\n" + cv.Card.Price.Format(r.lang),
			cv.Card.SoldOn.Format(r.lang), valid, visits, freeze, r.l["card."+string(st.Status)]})
	}
	r.table(cols, rows)
}

func (r *recordPDF) assessments(rec model.ClientRecord) {
	if len(rec.Assessments) == 0 {
		return
	}
	r.section(r.l["assessments"])
	cols := []column{{r.l["date"], 22, ""}, {r.l["weight"], 19, "R"}, {r.l["height"], 19, "R"}, {r.l["bmi"], 14, "R"},
		{r.l["waist"], 18, "R"}, {r.l["hips"], 18, "R"}, {r.l["chest"], 18, "R"}, {r.l["fat"], 16, "R"},
		{r.l["pressure"], 36, "R"}}
	var rows [][]string
	var contra []string
	for _, a := range rec.Assessments {
		pressure := "—"
		if a.Systolic > 0 {
			pressure = fmt.Sprintf("%d/%d", a.Systolic, a.Diastolic)
		}
		rows = append(rows, []string{a.On.Format(r.lang), r.num(a.WeightKg), r.num(a.HeightCm), r.num(a.BMI()),
			r.num(a.WaistCm), r.num(a.HipsCm), r.num(a.ChestCm), r.num(a.BodyFatPct), pressure})
		if a.Contraindications != "" {
			contra = append(contra, a.On.Format(r.lang)+": "+a.Contraindications)
		}
		if a.Notes != "" {
			contra = append(contra, a.On.Format(r.lang)+": "+a.Notes)
		}
	}
	r.table(cols, rows)
	if len(contra) > 0 {
		r.pdf.Ln(1.5)
		r.field(r.l["contra"], strings.Join(contra, "\n"))
	}
}

func (r *recordPDF) timeline(rec model.ClientRecord) {
	if len(rec.Contacts) == 0 {
		return
	}
	r.section(r.l["timeline"])
	cols := []column{{r.l["date"], 22, ""}, {r.l["kind"], 39, ""}, {r.l["channel"], 20, ""}, {r.l["outcome"], 73, ""},
		{r.l["next"], 26, ""}}
	var rows [][]string
	for _, c := range rec.Contacts {
		outcome := strings.TrimSpace(strings.Join([]string{c.Outcome, c.Notes}, "\n"))
		if ids := c.TopicIDs(); len(ids) > 0 {
			titles := make([]string, len(ids))
			for i, id := range ids {
				titles[i] = "• " + rec.TopicTitles[id]
			}
			outcome = strings.TrimSpace(outcome + "\n" + r.l["topics"] + ":\n" + strings.Join(titles, "\n"))
		}
		next := c.NextOn.Format(r.lang)
		if next != "" && c.NextDone {
			next += " ✓"
		}
		rows = append(rows, []string{c.On.Format(r.lang), r.l["kind."+string(c.Kind)], r.l["ch."+c.Channel], outcome, next})
	}
	r.table(cols, rows)
}

// recordJSON is a client record in a JSON export: snake_case names, dates
// as 2006-01-02 or null, money in kopecks.
type recordJSON struct {
	Client      clientJSON       `json:"client"`
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
	ID             uint         `json:"id"`
	UUID           string       `json:"uuid"`
	Number         string       `json:"number"`
	Type           string       `json:"type"`
	SoldOn         *string      `json:"sold_on"`
	ValidFrom      *string      `json:"valid_from"`
	ValidTo        *string      `json:"valid_to"`
	VisitsIncluded int          `json:"visits_included"`
	VisitsUsed     int          `json:"visits_used"`
	PriceKopecks   int64        `json:"price_kopecks"`
	Status         string       `json:"status"`
	Notes          string       `json:"notes"`
	Freezes        []freezeJSON `json:"freezes"`
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
	out := recordJSON{Client: toJSON(&rec.Client), Visits: []visitJSON{}, Cards: []cardJSON{},
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
			Status: string(cv.State.Status), Notes: cv.Card.Notes, Freezes: []freezeJSON{}}
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
