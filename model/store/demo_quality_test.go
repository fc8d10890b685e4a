package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/demo"
)

// TestDemoQuality writes the demo salon and reads its quality work as the
// manager does: feedback in every state, two complaints overdue on Today,
// enough answers behind some staff's scores, rounds with calls pending,
// proposals linked to feedback.
func TestDemoQuality(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := demo.Salon(1, s.Today(), demo.DefaultClients)
	if err := s.FillDemo(ctx, d); err != nil {
		t.Fatal(err)
	}
	fb, err := s.FeedbackList(ctx, FeedbackQuery{})
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	for _, f := range fb {
		states[f.State]++
	}
	for _, st := range model.FeedbackStates {
		if states[st] == 0 {
			t.Errorf("no feedback %s: %v", st, states)
		}
	}
	a, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Overdue) != 2 {
		t.Errorf("%d overdue complaints on Today", len(a.Overdue))
	}
	stds, err := s.Standards(ctx)
	if err != nil || len(stds) < 15 {
		t.Fatalf("%d standards: %v", len(stds), err)
	}
	rounds, err := s.Rounds(ctx)
	if err != nil || len(rounds) != 4 {
		t.Fatalf("%d rounds: %v", len(rounds), err)
	}
	enough := 0
	for _, r := range rounds {
		if r.Kind != model.RoundCalls || r.To.After(model.MonthOf(s.Today())) {
			continue
		}
		calls, err := s.RoundCalls(ctx, r.ID)
		if err != nil || len(calls) == 0 || len(calls[0].Marks) == 0 {
			t.Fatalf("%s: %d calls: %v", r.Title, len(calls), err)
		}
		byStaff, _, err := s.QualityScores(ctx, r.To.AddDays(1))
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range byStaff {
			if sc.NPS.Enough() {
				enough++
			}
		}
	}
	if enough == 0 {
		t.Error("nobody has enough answers in a round's month")
	}
	props, err := s.Proposals(ctx)
	if err != nil || len(props) != 5 || len(props[0].FeedbackIDs) == 0 {
		t.Errorf("%d proposals: %v", len(props), err)
	}
}
