package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/demo"
	"companion/model/hiring"
)

// TestHiringDefaultsOnce gives a new salon the seed's hiring setup once:
// the position profile, two or three questions per criterion and the
// working day's tasks; a second call adds nothing, and the manager may not.
func TestHiringDefaultsOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if err := s.As(model.RoleManager).EnsureHiringDefaults(ctx); err == nil {
		t.Error("the manager set up hiring")
	}
	iv := s.As(model.RoleInterviewer)
	for i := 0; i < 2; i++ {
		if err := iv.EnsureHiringDefaults(ctx); err != nil {
			t.Fatal(err)
		}
	}
	comps, err := s.Competencies(ctx)
	if err != nil || len(comps) != len(hiring.DefaultCompetencies()) {
		t.Fatalf("%d competencies: %v", len(comps), err)
	}
	seen := map[string]bool{}
	for _, c := range comps {
		if seen[c.Name] {
			t.Errorf("%q twice", c.Name)
		}
		seen[c.Name] = true
	}
	qs, err := s.Questions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, q := range qs {
		if !q.Active {
			t.Errorf("%q inactive", q.Text)
		}
		per[q.Criterion]++
	}
	for _, c := range hiring.Criteria {
		if per[c] < 2 || per[c] > 3 {
			t.Errorf("%d questions of %s", per[c], c)
		}
	}
	sets, err := s.TaskSets(ctx)
	if err != nil || len(sets) != 1 || sets[0].Name != hiring.DefaultTaskSet || len(sets[0].Tasks) < 18 {
		t.Fatalf("task sets %+v: %v", sets, err)
	}
	prio := map[string]int{}
	for _, task := range sets[0].Tasks {
		prio[task.Priority]++
	}
	for _, p := range hiring.Priorities {
		if prio[p] == 0 {
			t.Errorf("no task %s: %v", p, prio)
		}
	}
}

// TestDemoHasHiringDefaults: the demo salon has the seed's hiring setup.
func TestDemoHasHiringDefaults(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if err := s.FillDemo(ctx, demo.Salon(1, s.Today(), demo.DefaultClients)); err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureHiringDefaults(ctx); err != nil {
		t.Fatal(err)
	}
	sets, err := s.TaskSets(ctx)
	if err != nil || len(sets) != 1 {
		t.Fatalf("%d task sets: %v", len(sets), err)
	}
}
