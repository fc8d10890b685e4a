package reports

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/store"
	"companion/model/store/storetest"
)

// qualitySalon is a salon's November 2026 on a real database (SQLite, or
// PostgreSQL under scripts/pg.sh), made through the store's public methods:
// Белова with enough answers, Орлов with too few, Смирнова with none in
// November and a complaint of October still open.
type qualitySalon struct {
	s                       *store.Store
	belova, orlov, smirnova model.Staff
	peel, training          model.Service
	clients                 []model.Client
}

var (
	octoberDay  = time.Date(2026, time.October, 30, 10, 0, 0, 0, time.UTC)
	novemberDay = time.Date(2026, time.November, 27, 10, 0, 0, 0, time.UTC)
	november    = model.NewDate(2026, 11, 1)
)

func openAt(t *testing.T, db string, now time.Time) *store.Store {
	t.Helper()
	s, err := store.Open(db, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// newQualitySalon makes the salon in October (its staff, services and
// clients, a complaint about the administrator and two proposals), then
// its November: visits, a round of calls and the clients' feedback.
func newQualitySalon(t *testing.T) qualitySalon {
	t.Helper()
	db := storetest.Database(t)
	q := qualitySalon{s: openAt(t, db, octoberDay)}
	q.october(t)
	must(t, q.s.Close())
	q.s = openAt(t, db, novemberDay)
	t.Cleanup(func() { q.s.Close() })
	q.visits(t)
	q.calls(t)
	q.feedback(t)
	return q
}

func (q *qualitySalon) october(t *testing.T) {
	ctx := context.Background()
	s := q.s
	q.belova = model.Staff{Name: "Белова Екатерина Андреевна", Role: "косметолог", Active: true}
	q.orlov = model.Staff{Name: "Орлов Артём Сергеевич", Role: "тренер", Active: true}
	q.smirnova = model.Staff{Name: "Смирнова Ольга Викторовна", Role: "администратор", Active: true}
	q.peel = model.Service{Name: "Пилинг", Kind: "service", Price: model.Rub(3000), Minutes: 45, Active: true}
	q.training = model.Service{Name: "Персональная тренировка", Kind: "service", Price: model.Rub(2500), Minutes: 60, Active: true}
	must(t, s.SetSalonName(ctx, "Студия «Лотос»"), s.SaveStaff(ctx, &q.belova), s.SaveStaff(ctx, &q.orlov),
		s.SaveStaff(ctx, &q.smirnova), s.SaveService(ctx, &q.peel), s.SaveService(ctx, &q.training))
	for i, name := range []string{"Иванова Мария", "Петрова Ольга", "Сидорова Анна", "Кузнецова Ирина", "Попова Дарья",
		"Соколова Вера", "Лебедева Нина", "Козлова Юлия"} {
		last, first, _ := strings.Cut(name, " ")
		c := model.Client{LastName: last, FirstName: first, Phone: "+7916000000" + strconv.Itoa(i)}
		must(t, s.CreateClient(ctx, &c))
		q.clients = append(q.clients, c)
	}
	rude := model.Feedback{ClientID: q.clients[7].ID, StaffID: &q.smirnova.ID, Kind: model.FeedbackComplaint, Rating: 1,
		Words: "Администратор нагрубила по телефону", On: model.NewDate(2026, 10, 28)}
	must(t, s.AddFeedback(ctx, &rude))
	_, err := s.MoveFeedback(ctx, rude.ID, model.StatePassed, model.Feedback{PassedBy: "Директор"})
	must(t, err)
	cooler := model.Proposal{Title: "Кулер с водой", Status: model.ProposalDone, Result: "Поставили"}
	online := model.Proposal{Title: "Запись онлайн", Text: "Кнопка записи на сайте", OwnerID: &q.smirnova.ID}
	must(t, s.SaveProposal(ctx, &cooler), s.SaveProposal(ctx, &online))
}

// visits: the first six clients have a peel by Белова on 10 November, the
// sixth and the last two a training by Орлов.
func (q *qualitySalon) visits(t *testing.T) {
	ctx := context.Background()
	peel := model.VisitLine{ServiceID: &q.peel.ID, Name: q.peel.Name, StaffID: &q.belova.ID, Qty: 1, Price: q.peel.Price}
	training := model.VisitLine{ServiceID: &q.training.ID, Name: q.training.Name, StaffID: &q.orlov.ID, Qty: 1,
		Price: q.training.Price}
	for i, c := range q.clients {
		v := model.Visit{ClientID: c.ID, On: model.NewDate(2026, 11, 10)}
		if i < 6 {
			v.Lines = append(v.Lines, peel)
		}
		if i >= 5 {
			v.Lines = append(v.Lines, training)
		}
		must(t, q.s.AddVisit(ctx, &v))
	}
	for _, st := range []model.Standard{
		{Group: "Приветствие", Text: "Поздоровались по имени", Active: true},
		{Group: "Гигиена", Text: "Руки обработаны при клиенте", Roles: "косметолог", Active: true, ServiceIDs: []uint{q.peel.ID}},
	} {
		must(t, q.s.SaveStandard(ctx, &st))
	}
}

// calls: everyone is called; the NPS answers are 10, 9, 8, 6, 10, 9, 3
// and the last client is unreachable; the fourth kept no standard.
func (q *qualitySalon) calls(t *testing.T) {
	ctx := context.Background()
	r := model.CheckRound{Kind: model.RoundCalls, Title: "Ноябрь", From: model.NewDate(2026, 11, 1), To: model.NewDate(2026, 11, 26)}
	must(t, q.s.StartRound(ctx, &r))
	calls, err := q.s.RoundCalls(ctx, r.ID)
	must(t, err)
	if len(calls) != len(q.clients) {
		t.Fatalf("%d call cards for %d clients", len(calls), len(q.clients))
	}
	answers := map[uint]int{}
	for i, a := range []int{10, 9, 8, 6, 10, 9, 3} {
		answers[q.clients[i].ID] = a
	}
	for _, c := range calls {
		a, ok := answers[*c.ClientID]
		c.State = model.CallUnreachable
		if ok {
			c.State, c.NPS = model.CallDone, &a
		}
		for k := range c.Marks {
			c.Marks[k].Kept = *c.ClientID != q.clients[3].ID
		}
		must(t, q.s.RecordCall(ctx, &c))
	}
}

// feedback: three thanks and two complaints for Белова (one closed, one
// open and overdue), an open complaint about Орлов and a withdrawn one, and
// a proposal that answers the open complaint.
func (q *qualitySalon) feedback(t *testing.T) {
	ctx := context.Background()
	add := func(client int, staff *model.Staff, service *model.Service, kind string, rating, day int, words string) uint {
		f := model.Feedback{ClientID: q.clients[client].ID, StaffID: &staff.ID, Kind: kind, Rating: rating, Words: words,
			On: model.NewDate(2026, 11, day)}
		if service != nil {
			f.ServiceID = &service.ID
		}
		must(t, q.s.AddFeedback(ctx, &f))
		return f.ID
	}
	move := func(id uint, to string, step model.Feedback) {
		_, err := q.s.MoveFeedback(ctx, id, to, step)
		must(t, err)
	}
	thanks := add(0, &q.belova, &q.peel, model.FeedbackThanks, 5, 12, "Екатерина — волшебница, кожа сияет!")
	move(thanks, model.StatePassed, model.Feedback{PassedBy: "Смирнова О. В."})
	add(1, &q.belova, &q.peel, model.FeedbackThanks, 5, 14, "Спасибо за бережный пилинг и советы по уходу")
	add(2, &q.belova, nil, model.FeedbackThanks, 4, 15, "Всё понравилось, только долго ждала")
	add(3, &q.belova, &q.peel, model.FeedbackComplaint, 2, 20, "После пилинга сильное покраснение, мастер не предупредила")
	late := add(4, &q.belova, &q.peel, model.FeedbackComplaint, 3, 5, "Мастер опоздала на 15 минут")
	move(late, model.StatePassed, model.Feedback{PassedBy: "Смирнова О. В."})
	move(late, model.StateAnswered, model.Feedback{Answer: "Задержалась на предыдущем клиенте"})
	move(late, model.StateResolved, model.Feedback{Resolution: "Извинились, записали на удобное время", Compensation: "Скидка 10 %"})
	move(late, model.StateClosed, model.Feedback{Satisfied: true, ContactNote: "Всё в порядке"})
	add(6, &q.orlov, &q.training, model.FeedbackComplaint, 1, 25, "Тренер весь час смотрел в телефон")
	wrong := add(7, &q.orlov, &q.training, model.FeedbackComplaint, 1, 21, "Ошибочная запись")
	move(wrong, model.StateWithdrawn, model.Feedback{Withdrawn: "Записали не тому клиенту"})
	warn := model.Proposal{Title: "Предупреждать о покраснении после пилинга", OwnerID: &q.belova.ID,
		Status: model.ProposalAccepted}
	must(t, q.s.SaveProposal(ctx, &warn))
}

// pdfOf writes a report and reads it back as flat text; QUALITY_PDF names
// a folder to keep the files in to look at.
func pdfOf(t *testing.T, name string, write func(w *bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("QUALITY_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
	}
	return flat(pdfText(t, b.Bytes()))
}

// cell writes a figure the way the Russian report should: «4,6 (12)»,
// «мало (3)», «—».
func cell(f model.Figure, value string) string {
	switch {
	case !f.Known():
		return "—"
	case !f.Enough():
		return "мало (" + strconv.Itoa(f.N) + ")"
	}
	return value + " (" + strconv.Itoa(f.N) + ")"
}

// staffRow is a staff member's row as the store's scores say it reads.
func staffRow(st model.Staff, sc model.Score) string {
	return strings.Join([]string{st.Name, st.Role, cell(sc.Rating, strings.Replace(strconv.FormatFloat(sc.Rating.Value, 'f', 1, 64), ".", ",", 1)),
		strconv.Itoa(sc.Complaints), strconv.Itoa(sc.Thanks), cell(sc.Kept, strconv.Itoa(int(sc.Kept.Value))+" %"),
		cell(sc.NPS, strconv.Itoa(int(sc.NPS.Value)))}, " ")
}

func TestQualityReportHasTheStoresFigures(t *testing.T) {
	q := newQualitySalon(t)
	ctx := context.Background()
	m, err := q.s.QualityReport(ctx, november)
	must(t, err)
	byStaff, _, err := q.s.QualityScores(ctx, november)
	must(t, err)
	belova, orlov := byStaff[q.belova.ID], byStaff[q.orlov.ID]
	if belova.NPS != (model.Figure{Value: 50, N: 6}) || belova.Kept != (model.Figure{Value: 83, N: 12}) ||
		belova.Rating != (model.Figure{Value: 3.8, N: 5}) || belova.Complaints != 2 || belova.Thanks != 3 {
		t.Fatalf("Белова's November in the store: %+v", belova)
	}
	if orlov.NPS.N != 2 || orlov.Kept.N != 3 || orlov.Rating.N != 1 || orlov.Complaints != 1 {
		t.Fatalf("Орлов's November in the store: %+v", orlov)
	}
	text := pdfOf(t, "quality.ru.pdf", func(b *bytes.Buffer) error { return WriteQualityReport(b, m, "Студия «Лотос»", "ru") })
	want := []string{"Студия «Лотос»", "Качество обслуживания", "ноябрь 2026", "Сформировано 27.11.2026",
		staffRow(q.belova, belova), staffRow(q.orlov, orlov), staffRow(q.smirnova, byStaff[q.smirnova.ID]),
		"Белова Екатерина Андреевна косметолог 3,8 (5) 2 3 83 % (12) 50 (6)",
		"Орлов Артём Сергеевич тренер мало (1) 1 0 мало (3) мало (2)",
		"Смирнова Ольга Викторовна администратор — 0 0 — —",
		"NPS за месяц 29", "Ответов 7", "Промоутеры (9–10) 4", "Нейтральные (7–8) 1", "Критики (0–6) 2",
		"Жалоб за месяц: 3", "Пилинг 2", "Персональная тренировка 1", "Белова Екатерина Андреевна 2",
		"Открыто: 3, из них просрочено (без решения больше 3 дней): 2.",
		"«Администратор нагрубила по телефону»", "просрочена: 30 дней",
		"«После пилинга сильное покраснение, мастер не предупредила»", "просрочена: 7 дней",
		"«Тренер весь час смотрел в телефон» Новая",
		"Запись онлайн Кнопка записи на сайте Смирнова Ольга Викторовна Предложено",
		"Предупреждать о покраснении после пилинга", "Принято", "Стр. 1"}
	for _, w := range want {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("the report lacks %q", w)
		}
	}
	for _, no := range []string{"Ошибочная запись", "Мастер опоздала", "Кулер", "100 %", "qualitypdf."} {
		if strings.Contains(text, no) {
			t.Errorf("the report says %q", no)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

// Fewer than model.MinAnswers answers read as too few, whatever the value.
func TestQualityReportSaysTooFewAnswers(t *testing.T) {
	four, five := []int{10, 10, 10, 10}, []int{10, 10, 10, 10, 10}
	m := model.QualityMonth{Month: november, Today: model.DateOf(novemberDay), NPS: model.SplitNPS(four),
		Staff: []model.StaffScore{
			{Staff: model.Staff{Name: "Четыре Ответа", Role: "косметолог"}, Score: model.Score{NPS: model.NPSOf(four)}},
			{Staff: model.Staff{Name: "Пять Ответов", Role: "косметолог"}, Score: model.Score{NPS: model.NPSOf(five)}},
		}}
	text := pdfOf(t, "quality-few.ru.pdf", func(b *bytes.Buffer) error { return WriteQualityReport(b, m, "", "ru") })
	for _, w := range []string{"Четыре Ответа косметолог — 0 0 — мало (4)", "Пять Ответов косметолог — 0 0 — 100 (5)",
		"NPS за месяц 100 — мало ответов (меньше 5), чтобы делать выводы", "меньше 5 ответов",
		"В этом месяце жалоб не было.", "Открытых жалоб нет.", "Предложений нет."} {
		if !strings.Contains(text, w) {
			t.Errorf("the report lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func TestQualityReportInEnglishAndDeterministic(t *testing.T) {
	q := newQualitySalon(t)
	m, err := q.s.QualityReport(context.Background(), november)
	must(t, err)
	text := pdfOf(t, "quality.en.pdf", func(b *bytes.Buffer) error { return WriteQualityReport(b, m, "Lotus", "en") })
	for _, w := range []string{"Quality of service", "November 2026", "3.8 (5)", "83% (12)", "too few (2)",
		"NPS of the month 29", "overdue: 30 days", "Proposed", "Page 1"} {
		if !strings.Contains(text, w) {
			t.Errorf("the English report lacks %q", w)
		}
	}
	var a, b bytes.Buffer
	must(t, WriteQualityReport(&a, m, "Lotus", "ru"), WriteQualityReport(&b, m, "Lotus", "ru"))
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two reports of one month differ")
	}
}

// The feedback sheet holds the thanks in the client's words, each
// complaint with what was done, and nothing of anyone else.
func TestFeedbackSheetHasTheClientsWords(t *testing.T) {
	q := newQualitySalon(t)
	sh, err := q.s.FeedbackSheet(context.Background(), q.belova.ID, november)
	must(t, err)
	if len(sh.Thanks) != 3 || len(sh.Complaints) != 2 {
		t.Fatalf("Белова's sheet: %d thanks, %d complaints", len(sh.Thanks), len(sh.Complaints))
	}
	text := pdfOf(t, "feedback.ru.pdf", func(b *bytes.Buffer) error { return WriteFeedbackSheet(b, sh, "Студия «Лотос»", "ru") })
	want := []string{"Отзывы клиентов: лист для встречи один на один", "Белова Екатерина Андреевна", "косметолог · ноябрь 2026",
		"Оценка 3,8 (5)", "NPS 50 (6)", "Стандарты 83 % (12)", "Благодарности (3)", "Жалобы (2)",
		"12.11.2026 · Иванова Мария · Пилинг · оценка 5 из 5", "«Екатерина — волшебница, кожа сияет!»",
		"Передана 27.11.2026, передал(а): Смирнова О. В.", "Состояние Передана сотруднику",
		"«Спасибо за бережный пилинг и советы по уходу»", "15.11.2026 · Сидорова Анна · оценка 4 из 5",
		"«Всё понравилось, только долго ждала»", "Состояние Получена",
		"«Мастер опоздала на 15 минут»", "Ответ сотрудника Задержалась на предыдущем клиенте",
		"Что сделано Извинились, записали на удобное время", "Компенсация Скидка 10 %",
		"Повторный звонок 27.11.2026: клиент доволен. Всё в порядке", "Состояние Закрыта",
		"«После пилинга сильное покраснение, мастер не предупредила»", "Состояние Новая",
		"Что обсудили и о чём договорились", "Белова Е. А."}
	for _, w := range want {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("the sheet lacks %q", w)
		}
	}
	for _, no := range []string{"телефон", "Ошибочная", "Администратор", "qualitypdf."} {
		if strings.Contains(text, no) {
			t.Errorf("the sheet says %q", no)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
	en := pdfOf(t, "feedback.en.pdf", func(b *bytes.Buffer) error { return WriteFeedbackSheet(b, sh, "Lotus", "en") })
	for _, w := range []string{"Thanks (3)", "“Екатерина — волшебница, кожа сияет!”", "rated 5 of 5", "Called back 2026-11-27"} {
		if !strings.Contains(en, w) {
			t.Errorf("the English sheet lacks %q", w)
		}
	}
}

// A month without feedback says so, and a staff member who is not there
// is not found.
func TestFeedbackSheetOfAQuietMonth(t *testing.T) {
	q := newQualitySalon(t)
	ctx := context.Background()
	sh, err := q.s.FeedbackSheet(ctx, q.smirnova.ID, november)
	must(t, err)
	text := pdfOf(t, "feedback-none.ru.pdf", func(b *bytes.Buffer) error { return WriteFeedbackSheet(b, sh, "", "ru") })
	for _, w := range []string{"Смирнова Ольга Викторовна", "В этом месяце благодарностей не было.", "В этом месяце жалоб не было.",
		"Оценка —", "NPS —"} {
		if !strings.Contains(text, w) {
			t.Errorf("the quiet sheet lacks %q:\n%s", w, text)
		}
	}
	if _, err := q.s.FeedbackSheet(ctx, 99999, november); err != model.ErrNotFound {
		t.Errorf("an unknown staff member: %v", err)
	}
}
