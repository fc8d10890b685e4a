package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/demo"
)

// TestDemoHasWhatProgramsNeed writes a demo salon and reads it back as the
// programs tab does: a catalogue with its pairs, the four templates,
// programs in every status with active ones on schedule and behind it,
// recommendations waiting and decided, and the salon's name.
func TestDemoHasWhatProgramsNeed(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := demo.Salon(1, s.Today(), demo.DefaultClients)
	if err := s.FillDemo(ctx, d); err != nil {
		t.Fatal(err)
	}
	services, err := s.Services(ctx)
	if err != nil {
		t.Fatal(err)
	}
	paired := 0
	for _, sv := range services {
		if len(sv.GoesWith) > 0 {
			paired++
		}
	}
	if len(services) < 38 || paired < 38 {
		t.Errorf("%d lines in the catalogue, %d with pairs", len(services), paired)
	}
	templates, err := s.ProgramTemplates(ctx)
	if err != nil || len(templates) != 4 {
		t.Fatalf("%d templates, %v", len(templates), err)
	}
	for _, tm := range templates {
		if len(tm.Items) < 3 {
			t.Errorf("template %s has %d items", tm.Name, len(tm.Items))
		}
	}
	var clients []uint
	s.DB().Raw("SELECT DISTINCT client_id FROM programs ORDER BY client_id").Scan(&clients)
	statuses := map[string]int{}
	behind, onSchedule := 0, 0
	for _, id := range clients {
		views, err := s.Programs(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range views {
			statuses[v.Program.Status]++
			switch pr := v.Progress; {
			case v.Program.Status == model.ProgramActive && pr.Behind:
				behind++
			case v.Program.Status == model.ProgramActive && pr.Due > 0:
				onSchedule++
			case v.Program.Status == model.ProgramCompleted && pr.Done != pr.Planned:
				t.Errorf("completed program %d: %d of %d sessions", v.Program.ID, pr.Done, pr.Planned)
			}
		}
	}
	t.Logf("%d programs %v: %d behind, %d on schedule", len(d.Programs), statuses, behind, onSchedule)
	if len(statuses) != len(model.ProgramStatuses) || behind == 0 || onSchedule == 0 {
		t.Error("the programs do not show every status and progress")
	}
	checkDemoRecommendations(t, s)
	if name, err := s.SalonName(ctx); err != nil || name != demo.SalonName {
		t.Errorf("salon %q, %v", name, err)
	}
}

// checkDemoRecommendations finds recommendations waiting for the manager,
// one of them for over a week, and every kind of decision.
func checkDemoRecommendations(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	today := s.Today()
	var clients []uint
	s.DB().Raw("SELECT DISTINCT client_id FROM recommendations ORDER BY client_id").Scan(&clients)
	decisions := map[string]int{}
	waiting, old := 0, 0
	for _, id := range clients {
		recs, err := s.Recommendations(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			decisions[r.Decision]++
			if r.Waiting(today) {
				waiting++
				if today.DaysSince(r.On) > 7 {
					old++
				}
			}
			if r.Staff == "" || r.Service == "" || r.Reason == "" || (r.Decision == model.RecAdded) != (r.ProgramID != nil) {
				t.Errorf("recommendation %+v", r)
			}
		}
	}
	t.Logf("recommendations %v, %d waiting, %d of them over a week", decisions, waiting, old)
	if len(decisions) != len(model.RecDecisions) || waiting == 0 || old == 0 {
		t.Error("the recommendations do not show every decision")
	}
}
