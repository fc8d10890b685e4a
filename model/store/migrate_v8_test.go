package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"companion/model"
)

// A database a build of schema 7 made, with a visit and a card, opens in
// this build on both backends: version 8, every row kept, each visit and
// card at version 1, and the versions then guard their saves.
func TestTheUpgradeToVersion8KeepsEveryRow(t *testing.T) {
	where := testDatabase(t)
	clock := WithClock(func() time.Time { return fixedNow })
	saved, savedPG := migrations, postgresMigrations
	migrations, postgresMigrations = saved[:7], savedPG[:0]
	t.Cleanup(func() { migrations, postgresMigrations = saved, savedPG }) // even when the test stops early
	old, err := Open(where, clock)
	if err != nil {
		migrations, postgresMigrations = saved, savedPG
		t.Fatal(err)
	}
	c := oldClient(t, old, "Зуева", "Нина")
	now := fixedNow.UTC()
	for _, q := range []string{
		`INSERT INTO card_types (name, valid_days, visits) VALUES ('Тест', 30, 8)`,
		`INSERT INTO cards (uuid, client_id, type_id, number, sold_on, valid_from, valid_to, visits_included, created_at, updated_at)
			SELECT 'card-1', ?, id, '900001', '2026-11-01', '2026-11-01', '2026-11-30', 8, ?, ? FROM card_types WHERE name = 'Тест'`,
		`INSERT INTO visits (uuid, client_id, day, created_at, updated_at) VALUES ('visit-1', ?, '2026-11-20', ?, ?)`,
		`INSERT INTO visit_lines (visit_id, name, qty, price) SELECT id, 'Массаж спины', 1, 250000 FROM visits WHERE uuid = 'visit-1'`,
	} {
		args := []any{c.ID, now, now}
		if err := old.DB().Exec(q, args[:countMarks(q)]...).Error; err != nil {
			t.Fatalf("%v in %s", err, q)
		}
	}
	old.Close()
	migrations, postgresMigrations = saved, savedPG

	s, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	vs, err := s.Visits(ctx, c.ID)
	if err != nil || len(vs) != 1 || vs[0].Version != 1 {
		t.Fatalf("visits after the upgrade: %+v, %v", vs, err)
	}
	var cardVersion int
	if err := s.DB().Raw("SELECT version FROM cards WHERE uuid = 'card-1'").Scan(&cardVersion).Error; err != nil || cardVersion != 1 {
		t.Fatalf("the card's version %d, %v", cardVersion, err)
	}
	stale := vs[0]
	vs[0].Notes = "исправлено"
	if err := s.UpdateVisit(ctx, &vs[0]); err != nil || vs[0].Version != 2 {
		t.Fatalf("the first save: version %d, %v", vs[0].Version, err)
	}
	stale.Notes = "другая правка"
	if err := s.UpdateVisit(ctx, &stale); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("a save of the visit as read before the first: %v", err)
	}
}

// countMarks counts the ? placeholders of q.
func countMarks(q string) int {
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
		}
	}
	return n
}

// oldClient adds a client to a database of an older schema with the
// columns every schema has: the model's client has columns it lacks.
func oldClient(t *testing.T, s *Store, last, first string) model.Client {
	t.Helper()
	c := model.Client{UUID: "old-" + last, LastName: last, FirstName: first}
	now := fixedNow.UTC()
	err := s.DB().Exec(`INSERT INTO clients (uuid, last_name, first_name, search_key, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`, c.UUID, last, first, model.Fold(last+" "+first), now, now).Error
	if err == nil {
		err = s.DB().Raw("SELECT id FROM clients WHERE uuid = ?", c.UUID).Scan(&c.ID).Error
	}
	if err != nil {
		t.Fatalf("client %s %s: %v", last, first, err)
	}
	return c
}
