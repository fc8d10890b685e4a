package demo

import (
	"maps"
	"slices"
	"testing"

	"companion/model"
)

// TestCatalogueIsWhatAManagerSells checks every line of the catalogue as
// the settings form would take it, with what the programs builder shows
// beside it: the role that performs it, what a session uses up or what the
// salon pays for the goods, pros and cons, and what it goes well with.
func TestCatalogueIsWhatAManagerSells(t *testing.T) {
	d := Salon(1, today, 10)
	if len(d.Services) < 38 {
		t.Errorf("%d lines in the catalogue", len(d.Services))
	}
	blocks := map[int]int{}
	for i, s := range d.Services {
		m := s.Service
		if err := m.Validate(); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
		blocks[s.Block]++
		switch {
		case s.Kind == "product" && s.CostPrice <= 0, s.Kind == "service" && s.Consumables <= 0:
			t.Errorf("%s: consumables %v, cost price %v", s.Name, s.Consumables, s.CostPrice)
		case s.Kind == "service" && s.Role == "" && s.Name != "Тренажёрный зал, разовое посещение":
			t.Errorf("%s: nobody performs it", s.Name)
		case s.Pros == "" || s.Cons == "":
			t.Errorf("%s: pros %q, cons %q", s.Name, s.Pros, s.Cons)
		case len(s.Pairs) == 0 || len(s.Pairs) != len(pairs[s.Name]):
			t.Errorf("%s goes well with %v of %q", s.Name, s.Pairs, pairs[s.Name])
		}
		for _, j := range s.Pairs {
			if j == i || j < 0 || j >= len(d.Services) {
				t.Errorf("%s goes with line %d", s.Name, j)
			}
		}
		if s.Role != "" && !slices.ContainsFunc(d.Staff, func(m Staff) bool { return m.Role == s.Role && m.Block == s.Block }) {
			t.Errorf("%s: no %s in its block", s.Name, s.Role)
		}
	}
	for _, name := range append(slices.Collect(maps.Keys(pairs)), slices.Collect(maps.Keys(details))...) {
		if !slices.ContainsFunc(d.Services, func(s Service) bool { return s.Name == name }) {
			t.Errorf("%q is not in the catalogue", name)
		}
	}
	if len(blocks) != 3 || blocks[cosmetology] < 12 || blocks[fitness] < 12 || blocks[spa] < 10 {
		t.Errorf("lines by block %v", blocks)
	}
}

// view is a demo program as the store shows it: the services and staff
// by their indexes plus one, the client's sessions from the visits.
func view(d Data, p Program) model.ProgramView {
	var done []model.SessionDone
	for _, v := range d.Visits {
		if v.Client == p.Client {
			for _, l := range v.Lines {
				done = append(done, model.SessionDone{On: v.On, ServiceID: uint(l.Service + 1), Qty: l.Qty})
			}
		}
	}
	return model.ViewProgram(modelOf(p), nil, done, nil, d.Today)
}

