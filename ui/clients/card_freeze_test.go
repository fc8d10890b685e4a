package clients_test

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/store"
	"companion/ui/uitest"
)

// cardClient is a client sold a card of 10 visits (valid 60 days from
// 20 days ago), on which before does what it needs before the client's
// profile opens on the cards page.
func cardClient(t *testing.T, before func(s *store.Store, card model.Card)) (clientsTab, *model.Client, model.Card) {
	t.Helper()
	c := &model.Client{LastName: "Волкова", FirstName: "Ирина", Phone: "+79160001122"}
	tab := openClients(t, c)
	s, ctx := tab.s, context.Background()
	typ := model.CardType{Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 14, Price: model.Rub(12000), Active: true}
	if err := s.SaveCardType(ctx, &typ); err != nil {
		t.Fatal(err)
	}
	card := model.Card{ClientID: c.ID, TypeID: typ.ID, SoldOn: s.Today().AddDays(-20)}
	if err := s.SellCard(ctx, &card); err != nil {
		t.Fatal(err)
	}
	if before != nil {
		before(s, card)
	}
	uitest.TapRow(t, tab.w, "Волкова Ирина")
	uitest.TapTab(t, tab.w, "Карты")
	return tab, c, card
}

// The cards page shows each freeze's days; the manager cancels the freeze
// under way after a question whose default keeps it, and the card is valid
// again today, its end moved back.
func TestCancelAFreezeFromTheCardsPage(t *testing.T) {
	tab, c, card := cardClient(t, func(s *store.Store, card model.Card) {
		today := s.Today()
		if err := s.FreezeCard(context.Background(), card.ID, today.AddDays(-2), today.AddDays(2)); err != nil {
			t.Fatal(err)
		}
	})
	w, s := tab.w, tab.s
	ctx := context.Background()
	today := s.Today() // 27.11.2026
	if !uitest.Shows(w, "заморозка с 25.11.2026 по 29.11.2026 · осталось 9 дней заморозки") || !uitest.Shows(w, "Заморожена") {
		t.Fatalf("the freeze's days are not shown: %q", uitest.ListRows(uitest.ListNear(t, w, "Продать карту")))
	}
	if !uitest.Button(t, w, "Отменить заморозку").Disabled() {
		t.Error("cancel is offered before a card is chosen")
	}
	uitest.TapRow(t, w, "10 посещений · № "+card.Number)

	uitest.Tap(t, w, "Отменить заморозку")
	if want := "Заморозка с 25.11.2026 по 29.11.2026 закончится сегодня: карта снова действует с сегодняшнего дня, до 07.01.2027."; !uitest.DialogShows(w, want) {
		t.Errorf("the question does not say %q: %q", want, uitest.DialogTexts(w))
	}
	if !uitest.HasFocus(w, uitest.Button(t, w, "Оставить заморозку")) {
		t.Error("keeping the freeze is not the default")
	}
	uitest.Tap(t, w, "Оставить заморозку")
	if cv, _ := s.Cards(ctx, c.ID); len(cv[0].Freezes) != 1 || cv[0].Freezes[0].To != today.AddDays(2) {
		t.Fatalf("keeping the freeze changed it: %+v", cv[0].Freezes)
	}

	uitest.TapRow(t, w, "10 посещений · № "+card.Number)
	uitest.Tap(t, w, "Отменить заморозку")
	uitest.Tap(t, w, "Отменить заморозку") // the question's
	uitest.Settle()
	cv, _ := s.Cards(ctx, c.ID)
	if cv[0].State.Status != model.CardActive || cv[0].Freezes[0].To != today.AddDays(-1) || cv[0].State.ValidTo != card.ValidTo.AddDays(2) {
		t.Fatalf("after the cancel the store holds %+v, %+v", cv[0].State, cv[0].Freezes)
	}
	if !uitest.Shows(w, "заморозка с 25.11.2026 по 26.11.2026") || !uitest.Shows(w, "с 07.11.2026 по 07.01.2027") ||
		!uitest.Shows(w, "Действует") {
		t.Errorf("after the cancel the page shows %q", uitest.ListRows(uitest.ListNear(t, w, "Продать карту")))
	}
}

// A freeze outside the card's validity is refused under its field with the
// days in the window's format.
func TestFreezeOutsideTheCardSaysItsDays(t *testing.T) {
	tab, _, card := cardClient(t, nil)
	w := tab.w
	uitest.TapRow(t, w, "10 посещений · № "+card.Number)
	uitest.Tap(t, w, "Заморозить")
	uitest.Type(t, w, "С", "01.03.2027")
	uitest.Type(t, w, "По", "02.03.2027")
	uitest.Tap(t, w, "Сохранить")
	if msg, want := uitest.Message(t, w, "С"), "Заморозка должна начинаться в срок действия карты: с 07.11.2026 по 05.01.2027"; msg != want {
		t.Errorf("the message under the first day: %q, want %q", msg, want)
	}
}
