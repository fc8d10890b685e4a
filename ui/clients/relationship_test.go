package clients_test

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/uitest"
	"companion/ui/widgets"
)

// cardOption is how the sale form offers the card type the tests sell.
const cardOption = "10 посещений · 12\u00a0000\u00a0₽"

// relationshipClient makes a client with a service and a card type to sell,
// and opens the client's profile with a tap on the list.
func relationshipClient(t *testing.T) (clientsTab, *model.Client) {
	t.Helper()
	c := &model.Client{LastName: "Волкова", FirstName: "Ирина", Phone: "+79160001122"}
	tab := openClients(t, c)
	ctx := context.Background()
	if err := tab.s.SaveService(ctx, &model.Service{Name: "Тренировка в зале", Kind: "service", Price: model.Rub(1500), Minutes: 60, Active: true}); err != nil {
		t.Fatal(err)
	}
	if err := tab.s.SaveCardType(ctx, &model.CardType{Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 14,
		Price: model.Rub(12000), Active: true}); err != nil {
		t.Fatal(err)
	}
	uitest.TapRow(t, tab.w, "Волкова Ирина")
	if tab.title() != "Волкова Ирина" {
		t.Fatalf("profile shows %q", tab.title())
	}
	return tab, c
}

func TestSellACardThenAVisitByItLowersVisitsLeft(t *testing.T) {
	tab, c := relationshipClient(t)
	w, s := tab.w, tab.s
	ctx := context.Background()
	uitest.TapTab(t, w, "Карты")
	if !uitest.Shows(w, "У клиента нет карт") {
		t.Errorf("the cards page of a client without cards shows %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Продать карту")
	uitest.Choose(t, w, "Вид карты", cardOption)
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the sale form stays: %q", uitest.DialogTexts(w))
	}
	cards, _ := s.Cards(ctx, c.ID)
	if len(cards) != 1 || cards[0].State.VisitsLeft != 10 {
		t.Fatalf("after the sale the store holds %+v", cards)
	}
	number := cards[0].Card.Number
	shown := uitest.ListRows(uitest.ListNear(t, w, "Продать карту"))
	if len(shown) != 1 || shown[0][0] != "10 посещений · № "+number || shown[0][1] != "Действует" ||
		!strings.Contains(shown[0][2], "осталось визитов: 10 (использовано 0)") {
		t.Fatalf("after the sale the pane shows %q", shown)
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: number}); len(rows) != 1 || rows[0].ID != c.ID {
		t.Errorf("search by card number %q finds %v", number, rowNames(rows))
	}

	uitest.TapTab(t, w, "Визиты")
	uitest.Tap(t, w, "Новый визит")
	uitest.Choose(t, w, "Услуга или товар", "Тренировка в зале")
	if got := uitest.Entry(t, w, "Цена, ₽").Text; got != "1\u00a0500" {
		t.Errorf("price not filled from the service: %q", got)
	}
	uitest.Choose(t, w, "Оплата", "Карта № "+number+" (10 посещений)")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the visit form stays: %q", uitest.DialogTexts(w))
	}
	vs, _ := s.Visits(ctx, c.ID)
	if len(vs) != 1 || len(vs[0].Lines) != 1 || vs[0].Lines[0].PaidBy != "card" {
		t.Fatalf("visits after save: %+v", vs)
	}
	if shown := uitest.TableRows(uitest.TableOf(uitest.RowTable(t, w, "Услуги и товары"))); len(shown) != 1 ||
		!strings.Contains(strings.Join(shown[0], " "), "Тренировка в зале (по карте)") {
		t.Errorf("the visits page shows %q", shown)
	}
	if !uitest.Shows(w, "1 визит на сумму 0\u00a0₽") {
		t.Errorf("the visits summary: %q", uitest.Texts(w))
	}
	if !uitest.Shows(w, "· визитов: 1") {
		t.Errorf("header after the visit: %q", uitest.Texts(w))
	}

	uitest.TapTab(t, w, "Карты")
	if cards, _ := s.Cards(ctx, c.ID); cards[0].State.VisitsLeft != 9 {
		t.Errorf("the store's visits left after a visit by card: %d", cards[0].State.VisitsLeft)
	}
	if !uitest.Shows(w, "осталось визитов: 9 (использовано 1)") {
		t.Errorf("visits left after a visit by card: %q", uitest.ListRows(uitest.ListNear(t, w, "Продать карту")))
	}
}

