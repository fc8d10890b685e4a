package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// What the manager decided about a specialist's recommendation.
const (
	RecWaiting   = "waiting"   // not decided yet
	RecAdded     = "added"     // added to a program
	RecDeclined  = "declined"  // declined, with a reason
	RecPostponed = "postponed" // to be decided on a later day
)

// RecDecisions lists what a recommendation can come to.
var RecDecisions = []string{RecWaiting, RecAdded, RecDeclined, RecPostponed}

// Recommendation is a service a specialist recommends for a client, with
// the reason; the manager decides whether it goes into the program.
type Recommendation struct {
	ID          uint
	ClientID    uint
	StaffID     uint
	ServiceID   uint
	Reason      string
	On          Date `gorm:"column:day"`
	Decision    string
	Note        string // why declined or postponed
	PostponedTo Date
	ProgramID   *uint // the program it was added to
	DecidedOn   Date
	CreatedAt   time.Time
}

// Waiting reports whether the recommendation waits for the manager on day
// today: not decided, or postponed to today or earlier.
func (r Recommendation) Waiting(today Date) bool {
	return r.Decision == RecWaiting || r.Decision == RecPostponed && !r.PostponedTo.After(today)
}

// Validate trims the recommendation and checks it against today.
func (r *Recommendation) Validate(today Date) error {
	var errs ValidationErrors
	r.Reason, r.Note = strings.TrimSpace(r.Reason), strings.TrimSpace(r.Note)
	if r.StaffID == 0 {
		errs.add("staff", "err.rec.staff_required", nil)
	}
	if r.ServiceID == 0 {
		errs.add("service", "err.visit.service", nil)
	}
	switch {
	case r.Reason == "":
		errs.add("reason", "err.rec.reason_required", nil)
	case utf8.RuneCountInString(r.Reason) > maxNote:
		errs.add("reason", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	switch {
	case r.On.IsZero():
		errs.add("on", "err.date.required", nil)
	case r.On.After(today):
		errs.add("on", "err.date.future", nil)
	}
	if r.Decision == "" {
		r.Decision = RecWaiting
	}
	r.validateDecision(today, &errs)
	return errs.OrNil()
}

func (r *Recommendation) validateDecision(today Date, errs *ValidationErrors) {
	if utf8.RuneCountInString(r.Note) > maxNote {
		errs.add("note", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	switch r.Decision {
	case RecWaiting:
		r.Note, r.PostponedTo, r.ProgramID, r.DecidedOn = "", Date{}, nil, Date{}
		return
	case RecDeclined:
		if r.Note == "" {
			errs.add("note", "err.rec.decline_reason", nil)
		}
	case RecPostponed:
		if r.PostponedTo.IsZero() || !r.PostponedTo.After(today) {
			errs.add("postponed_to", "err.rec.postpone_date", nil)
		}
	case RecAdded:
		if r.ProgramID == nil {
			errs.add("program", "err.rec.program_required", nil)
		}
	default:
		errs.add("decision", "err.rec.decision", nil)
	}
	if r.Decision != RecPostponed {
		r.PostponedTo = Date{}
	}
	if r.Decision != RecAdded {
		r.ProgramID = nil
	}
	if r.DecidedOn.IsZero() {
		r.DecidedOn = today
	}
}

// RecommendationRow is a recommendation with the names the manager reads.
type RecommendationRow struct {
	Recommendation
	Staff   string
	Service string
	Client  ClientRow `gorm:"-"`
}
