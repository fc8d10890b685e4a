package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"companion/model"
)

// A card that is not there is «not found»; a database that fails while the
// card is checked says so, and is not taken for a missing card.
func TestCheckingACardTellsAMissingCardFromAFailure(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	anna := mustCreate(t, s, model.Client{FirstName: "Анна"})
	ten := sell(t, s, anna.ID, ss.ten, today.AddDays(-10))

	gone := model.Card{ID: 999}
	err := s.AddVisit(ctx, &model.Visit{ClientID: anna.ID, On: today, Lines: []model.VisitLine{ss.line(&gone)}})
	if key := fieldKey(err, model.LineField(0, "card")); key != "err.card.not_found" {
		t.Errorf("a visit by a card that does not exist: %v", err)
	}

	if err := s.DB().Exec("ALTER TABLE card_freezes RENAME TO card_freezes_away").Error; err != nil {
		t.Fatal(err)
	}
	err = s.AddVisit(ctx, &model.Visit{ClientID: anna.ID, On: today, Lines: []model.VisitLine{ss.line(&ten)}})
	var fe *model.FieldError
	if err == nil || errors.As(err, &fe) || !strings.Contains(err.Error(), "card_freezes") {
		t.Errorf("a failure while checking the card comes back as %v", err)
	}
}
