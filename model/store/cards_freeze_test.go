package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

// Cancelling a freeze under way ends it yesterday and one still to come
// goes; the card's end moves back, and a visit today is taken again.
func TestCancelFreeze(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	anna := mustCreate(t, s, model.Client{FirstName: "Анна"})
	ten := sell(t, s, anna.ID, ss.ten, today.AddDays(-10))
	if err := s.FreezeCard(ctx, ten.ID, today.AddDays(-2), today.AddDays(2)); err != nil { // 5 days
		t.Fatal(err)
	}
	if err := s.FreezeCard(ctx, ten.ID, today.AddDays(5), today.AddDays(6)); err != nil { // 2 days
		t.Fatal(err)
	}
	cv := cardOf(t, s, anna.ID, ten.ID)
	if cv.State.Status != model.CardFrozen || cv.State.ValidTo != ten.ValidTo.AddDays(7) || len(cv.Freezes) != 2 {
		t.Fatalf("frozen: %+v", cv.State)
	}
	if err := s.CancelFreeze(ctx, cv.Freezes[0].ID); err != nil {
		t.Fatal(err)
	}
	cv = cardOf(t, s, anna.ID, ten.ID)
	if cv.State.Status != model.CardActive || cv.State.ValidTo != ten.ValidTo.AddDays(4) || cv.Freezes[0].To != today.AddDays(-1) {
		t.Errorf("after ending the freeze under way: %+v, %+v", cv.State, cv.Freezes)
	}
	mustVisit(t, s, anna.ID, today, ss.line(&ten))
	if err := s.CancelFreeze(ctx, cv.Freezes[1].ID); err != nil {
		t.Fatal(err)
	}
	cv = cardOf(t, s, anna.ID, ten.ID)
	if len(cv.Freezes) != 1 || cv.State.ValidTo != ten.ValidTo.AddDays(2) || cv.State.FreezeDaysLeft != 5 {
		t.Errorf("after removing the freeze to come: %+v, %+v", cv.State, cv.Freezes)
	}
	var until string
	s.DB().Raw("SELECT valid_until FROM cards WHERE id = ?", ten.ID).Scan(&until)
	if until != cv.State.ValidTo.ISO() {
		t.Errorf("valid_until %s, the state says %s", until, cv.State.ValidTo)
	}
	var fe *model.FieldError
	if err := s.CancelFreeze(ctx, cv.Freezes[0].ID); !errors.As(err, &fe) || fe.Key != "err.freeze.over" {
		t.Errorf("cancelling a freeze that is over: %v", err)
	}
	if err := s.CancelFreeze(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("no such freeze: %v", err)
	}
}
