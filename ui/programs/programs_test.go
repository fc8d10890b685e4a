package programs_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui/programs"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// salon is the programs page of one client over a real database: a
// trainer, a personal training, a massage not for hypertension, a template,
// and a client with hypertension who likes to come on Mondays and
// Wednesdays.
type salon struct {
	s                 *store.Store
	w                 fyne.Window
	pane              *programs.Pane
	client            model.Client
	training, massage model.Service
	trainer           model.Staff
}

func openSalon(t *testing.T) salon {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	sl := salon{s: s, trainer: model.Staff{Name: "Орлов Артём", Role: "тренер", Active: true},
		training: model.Service{Name: "Персональная тренировка", Kind: "service", Training: true, Price: model.Rub(2000), Minutes: 60, Active: true},
		massage: model.Service{Name: "Классический массаж", Kind: "service", Price: model.Rub(3000), Minutes: 60, Active: true,
			Contraindications: []string{"гипертония"}},
		client: model.Client{LastName: "Соколова", FirstName: "Анна", HealthConsentAt: model.NewDate(2026, 10, 1),
			Health: "Гипертония 2 степени", NeedsStated: "Хочу похудеть к лету", PreferredDays: model.Weekdays(1<<0 | 1<<2)}}
	for _, err := range []error{s.SaveStaff(ctx, &sl.trainer), s.SaveService(ctx, &sl.training), s.SaveService(ctx, &sl.massage),
		s.CreateClient(ctx, &sl.client)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	tpl := model.ProgramTemplate{Name: "Коррекция фигуры, 8 недель", Weeks: 8, WeightChangeKg: -5,
		Items: []model.TemplateItem{{ServiceID: sl.training.ID, Sessions: 16, PerWeek: 2}}}
	if err := s.SaveProgramTemplate(ctx, &tpl); err != nil {
		t.Fatal(err)
	}
	sl.w = uitest.NewWindow(t, "programs")
	uitest.Do(func() {
		sl.pane = programs.NewPane(sl.w, s, s.Today, nil)
		sl.w.SetContent(sl.pane.Content())
	})
	sl.w.Resize(fyne.NewSize(1280, 800))
	uitest.Do(func() { sl.pane.Load(sl.client.ID) })
	return sl
}

func TestProgramFromATemplateWithAContraindicatedServiceAndItsProgress(t *testing.T) {
	sl := openSalon(t)
	w, ctx := sl.w, context.Background()
	if !uitest.Shows(w, "Программ ещё нет. Составьте программу по потребностям и состоянию клиента: «Новая программа» или «Из шаблона…».") {
		t.Fatalf("the empty page shows %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Из шаблона…")
	uitest.Choose(t, w, "Шаблон", "Коррекция фигуры, 8 недель")
	uitest.Tap(t, w, "Начать")
	if !uitest.DialogShows(w, "Хочу похудеть к лету") || !uitest.DialogShows(w, "Гипертония 2 степени") {
		t.Errorf("the builder does not show the client's needs and health beside it: %q", uitest.DialogTexts(w))
	}
	// the template's trainings on Mondays and Wednesdays from Friday 27 November
	if !dialogHas(w, "Пн 30.11.2026 — Персональная тренировка") || !dialogHas(w, "Ср 02.12.2026 — Персональная тренировка") {
		t.Errorf("the schedule is not on the client's days: %q", uitest.DialogTexts(w))
	}

	uitest.Tap(t, w, "Добавить услугу")
	uitest.Choose(t, w, "Услуга", "Классический массаж · 3\u00a0000\u00a0₽")
	if !uitest.DialogShows(w, "Противопоказание") || !dialogHas(w, "противопоказано клиенту: гипертония") {
		t.Fatalf("a massage for a client with hypertension is not refused: %q", uitest.DialogTexts(w))
	}
	if b := uitest.Button(t, w, "Добавить с причиной"); !b.Disabled() {
		t.Error("the massage can be added without a reason")
	}
	uitest.TypeInForm(t, w, "Причина", "Давление под контролем, терапевт разрешил")
	uitest.Tap(t, w, "Добавить с причиной")
	if !dialogHas(w, "Причина: Давление под контролем, терапевт разрешил") {
		t.Errorf("the row does not show the reason: %q", uitest.DialogTexts(w))
	}
	uitest.Choose(t, w, "Статус", "идёт")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the builder stays open: %q", uitest.DialogTexts(w))
	}
	views, err := sl.s.Programs(ctx, sl.client.ID)
	if err != nil || len(views) != 1 {
		t.Fatalf("stored: %v %+v", err, views)
	}
	p := views[0].Program
	if p.Title != "Коррекция фигуры, 8 недель" || p.Status != model.ProgramActive || len(p.Items) != 2 ||
		p.Items[1].Contraindicated != "гипертония" || p.Items[1].Override == "" || p.WeightChangeKg != -5 {
		t.Fatalf("the program stored: %+v", p)
	}
	if !uitest.Shows(w, "0 из 17 занятий (0 %)") {
		t.Errorf("the list does not show the progress: %q", uitest.Texts(w))
	}

	// the client comes on Monday and Wednesday: the list follows
	for _, day := range []int{30, 2} {
		on := model.NewDate(2026, 11, day)
		if day == 2 {
			on = model.NewDate(2026, 12, 2)
		}
		v := model.Visit{ClientID: sl.client.ID, On: on, Lines: []model.VisitLine{{ServiceID: &sl.training.ID,
			Name: sl.training.Name, Qty: 1, Price: sl.training.Price}}}
		if on.After(sl.s.Today()) {
			continue // the store refuses a visit in the future
		}
		if err := sl.s.AddVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	v := model.Visit{ClientID: sl.client.ID, On: sl.s.Today(), Lines: []model.VisitLine{{ServiceID: &sl.training.ID,
		Name: sl.training.Name, Qty: 2, Price: sl.training.Price}}}
	if err := sl.s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	uitest.Do(func() { sl.pane.Load(sl.client.ID) })
	if !uitest.Shows(w, "2 из 17 занятий (11 %)") {
		t.Errorf("the progress does not move with the visits: %q", uitest.Texts(w))
	}
}

func TestRefusedReasonLeavesTheServiceOut(t *testing.T) {
	sl := openSalon(t)
	w := sl.w
	uitest.Tap(t, w, "Новая программа")
	uitest.Type(t, w, "Название", "Спина")
	uitest.Choose(t, w, "Услуга", "Классический массаж · 3\u00a0000\u00a0₽")
	uitest.Tap(t, w, "Не добавлять")
	if s := uitest.Select(t, w, "Услуга"); s.SelectedIndex() >= 0 {
		t.Errorf("a massage declined at the warning stays chosen: %q", s.Selected)
	}
	uitest.Choose(t, w, "Статус", "идёт")
	uitest.Tap(t, w, "Сохранить")
	if !uitest.DialogShows(w, "Добавьте в программу хотя бы одну услугу") {
		t.Errorf("an active program without services is not refused: %q", uitest.DialogTexts(w))
	}
}

func TestARecommendationDeclinedWithAReason(t *testing.T) {
	sl := openSalon(t)
	w, ctx := sl.w, context.Background()
	r := model.Recommendation{ClientID: sl.client.ID, StaffID: sl.trainer.ID, ServiceID: sl.massage.ID,
		Reason: "Зажим в шее после тренировок", On: sl.s.Today()}
	if err := sl.s.AddRecommendation(ctx, &r); err != nil {
		t.Fatal(err)
	}
	uitest.Do(func() { sl.pane.Load(sl.client.ID) })
	uitest.TapRow(t, w, "27.11.2026 · Классический массаж · Орлов Артём: Зажим в шее после тренировок — ждёт решения")
	uitest.Tap(t, w, "Отклонить")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "Почему отклонена") != "Укажите, почему рекомендация отклонена" {
		t.Fatalf("declined without a reason: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Почему отклонена", "Клиентка против массажа")
	uitest.Tap(t, w, "Сохранить")
	rows, _ := sl.s.Recommendations(ctx, sl.client.ID)
	if len(rows) != 1 || rows[0].Decision != model.RecDeclined || rows[0].Note != "Клиентка против массажа" {
		t.Fatalf("stored: %+v", rows)
	}
	if waiting, _ := sl.s.WaitingRecommendations(ctx); len(waiting) != 0 {
		t.Errorf("a declined recommendation still waits: %+v", waiting)
	}
	if !textHas(uitest.Texts(w), "— отклонена: Клиентка против массажа") {
		t.Errorf("the history does not show the decision: %q", uitest.Texts(w))
	}
}

func dialogHas(w fyne.Window, part string) bool { return textHas(uitest.DialogTexts(w), part) }

func textHas(texts []string, part string) bool {
	for _, s := range texts {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

func TestARecommendationGoesIntoTheProgramWithTheReasonItNeeds(t *testing.T) {
	sl := openSalon(t)
	w, ctx := sl.w, context.Background()
	p := model.Program{ClientID: sl.client.ID, Title: "Спина", Status: model.ProgramActive, StartOn: sl.s.Today(),
		Items: []model.ProgramItem{{ServiceID: sl.training.ID, Name: sl.training.Name, Price: sl.training.Price, Sessions: 8, PerWeek: 2}}}
	r := model.Recommendation{ClientID: sl.client.ID, StaffID: sl.trainer.ID, ServiceID: sl.massage.ID,
		Reason: "Зажим в шее", On: sl.s.Today()}
	for _, err := range []error{sl.s.SaveProgram(ctx, &p), sl.s.AddRecommendation(ctx, &r)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	uitest.Do(func() { sl.pane.Load(sl.client.ID) })
	uitest.TapRow(t, w, "27.11.2026 · Классический массаж · Орлов Артём: Зажим в шее — ждёт решения")
	uitest.Tap(t, w, "В программу")
	if !dialogHas(w, "Противопоказано: гипертония.") {
		t.Errorf("the decision does not warn of the contraindication: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Занятий", "5")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Причина"); !strings.Contains(msg, "противопоказано клиенту (гипертония)") {
		t.Fatalf("the massage went in without a reason: %q / %q", msg, uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Причина", "Разрешено неврологом")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the decision stays open: %q", uitest.DialogTexts(w))
	}
	views, _ := sl.s.Programs(ctx, sl.client.ID)
	if it := views[0].Program.Items; len(it) != 2 || it[1].Name != sl.massage.Name || it[1].Sessions != 5 || it[1].Override != "Разрешено неврологом" {
		t.Errorf("the program holds %+v", it)
	}
	if !uitest.Shows(w, "0 из 13 занятий (0 %)") {
		t.Errorf("the list does not follow: %q", uitest.Texts(w))
	}
}
