package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// The statuses of a client's program: a draft is being put together, an
// active one is followed, and it ends completed or cancelled.
const (
	ProgramDraft     = "draft"
	ProgramActive    = "active"
	ProgramCompleted = "completed"
	ProgramCancelled = "cancelled"
)

// ProgramStatuses lists the statuses in the order a program goes through them.
var ProgramStatuses = []string{ProgramDraft, ProgramActive, ProgramCompleted, ProgramCancelled}

// Limits of a program.
const (
	MaxProgramSessions = 200 // sessions of one item
	MaxProgramWeeks    = 104 // from the start to the goal's date
)

// Program is a plan of trainings and procedures made for one client from
// their needs and condition: a goal with target values and a date, the
// items, and a schedule placed on the days the client prefers.
type Program struct {
	ID       uint
	ClientID uint
	Title    string
	Goal     string // the goal in the client's words
	// Target changes from the measurements at the start: -5 kg, -6 cm; 0 for none.
	WeightChangeKg float64
	WaistChangeCm  float64
	GoalBy         Date
	StartOn        Date
	Days           Weekdays // the weekdays the schedule is placed on
	TimeOfDay      string   // one of TimesOfDay; "" for any
	Status         string
	CardID         *uint // the client's card that pays the items marked ByCard
	Discount       Money // off the whole program
	Notes          string
	Items          []ProgramItem `gorm:"-"`
	Version        int
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// ProgramItem is a service of a program: how many sessions, how often and
// with whom. Its name and price are the catalogue's when it was added, so a
// later price change never alters a program already agreed.
type ProgramItem struct {
	ID        uint
	ProgramID uint
	Position  int
	ServiceID uint
	Name      string
	Price     Money // one session
	Sessions  int
	PerWeek   int
	StaffID   *uint
	ByCard    bool // paid by visits of the program's card
	// Contraindicated lists the client's conditions the service is not for,
	// when the manager added it anyway; Override says why.
	Contraindicated string
	Override        string
}

// Open reports whether the program is still followed or being made.
func (p Program) Open() bool { return p.Status == ProgramDraft || p.Status == ProgramActive }

// Planned is how many sessions the program has in all.
func (p Program) Planned() int {
	n := 0
	for _, it := range p.Items {
		n += it.Sessions
	}
	return n
}

// Validate trims the program and checks every field against today and
// the contraindications the manager confirmed (CheckContraindications
// marks the items).
func (p *Program) Validate() error {
	var errs ValidationErrors
	p.Title = strings.Join(strings.Fields(p.Title), " ")
	p.Goal, p.Notes = strings.TrimSpace(p.Goal), strings.TrimSpace(p.Notes)
	switch {
	case p.Title == "":
		errs.add("title", "err.program.title_required", nil)
	case utf8.RuneCountInString(p.Title) > maxTitle:
		errs.add("title", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	for f, s := range map[string]string{"goal": p.Goal, "notes": p.Notes} {
		if utf8.RuneCountInString(s) > maxNote {
			errs.add(f, "err.text.too_long", map[string]any{"Max": maxNote})
		}
	}
	if p.WeightChangeKg < -100 || p.WeightChangeKg > 100 {
		errs.add("weight_change", "err.program.weight_change", nil)
	}
	if p.WaistChangeCm < -100 || p.WaistChangeCm > 100 {
		errs.add("waist_change", "err.program.waist_change", nil)
	}
	p.validateDates(&errs)
	if !contains(ProgramStatuses, p.Status) {
		errs.add("status", "err.program.status", nil)
	}
	if !contains(TimesOfDay, p.TimeOfDay) {
		errs.add("time_of_day", "err.program.time_of_day", nil)
	}
	if p.Discount < 0 {
		errs.add("discount", "err.money.negative", nil)
	}
	p.validateItems(&errs)
	if errs.For("discount") == nil && p.Discount > p.itemsTotal() {
		errs.add("discount", "err.program.discount", nil)
	}
	return errs.OrNil()
}

func (p *Program) validateDates(errs *ValidationErrors) {
	if p.StartOn.IsZero() {
		errs.add("start", "err.date.required", nil)
	}
	if p.GoalBy.IsZero() || p.StartOn.IsZero() {
		return
	}
	if !p.GoalBy.After(p.StartOn) {
		errs.add("goal_by", "err.program.goal_by", nil)
	} else if p.GoalBy.DaysSince(p.StartOn) > MaxProgramWeeks*7 {
		errs.add("goal_by", "err.program.too_long", map[string]any{"Weeks": MaxProgramWeeks})
	}
}

func (p *Program) validateItems(errs *ValidationErrors) {
	if len(p.Items) == 0 && (p.Status == ProgramActive || p.Status == ProgramCompleted) {
		errs.add("items", "err.program.items_required", nil)
	}
	for i := range p.Items {
		it := &p.Items[i]
		it.Position = i
		it.Name = strings.Join(strings.Fields(it.Name), " ")
		it.Override = strings.TrimSpace(it.Override)
		if it.ServiceID == 0 {
			errs.add(LineField(i, "service"), "err.visit.service", nil)
		}
		if it.Sessions < 1 || it.Sessions > MaxProgramSessions {
			errs.add(LineField(i, "sessions"), "err.program.sessions", map[string]any{"Max": MaxProgramSessions})
		}
		if it.PerWeek < 1 || it.PerWeek > 7 {
			errs.add(LineField(i, "per_week"), "err.program.per_week", nil)
		}
		if it.Price < 0 {
			errs.add(LineField(i, "price"), "err.money.negative", nil)
		}
		if it.ByCard && p.CardID == nil {
			errs.add(LineField(i, "by_card"), "err.program.card_required", nil)
		}
		if it.Contraindicated != "" && it.Override == "" {
			errs.add(LineField(i, "override"), "err.program.override_required",
				map[string]any{"Service": it.Name, "Conditions": it.Contraindicated})
		}
		if utf8.RuneCountInString(it.Override) > maxNote {
			errs.add(LineField(i, "override"), "err.text.too_long", map[string]any{"Max": maxNote})
		}
	}
}

func (p *Program) itemsTotal() Money {
	var t Money
	for _, it := range p.Items {
		t += Money(it.Sessions) * it.Price
	}
	return t
}

// Times of day a client prefers to come.
const (
	TimeMorning   = "morning"
	TimeAfternoon = "afternoon"
	TimeEvening   = "evening"
)

// TimesOfDay lists the times of day; "" is any time.
var TimesOfDay = []string{"", TimeMorning, TimeAfternoon, TimeEvening}

// Weekdays is a set of days of the week: bit 0 is Monday, bit 6 Sunday.
type Weekdays uint8

// AllWeekdays is every day of the week.
const AllWeekdays Weekdays = 1<<7 - 1

// WeekdayOf is the set holding the weekday of d alone.
func WeekdayOf(d Date) Weekdays { return 1 << mondayIndex(d) }

// Has reports whether the set holds the weekday of index i (0 Monday).
func (w Weekdays) Has(i int) bool { return w&(1<<i) != 0 }

// Count is how many weekdays the set holds.
func (w Weekdays) Count() int {
	n := 0
	for i := 0; i < 7; i++ {
		if w.Has(i) {
			n++
		}
	}
	return n
}

// mondayIndex is the weekday of d, 0 for Monday, 6 for Sunday.
func mondayIndex(d Date) int { return (int(d.Time().Weekday()) + 6) % 7 }
