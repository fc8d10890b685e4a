package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"companion/model"
)

// TestUpgradeFromV1 opens a database made by schema version 1, with the
// visit summary written by the first demo, and upgrades it: every client
// stays, the at-risk day is filled in and the intro checklist is seeded.
func TestUpgradeFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	clock := WithClock(func() time.Time { return fixedNow })
	saved := migrations
	migrations = saved[:1]
	defer func() { migrations = saved }()
	s, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	today := s.Today()
	for i, last := range []int{5, model.AtRiskAfterDays + 15, model.LapsedAfterDays + 30} {
		// as version 1 wrote them: its columns only
		err := s.DB().Exec(`INSERT INTO clients (uuid, first_name, visit_count, first_visit_on, last_visit_on,
			created_at, updated_at, search_key, name_key) VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?)`,
			fmt.Sprintf("uuid-%d", i), []string{"Анна", "Вера", "Ольга"}[i], today.AddDays(-last-10), today.AddDays(-last),
			fixedNow, fixedNow, "x", "x").Error
		if err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	migrations = saved

	s, err = Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if n, _ := s.CountClients(ctx); n != 3 {
		t.Fatalf("%d clients after the upgrade", n)
	}
	a, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.AtRiskTotal != 1 || a.AtRisk[0].FirstName != "Вера" || a.Figures.Active != 2 {
		t.Errorf("after the upgrade: at risk %v, %+v", names(a.AtRisk), a.Figures)
	}
	if topics, _ := s.IntroTopics(ctx); len(topics) == 0 {
		t.Error("no intro topics")
	}
	var problems []string
	s.DB().Raw("PRAGMA foreign_key_check").Scan(&problems)
	if len(problems) != 0 {
		t.Errorf("foreign key problems: %v", problems)
	}
}
