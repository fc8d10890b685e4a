package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/i18n"
)

var recordCreated = time.Date(2026, time.November, 27, 15, 4, 5, 0, time.UTC)

func sampleRecord() model.ClientRecord {
	staff, card, gym := uint(3), uint(7), uint(12)
	c := model.Client{ID: 42, UUID: "c-42", LastName: "Иванова", FirstName: "Анна", MiddleName: "Петровна",
		Phone: "+79161234567", Email: "anna@mail.ru", BirthDate: model.NewDate(1990, 3, 5), Source: "referral",
		PDConsentAt: model.NewDate(2026, 1, 10), HealthConsentAt: model.NewDate(2026, 1, 10),
		MarketingConsent: true, MarketingConsentAt: model.NewDate(2026, 1, 10), Tags: "утро, абонемент",
		NeedsStated: "Хочу похудеть к лету", NeedsObserved: "Устаёт к вечеру, нужен мягкий старт", Goals: "−5 кг к маю",
		Health: "Варикоз — без обёртываний", FirstVisitOn: model.NewDate(2026, 1, 10),
		LastVisitOn: model.NewDate(2026, 11, 20), VisitCount: 3, GoalWeightKg: 68, GoalWaistCm: 72.25}
	rec := model.ClientRecord{Client: c, ReferrerName: "Соколова Мария",
		StaffNames:  map[uint]string{staff: "Орлов Артём Сергеевич"},
		TopicTitles: map[uint]string{1: "Знакомство с салоном", 5: "Клиентская карта: срок действия"}}
	rec.Visits = []model.Visit{
		{ID: 3, UUID: "v-3", ClientID: 42, On: model.NewDate(2026, 11, 20), Lines: []model.VisitLine{
			{ServiceID: &gym, Name: "Тренажёрный зал, разовое посещение", StaffID: &staff, Qty: 1, Price: model.Rub(800),
				PaidBy: model.PaidCard, CardID: &card},
			{Name: "Протеиновый батончик", Qty: 2, Price: model.Rub(190), PaidBy: model.PaidMoney}}},
		{ID: 2, UUID: "v-2", ClientID: 42, On: model.NewDate(2026, 2, 1), Lines: []model.VisitLine{
			{Name: "Персональная тренировка", StaffID: &staff, Qty: 1, Price: model.Rub(2500), Discount: model.Rub(250),
				PaidBy: model.PaidMoney}}},
		{ID: 1, UUID: "v-1", ClientID: 42, On: model.NewDate(2026, 1, 10), Lines: []model.VisitLine{
			{Name: "Вводная тренировка с тренером", StaffID: &staff, Qty: 1, Price: model.Rub(1500), PaidBy: model.PaidMoney}}},
	}
	typ := model.CardType{ID: 2, Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 7, Price: model.Rub(6000)}
	cd := model.Card{ID: card, Number: "100007", ClientID: 42, TypeID: 2, SoldOn: model.NewDate(2026, 11, 1),
		ValidFrom: model.NewDate(2026, 11, 1), ValidTo: model.NewDate(2026, 12, 30), VisitsIncluded: 10, Price: model.Rub(6000)}
	fr := []model.CardFreeze{{CardID: card, From: model.NewDate(2026, 11, 10), To: model.NewDate(2026, 11, 14)}}
	rec.Cards = []model.CardView{{Card: cd, Type: typ, Freezes: fr,
		State: model.CardStateOf(cd, typ, fr, 1, model.Date{}, model.DateOf(recordCreated))}}
	rec.Assessments = []model.Assessment{
		{ClientID: 42, On: model.NewDate(2026, 1, 10), WeightKg: 82.5, HeightCm: 168, WaistCm: 90, Systolic: 125,
			Diastolic: 82, Contraindications: "Варикоз"},
		{ClientID: 42, On: model.NewDate(2026, 2, 10), WeightKg: 80.1, HeightCm: 168, WaistCm: 88.5},
	}
	rec.Contacts = []model.Contact{
		{ClientID: 42, On: model.NewDate(2026, 11, 21), Kind: model.ContactCall, Channel: "phone",
			Outcome: "Договорились о замерах", NextOn: model.NewDate(2026, 12, 5)},
		{ClientID: 42, On: model.NewDate(2026, 1, 10), Kind: model.ContactIntroLecture, Channel: "in_person",
			Outcome: "Провели вступительную лекцию", Topics: "1,5", NextOn: model.NewDate(2026, 1, 17), NextDone: true},
	}
	return rec
}

