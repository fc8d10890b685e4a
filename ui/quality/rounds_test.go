package quality_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/ui/uitest"
)

// The manager starts a round of calls over November's visitors, calls the
// client on her card (the standards that apply to her peel as ticks, her
// NPS, a comment, the call made) and the round says how far it has come.
func TestARoundIsStartedAndACallRecorded(t *testing.T) {
	sl := newSalon(t)
	ctx := context.Background()
	for _, st := range []model.Standard{
		{Group: "Приветствие", Text: "Поздоровались по имени", Active: true},
		{Group: "Гигиена", Text: "Руки обработаны при клиенте", Roles: "косметолог", Active: true, ServiceIDs: []uint{sl.peel.ID}},
		{Group: "Фитнес", Text: "Тренер показал технику", Roles: "тренер", Active: true},
	} {
		if err := sl.s.SaveStandard(ctx, &st); err != nil {
			t.Fatal(err)
		}
	}
	v := model.Visit{ClientID: sl.client.ID, On: model.NewDate(2026, 11, 10), Lines: []model.VisitLine{{ServiceID: &sl.peel.ID,
		Name: sl.peel.Name, StaffID: &sl.cosmetologist.ID, Qty: 1, Price: sl.peel.Price}}}
	if err := sl.s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	w := openTab(t, sl.s, "Проверки")
	uitest.Tap(t, w, "Начать обзвон")
	seed := uitest.Entry(t, w, "Номер выборки").Text
	if seed == "" || !uitest.DialogShows(w, "По этому номеру ту же выборку можно составить снова.") {
		t.Fatalf("the sample's number is not shown: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Визиты с", "01.11.2026")
	uitest.Type(t, w, "Сколько клиентов", "много")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "Сколько клиентов") != "Введите число" {
		t.Fatalf("a sample of words: %q", uitest.DialogTexts(w))
	}
	if rounds, _ := sl.s.Rounds(ctx); len(rounds) != 0 {
		t.Fatalf("a round with a wrong sample was started: %+v", rounds)
	}
	uitest.Type(t, w, "Сколько клиентов", "5")
	uitest.Tap(t, w, "Сохранить")
	rounds, _ := sl.s.Rounds(ctx)
	if len(rounds) != 1 || rounds[0].Kind != model.RoundCalls || rounds[0].Sample != 5 || rounds[0].From != model.NewDate(2026, 11, 1) {
		t.Fatalf("rounds: %+v (%q)", rounds, uitest.DialogTexts(w))
	}
	if !uitest.Shows(w, "Состоялось 0 из 1 · не дозвонились: 0 · отказались: 0") {
		t.Errorf("the progress: %q", uitest.Texts(w))
	}
	calls := uitest.ListRows(uitest.ListNear(t, w, "Иванова Мария"))
	if len(calls) != 1 || calls[0][0] != "Иванова Мария" || calls[0][1] != "не звонили" {
		t.Fatalf("the calls: %q", calls)
	}
	uitest.TapRow(t, w, "Иванова Мария")
	if !uitest.Shows(w, "+7 916 000-11-22") || uitest.Shows(w, "Тренер показал технику") {
		t.Errorf("the card: %q", uitest.Texts(w))
	}
	uitest.Toggle(t, w, "Поздоровались по имени")
	uitest.Choose(t, w, "NPS (0–10)", "9")
	uitest.Type(t, w, "Комментарий", "Всё понравилось")
	uitest.Choose(t, w, "Итог звонка", "состоялся")
	uitest.Tap(t, w, "Сохранить звонок")
	stored, _ := sl.s.RoundCalls(ctx, rounds[0].ID)
	if len(stored) != 1 || stored[0].State != model.CallDone || stored[0].NPS == nil || *stored[0].NPS != 9 ||
		stored[0].Comment != "Всё понравилось" || len(stored[0].Marks) != 2 {
		t.Fatalf("the call stored: %+v", stored)
	}
	kept := 0
	for _, m := range stored[0].Marks {
		if m.Kept {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("standards kept: %+v", stored[0].Marks)
	}
	if !uitest.Shows(w, "Состоялось 1 из 1 · не дозвонились: 0 · отказались: 0") {
		t.Errorf("the progress after the call: %q", uitest.Texts(w))
	}
	if rows := uitest.ListRows(uitest.ListNear(t, w, "Иванова Мария")); rows[0][1] != "состоялся · NPS 9" {
		t.Errorf("the call's row: %q", rows)
	}
	picked := ""
	for _, sel := range uitest.Shown[*widget.Select](w) {
		if strings.HasPrefix(sel.Selected, "Обзвон: Ноябрь 2026") {
			picked = sel.Selected
		}
	}
	if want := "Обзвон: Ноябрь 2026 · 01.11.2026–27.11.2026 · выборка 5, номер " + seed; picked != want {
		t.Errorf("the round reads %q; want %q", picked, want)
	}
}

// A mystery client's round checks one staff member: without her it is
// refused under the field; with her it is one checklist of her position's
// standards.
func TestAMysteryClientsRoundIsOneChecklist(t *testing.T) {
	sl := newSalon(t)
	ctx := context.Background()
	for _, st := range []model.Standard{
		{Group: "Приветствие", Text: "Поздоровались по имени", Active: true},
		{Group: "Фитнес", Text: "Тренер показал технику", Roles: "тренер", Active: true},
	} {
		if err := sl.s.SaveStandard(ctx, &st); err != nil {
			t.Fatal(err)
		}
	}
	w := openTab(t, sl.s, "Проверки")
	uitest.Tap(t, w, "Тайный покупатель")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "Сотрудник") == "" {
		t.Fatalf("a mystery client's round without whom it checks: %q", uitest.DialogTexts(w))
	}
	uitest.Choose(t, w, "Сотрудник", "Белова Екатерина Олеговна · косметолог")
	uitest.Tap(t, w, "Сохранить")
	rounds, _ := sl.s.Rounds(ctx)
	if len(rounds) != 1 || rounds[0].Kind != model.RoundMystery || rounds[0].StaffID == nil {
		t.Fatalf("rounds: %+v (%q)", rounds, uitest.DialogTexts(w))
	}
	uitest.TapRow(t, w, "Чек-лист тайного покупателя: Белова Екатерина Олеговна")
	if !uitest.Shows(w, "Поздоровались по имени") || uitest.Shows(w, "Тренер показал технику") {
		t.Errorf("the checklist: %q", uitest.Texts(w))
	}
}

