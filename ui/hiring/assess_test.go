package hiring_test

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/model/hiring"
	"companion/ui/uitest"
)

func TestAFormFilledWithTheKeyboardLosesNothingWhenTheWindowClosesHalfWay(t *testing.T) {
	sl := newSalon(t, model.RoleInterviewer)
	sl.open(t, "")
	w := sl.w
	sl.openForm(t)
	uitest.Type(t, w, "Интервьюер", "Смирнова")
	tick(t, w, "Знания и навыки", "Расскажите, на основании чего вы составляете программу упражнений")
	tick(t, w, "Знания и навыки", "Приводит примеры из практики")
	scoreWithKeys(t, w, "Знания и навыки", "4")
	typeIn(w, notesOf(t, w, "Знания и навыки"), "Объясняет нагрузку через цели клиента")
	scoreWithKeys(t, w, "Коммуникабельность", "3")
	typeIn(w, notesOf(t, w, "Коммуникабельность"), "Много терминов")
	if !uitest.Shows(w, "Итог: 3,5 из 5") || !uitest.Shows(w, "Рекомендация: принять") || !uitest.Shows(w, "Всё сохранено в") {
		t.Errorf("the side of the form: %q", uitest.Texts(w))
	}

	// The laptop is shut mid-interview: the window goes, what was typed stays.
	forms, err := sl.s.Forms(context.Background(), sl.cand.ID, "Смирнова")
	if err != nil || len(forms) != 1 || forms[0].Submitted {
		t.Fatalf("stored while typing: %v %+v", err, forms)
	}
	if sc := forms[0].Scores[0]; sc.Score != 4 || sc.Notes != "Объясняет нагрузку через цели клиента" || sc.Questions == "" || sc.Signs != "2" {
		t.Errorf("the knowledge stored: %+v", sc)
	}
	w.Close()

	sl.open(t, "") // the app remembers who interviews
	w = sl.w
	uitest.TapRow(t, w, sl.cand.Name)
	if !uitest.Shows(w, "27.11.2026 · Смирнова · черновик") {
		t.Errorf("the candidate's forms: %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Оценить")
	if got := uitest.Entry(t, w, "Интервьюер").Text; got != "Смирнова" {
		t.Errorf("the interviewer reads %q", got)
	}
	if scoreOf(t, w, "Знания и навыки") != "4" || scoreOf(t, w, "Коммуникабельность") != "3" ||
		notesOf(t, w, "Коммуникабельность").Text != "Много терминов" || !uitest.Check(t, w, "Приводит примеры из практики").Checked ||
		!uitest.Check(t, w, "Расскажите, на основании чего вы составляете программу упражнений").Checked {
		t.Errorf("the form reopened lost something: %q", uitest.Texts(w))
	}
	if !uitest.Shows(w, "Итог: 3,5 из 5") {
		t.Errorf("the total reopened: %q", uitest.Texts(w))
	}
	// One more score, and back to the list: one form, not two.
	scoreWithKeys(t, w, "Позитивность", "5")
	uitest.Tap(t, w, "К кандидатам")
	if forms, _ := sl.s.Forms(context.Background(), sl.cand.ID, "Смирнова"); len(forms) != 1 || forms[0].ScoreMap()[hiring.Positivity] != 5 {
		t.Errorf("after going back: %+v", forms)
	}
}

func TestASecondInterviewerSeesTheFirstsScoresOnlyAfterSubmitting(t *testing.T) {
	sl := newSalon(t, model.RoleInterviewer)
	sl.submitted(t, sl.cand.ID, "Смирнова", 4, 5, 4, 3, 3, 4)
	sl.open(t, "Громов")
	w := sl.w
	uitest.TapRow(t, w, sl.cand.Name)
	if !uitest.Shows(w, "27.11.2026 · Смирнова · отправлена · оценки скрыты до отправки вашей анкеты") {
		t.Errorf("the candidate's forms: %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Оценить")
	if !uitest.Shows(w, "Есть ещё 1 анкета. Её оценки появятся, когда вы отправите свою") || uitest.Shows(w, "Среднее") {
		t.Fatalf("before submitting, Громов sees %q", uitest.Texts(w))
	}
	for i, n := range []string{"4", "3", "5", "3", "1"} {
		scoreWithKeys(t, w, criterionTitles[i], n)
	}
	uitest.Tap(t, w, "Отправить")
	if !uitest.DialogShows(w, "Чтобы отправить анкету, оцените все критерии. Без оценки: Ответственность.") {
		t.Fatalf("a form with a criterion unscored: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "ОК")
	scoreWithKeys(t, w, "Ответственность", "4")
	uitest.Tap(t, w, "Отправить")
	uitest.Tap(t, w, "Отправить") // the question's own
	if !uitest.Shows(w, "Анкета отправлена") || !uitest.Shows(w, "Среднее") || !uitest.Shows(w, "Смирнова") {
		t.Fatalf("after submitting, Громов sees %q", uitest.Texts(w))
	}
	flags := 0
	for _, s := range uitest.Texts(w) {
		if s == "расходятся на 2 балла и больше" {
			flags++
		}
	}
	if flags != 2 { // communicability 5 and 3, stress 3 and 1
		t.Errorf("%d disagreements flagged, want 2: %q", flags, uitest.Texts(w))
	}
	if !uitest.Shows(w, "4,5") { // the mean of positivity: 4 and 5
		t.Errorf("no mean 4,5: %q", uitest.Texts(w))
	}
	forms, _ := sl.s.Forms(context.Background(), sl.cand.ID, "Громов")
	if len(forms) != 2 || !forms[1].Submitted || forms[1].Interviewer != "Громов" {
		t.Errorf("stored: %+v", forms)
	}
}

var criterionTitles = []string{"Знания и навыки", "Коммуникабельность", "Позитивность", "Организованность", "Стрессоустойчивость", "Ответственность"}

func TestTheWorkingDayPlanShowsItsFourPoints(t *testing.T) {
	sl := newSalon(t, model.RoleInterviewer)
	ts := hiring.TaskSet{Name: "Рабочий день", Tasks: []hiring.DayTask{
		{Title: "Вводная лекция", Priority: hiring.Must, Minutes: 60},
		{Title: "Обзвон клиентов", Priority: hiring.Should, Minutes: 90},
		{Title: "Обед с подругой", Personal: true, Priority: hiring.Drop, Minutes: 90},
		{Title: "Отчёт", Priority: hiring.Should, Minutes: 120},
	}}
	if err := sl.s.SaveTaskSet(context.Background(), &ts); err != nil {
		t.Fatal(err)
	}
	sl.open(t, "Смирнова")
	w := sl.w
	sl.openForm(t)
	uitest.Choose(t, w, "Набор задач", "Рабочий день")
	uitest.Type(t, w, "Начало дня", "9:00")
	uitest.Type(t, w, "Конец дня", "18:00")
	for title, minutes := range map[string]string{"Вводная лекция": "60", "Обзвон клиентов": "15", "Отчёт": "120"} {
		uitest.Do(func() { planRow(t, w, title).minutes.SetText(minutes) })
	}
	press(w, planRow(t, w, "Обед с подругой (личное)").drop)
	for range 3 { // the report first: a task that should be done before one that must
		uitest.Do(func() { planRow(t, w, "Отчёт").up.OnTapped() })
	}
	for _, want := range []string{
		"Приоритеты соблюдены: 50 %", "1 из 2 пар задач разной важности — в порядке эталона",
		"Неважное отброшено ради важного: 100 %", "Отброшено 1 из 1 задачи, от которых стоило отказаться",
		"Время оценено реалистично: 67 %", "2 из 3 задач — от половины до двойного реального времени",
		"На четверть реального времени и меньше: «Обзвон клиентов»",
		"День разумной длины: 100 %", "День длится 9 ч: до 10 ч — полный балл, от 14 ч — ноль",
		"Организованность по тесту: 4 из 5",
	} {
		if !uitest.Shows(w, want) {
			t.Errorf("the test does not show %q: %q", want, uitest.Texts(w))
		}
	}
	uitest.Tap(t, w, "Поставить 4 в оценку")
	if scoreOf(t, w, "Организованность") != "4" || !uitest.Shows(w, "Организованность: 4") {
		t.Errorf("the organisation score is not taken: %q", uitest.Texts(w))
	}
	forms, _ := sl.s.Forms(context.Background(), sl.cand.ID, "Смирнова")
	if len(forms) != 1 || forms[0].ScoreMap()[hiring.Organisation] != 4 {
		t.Fatalf("the form stored: %+v", forms)
	}
	plan, ok, err := sl.s.DayPlanOf(context.Background(), forms[0].ID)
	if err != nil || !ok || plan.Start != 9*60 || plan.End != 18*60 || len(plan.Items) != 4 {
		t.Fatalf("the plan stored: %v %v %+v", ok, err, plan)
	}
	order := map[uint]int{}
	for _, it := range plan.Items {
		order[it.TaskID] = it.Order
		if it.TaskID == ts.Tasks[2].ID && !it.Dropped {
			t.Error("the lunch is not dropped")
		}
	}
	if order[ts.Tasks[3].ID] != 1 || order[ts.Tasks[0].ID] != 2 || order[ts.Tasks[1].ID] != 3 {
		t.Errorf("the order stored: %+v", plan.Items)
	}
	if !strings.Contains(strings.Join(uitest.Texts(w), "|"), "Всё сохранено") {
		t.Errorf("the form does not say it is saved: %q", uitest.Texts(w))
	}
}
