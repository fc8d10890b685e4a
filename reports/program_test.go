package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"companion/model"
)

// sampleProgram is Анна's active program: trainings with a trainer, five
// of them paid by her card, and a massage kept against her varicose veins
// with the manager's reason.
func sampleProgram() model.ProgramSheet {
	trainer, card := uint(3), uint(7)
	today := model.NewDate(2026, 12, 10)
	c := model.Client{ID: 42, LastName: "Иванова", FirstName: "Анна", MiddleName: "Петровна", Phone: "+79161234567"}
	p := model.Program{ID: 5, ClientID: 42, Title: "Стройность к весне", Goal: "Минус 5 кг и больше сил к весне",
		WeightChangeKg: -5, WaistChangeCm: -6.5, StartOn: model.NewDate(2026, 12, 7), GoalBy: model.NewDate(2027, 3, 1),
		Days: 1<<0 | 1<<2 | 1<<4, Status: model.ProgramActive, CardID: &card, Discount: model.Rub(1000),
		Items: []model.ProgramItem{
			{ServiceID: 1, Name: "Персональная тренировка", Price: model.Rub(2500), Sessions: 8, PerWeek: 2,
				StaffID: &trainer, ByCard: true},
			{ServiceID: 2, Name: "Массаж спины", Price: model.Rub(3000), Sessions: 4, PerWeek: 1,
				Contraindicated: "варикоз", Override: "Только верхняя часть спины, ноги не массируем"},
		}}
	typ := model.CardType{ID: 2, Name: "10 посещений", ValidDays: 240, Visits: 10, Price: model.Rub(20000)}
	cd := model.Card{ID: card, Number: "100007", ClientID: 42, TypeID: 2, SoldOn: model.NewDate(2026, 11, 1),
		ValidFrom: model.NewDate(2026, 11, 1), VisitsIncluded: 10, Price: model.Rub(20000)}
	cv := model.CardView{Card: cd, Type: typ, State: model.CardStateOf(cd, typ, nil, 5, model.Date{}, today)}
	done := []model.SessionDone{{On: model.NewDate(2026, 12, 7), ServiceID: 1, Qty: 1},
		{On: model.NewDate(2026, 12, 9), ServiceID: 1, Qty: 1}}
	return model.ProgramSheet{Salon: "Студия «Лотос»", Client: c, Today: today,
		View:  model.ViewProgram(p, &cv, done, nil, today),
		Staff: map[uint]string{trainer: "Орлов Артём Сергеевич"}}
}

func programText(t *testing.T, sh model.ProgramSheet, lang string) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteProgram(&b, sh, lang); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PROGRAM_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, t.Name()[strings.LastIndex(t.Name(), "/")+1:]+"."+lang+".pdf"), b.Bytes(), 0o644)
	}
	return flat(pdfText(t, b.Bytes()))
}

func TestProgramPDFReadsBack(t *testing.T) {
	sh := sampleProgram()
	v := sh.View
	if len(v.Schedule) != 12 || v.Price.CardSessions != 5 {
		t.Fatalf("the sample has %d sessions, %d by card", len(v.Schedule), v.Price.CardSessions)
	}
	text := programText(t, sh, "ru")
	want := []string{"Студия «Лотос»", "Иванова Анна Петровна", "+7 916 123-45-67", "Стройность к весне",
		"Минус 5 кг и больше сил к весне", "Изменение веса −5 кг", "Изменение объёма талии −6,5 см", "к 01.03.2027",
		"Начало 07.12.2026", "Действует", "пн 07.12.2026", "Орлов Артём Сергеевич", "по карте", "к оплате",
		"Все занятия программы (12) 32 000 ₽", "Оплачивает карта № 100007, занятий: 5 −12 500 ₽", "Скидка −1 000 ₽",
		"К оплате 18 500 ₽", "Массаж спины", "Не рекомендуется при: варикоз",
		"Решение менеджера: Только верхняя часть спины, ноги не массируем", "Пройдено занятий 2 из 12 (16 %)",
		"Клиент", "Иванова А. П.", "Менеджер", "Сформировано 10.12.2026", "Стр. 1"}
	for _, s := range v.Schedule {
		want = append(want, s.On.Format("ru"))
	}
	for _, w := range want {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	// every session is a row: its number, its weekday and day
	for i, s := range v.Schedule {
		row := flat(strconv.Itoa(i+1) + " " + []string{"пн", "вт", "ср", "чт", "пт", "сб", "вс"}[(int(s.On.Time().Weekday())+6)%7] +
			" " + s.On.Format("ru"))
		if !strings.Contains(text, row) {
			t.Errorf("no row %q", row)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func TestProgramPDFInEnglish(t *testing.T) {
	text := programText(t, sampleProgram(), "en")
	for _, w := range []string{"Personal program", "Иванова Анна Петровна", "Weight change −5 kg", "by 2027-03-01",
		"Mon 2026-12-07", "Paid by card no. 100007, sessions: 5 −12,500 ₽", "To pay 18,500 ₽",
		"Sessions done 2 of 12 (16%)", "Page 1"} {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("the English PDF lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

// A draft without a card, a salon name or a staff member says nothing of
// them: no card line, no payment column, no progress, «—» for the
// specialist, and no key left untranslated.
func TestProgramPDFDraftWithoutCard(t *testing.T) {
	sh := sampleProgram()
	p := sh.View.Program
	p.Status, p.CardID, p.Discount = model.ProgramDraft, nil, 0
	p.Items = p.Items[1:]
	p.Items[0].Contraindicated, p.Items[0].Override = "", ""
	sh.Salon, sh.View = "", model.ViewProgram(p, nil, nil, nil, sh.Today)
	text := programText(t, sh, "ru")
	for _, w := range []string{"Черновик", "Массаж спины —", "К оплате 12 000 ₽"} {
		if !strings.Contains(text, w) {
			t.Errorf("the draft lacks %q", w)
		}
	}
	for _, no := range []string{"карт", "Оплата", "Пройдено", "Противопоказания", "programpdf."} {
		if strings.Contains(text, no) {
			t.Errorf("the draft says %q", no)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func TestProgramPDFIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteProgram(&a, sampleProgram(), "ru"); err != nil {
		t.Fatal(err)
	}
	WriteProgram(&b, sampleProgram(), "ru")
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two PDFs of one program differ")
	}
}

// A long program runs over pages, the table's head on each, and the lines
// to sign stay together.
func TestProgramPDFManySessions(t *testing.T) {
	sh := sampleProgram()
	p := sh.View.Program
	p.Items[0].Sessions, p.Items[0].PerWeek, p.Days = 60, 3, 0
	sh.View = model.ViewProgram(p, sh.View.Card, nil, nil, sh.Today)
	text := programText(t, sh, "ru")
	if n := strings.Count(text, "Специалист"); n < 2 {
		t.Errorf("the schedule's head is on %d pages", n)
	}
	for _, s := range sh.View.Schedule {
		if !strings.Contains(text, s.On.Format("ru")) {
			t.Errorf("no session on %s", s.On.Format("ru"))
		}
	}
	if !strings.Contains(text, "Стр. 2") {
		t.Error("no page 2")
	}
}
