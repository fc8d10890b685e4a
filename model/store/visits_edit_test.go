package store

import (
	"context"
	"testing"

	"companion/model"
)

// visitsLeft is what the client's card numbered as c has left, as the store
// reads it.
func visitsLeft(t *testing.T, s *Store, c model.Card) int {
	t.Helper()
	cards, err := s.Cards(context.Background(), c.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	for _, cv := range cards {
		if cv.Card.ID == c.ID {
			return cv.State.VisitsLeft
		}
	}
	t.Fatalf("no card %d", c.ID)
	return 0
}

func TestCorrectingAVisitMovesItsCardVisitAndDeletingGivesItBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	c := mustCreate(t, s, model.Client{FirstName: "Анна"})
	today := s.Today()
	var a, b model.Card
	for _, card := range []*model.Card{&a, &b} {
		*card = model.Card{ClientID: c.ID, TypeID: ss.ten.ID, SoldOn: today.AddDays(-20)}
		if err := s.SellCard(ctx, card); err != nil {
			t.Fatal(err)
		}
	}
	v := mustVisit(t, s, c.ID, today.AddDays(-3), ss.line(&a))
	if visitsLeft(t, s, a) != 9 {
		t.Fatalf("card A after a visit: %d left", visitsLeft(t, s, a))
	}

	// the visit was by card B, two trainings
	v.Lines = []model.VisitLine{ss.line(&b)}
	v.Lines[0].Qty = 2
	if err := s.UpdateVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if visitsLeft(t, s, a) != 10 || visitsLeft(t, s, b) != 8 {
		t.Errorf("after moving the visit to card B: A %d, B %d left", visitsLeft(t, s, a), visitsLeft(t, s, b))
	}
	// paid in money after all
	v.Lines = []model.VisitLine{ss.line(nil)}
	v.Lines[0].Price = model.Rub(650)
	if err := s.UpdateVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if visitsLeft(t, s, b) != 10 {
		t.Errorf("after paying in money: B %d left", visitsLeft(t, s, b))
	}
	vs, _ := s.Visits(ctx, c.ID)
	if len(vs) != 1 || vs[0].Total() != model.Rub(650) || vs[0].UUID != v.UUID {
		t.Errorf("the corrected visit reads %+v", vs)
	}

	w := mustVisit(t, s, c.ID, today, ss.line(&a))
	if err := s.DeleteVisit(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if visitsLeft(t, s, a) != 10 {
		t.Errorf("a deleted visit did not give card A its visit back: %d left", visitsLeft(t, s, a))
	}
	if got, _ := s.Client(ctx, c.ID); got.VisitCount != 1 || got.LastVisitOn != today.AddDays(-3) {
		t.Errorf("after the deletion the client has %d visits, the last %s", got.VisitCount, got.LastVisitOn)
	}
}

func TestACorrectionTakingMoreThanTheCardHasIsRefusedWhole(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	c := mustCreate(t, s, model.Client{FirstName: "Анна"})
	card := model.Card{ClientID: c.ID, TypeID: ss.ten.ID, SoldOn: s.Today().AddDays(-5)}
	if err := s.SellCard(ctx, &card); err != nil {
		t.Fatal(err)
	}
	v := mustVisit(t, s, c.ID, s.Today(), ss.line(&card))
	v.Lines[0].Qty = 11
	if err := s.UpdateVisit(ctx, &v); fieldKey(err, "line.0.card") == "" {
		t.Errorf("11 visits taken from a card of 10: %v", err)
	}
	if visitsLeft(t, s, card) != 9 {
		t.Errorf("a refused correction changed the card: %d left", visitsLeft(t, s, card))
	}
	vs, _ := s.Visits(ctx, c.ID)
	if len(vs) != 1 || len(vs[0].Lines) != 1 || vs[0].Lines[0].Qty != 1 {
		t.Errorf("a refused correction changed the visit: %+v", vs)
	}
}
