package quality_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/ui/uitest"
)

// step opens the row head on the feedback page, takes the step named
// button, fills what it asks (label → text; a label of a tick toggles it)
// and saves.
func step(t *testing.T, w fyne.Window, head, button string, fill ...string) {
	t.Helper()
	uitest.TapRow(t, w, head)
	uitest.Tap(t, w, button)
	for i := 0; i+1 < len(fill); i += 2 {
		if fill[i+1] == "✓" {
			uitest.Toggle(t, w, fill[i])
			continue
		}
		uitest.Type(t, w, fill[i], fill[i+1])
	}
	uitest.Tap(t, w, "Сохранить")
}

// The manager receives a complaint in the window and takes it through
// every step; each step offers only where the complaint may go next, and
// resolving it without what was done shows the field's message and stores
// nothing. A second complaint, a mistake, is withdrawn with a reason.
func TestAComplaintIsReceivedAndWalkedThroughEveryState(t *testing.T) {
	sl := newSalon(t)
	ctx := context.Background()
	w := openTab(t, sl.s, "Отзывы и жалобы")

	uitest.Tap(t, w, "Принять отзыв")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "Клиент") == "" || uitest.Message(t, w, "Вид") != "Выберите вид" ||
		uitest.Message(t, w, "Слова клиента") != "Запишите слова клиента" {
		t.Fatalf("an empty feedback form: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Выбрать клиента")
	uitest.TypeKeys(uitest.SearchBox(t, w, "Поиск: имя, телефон или номер карты (Ctrl+F)"), "Иван")
	uitest.TapRow(t, w, "Иванова Мария")
	uitest.Choose(t, w, "Вид", "Жалоба")
	uitest.Choose(t, w, "Сотрудник", "Белова Екатерина Олеговна · косметолог")
	uitest.Choose(t, w, "Услуга", "Пилинг")
	uitest.Choose(t, w, "Оценка", "2")
	uitest.Type(t, w, "Слова клиента", "После пилинга сильное покраснение, мастер не предупредила")
	uitest.Type(t, w, "Дата", "22.11.2026")
	uitest.Tap(t, w, "Сохранить")
	rows, _ := sl.s.FeedbackList(ctx, model.FeedbackQuery{})
	if len(rows) != 1 || rows[0].ClientID != sl.client.ID || rows[0].Kind != model.FeedbackComplaint || rows[0].Rating != 2 ||
		rows[0].StaffID == nil || *rows[0].StaffID != sl.cosmetologist.ID || rows[0].On != model.NewDate(2026, 11, 22) {
		t.Fatalf("the complaint stored: %+v (%q)", rows, uitest.DialogTexts(w))
	}
	id := rows[0].ID
	head := "22.11.2026 · Жалоба · Иванова Мария · оценка 2"
	list := uitest.ListRows(uitest.ListNear(t, w, "Принять отзыв"))
	if len(list) != 1 || list[0][0] != head || !strings.HasPrefix(list[0][1], "без ответа 5 дней · Белова Екатерина Олеговна · Пилинг · новое") {
		t.Fatalf("the list shows %q", list)
	}

	uitest.TapRow(t, w, head)
	for _, offered := range []string{"Передать сотруднику", "Решено: что сделано", "Отозвать"} {
		if !uitest.DialogShows(w, offered) {
			t.Errorf("a new complaint is not offered %q: %q", offered, uitest.DialogTexts(w))
		}
	}
	if uitest.DialogShows(w, "Записать ответ сотрудника") || uitest.DialogShows(w, "Повторный звонок клиенту") {
		t.Errorf("a new complaint is offered a step it may not take: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Решено: что сделано")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Что сделано"); msg != "Напишите, что сделано: без этого жалобу нельзя закрыть как решённую" {
		t.Errorf("resolved without what was done: %q", msg)
	}
	if f := sl.feedback(t, id); f.State != model.StateNew || f.Resolution != "" || !f.ResolvedOn.IsZero() {
		t.Fatalf("a refused step was stored: %+v", f)
	}
	uitest.Tap(t, w, "Отмена")

	step(t, w, head, "Передать сотруднику", "Кто передал", "Смирнова О. В.")
	if f := sl.feedback(t, id); f.State != model.StatePassed || f.PassedBy != "Смирнова О. В." || f.PassedOn != sl.s.Today() {
		t.Fatalf("passed on: %+v", f)
	}
	uitest.TapRow(t, w, head)
	if uitest.DialogShows(w, "Передать сотруднику") || !uitest.DialogShows(w, "Записать ответ сотрудника") {
		t.Errorf("a complaint passed on is offered %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Закрыть")
	step(t, w, head, "Записать ответ сотрудника", "Ответ сотрудника", "Не предупредила о покраснении, исправлюсь")
	step(t, w, head, "Решено: что сделано", "Что сделано", "Успокаивающая маска бесплатно", "Компенсация", "Маска 1 500 ₽")
	if f := sl.feedback(t, id); f.State != model.StateResolved || f.Answer == "" || f.Compensation != "Маска 1 500 ₽" {
		t.Fatalf("resolved: %+v", f)
	}
	step(t, w, head, "Повторный звонок клиенту", "доволен решением", "✓", "Что сказал клиент", "Покраснение прошло")
	if f := sl.feedback(t, id); f.State != model.StateClosed || !f.Satisfied || f.ContactedOn != sl.s.Today() {
		t.Fatalf("closed: %+v", f)
	}
	if cs, _ := sl.s.Contacts(ctx, sl.client.ID); len(cs) != 1 || cs[0].Notes != "Покраснение прошло" {
		t.Errorf("the call again is not on the client's timeline: %+v", cs)
	}
	uitest.TapRow(t, w, head)
	texts := strings.Join(uitest.DialogTexts(w), "\n")
	if !strings.Contains(texts, "Состояние: закрыто") || !strings.Contains(texts, "Компенсация: Маска 1 500 ₽") ||
		slices.Contains(uitest.DialogTexts(w), "Отозвать") {
		t.Errorf("a closed complaint shows %q", texts)
	}
	uitest.Tap(t, w, "Закрыть")

	mistake := sl.complaint(t, "Записали не тому клиенту", 0)
	uitest.Toggle(t, w, "Только открытые жалобы")
	list = uitest.ListRows(uitest.ListNear(t, w, "Принять отзыв"))
	if len(list) != 1 || !strings.Contains(list[0][2], "Записали не тому клиенту") {
		t.Fatalf("open complaints only: %q", list)
	}
	second := "27.11.2026 · Жалоба · Иванова Мария · оценка 2"
	step(t, w, second, "Отозвать")
	if uitest.Message(t, w, "Причина") != "Укажите причину отзыва" {
		t.Errorf("withdrawn without a reason: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Причина", "Ошиблись клиентом")
	uitest.Tap(t, w, "Сохранить")
	if f := sl.feedback(t, mistake.ID); f.State != model.StateWithdrawn || f.Withdrawn != "Ошиблись клиентом" {
		t.Fatalf("withdrawn: %+v", f)
	}
	if n := len(uitest.ListRows(uitest.ListNear(t, w, "Принять отзыв"))); n != 0 {
		t.Errorf("a withdrawn complaint is still open: %d rows", n)
	}
}

// A client's thanks passed on to the staff member is that person's
// recognition on the month's payslip, and shows under her name.
func TestAThanksPassedOnIsTheStaffMembersRecognition(t *testing.T) {
	sl := newSalon(t)
	ctx := context.Background()
	thanks := model.Feedback{ClientID: sl.second.ID, StaffID: &sl.cosmetologist.ID, Kind: model.FeedbackThanks, Rating: 5,
		Words: "Спасибо Екатерине за заботу", On: sl.s.Today()}
	if err := sl.s.AddFeedback(ctx, &thanks); err != nil {
		t.Fatal(err)
	}
	w := openTab(t, sl.s, "Отзывы и жалобы")
	head := "27.11.2026 · Благодарность · Петрова Ольга · оценка 5"
	uitest.TapRow(t, w, head)
	if texts := uitest.DialogTexts(w); !slices.Contains(texts, "Передать сотруднику") || slices.Contains(texts, "Решено: что сделано") {
		t.Fatalf("a thanks offers %q", texts)
	}
	uitest.Tap(t, w, "Передать сотруднику")
	uitest.Type(t, w, "Кто передал", "Смирнова О. В.")
	uitest.Tap(t, w, "Сохранить")
	pm, err := sl.s.Payroll(ctx, sl.s.Today())
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := pm.Result.Person(sl.cosmetologist.ID); len(p.Recognition) != 1 || p.Recognition[0].Text != "Спасибо Екатерине за заботу" {
		t.Errorf("the thanks is not on the payslip: %+v", p.Recognition)
	}
	uitest.Choose(t, w, "Все сотрудники", "Белова Екатерина Олеговна")
	list := uitest.ListRows(uitest.ListNear(t, w, "Принять отзыв"))
	if len(list) != 1 || list[0][0] != head || !strings.HasSuffix(list[0][1], "передано сотруднику") {
		t.Errorf("her feedback: %q", list)
	}
}
