package model

import (
	"strings"
	"unicode/utf8"
)

// ProgramTemplate is a program the salon makes often («Коррекция фигуры,
// 8 недель»): a client's program starts from it in one step.
type ProgramTemplate struct {
	ID             uint
	Name           string
	Goal           string
	Weeks          int
	WeightChangeKg float64
	WaistChangeCm  float64
	Items          []TemplateItem `gorm:"-"`
}

// TemplateItem is a service of a template with its sessions and rhythm.
type TemplateItem struct {
	ID         uint
	TemplateID uint
	Position   int
	ServiceID  uint
	Sessions   int
	PerWeek    int
}

// Validate trims the template and checks it.
func (t *ProgramTemplate) Validate() error {
	var errs ValidationErrors
	t.Name = strings.Join(strings.Fields(t.Name), " ")
	t.Goal = strings.TrimSpace(t.Goal)
	switch {
	case t.Name == "":
		errs.add("name", "err.program.title_required", nil)
	case utf8.RuneCountInString(t.Name) > maxTitle:
		errs.add("name", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if utf8.RuneCountInString(t.Goal) > maxNote {
		errs.add("goal", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	if t.Weeks < 1 || t.Weeks > MaxProgramWeeks {
		errs.add("weeks", "err.program.weeks", map[string]any{"Max": MaxProgramWeeks})
	}
	if len(t.Items) == 0 {
		errs.add("items", "err.program.items_required", nil)
	}
	for i := range t.Items {
		it := &t.Items[i]
		it.Position = i
		if it.ServiceID == 0 {
			errs.add(LineField(i, "service"), "err.visit.service", nil)
		}
		if it.Sessions < 1 || it.Sessions > MaxProgramSessions {
			errs.add(LineField(i, "sessions"), "err.program.sessions", map[string]any{"Max": MaxProgramSessions})
		}
		if it.PerWeek < 1 || it.PerWeek > 7 {
			errs.add(LineField(i, "per_week"), "err.program.per_week", nil)
		}
	}
	return errs.OrNil()
}

// Start makes a draft program for client from the template, starting on
// start, on the client's preferred days and time, with the catalogue's
// names and prices (services by ID). A service no longer in the catalogue
// is left out.
func (t ProgramTemplate) Start(c Client, services map[uint]Service, start Date) Program {
	p := Program{
		ClientID: c.ID, Title: t.Name, Goal: t.Goal, Status: ProgramDraft,
		WeightChangeKg: t.WeightChangeKg, WaistChangeCm: t.WaistChangeCm,
		StartOn: start, GoalBy: start.AddDays(7 * t.Weeks),
		Days: c.PreferredDays, TimeOfDay: c.PreferredTime,
	}
	for _, ti := range t.Items {
		sv, ok := services[ti.ServiceID]
		if !ok || !sv.Active {
			continue
		}
		p.Items = append(p.Items, ProgramItem{ServiceID: sv.ID, Name: sv.Name, Price: sv.Price,
			Sessions: ti.Sessions, PerWeek: ti.PerWeek})
	}
	return p
}

// TemplateOf keeps a program as a template named name: its goal, length in
// whole weeks (at least one) and items.
func TemplateOf(p Program, name string) ProgramTemplate {
	t := ProgramTemplate{Name: name, Goal: p.Goal, Weeks: 1,
		WeightChangeKg: p.WeightChangeKg, WaistChangeCm: p.WaistChangeCm}
	if !p.GoalBy.IsZero() && p.GoalBy.After(p.StartOn) {
		t.Weeks = max(1, (p.GoalBy.DaysSince(p.StartOn)+6)/7)
	}
	for _, it := range p.Items {
		t.Items = append(t.Items, TemplateItem{ServiceID: it.ServiceID, Sessions: it.Sessions, PerWeek: it.PerWeek})
	}
	return t
}
