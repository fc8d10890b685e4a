package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"companion/model"
)

// A sale keeps its price, discount and payment to the kopeck; a discount
// over the price or a payment over what is due is refused under its field
// and nothing is stored.
func TestCardSaleKeepsItsMoney(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	anna := oldClient(t, s, "Белова", "Анна")
	c := model.Card{ClientID: anna.ID, TypeID: ss.ten.ID, Discount: 50_050, Paid: 300_001}
	if err := s.SellCard(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got := cardOf(t, s, anna.ID, c.ID).Card
	if got.Price != model.Rub(5000) || got.Discount != 50_050 || got.Paid != 300_001 || got.Owed() != 149_949 {
		t.Errorf("stored sale: price %d, discount %d, paid %d, owed %d", got.Price, got.Discount, got.Paid, got.Owed())
	}
	for _, tc := range []struct {
		card  model.Card
		field string
		key   string
	}{
		{model.Card{Price: model.Rub(1000), Discount: model.Rub(1001)}, "discount", "err.card.discount"},
		{model.Card{Price: model.Rub(1000), Discount: model.Rub(100), Paid: model.Rub(901)}, "paid", "err.card.paid"},
		{model.Card{Price: model.Rub(1000), Paid: -1}, "paid", "err.money.negative"},
		{model.Card{Price: -1}, "price", "err.money.negative"},
	} {
		tc.card.ClientID, tc.card.TypeID = anna.ID, ss.ten.ID
		if err := s.SellCard(ctx, &tc.card); fieldKey(err, tc.field) != tc.key {
			t.Errorf("sale %+v: %v, want %s under %s", tc.card, err, tc.key, tc.field)
		}
	}
	if cards, _ := s.Cards(ctx, anna.ID); len(cards) != 1 {
		t.Errorf("%d cards stored", len(cards))
	}
}

// Cards sold before schema version 5 count as paid in full.
func TestUpgradeToV5PaysTheCardsSoldBefore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	clock := WithClock(func() time.Time { return fixedNow })
	saved := migrations
	migrations = saved[:4]
	s, err := Open(path, clock)
	migrations = saved
	if err != nil {
		t.Fatal(err)
	}
	anna := oldClient(t, s, "Белова", "Анна")
	for _, q := range []string{
		`INSERT INTO card_types (id, name, valid_days, price) VALUES (1, '10 посещений', 60, 500000)`,
		`INSERT INTO cards (uuid, client_id, type_id, number, sold_on, price, created_at, updated_at)
			VALUES ('c-1', ?, 1, '100001', '2026-11-01', 450000, '2026-11-01 10:00:00', '2026-11-01 10:00:00')`,
	} {
		if err := s.DB().Exec(q, anna.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cards, err := s.Cards(context.Background(), anna.ID)
	if err != nil || len(cards) != 1 {
		t.Fatalf("cards after the upgrade: %v %v", cards, err)
	}
	if c := cards[0].Card; c.Price != 450_000 || c.Discount != 0 || c.Paid != 450_000 {
		t.Errorf("an old sale after the upgrade: price %d, discount %d, paid %d", c.Price, c.Discount, c.Paid)
	}
}