// pdfText reads a PDF back as text with pdftotext (poppler-utils), which
// the tests need: without it they fail rather than pass unread. The text
// comes in the order it is drawn, so a wrapped cell reads as its lines.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read the PDF back: install poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "record.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// flat is text with every run of spaces and line ends as one space, which
// is how a wrapped table cell reads back.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func recordText(t *testing.T, rec model.ClientRecord, lang string) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteClientRecordPDF(&b, rec, lang, recordCreated); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("RECORD_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, t.Name()[strings.LastIndex(t.Name(), "/")+1:]+"."+lang+".pdf"), b.Bytes(), 0o644)
	}
	return pdfText(t, b.Bytes())
}

func TestClientRecordPDFReadsBack(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"ru", []string{"Карточка клиента", "Иванова Анна Петровна", "+7 916 123-45-67", "anna@mail.ru", "05.03.1990",
			"Рекомендация клиента", "дано 10.01.2026", "Хочу похудеть к лету", "−5 кг к маю", "3 визита на сумму 4 130 ₽",
			"Тренажёрный зал", "Орлов А. С.", "Карта № 100007 (10 посещений)", "2 250 ₽", "10 посещений",
			"с 01.11.2026 по 04.01.2027", "осталось визитов: 9 (использовано 1)", "заморозка с 10.11.2026 по 14.11.2026", "осталось 2 дня заморозки",
			"Действует", "82,5", "29,2", "28,4", "125/82", "Варикоз", "Вступительная лекция", "Знакомство с салоном",
			"05.12.2026", "17.01.2026 ✓", "Сформировано 27.11.2026", "Стр. 1", "Кто порекомендовал Соколова Мария",
			"Цель по весу, кг 68", "Цель по талии, см 72,25"}},
		{"en", []string{"Client record", "Иванова Анна Петровна", "3 visits, 4,130 ₽ in all", "Card no. 100007",
			"82.5", "29.2", "Intro lecture", "2026-12-05", "Active", "Page 1", "Client referral",
			"Referred by Соколова Мария", "Weight goal, kg 68", "Waist goal, cm 72.25",
			"frozen 2026-11-10 to 2026-11-14", "2 freeze days left", "price 6,000 ₽"}},
	} {
		text := flat(recordText(t, sampleRecord(), tc.lang))
		for _, w := range tc.want {
			if !strings.Contains(text, flat(w)) {
				t.Errorf("%s: the PDF lacks %q", tc.lang, w)
			}
		}
		if t.Failed() {
			t.Logf("%s text:\n%s", tc.lang, text)
		}
	}
}

// TestClientRecordSpeaksAsTheWindow reads the record back and finds in it
// the window's own words for what it shows: the labels of the profile, the
// visits, the cards, the assessments and the contacts, and the status,
// trust stage, card state, contact kind and channel.
func TestClientRecordSpeaksAsTheWindow(t *testing.T) {
	i18n.SetLanguage("en")
	rec := sampleRecord()
	rec.Client.VisitCount, rec.Client.FirstVisitOn, rec.Client.LastVisitOn = 1, model.NewDate(2026, 10, 1), model.NewDate(2026, 10, 1)
	today := model.DateOf(recordCreated)
	if got := rec.Client.Status(today); got != model.StatusAtRisk {
		t.Fatalf("the client is %s, not at risk", got)
	}
	used := rec.Cards[0]
	used.Card.ID, used.Card.Number, used.Card.VisitsIncluded = 8, "100008", 1
	used.State = model.CardStateOf(used.Card, used.Type, nil, 1, model.Date{}, today)
	if used.State.Status != model.CardUsedUp {
		t.Fatalf("the second card is %s, not used up", used.State.Status)
	}
	rec.Cards = append(rec.Cards, used)
	rec.Contacts[0].Channel = "email"
	keys := []string{"status.at_risk", "trust.new", "card.status.used_up", "card.status.active",
		"contact.kind.call", "contact.kind.intro_lecture", "contact.channel.email", "contact.channel.in_person",
		"client.section.contacts", "client.phone", "client.email", "client.birth_date", "client.source",
		"source.referral", "client.tags", "client.section.consents", "client.pd_consent", "client.health_consent",
		"client.marketing_consent", "client.section.needs", "client.needs_stated", "client.needs_observed",
		"client.goals", "client.health", "profile.tab.visits", "visit.line.service", "visit.line.staff",
		"visit.line.price", "visit.line.discount", "visit.line.paid", "visit.paid.money", "profile.tab.cards",
		"card.number", "card.type", "card.sold_on", "profile.tab.assessments", "assessment.on", "assessment.weight",
		"assessment.height", "assessment.bmi", "assessment.waist", "assessment.hips", "assessment.chest",
		"assessment.fat", "assessment.pressure", "assessment.contraindications", "contact.on", "contact.kind",
		"contact.channel", "contact.outcome", "contact.next_on", "contact.topics"}
	for _, lang := range []string{"ru", "en"} {
		text := flat(recordText(t, rec, lang))
		w := i18n.In(lang)
		for _, k := range keys {
			if word := w.T(k); word == k || !strings.Contains(text, flat(word)) {
				t.Errorf("%s: the PDF lacks %s, %q", lang, k, word)
			}
		}
		if t.Failed() {
			t.Logf("%s text:\n%s", lang, text)
		}
	}
	if ru := flat(recordText(t, rec, "ru")); !strings.Contains(ru, "Под угрозой") || !strings.Contains(ru, "Визиты закончились") ||
		!strings.Contains(ru, "Эл. почта") || !strings.Contains(ru, "Метки") {
		t.Errorf("the Russian record does not say what the window says:\n%s", ru)
	}
	if i18n.Lang() != "en" {
		t.Errorf("writing a Russian record changed the window's language to %s", i18n.Lang())
	}
}