// TestProgramsAreWhatTheStoreAccepts holds the demo's programs to the
// model's rules: each valid once the contraindications are marked from the
// client's health notes as the store marks them, with specialists of the
// right role, the client's days and card, and standing as its status says.
func TestProgramsAreWhatTheStoreAccepts(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	services := map[uint]model.Service{}
	for i, s := range d.Services {
		s.ID = uint(i + 1)
		services[s.ID] = s.Service
	}
	count := map[string]int{}
	behind, onSchedule, overrides := 0, 0, 0
	for i, p := range d.Programs {
		c := d.Clients[p.Client]
		mp := modelOf(p)
		if !c.HealthConsentAt.IsZero() {
			model.MarkContraindicated(&mp, services, c.Health)
		}
		if err := mp.Validate(); err != nil {
			t.Errorf("program %d %s of %s: %v", i, p.Title, c.FullName(), err)
		}
		for k, it := range p.Items {
			if mp.Items[k].Contraindicated != it.Contraindicated {
				t.Errorf("program %d: %s contraindicated %q, the store finds %q", i, it.Name, it.Contraindicated,
					mp.Items[k].Contraindicated)
			}
			if it.Override != "" {
				overrides++
			}
			if sv := d.Services[it.Service]; it.Staff >= 0 && d.Staff[it.Staff].Role != sv.Role || it.Staff < 0 && sv.Role != "" {
				t.Errorf("program %d: %s by staff %d", i, sv.Name, it.Staff)
			}
		}
		if p.Days == 0 || p.Days != c.PreferredDays || p.TimeOfDay != c.PreferredTime {
			t.Errorf("program %d: days %07b %q, the client's %07b %q", i, p.Days, p.TimeOfDay, c.PreferredDays, c.PreferredTime)
		}
		if p.Card >= 0 && d.Cards[p.Card].Client != p.Client {
			t.Errorf("program %d pays with another client's card", i)
		}
		pr := view(d, p).Progress
		count[p.Status]++
		switch {
		case p.Status == model.ProgramActive && pr.Behind:
			behind++
		case p.Status == model.ProgramActive && pr.Due > 0:
			onSchedule++
		case p.Status == model.ProgramCompleted && pr.Done != pr.Planned:
			t.Errorf("completed program %d: %d of %d sessions done", i, pr.Done, pr.Planned)
		case p.Status == model.ProgramDraft && !p.StartOn.After(today):
			t.Errorf("draft %d starts %s", i, p.StartOn)
		}
	}
	t.Logf("%d programs %v: %d behind, %d on schedule, %d items kept despite a contraindication", len(d.Programs),
		count, behind, onSchedule, overrides)
	if len(d.Programs) < 25 || len(count) != len(model.ProgramStatuses) || behind == 0 || onSchedule == 0 {
		t.Error("the programs do not show every status and progress")
	}
	if len(d.Templates) != 4 {
		t.Errorf("%d templates", len(d.Templates))
	}
	for _, tm := range d.Templates {
		mt := tm.ProgramTemplate
		for _, it := range tm.Items {
			it.ServiceID = uint(it.Service + 1)
			mt.Items = append(mt.Items, it.TemplateItem)
		}
		if err := mt.Validate(); err != nil {
			t.Errorf("template %s: %v", tm.Name, err)
		}
	}
}

// TestRecommendationsWaitAndAreDecided checks the recommendations as the
// store takes them: some waiting, a few for over a week, some added to an
// open program that holds the service, declined with a reason, postponed
// to a later day.
func TestRecommendationsWaitAndAreDecided(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	count := map[string]int{}
	old := 0
	for i, r := range d.Recommendations {
		mr := r.Recommendation
		mr.ClientID, mr.StaffID, mr.ServiceID = 1, 1, 1
		if r.Program >= 0 {
			id := uint(r.Program + 1)
			mr.ProgramID = &id
		}
		if err := mr.Validate(today); err != nil || mr.DecidedOn != r.DecidedOn {
			t.Errorf("recommendation %d: %v (decided %s, %s)", i, err, r.DecidedOn, mr.DecidedOn)
		}
		count[r.Decision]++
		if r.Decision == model.RecWaiting && today.DaysSince(r.On) > 7 {
			old++
		}
		if r.On.Before(d.Clients[r.Client].FirstVisitOn) {
			t.Errorf("recommendation %d made before the client came", i)
		}
		if r.Decision == model.RecAdded {
			p := d.Programs[r.Program]
			if p.Client != r.Client || !p.Open() || !slices.ContainsFunc(p.Items, func(it ProgramItem) bool { return it.Service == r.Service }) {
				t.Errorf("recommendation %d added to program %d, which does not have it", i, r.Program)
			}
		}
	}
	t.Logf("%d recommendations %v, %d waiting over a week", len(d.Recommendations), count, old)
	if len(d.Recommendations) < 20 || len(count) != len(model.RecDecisions) || old == 0 {
		t.Error("recommendations do not show every decision")
	}
}

// TestClientsSayWhenTheyCome checks that most clients who come have
// preferred days and a time, and that the salon has a name.
func TestClientsSayWhenTheyCome(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	came, days := 0, 0
	times := map[string]int{}
	for _, c := range d.Clients {
		if c.VisitCount > 0 {
			came++
			if c.PreferredDays != 0 {
				days++
				times[c.PreferredTime]++
			}
		}
	}
	t.Logf("%d of %d clients who came have days, times %v", days, came, times)
	if days < came*6/10 || len(times) != len(model.TimesOfDay) {
		t.Errorf("%d of %d clients have preferred days, times %v", days, came, times)
	}
	if d.SalonName == "" {
		t.Error("the salon has no name")
	}
}
