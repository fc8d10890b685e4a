package clients_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui/uitest"
)

// visitByCard sells the test card type to the client and records a visit
// paid by it, then opens the visits page.
func visitByCard(t *testing.T) (clientsTab, *model.Client, model.Card) {
	t.Helper()
	c := &model.Client{LastName: "Волкова", FirstName: "Ирина", Phone: "+79160001122"}
	tab := openClients(t, c)
	ctx := context.Background()
	sv := model.Service{Name: "Тренировка в зале", Kind: "service", Price: model.Rub(1500), Minutes: 60, Active: true}
	typ := model.CardType{Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 14, Price: model.Rub(12000), Active: true}
	for _, err := range []error{tab.s.SaveService(ctx, &sv), tab.s.SaveCardType(ctx, &typ)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	card := model.Card{ClientID: c.ID, TypeID: typ.ID}
	if err := tab.s.SellCard(ctx, &card); err != nil {
		t.Fatal(err)
	}
	v := model.Visit{ClientID: c.ID, On: tab.s.Today(), Lines: []model.VisitLine{{ServiceID: &sv.ID,
		Name: sv.Name, Qty: 1, Price: sv.Price, PaidBy: model.PaidCard, CardID: &card.ID}}}
	if err := tab.s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	uitest.TapRow(t, tab.w, "Волкова Ирина")
	uitest.TapTab(t, tab.w, "Визиты")
	return tab, c, card
}

func visitRows(t *testing.T, w fyne.Window) [][]string {
	t.Helper()
	return uitest.TableRows(uitest.TableOf(uitest.RowTable(t, w, "Услуги и товары")))
}

func TestDoubleClickAVisitToCorrectItsPayment(t *testing.T) {
	tab, c, card := visitByCard(t)
	w, s := tab.w, tab.s
	ctx := context.Background()
	if rows := visitRows(t, w); len(rows) != 1 || rows[0][1] != "Тренировка в зале (по карте)" {
		t.Fatalf("the visits page shows %q", rows)
	}
	uitest.DoubleTapCell(t, w, "Тренировка в зале (по карте)")
	if !uitest.DialogShows(w, "Визит 27.11.2026") {
		t.Fatalf("a double click opened %q", uitest.DialogTexts(w))
	}
	if got := uitest.Select(t, w, "Оплата").Selected; got != "Карта № "+card.Number+" (10 посещений)" {
		t.Errorf("the form reads the payment as %q", got)
	}
	// paid in money after all, at a lower price
	uitest.Choose(t, w, "Оплата", "Деньгами")
	uitest.Type(t, w, "Цена, ₽", "1200")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the form stays: %q", uitest.DialogTexts(w))
	}
	if rows := visitRows(t, w); len(rows) != 1 || rows[0][1] != "Тренировка в зале" || rows[0][2] != "1\u00a0200\u00a0₽" {
		t.Errorf("after the correction the visits page shows %q", rows)
	}
	vs, _ := s.Visits(ctx, c.ID)
	if len(vs) != 1 || vs[0].Lines[0].PaidBy != model.PaidMoney || vs[0].Total() != model.Rub(1200) {
		t.Errorf("stored %+v", vs)
	}
	if cards, _ := s.Cards(ctx, c.ID); cards[0].State.VisitsLeft != 10 {
		t.Errorf("the card's visit did not come back: %d left", cards[0].State.VisitsLeft)
	}
}

func TestEnterOpensAVisitAndDeleteRemovesItAfterAsking(t *testing.T) {
	tab, c, _ := visitByCard(t)
	w, s := tab.w, tab.s
	ctx := context.Background()
	table := uitest.RowTable(t, w, "Услуги и товары")
	uitest.TapCell(t, w, "Тренировка в зале (по карте)")
	uitest.PressKeyIn(table, fyne.KeyReturn)
	if !uitest.DialogShows(w, "Визит 27.11.2026") {
		t.Fatalf("Enter opened %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Отмена")

	uitest.PressKeyIn(table, fyne.KeyDelete)
	if !uitest.DialogShows(w, "Удалить визит?") || !uitest.DialogShows(w, "На карту вернётся 1 посещение") {
		t.Fatalf("Delete asked %q", uitest.DialogTexts(w))
	}
	if b := uitest.Button(t, w, "Не удалять"); !uitest.HasFocus(w, b) {
		t.Error("deleting is the default of the question")
	}
	uitest.Tap(t, w, "Не удалять")
	if vs, _ := s.Visits(ctx, c.ID); len(vs) != 1 {
		t.Fatal("keeping the visit deleted it")
	}
	uitest.PressKeyIn(table, fyne.KeyDelete)
	uitest.Tap(t, w, "Удалить визит")
	if vs, _ := s.Visits(ctx, c.ID); len(vs) != 0 {
		t.Fatalf("the visit stays: %+v", vs)
	}
	if !uitest.Shows(w, "Визитов ещё не было") || uitest.Shows(w, "Тренировка в зале (по карте)") {
		t.Errorf("after the deletion the page shows %q", uitest.Texts(w))
	}
	uitest.TapTab(t, w, "Карты")
	if !uitest.Shows(w, "осталось визитов: 10 (использовано 0)") {
		t.Errorf("the card's visit did not come back: %q", uitest.Texts(w))
	}
}

// lockedStore refuses every correction of a visit, as a payroll period the
// owner has approved does.
type lockedStore struct{ *store.Store }

func (lockedStore) UpdateVisit(context.Context, *model.Visit) error { return model.ErrPeriodLocked }
func (lockedStore) DeleteVisit(context.Context, uint) error         { return model.ErrPeriodLocked }

func TestAVisitInAClosedPeriodSaysWhyItCannotChange(t *testing.T) {
	c := &model.Client{LastName: "Волкова", FirstName: "Ирина"}
	s, _ := uitest.OpenStore(t)
	tab := openClientsOver(t, s, lockedStore{s}, c)
	ctx := context.Background()
	if err := s.SaveService(ctx, &model.Service{Name: "Массаж", Kind: "service", Price: model.Rub(2000), Minutes: 60, Active: true}); err != nil {
		t.Fatal(err)
	}
	v := model.Visit{ClientID: c.ID, On: s.Today(), Lines: []model.VisitLine{{Name: "Массаж", Qty: 1, Price: model.Rub(2000)}}}
	if err := s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	w := tab.w
	uitest.TapRow(t, w, "Волкова Ирина")
	uitest.TapTab(t, w, "Визиты")
	uitest.DoubleTapCell(t, w, "Массаж")
	uitest.Type(t, w, "Цена, ₽", "100")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Дата визита"); !strings.Contains(msg, "расчётный период") {
		t.Errorf("the refusal reads %q", msg)
	}
	if vs, _ := s.Visits(ctx, c.ID); vs[0].Total() != model.Rub(2000) {
		t.Error("a visit of a closed period changed")
	}
}
