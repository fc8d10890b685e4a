package hiring_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/ui/kit"
	"companion/ui/uitest"
	"companion/ui/widgets"
)

func TestADevelopmentPlanFromLowScoresCountsOnceAgreed(t *testing.T) {
	sl := newSalon(t, model.RoleInterviewer)
	ctx := context.Background()
	anna := model.Staff{Name: "Белова Анна", Role: "администратор", Active: true}
	if err := sl.s.SaveStaff(ctx, &anna); err != nil {
		t.Fatal(err)
	}
	inside := hiring.Candidate{Name: anna.Name, StaffID: &anna.ID, Status: hiring.StatusAssessed}
	if err := sl.s.SaveCandidate(ctx, &inside); err != nil {
		t.Fatal(err)
	}
	sl.submitted(t, inside.ID, "Смирнова", 4, 4, 5, 2, 3, 4) // organisation and stress below 3,5
	comp := hiring.Competency{Kind: "skill", Name: "Навыки продаж"}
	if err := sl.s.SaveCompetency(ctx, &comp); err != nil {
		t.Fatal(err)
	}
	sl.open(t, "Смирнова")
	w := sl.w
	uitest.TapTab(t, w, "Планы развития")
	uitest.Tap(t, w, "Новый план")
	uitest.Choose(t, w, "Сотрудник", "Белова Анна")
	uitest.Type(t, w, "Название", "Путь в менеджеры сопровождения")
	uitest.Choose(t, w, "Пробелы из анкеты", "27.11.2026 · Смирнова · 3,7")
	uitest.Tap(t, w, "Взять низкие оценки")
	uitest.Choose(t, w, "Из профиля должности", "Навыки продаж · Навыки")
	uitest.Tap(t, w, "Добавить пробел")
	uitest.Tap(t, w, "Сохранить план")
	if msg := uitest.Message(t, w, "Чему научиться"); msg != "Заполните: без этого пункт плана не проверить" {
		t.Fatalf("an item without what to learn: %q", msg)
	}
	for i, what := range []string{"Планировать день по приоритетам", "Спокойно разбирать жалобы", "Продавать без давления"} {
		fillItem(t, w, i, what)
	}
	uitest.Tap(t, w, "Сохранить план")
	plans, _ := sl.s.DevPlans(ctx, anna.ID)
	if len(plans) != 1 || len(plans[0].Items) != 3 || plans[0].Counts() || plans[0].FormID == nil {
		t.Fatalf("stored: %+v", plans)
	}
	if it := plans[0].Items; it[0].Gap != hiring.Organisation || it[1].Gap != hiring.Stress || it[2].Gap != "Навыки продаж" {
		t.Errorf("the gaps: %+v", it)
	}
	if !uitest.Shows(w, "не согласован — пока не действует · выполнено 0 из 3 (0 %)") {
		t.Errorf("the list: %q", uitest.Texts(w))
	}
	uitest.Toggle(t, w, "Сотрудник согласен с целями")
	uitest.Toggle(t, w, "Выполнено")
	uitest.Tap(t, w, "Сохранить план")
	plans, _ = sl.s.DevPlans(ctx, anna.ID)
	if !plans[0].Counts() || plans[0].AgreedOn != sl.s.Today() || !plans[0].Items[2].Done {
		t.Errorf("agreed: %+v", plans[0])
	}
	if !uitest.Shows(w, "согласован 27.11.2026 · выполнено 1 из 3 (33 %)") {
		t.Errorf("the list: %q", uitest.Texts(w))
	}
}

// fillItem fills the plan's item i: what to learn, how it is checked, by
// when.
func fillItem(t *testing.T, w fyne.Window, i int, what string) {
	t.Helper()
	cards := uitest.Shown[*widget.Card](w)
	if i >= len(cards) {
		t.Fatalf("no item %d; the window shows %q", i, uitest.Texts(w))
	}
	entries := within[*kit.KeyEntry](cards[i])
	typeIn(w, &entries[1].Entry, what)
	typeIn(w, &entries[2].Entry, "Ролевая игра с директором")
	typeIn(w, &within[*widgets.DateEntry](cards[i])[0].Entry, "27.01.2027")
}