// A month's scores show how many answers each figure stands on: one NPS
// answer is «мало ответов» and is not ranked; a figure of no answers is
// «—»; five ratings rank.
func TestScoresSayTooFewAnswersAndRankOnlyThoseWithEnough(t *testing.T) {
	sl := newSalon(t)
	ctx := context.Background()
	other := model.Staff{Name: "Орлова Анна Игоревна", Role: "массажист", Active: true}
	if err := sl.s.SaveStaff(ctx, &other); err != nil {
		t.Fatal(err)
	}
	for i, r := range []int{5, 4, 5, 5, 4} {
		f := model.Feedback{ClientID: sl.second.ID, StaffID: &other.ID, Kind: model.FeedbackThanks, Rating: r,
			Words: "Спасибо", On: sl.s.Today().AddDays(-i)}
		if err := sl.s.AddFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	sl.complaint(t, "Больно", 1)
	w := openTab(t, sl.s, "Оценки")
	rows := uitest.TableRows(uitest.Table(t, w, "Сотрудник"))
	want := [][]string{
		{"1. Орлова Анна Игоревна", "4,6 (5)", "0", "5", "—", "—"},
		{"Белова Екатерина Олеговна", "мало ответов (1)", "1", "0", "—", "—"},
	}
	if len(rows) != len(want) || strings.Join(rows[0], "|") != strings.Join(want[0], "|") ||
		strings.Join(rows[1], "|") != strings.Join(want[1], "|") {
		t.Fatalf("the staff's scores:\n got %q\nwant %q", rows, want)
	}
	services := uitest.TableRows(uitest.Table(t, w, "Услуга"))
	if len(services) != 1 || services[0][0] != "Пилинг" || services[0][1] != "мало ответов (1)" {
		t.Errorf("the services' scores: %q", services)
	}
	uitest.TapCell(t, w, "Белова Екатерина Олеговна")
	if !uitest.Shows(w, "NPS — шкала слева, средняя оценка — справа; последние 6 месяцев") {
		t.Errorf("no trend for the staff member: %q", uitest.Texts(w))
	}
}
