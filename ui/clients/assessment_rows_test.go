package clients_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"companion/model"
	"companion/ui/uitest"
	"companion/ui/widgets"
)

// measuredClient is a client with the given consent day (zero: none),
// goals and measurements, shown on the measurements page.
func measuredClient(t *testing.T, consent model.Date, as ...model.Assessment) (clientsTab, *model.Client) {
	t.Helper()
	c := &model.Client{LastName: "Волкова", FirstName: "Ирина", HealthConsentAt: consent, GoalWeightKg: 65}
	tab := openClients(t, c)
	for i := range as {
		as[i].ClientID = c.ID
		if err := tab.s.AddAssessment(context.Background(), &as[i]); err != nil {
			t.Fatal(err)
		}
	}
	uitest.TapRow(t, tab.w, "Волкова Ирина")
	uitest.TapTab(t, tab.w, "Замеры")
	return tab, c
}

func assessmentRows(t *testing.T, w fyne.Window) [][]string {
	t.Helper()
	return uitest.TableRows(uitest.TableOf(uitest.RowTable(t, w, "ИМТ")))
}

func TestWithoutConsentTheFormOffersToRecordItFirst(t *testing.T) {
	tab, c := measuredClient(t, model.Date{})
	w, s := tab.w, tab.s
	ctx := context.Background()
	uitest.Tap(t, w, "Новый замер")
	if !uitest.DialogShows(w, "Нет согласия на данные о здоровье") || uitest.Shows(w, "Вес, кг") && uitest.Dialogs(w) > 1 {
		t.Fatalf("the consent is not asked for first: %q", uitest.DialogTexts(w))
	}
	if b := uitest.Button(t, w, "Отмена"); !uitest.HasFocus(w, b) {
		t.Error("recording the consent is the default of the question")
	}
	uitest.Tap(t, w, "Согласие получено — записать")
	if stored, _ := s.Client(ctx, c.ID); stored.HealthConsentAt != s.Today() {
		t.Fatalf("the consent stored: %v", stored.HealthConsentAt)
	}
	if !uitest.DialogShows(w, "Новый замер") {
		t.Fatalf("the form did not follow the consent: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Вес, кг", "72,25")
	uitest.Tap(t, w, "Сохранить")
	if as, _ := s.Assessments(ctx, c.ID); len(as) != 1 || as[0].WeightKg != 72.25 {
		t.Fatalf("stored %+v", as)
	}
	if rows := assessmentRows(t, w); len(rows) != 1 || rows[0][1] != "72,25" {
		t.Errorf("the table shows %q", rows)
	}
	uitest.TapTab(t, w, "Профиль")
	if !uitest.Check(t, w, "Данные о здоровье").Checked {
		t.Error("the profile does not show the consent recorded")
	}
}

func TestEnterCorrectsAMeasurementAndDeleteRemovesIt(t *testing.T) {
	today := model.DateOf(uitest.Now)
	tab, c := measuredClient(t, today.AddDays(-30),
		model.Assessment{On: today.AddDays(-20), WeightKg: 80, WaistCm: 90},
		model.Assessment{On: today, WeightKg: 68.5, WaistCm: 85})
	w, s := tab.w, tab.s
	ctx := context.Background()
	if rows := assessmentRows(t, w); len(rows) != 2 || rows[0][1] != "68,5" || rows[1][1] != "80" {
		t.Fatalf("the table shows %q", rows)
	}
	table := uitest.RowTable(t, w, "ИМТ")
	uitest.TapCell(t, w, "68,5")
	uitest.PressKeyIn(table, fyne.KeyReturn)
	if !uitest.DialogShows(w, "Замер от 27.11.2026") || uitest.Entry(t, w, "Вес, кг").Text != "68,5" {
		t.Fatalf("Enter opened %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Вес, кг", "68,255")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Вес, кг"); msg != "Не больше 2 знаков после запятой" {
		t.Errorf("three decimals: %q", msg)
	}
	uitest.Type(t, w, "Вес, кг", "67,75")
	uitest.Tap(t, w, "Сохранить")
	if rows := assessmentRows(t, w); len(rows) != 2 || rows[0][1] != "67,75" {
		t.Fatalf("after the correction the table shows %q", rows)
	}
	uitest.TapCell(t, w, "80")
	uitest.PressKeyIn(table, fyne.KeyDelete)
	if !uitest.DialogShows(w, "Удалить замер?") {
		t.Fatalf("Delete asked %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Удалить замер")
	as, _ := s.Assessments(ctx, c.ID)
	if len(as) != 1 || as[0].WeightKg != 67.75 {
		t.Fatalf("stored after the deletion: %+v", as)
	}
	if rows := assessmentRows(t, w); len(rows) != 1 {
		t.Errorf("after the deletion the table shows %q", rows)
	}
	log, _ := s.AuditLog(ctx, 1, 0)
	if len(log) != 1 || log[0].Action != "delete" || log[0].Table != "assessments" {
		t.Errorf("the deletion is logged as %+v", log)
	}
}

func TestTheChartNamesTheGoalAndHasAScale(t *testing.T) {
	today := model.DateOf(uitest.Now)
	tab, _ := measuredClient(t, today.AddDays(-30),
		model.Assessment{On: today.AddDays(-20), WeightKg: 80}, model.Assessment{On: today, WeightKg: 72.5})
	charts := uitest.Shown[*widgets.LineChart](tab.w)
	if len(charts) != 1 {
		t.Fatalf("%d charts", len(charts))
	}
	texts := map[string]bool{}
	for _, o := range test.WidgetRenderer(charts[0]).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			texts[tx.Text] = true
		}
	}
	for _, want := range []string{"цель 65 кг", "65", "70", "75", "80"} {
		if !texts[want] {
			t.Errorf("the chart does not write %q; it writes %v", want, texts)
		}
	}
}

func TestTheEmptyMeasurementsPageShowsOnlyItsSentence(t *testing.T) {
	tab, _ := measuredClient(t, model.Date{})
	w := tab.w
	if !uitest.Shows(w, "Замеров ещё нет") {
		t.Fatalf("the empty page shows %q", uitest.Texts(w))
	}
	if uitest.Shows(w, "ИМТ") || len(uitest.Shown[*widgets.LineChart](w)) != 0 {
		t.Errorf("the empty sentence lies over the table and the chart: %q", uitest.Texts(w))
	}
}

func TestAGoalKeepsTheDecimalsTyped(t *testing.T) {
	tab, c := measuredClient(t, model.Date{})
	w, s := tab.w, tab.s
	uitest.TapTab(t, w, "Профиль")
	uitest.Type(t, w, "Цель по весу, кг", "72,25")
	uitest.Tap(t, w, "Сохранить")
	if got, _ := s.Client(context.Background(), c.ID); got.GoalWeightKg != 72.25 {
		t.Fatalf("stored goal %v", got.GoalWeightKg)
	}
	if got := uitest.Entry(t, w, "Цель по весу, кг").Text; got != "72,25" {
		t.Errorf("the goal reads %q after saving", got)
	}
	uitest.Tap(t, w, "Сохранить") // saved again untouched, it stays as typed
	if got, _ := s.Client(context.Background(), c.ID); got.GoalWeightKg != 72.25 {
		t.Errorf("saved again, the goal is %v", got.GoalWeightKg)
	}
	uitest.Type(t, w, "Цель по весу, кг", "72,255")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Цель по весу, кг"); msg != "Не больше 2 знаков после запятой" {
		t.Errorf("a goal with three decimals: %q", msg)
	}
}