func TestClientRecordInTheLanguageInUse(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	if text := flat(recordText(t, sampleRecord(), "")); !strings.Contains(text, "Карточка клиента") {
		t.Errorf("a record in the language in use is not Russian:\n%s", text)
	}
}

func TestClientRecordWithoutVisits(t *testing.T) {
	rec := model.ClientRecord{Client: model.Client{LastName: "Петрова", FirstName: "Вера"}}
	text := flat(recordText(t, rec, "ru"))
	for _, want := range []string{"Петрова Вера", i18n.In("ru").T("status.lead"), i18n.In("ru").T("visit.none"),
		"Персональные данные не дано"} {
		if !strings.Contains(text, want) {
			t.Errorf("the record lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "source.") || strings.Contains(text, "record.") {
		t.Errorf("a key stands in the record:\n%s", text)
	}
}

func TestClientRecordPDFIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteClientRecordPDF(&a, sampleRecord(), "ru", recordCreated); err != nil {
		t.Fatal(err)
	}
	WriteClientRecordPDF(&b, sampleRecord(), "ru", recordCreated)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two PDFs of one record differ")
	}
	if a.Len() > 400_000 {
		t.Errorf("the PDF is %d bytes: the fonts are not subset", a.Len())
	}
}

func TestClientRecordManyVisitsPageBreaks(t *testing.T) {
	rec := sampleRecord()
	v := rec.Visits[2]
	for i := 0; i < 200; i++ {
		v.On = v.On.AddDays(1)
		rec.Visits = append(rec.Visits, v)
	}
	var b bytes.Buffer
	if err := WriteClientRecordPDF(&b, rec, "ru", recordCreated); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b.Bytes())
	if n := strings.Count(flat(text), "Услуга или товар"); n < 3 {
		t.Errorf("the visits table heads %d pages", n)
	}
	if !strings.Contains(text, "Стр. 5") {
		t.Error("no page 5")
	}
}

func TestClientRecordJSON(t *testing.T) {
	var b bytes.Buffer
	rec := sampleRecord()
	rec.Cards[0].Card.Discount, rec.Cards[0].Card.Paid = model.Rub(500), model.Rub(4000)
	if err := WriteClientRecordJSON(&b, rec); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Client struct {
			LastName string `json:"last_name"`
		} `json:"client"`
		Referrer string `json:"referrer"`
		Visits   []struct {
			Day          string `json:"day"`
			TotalKopecks int64  `json:"total_kopecks"`
			Lines        []struct {
				Staff  string `json:"staff"`
				PaidBy string `json:"paid_by"`
			} `json:"lines"`
		} `json:"visits"`
		Cards []struct {
			Status   string `json:"status"`
			ValidTo  string `json:"valid_to"`
			Discount int64  `json:"discount_kopecks"`
			Paid     int64  `json:"paid_kopecks"`
		} `json:"cards"`
		Assessments []struct {
			BMI float64 `json:"bmi"`
		} `json:"assessments"`
		Contacts []struct {
			Topics []string `json:"topics"`
		} `json:"contacts"`
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Client.LastName != "Иванова" || len(back.Visits) != 3 || back.Visits[0].TotalKopecks != 38000 ||
		back.Visits[0].Lines[0].Staff != "Орлов Артём Сергеевич" || back.Visits[0].Lines[0].PaidBy != "card" ||
		back.Cards[0].Status != "active" || back.Cards[0].ValidTo != "2027-01-04" || back.Assessments[0].BMI != 29.2 ||
		len(back.Contacts[1].Topics) != 2 || back.Referrer != "Соколова Мария" || back.Cards[0].Discount != 50000 ||
		back.Cards[0].Paid != 400000 {
		t.Errorf("JSON reads back as %+v\n%s", back, b.String())
	}
	var empty bytes.Buffer
	WriteClientRecordJSON(&empty, model.ClientRecord{Client: model.Client{FirstName: "Вера"}})
	if !strings.Contains(empty.String(), `"visits": []`) {
		t.Errorf("an empty record: %s", empty.String())
	}
}
