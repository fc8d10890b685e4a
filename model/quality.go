package model

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// Standard is a checkable service standard of the salon's corporate code:
// greeting, the intro lecture, hygiene, the next visit booked. It applies
// to the roles it names (all when none), and to the services it names (all
// when none).
type Standard struct {
	ID         uint
	Group      string `gorm:"column:grp"`
	Text       string
	Roles      string // positions, comma separated; "" for all
	Position   int
	Active     bool
	ServiceIDs []uint `gorm:"-"`
}

// RoleList is the positions the standard names.
func (s Standard) RoleList() []string {
	var out []string
	for _, r := range strings.Split(s.Roles, ",") {
		if r = strings.TrimSpace(r); r != "" {
			out = append(out, r)
		}
	}
	return out
}

// AppliesTo reports whether the standard is checked for a person of role
// who performed the services given (any of them).
func (s Standard) AppliesTo(role string, services []uint) bool {
	if !s.Active {
		return false
	}
	if roles := s.RoleList(); len(roles) > 0 && !slices.Contains(roles, role) {
		return false
	}
	if len(s.ServiceIDs) == 0 {
		return true
	}
	for _, id := range services {
		if slices.Contains(s.ServiceIDs, id) {
			return true
		}
	}
	return false
}

// Validate trims the standard and checks it.
func (s *Standard) Validate() error {
	var errs ValidationErrors
	s.Group = strings.Join(strings.Fields(s.Group), " ")
	s.Text = strings.TrimSpace(s.Text)
	s.Roles = strings.Join(s.RoleList(), ", ")
	if s.Group == "" {
		errs.add("group", "err.standard.group", nil)
	} else if utf8.RuneCountInString(s.Group) > maxTitle {
		errs.add("group", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	switch {
	case s.Text == "":
		errs.add("text", "err.standard.text", nil)
	case utf8.RuneCountInString(s.Text) > maxNote:
		errs.add("text", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	return errs.OrNil()
}

// The kinds of check rounds.
const (
	RoundCalls   = "calls"   // calls to the clients who visited in a period
	RoundMystery = "mystery" // a mystery client's checklist for one staff member
)

// AskedWithinDays: a client asked in a check round within this many days is
// not asked again.
const AskedWithinDays = 60

// CheckRound is a periodic quality check: the clients who visited in a
// period (all, or a sample of Sample), each called with the standards that
// apply to what they received and the NPS question; or a mystery client's
// visit to one staff member.
type CheckRound struct {
	ID      uint
	Kind    string
	Title   string
	From    Date  `gorm:"column:from_day"`
	To      Date  `gorm:"column:to_day"`
	Sample  int   // 0: everyone
	Seed    int64 // the sample's seed, so that it can be drawn again
	StaffID *uint // the mystery client's staff member
	Made    Date
}

// The states of a call of a round.
const (
	CallPending     = "pending"
	CallDone        = "done"
	CallUnreachable = "unreachable"
	CallRefused     = "refused"
)

// CallStates lists them.
var CallStates = []string{CallPending, CallDone, CallUnreachable, CallRefused}

// CheckCall is one call card of a round: the client, the NPS answer (0–10,
// nil when not given), a comment and the standards asked about.
type CheckCall struct {
	ID       uint
	RoundID  uint
	ClientID *uint // nil for a mystery client's checklist
	State    string
	NPS      *int `gorm:"column:nps"`
	Comment  string
	On       Date        `gorm:"column:day"`
	Marks    []CheckMark `gorm:"-"`
}

// CheckMark is a standard asked about on a call, kept or not.
type CheckMark struct {
	CallID     uint
	StandardID uint
	Kept       bool
}

// SampleClients draws n of the clients, reproducibly from seed, in their
// order; all of them when n is 0 or at least their number.
func SampleClients(ids []uint, n int, seed int64) []uint {
	if n <= 0 || n >= len(ids) {
		return slices.Clone(ids)
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	idx := r.Perm(len(ids))[:n]
	slices.Sort(idx)
	out := make([]uint, n)
	for i, j := range idx {
		out[i] = ids[j]
	}
	return out
}

// The statuses of an improvement proposal.
const (
	ProposalProposed = "proposed"
	ProposalAccepted = "accepted"
	ProposalDone     = "done"
	ProposalRejected = "rejected"
)

// ProposalStatuses lists them in order.
var ProposalStatuses = []string{ProposalProposed, ProposalAccepted, ProposalDone, ProposalRejected}

// Proposal is a way to raise the quality of service, with the feedback that
// prompted it, who owns it, its status and its result.
type Proposal struct {
	ID          uint
	Title       string
	Text        string
	OwnerID     *uint // the staff member who carries it out
	Status      string
	Result      string
	Made        Date
	FeedbackIDs []uint `gorm:"-"`
}

// Validate trims the proposal and checks it: a title, a status, and the
// result of one done or rejected.
func (p *Proposal) Validate() error {
	var errs ValidationErrors
	p.Title = strings.Join(strings.Fields(p.Title), " ")
	p.Text, p.Result = strings.TrimSpace(p.Text), strings.TrimSpace(p.Result)
	if p.Status == "" {
		p.Status = ProposalProposed
	}
	if p.Title == "" {
		errs.add("title", "err.program.title_required", nil)
	} else if utf8.RuneCountInString(p.Title) > maxTitle {
		errs.add("title", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if !contains(ProposalStatuses, p.Status) {
		errs.add("status", "err.program.status", nil)
	}
	if (p.Status == ProposalDone || p.Status == ProposalRejected) && p.Result == "" {
		errs.add("result", "err.proposal.result", nil)
	}
	for f, v := range map[string]string{"text": p.Text, "result": p.Result} {
		if utf8.RuneCountInString(v) > maxNote {
			errs.add(f, "err.text.too_long", map[string]any{"Max": maxNote})
		}
	}
	return errs.OrNil()
}