func TestVisitFormShowsErrorsNextToTheLine(t *testing.T) {
	tab, c := relationshipClient(t)
	w, s := tab.w, tab.s
	uitest.TapTab(t, w, "Визиты")
	uitest.Tap(t, w, "Новый визит")
	uitest.Choose(t, w, "Услуга или товар", "Тренировка в зале")
	uitest.Type(t, w, "Количество", "два")
	uitest.Type(t, w, "Дата визита", "32.13.2026")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Количество"); msg != "Введите число" {
		t.Errorf("quantity message %q", msg)
	}
	if msg := uitest.Message(t, w, "Дата визита"); !strings.HasPrefix(msg, "Неверная дата") {
		t.Errorf("date message %q", msg)
	}
	if vs, _ := s.Visits(context.Background(), c.ID); len(vs) != 0 || uitest.Dialogs(w) != 1 {
		t.Fatal("an invalid visit was stored or the form closed")
	}
	if !uitest.DialogShows(w, "Новый визит") || uitest.Entry(t, w, "Количество").Text != "два" {
		t.Errorf("the form lost what was typed: %q", uitest.DialogTexts(w))
	}
}

func TestAssessmentWithoutConsentIsRefused(t *testing.T) {
	tab, c := relationshipClient(t)
	w, s := tab.w, tab.s
	ctx := context.Background()
	uitest.TapTab(t, w, "Замеры")
	uitest.Tap(t, w, "Новый замер") // says so before anything is typed
	if !uitest.DialogShows(w, "Нет согласия на данные о здоровье") {
		t.Fatalf("no word of the missing consent: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Отмена")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("dialogs left: %q", uitest.DialogTexts(w))
	}
	if as, _ := s.Assessments(ctx, c.ID); len(as) != 0 {
		t.Fatal("an assessment was stored without consent")
	}

	// the consent and a goal, given on the profile page
	uitest.TapTab(t, w, "Профиль")
	uitest.Toggle(t, w, "Данные о здоровье")
	uitest.Type(t, w, "Цель по весу, кг", "68")
	uitest.Tap(t, w, "Сохранить")
	if stored, _ := s.Client(ctx, c.ID); stored.HealthConsentAt != s.Today() || stored.GoalWeightKg != 68 {
		t.Fatalf("stored consent %v, goal %v", stored.HealthConsentAt, stored.GoalWeightKg)
	}
	if got := uitest.Entry(t, w, "Цель по весу, кг").Text; got != "68" {
		t.Errorf("goal weight in the form: %q", got)
	}

	uitest.TapTab(t, w, "Замеры")
	uitest.Tap(t, w, "Новый замер")
	uitest.Type(t, w, "Рост, см", "170")
	uitest.Type(t, w, "Вес, кг", "500")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Вес, кг"); msg == "" {
		t.Error("a weight of 500 kg was not refused next to the field")
	}
	if as, _ := s.Assessments(ctx, c.ID); len(as) != 0 {
		t.Fatal("a weight of 500 kg was stored")
	}
	uitest.Type(t, w, "Вес, кг", "72,5")
	uitest.Tap(t, w, "Сохранить")
	if as, _ := s.Assessments(ctx, c.ID); len(as) != 1 || as[0].WeightKg != 72.5 || as[0].HeightCm != 170 {
		t.Fatalf("stored assessments: %+v", as)
	}
	rows := uitest.TableRows(uitest.TableOf(uitest.RowTable(t, w, "ИМТ")))
	if len(rows) != 1 || rows[0][1] != "72,5" || rows[0][3] != "25,1" {
		t.Fatalf("assessments shown: %q", rows)
	}
	charts := uitest.Shown[*widgets.LineChart](w)
	if len(charts) != 1 {
		t.Fatalf("%d charts show", len(charts))
	}
	if series := charts[0].Series(); len(series) != 2 || len(series[0].Y) != 1 || series[0].Y[0] != 72.5 || series[0].Goal != 68 {
		t.Errorf("chart: %+v", series)
	}
}
