package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/demo"
)

// TestDemoHistoryFillsToday writes a demo salon and opens its Today page:
// every list has work, the figures are a salon's, and the visit summary of
// each client is the one the demo drew, now derived from the visits.
func TestDemoHistoryFillsToday(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := demo.Salon(1, s.Today(), demo.DefaultClients)
	if err := s.FillDemo(ctx, d); err != nil {
		t.Fatal(err)
	}
	for i, dc := range d.Clients {
		c, err := s.Client(ctx, uint(i+1))
		if err != nil || c.VisitCount != dc.VisitCount || c.FirstVisitOn != dc.FirstVisitOn || c.LastVisitOn != dc.LastVisitOn {
			t.Fatalf("client %d: %d %s–%s, the demo drew %d %s–%s (%v)", i, c.VisitCount, c.FirstVisitOn, c.LastVisitOn,
				dc.VisitCount, dc.FirstVisitOn, dc.LastVisitOn, err)
		}
	}
	a, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("follow-ups %d, cards %d, at risk %d, birthdays %d, figures %+v", a.FollowUpsTotal, a.ExpiringTotal,
		a.AtRiskTotal, len(a.Birthdays), a.Figures)
	if a.FollowUpsTotal < 3 || a.ExpiringTotal < 3 || a.AtRiskTotal < 10 || len(a.Birthdays) < 3 {
		t.Errorf("an empty Today: %d follow-ups, %d cards, %d at risk, %d birthdays", a.FollowUpsTotal, a.ExpiringTotal,
			a.AtRiskTotal, len(a.Birthdays))
	}
	f := a.Figures
	if f.Active < 100 || f.Retention90 < 0.3 || f.Retention90 > 0.95 || f.AvgLifetimeDays < 30 || f.NewThisMonth == 0 {
		t.Errorf("figures %+v", f)
	}
	for _, m := range a.ActiveByMonth {
		if m.Count == 0 {
			t.Errorf("no client came in %s", m.Month)
		}
	}
	statuses := map[model.CardStatus]int{}
	var withCards, assessed uint
	s.DB().Raw("SELECT client_id FROM cards ORDER BY id LIMIT 1").Scan(&withCards)
	s.DB().Raw("SELECT client_id FROM assessments ORDER BY id LIMIT 1").Scan(&assessed)
	rec, err := s.ClientRecord(ctx, withCards)
	if err != nil || len(rec.Cards) == 0 || len(rec.Visits) == 0 || len(rec.Contacts) == 0 || len(rec.StaffNames) == 0 {
		t.Errorf("record of client %d: %d cards, %d visits, %d contacts, %v", withCards, len(rec.Cards), len(rec.Visits),
			len(rec.Contacts), err)
	}
	for id := uint(1); id <= uint(len(d.Clients)); id++ {
		cards, _ := s.Cards(ctx, id)
		for _, c := range cards {
			statuses[c.State.Status]++
		}
	}
	if len(statuses) < 4 {
		t.Errorf("card statuses %v", statuses)
	}
	if got, _ := s.Assessments(ctx, assessed); len(got) == 0 {
		t.Error("no assessments")
	}
	if cn, _ := s.Client(ctx, withCards); cn.CardNumbers == "" {
		t.Error("card numbers not kept")
	} else if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: cn.CardNumbers[:6]}); len(rows) == 0 {
		t.Errorf("card %s finds nobody", cn.CardNumbers[:6])
	}
}
