package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

func sell(t testing.TB, s *Store, clientID uint, typ model.CardType, soldOn model.Date) model.Card {
	t.Helper()
	c := model.Card{ClientID: clientID, TypeID: typ.ID, SoldOn: soldOn}
	if err := s.SellCard(context.Background(), &c); err != nil {
		t.Fatalf("sell %s: %v", typ.Name, err)
	}
	return c
}

func cardOf(t testing.TB, s *Store, clientID, cardID uint) model.CardView {
	t.Helper()
	cards, err := s.Cards(context.Background(), clientID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cards {
		if c.Card.ID == cardID {
			return c
		}
	}
	t.Fatalf("card %d not among %d", cardID, len(cards))
	return model.CardView{}
}

func TestSellCardNumbersItAndSearchFindsIt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	anna := mustCreate(t, s, model.Client{LastName: "Иванова", FirstName: "Анна"})
	c1 := sell(t, s, anna.ID, ss.ten, today)
	c2 := sell(t, s, anna.ID, ss.month, today)
	if c1.Number != "100001" || c2.Number != "100002" || c1.Price != model.Rub(5000) || c1.VisitsIncluded != 10 {
		t.Errorf("cards %+v %+v", c1, c2)
	}
	if c1.ValidFrom != today || c1.ValidTo != today.AddDays(59) || !c2.ValidFrom.IsZero() {
		t.Errorf("validity %s–%s, %s", c1.ValidFrom, c1.ValidTo, c2.ValidFrom)
	}
	own := model.Card{ClientID: anna.ID, TypeID: ss.ten.ID, Number: "vip-7", Price: model.Rub(4000)}
	if err := s.SellCard(ctx, &own); err != nil || own.Number != "VIP-7" || own.Price != model.Rub(4000) {
		t.Fatalf("own number: %v %+v", err, own)
	}
	dup := model.Card{ClientID: anna.ID, TypeID: ss.ten.ID, Number: "VIP-7"}
	if err := s.SellCard(ctx, &dup); fieldKey(err, "number") != "err.card.number_taken" {
		t.Errorf("duplicate number: %v", err)
	}
	got, _ := s.Client(ctx, anna.ID)
	if got.CardNumbers != "100001 100002 VIP-7" {
		t.Errorf("card numbers %q", got.CardNumbers)
	}
	for _, q := range []string{"100002", "vip-7", "VIP"} {
		rows, err := s.ListClients(ctx, model.ClientQuery{Text: q})
		if err != nil || len(rows) != 1 || rows[0].ID != anna.ID {
			t.Errorf("search %q: %v, %v", q, names(rows), err)
		}
	}
	cards, err := s.Cards(ctx, anna.ID)
	if err != nil || len(cards) != 3 || cards[0].Card.ID != own.ID || cards[0].Type.Name != "10 посещений" {
		t.Fatalf("cards %+v, %v", cards, err)
	}
	if st := cardOf(t, s, anna.ID, c2.ID).State; st.Status != model.CardNotActivated {
		t.Errorf("a card that starts at the first visit: %+v", st)
	}
	retired := ss.ten
	retired.Active = false
	if err := s.SaveCardType(ctx, &retired); err != nil {
		t.Fatal(err)
	}
	old := model.Card{ClientID: anna.ID, TypeID: ss.ten.ID}
	if err := s.SellCard(ctx, &old); fieldKey(err, "type") != "err.card.type_inactive" {
		t.Errorf("a retired type: %v", err)
	}
	same := model.CardType{Name: "Безлимит 30 дней", ValidDays: 30}
	if err := s.SaveCardType(ctx, &same); fieldKey(err, "name") != "err.card_type.name_taken" {
		t.Errorf("a second type of one name: %v", err)
	}
}

func TestCardVisitsAreTakenAndGivenBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	anna := mustCreate(t, s, model.Client{FirstName: "Анна"})
	vera := mustCreate(t, s, model.Client{FirstName: "Вера"})
	ten := sell(t, s, anna.ID, ss.ten, today.AddDays(-20))
	month := sell(t, s, anna.ID, ss.month, today.AddDays(-20))

	// the first visit starts the monthly card
	first := mustVisit(t, s, anna.ID, today.AddDays(-15), ss.line(&month))
	cv := cardOf(t, s, anna.ID, month.ID)
	if cv.State.Status != model.CardActive || cv.Card.ValidFrom != today.AddDays(-15) || cv.State.ValidTo != today.AddDays(14) {
		t.Errorf("started card %+v %+v", cv.Card, cv.State)
	}
	// an earlier visit moves the start back
	mustVisit(t, s, anna.ID, today.AddDays(-18), ss.line(&month))
	if cv := cardOf(t, s, anna.ID, month.ID); cv.Card.ValidFrom != today.AddDays(-18) || cv.State.VisitsUsed != 2 {
		t.Errorf("after an earlier visit: %+v %+v", cv.Card, cv.State)
	}
	// eight visits from the ten, then two at once
	for i := 0; i < 8; i++ {
		mustVisit(t, s, anna.ID, today.AddDays(-10+i), ss.line(&ten))
	}
	two := ss.line(&ten)
	two.Qty = 2
	last := mustVisit(t, s, anna.ID, today, two)
	cv = cardOf(t, s, anna.ID, ten.ID)
	if cv.State.Status != model.CardUsedUp || cv.State.VisitsLeft != 0 || cv.State.VisitsUsed != 10 {
		t.Errorf("after ten visits: %+v", cv.State)
	}
	more := model.Visit{ClientID: anna.ID, On: today, Lines: []model.VisitLine{ss.line(nil), ss.line(&ten)}}
	if err := s.AddVisit(ctx, &more); fieldKey(err, "line.1.card") != "err.card.used_up" {
		t.Errorf("an eleventh visit: %v", err)
	}
	// the visit deleted gives its two visits back
	if err := s.DeleteVisit(ctx, last.ID); err != nil {
		t.Fatal(err)
	}
	if cv := cardOf(t, s, anna.ID, ten.ID); cv.State.VisitsLeft != 2 || cv.State.Status != model.CardActive {
		t.Errorf("after deleting: %+v", cv.State)
	}
	// three at once from two left
	three := ss.line(&ten)
	three.Qty = 3
	if err := s.AddVisit(ctx, &model.Visit{ClientID: anna.ID, On: today, Lines: []model.VisitLine{three}}); fieldKey(err, "line.0.card") != "err.card.visits_left" {
		t.Errorf("three from two: %v", err)
	}
	// another client's card
	if err := s.AddVisit(ctx, &model.Visit{ClientID: vera.ID, On: today, Lines: []model.VisitLine{ss.line(&ten)}}); fieldKey(err, "line.0.card") != "err.card.other_client" {
		t.Errorf("someone else's card: %v", err)
	}
	// before the sale
	if err := s.AddVisit(ctx, &model.Visit{ClientID: anna.ID, On: today.AddDays(-21), Lines: []model.VisitLine{ss.line(&ten)}}); fieldKey(err, "line.0.card") != "err.card.not_started" {
		t.Errorf("a visit before the sale: %v", err)
	}
	// an update that moves the first visit off the card gives the visit back
	first.Lines = []model.VisitLine{ss.line(nil)}
	if err := s.UpdateVisit(ctx, &first); err != nil {
		t.Fatal(err)
	}
	if cv := cardOf(t, s, anna.ID, month.ID); cv.State.VisitsUsed != 1 || cv.Card.ValidFrom != today.AddDays(-18) {
		t.Errorf("after the update: %+v", cv.State)
	}
	// the last valid day and the day after
	old := sell(t, s, vera.ID, ss.month, today.AddDays(-60))
	mustVisit(t, s, vera.ID, today.AddDays(-60), ss.line(&old))
	mustVisit(t, s, vera.ID, today.AddDays(-31), ss.line(&old))
	late := model.Visit{ClientID: vera.ID, On: today.AddDays(-30), Lines: []model.VisitLine{ss.line(&old)}}
	if err := s.AddVisit(ctx, &late); fieldKey(err, "line.0.card") != "err.card.expired" {
		t.Errorf("the day after the end: %v", err)
	}
}

func TestFreezeCard(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today() // 27 November
	anna := mustCreate(t, s, model.Client{FirstName: "Анна"})
	ten := sell(t, s, anna.ID, ss.ten, today.AddDays(-10)) // valid to 26 December
	mustVisit(t, s, anna.ID, today.AddDays(-9), ss.line(&ten))
	var fe *model.FieldError
	if err := s.FreezeCard(ctx, ten.ID, today.AddDays(-9), today.AddDays(-8)); !errors.As(err, &fe) || fe.Key != "err.freeze.has_visits" {
		t.Errorf("a freeze over a visit: %v", err)
	}
	// over the month end: 29 November – 3 December, 5 days
	if err := s.FreezeCard(ctx, ten.ID, today.AddDays(2), today.AddDays(6)); err != nil {
		t.Fatal(err)
	}
	cv := cardOf(t, s, anna.ID, ten.ID)
	if cv.State.ValidTo != ten.ValidTo.AddDays(5) || cv.State.FreezeDaysLeft != 2 || len(cv.Freezes) != 1 {
		t.Errorf("after the freeze: %+v", cv.State)
	}
	if err := s.FreezeCard(ctx, ten.ID, today.AddDays(10), today.AddDays(12)); !errors.As(err, &fe) || fe.Key != "err.freeze.too_long" || fe.Args["N"] != 2 {
		t.Errorf("past the allowance: %v", err)
	}
	if err := s.AddVisit(ctx, &model.Visit{ClientID: anna.ID, On: today, Lines: []model.VisitLine{ss.line(&ten)}}); err != nil {
		t.Errorf("a visit before the freeze: %v", err)
	}
	if err := s.FreezeCard(ctx, 999, today, today); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("no such card: %v", err)
	}
	var until string
	s.DB().Raw("SELECT valid_until FROM cards WHERE id = ?", ten.ID).Scan(&until)
	if until != cv.State.ValidTo.ISO() {
		t.Errorf("valid_until %s, the state says %s", until, cv.State.ValidTo)
	}
}

// TestProfileSavedAfterASaleKeepsTheCard saves a profile read before a card
// was sold: the client is still found by the card's number.
func TestProfileSavedAfterASaleKeepsTheCard(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	anna := mustCreate(t, s, model.Client{LastName: "Иванова", FirstName: "Анна"})
	card := sell(t, s, anna.ID, ss.ten, s.Today())
	anna.Notes = "Предпочитает утро" // the form was opened before the sale
	if err := s.UpdateClient(ctx, &anna); err != nil {
		t.Fatal(err)
	}
	rows, err := s.ListClients(ctx, model.ClientQuery{Text: card.Number})
	if err != nil || len(rows) != 1 || rows[0].CardNumbers != card.Number {
		t.Errorf("search %s after the save: %v, %v", card.Number, names(rows), err)
	}
}
