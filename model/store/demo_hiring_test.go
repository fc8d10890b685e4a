package store

import (
	"context"
	"testing"

	"companion/model/demo"
	"companion/model/hiring"
)

// TestDemoHiring writes the demo salon and reads its hiring as an
// interviewer does: candidates in every status, one of them of the staff,
// the two interviewers disagreeing somewhere, working-day plans good and
// bad, one development plan agreed and one not.
func TestDemoHiring(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if err := s.FillDemo(ctx, demo.Salon(1, s.Today(), demo.DefaultClients)); err != nil {
		t.Fatal(err)
	}
	cs, err := s.Candidates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	statuses, internal, disagree := map[string]bool{}, 0, 0
	var days []int
	for _, c := range cs {
		statuses[c.Status] = true
		if c.StaffID != nil {
			internal++
		}
		forms, err := s.Forms(ctx, c.ID, demo.Interviewers[0])
		if err != nil {
			t.Fatal(err)
		}
		if len(forms) == 2 && forms[0].Submitted && forms[1].Submitted &&
			len(hiring.Disagreements(forms[0].ScoreMap(), forms[1].ScoreMap())) > 0 {
			disagree++
		}
		for _, f := range forms {
			days = append(days, dayOf(t, s, f.ID))
		}
	}
	for _, st := range hiring.Statuses {
		if !statuses[st] {
			t.Errorf("no candidate %s", st)
		}
	}
	if internal != 1 || disagree == 0 {
		t.Errorf("%d internal candidates, %d disagreeing pairs", internal, disagree)
	}
	good, bad := false, false
	for _, o := range days {
		good, bad = good || o >= 4, bad || (o > 0 && o <= 2)
	}
	if !good || !bad {
		t.Errorf("organisation scores of the plans: %v", days)
	}
	plans, err := s.DevPlans(ctx, 0)
	if err != nil || len(plans) != 2 {
		t.Fatalf("%d development plans: %v", len(plans), err)
	}
	if plans[0].Counts() == plans[1].Counts() || len(plans[0].Items) == 0 {
		t.Errorf("plans %+v", plans)
	}
}

// dayOf is the organisation score of a form's working-day plan, 0 if none.
func dayOf(t *testing.T, s *Store, formID uint) int {
	t.Helper()
	ctx := context.Background()
	p, ok, err := s.DayPlanOf(ctx, formID)
	if err != nil || !ok {
		return 0
	}
	sets, err := s.TaskSets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ts := range sets {
		if ts.ID == p.SetID {
			return hiring.ScoreDay(ts.Tasks, p).Organisation
		}
	}
	t.Fatalf("plan %d of an unknown set", p.ID)
	return 0
}
