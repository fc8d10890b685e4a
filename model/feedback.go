package model

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// The kinds of a client's feedback.
const (
	FeedbackComplaint  = "complaint"
	FeedbackThanks     = "thanks"
	FeedbackSuggestion = "suggestion"
)

// FeedbackKinds lists them for a picker.
var FeedbackKinds = []string{FeedbackComplaint, FeedbackThanks, FeedbackSuggestion}

// The states a piece of feedback moves through (ISO 10002's steps): new,
// passed to the staff member, answered by them, resolved, and closed once
// the client has been contacted again. A mistaken entry is withdrawn, never
// deleted.
const (
	StateNew       = "new"
	StatePassed    = "passed"
	StateAnswered  = "answered"
	StateResolved  = "resolved"
	StateClosed    = "closed"
	StateWithdrawn = "withdrawn"
)

// FeedbackStates lists the states in the order a complaint goes through them.
var FeedbackStates = []string{StateNew, StatePassed, StateAnswered, StateResolved, StateClosed, StateWithdrawn}

// OverdueDays: a complaint still open this many days after it came is
// overdue and shows on Today.
const OverdueDays = 3

// Feedback is a complaint, thanks or suggestion from a client about a staff
// member, a service or a visit, in the client's own words, and what was
// done about it.
type Feedback struct {
	ID        uint
	ClientID  uint
	StaffID   *uint
	ServiceID *uint
	VisitID   *uint
	Kind      string
	Rating    int // 1–5; 0: none given
	Words     string
	On        Date `gorm:"column:day"`
	State     string

	PassedOn     Date
	PassedBy     string // who passed it to the staff member
	Answer       string // the staff member's answer
	AnsweredOn   Date
	Resolution   string // what was done
	Compensation string
	ResolvedOn   Date
	ContactedOn  Date
	Satisfied    bool // the client, contacted again, was satisfied
	ContactNote  string
	Withdrawn    string // why it was withdrawn
	CreatedAt    time.Time
}

// TableName keeps the table name as people say it: "feedback".
func (Feedback) TableName() string { return "feedback" }

// OpenStates are the states of a complaint that still waits for something.
var OpenStates = []string{StateNew, StatePassed, StateAnswered}

// Open reports whether a complaint still waits for something.
func (f Feedback) Open() bool {
	return f.Kind == FeedbackComplaint && slices.Contains(OpenStates, f.State)
}

// Overdue reports whether a complaint is open more than OverdueDays after it
// came, on day today.
func (f Feedback) Overdue(today Date) bool {
	return f.Open() && today.DaysSince(f.On) > OverdueDays
}

// moves are the states each state may go to. Thanks and suggestions are
// passed on and closed; a complaint goes the whole way.
var moves = map[string]map[string][]string{
	FeedbackComplaint: {
		StateNew:      {StatePassed, StateResolved, StateWithdrawn},
		StatePassed:   {StateAnswered, StateResolved, StateWithdrawn},
		StateAnswered: {StateResolved, StateWithdrawn},
		StateResolved: {StateClosed, StateWithdrawn},
	},
	FeedbackThanks: {
		StateNew:    {StatePassed, StateWithdrawn},
		StatePassed: {StateWithdrawn},
	},
	FeedbackSuggestion: {
		StateNew:      {StatePassed, StateResolved, StateWithdrawn},
		StatePassed:   {StateResolved, StateWithdrawn},
		StateResolved: {StateWithdrawn},
	},
}

// NextStates lists where feedback of kind may go from state.
func NextStates(kind, state string) []string { return moves[kind][state] }

// Validate trims the feedback as received and checks it against today.
func (f *Feedback) Validate(today Date) error {
	var errs ValidationErrors
	for _, s := range []*string{&f.Words, &f.PassedBy, &f.Answer, &f.Resolution, &f.Compensation, &f.ContactNote, &f.Withdrawn} {
		*s = strings.TrimSpace(*s)
	}
	if f.ClientID == 0 {
		errs.add("client", "err.visit.client_required", nil)
	}
	if !contains(FeedbackKinds, f.Kind) {
		errs.add("kind", "err.feedback.kind", nil)
	}
	if f.Rating < 0 || f.Rating > 5 {
		errs.add("rating", "err.feedback.rating", nil)
	}
	switch {
	case f.Words == "":
		errs.add("words", "err.feedback.words", nil)
	case utf8.RuneCountInString(f.Words) > maxNote:
		errs.add("words", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	switch {
	case f.On.IsZero():
		errs.add("on", "err.date.required", nil)
	case f.On.After(today):
		errs.add("on", "err.date.future", nil)
	}
	if f.State == "" {
		f.State = StateNew
	}
	return errs.OrNil()
}

// Move takes the feedback from its state to to on day today, with what
// that step needs: who passed it on, the staff member's answer, what was
// done (a complaint cannot be resolved without it), the client's word
// when contacted again, the reason of a withdrawal. The fields of the step
// must be filled in f before the call.
func (f *Feedback) Move(to string, today Date) error {
	allowed := false
	for _, s := range NextStates(f.Kind, f.State) {
		allowed = allowed || s == to
	}
	if !allowed {
		return ValidationErrors{{Field: "state", Key: "err.feedback.move"}}
	}
	var errs ValidationErrors
	need := func(v, field string) {
		if strings.TrimSpace(v) == "" {
			errs.add(field, "err.feedback.step."+field, nil)
		}
	}
	switch to {
	case StatePassed:
		need(f.PassedBy, "passed_by")
		f.PassedOn = today
	case StateAnswered:
		need(f.Answer, "answer")
		f.AnsweredOn = today
	case StateResolved:
		need(f.Resolution, "resolution")
		f.ResolvedOn = today
	case StateClosed:
		f.ContactedOn = today
	case StateWithdrawn:
		need(f.Withdrawn, "withdrawn")
	}
	if len(errs) > 0 {
		return errs
	}
	f.State = to
	return nil
}

// FeedbackRow is a piece of feedback with the names the manager reads.
type FeedbackRow struct {
	Feedback
	Client  string
	Staff   string
	Service string
}

// TableName is the feedback's.
func (FeedbackRow) TableName() string { return "feedback" }

// FeedbackQuery picks feedback: of a month, a client, a staff member, or
// only the complaints still open; zero values pick everything.
type FeedbackQuery struct {
	Month    Date
	ClientID uint
	StaffID  uint
	OpenOnly bool
}
