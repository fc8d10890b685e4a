package hiring

import (
	"strings"
	"time"
	"unicode/utf8"

	"companion/model"
)

// The statuses of a candidate.
const (
	StatusNew       = "new"
	StatusInterview = "interview"
	StatusAssessed  = "assessed"
	StatusOffer     = "offer"
	StatusHired     = "hired"
	StatusRejected  = "rejected"
	StatusReserve   = "reserve"
)

// Statuses lists them in the order a candidate goes through them.
var Statuses = []string{StatusNew, StatusInterview, StatusAssessed, StatusOffer, StatusHired, StatusRejected, StatusReserve}

// Candidate is a person considered for the support manager's position:
// from outside, or one of the staff (StaffID).
type Candidate struct {
	ID        uint
	UUID      string
	Name      string
	Phone     string
	Email     string
	Source    string
	StaffID   *uint
	Status    string
	StatusOn  model.Date
	Notes     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate trims the candidate and checks it.
func (c *Candidate) Validate(today model.Date) error {
	var errs model.ValidationErrors
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Notes, c.Source = strings.TrimSpace(c.Notes), strings.TrimSpace(c.Source)
	if c.Name == "" {
		errs = append(errs, &model.FieldError{Field: "name", Key: "err.staff.person_required"})
	} else if utf8.RuneCountInString(c.Name) > 120 {
		errs = append(errs, &model.FieldError{Field: "name", Key: "err.text.too_long", Args: map[string]any{"Max": 120}})
	}
	if c.Status == "" {
		c.Status = StatusNew
	}
	if !contains(Statuses, c.Status) {
		errs = append(errs, &model.FieldError{Field: "status", Key: "err.program.status"})
	}
	if strings.TrimSpace(c.Phone) != "" {
		p, err := model.NormalizePhone(c.Phone)
		if err != nil {
			errs = append(errs, &model.FieldError{Field: "phone", Key: "err.phone.invalid"})
		}
		c.Phone = p
	}
	if e, err := model.NormalizeEmail(c.Email); err != nil {
		errs = append(errs, &model.FieldError{Field: "email", Key: "err.email.invalid"})
	} else {
		c.Email = e
	}
	if c.StatusOn.IsZero() {
		c.StatusOn = today
	}
	return errs.OrNil()
}

// Form is one interviewer's assessment of a candidate at one interview,
// saved as it is typed; its scores are hidden from the other interviewers
// until they have submitted their own.
type Form struct {
	ID          uint
	UUID        string
	CandidateID uint
	Interviewer string
	On          model.Date `gorm:"column:day"`
	Submitted   bool
	Notes       string
	UpdatedAt   time.Time
	Scores      []Score `gorm:"-"`
}

// Score is a form's criterion: the questions asked, the signs observed,
// the score 1–5 (0 not yet) and notes.
type Score struct {
	FormID    uint
	Criterion string
	Score     int
	Questions string // question IDs, comma separated
	Signs     string // the observed signs' numbers, comma separated
	Notes     string
}

// TableName is the scores' table.
func (Score) TableName() string { return "form_scores" }

// ScoreMap is the form's scores by criterion.
func (f Form) ScoreMap() map[string]int {
	out := map[string]int{}
	for _, s := range f.Scores {
		out[s.Criterion] = s.Score
	}
	return out
}

// Question is a question of the bank, for one criterion.
type Question struct {
	ID        uint
	Criterion string
	Text      string
	Position  int
	Active    bool
}

// Competency is a knowledge, skill or personal quality of the support
// manager's position profile.
type Competency struct {
	ID       uint
	Kind     string // knowledge, skill, quality
	Name     string
	Position int
}

// TaskSet is a working-day test's set of tasks.
type TaskSet struct {
	ID    uint
	Name  string
	Tasks []DayTask `gorm:"-"`
}

// DayTask is a task of a working-day test with its reference priority and
// realistic duration.
type DayTask struct {
	ID       uint
	SetID    uint
	Title    string
	Personal bool
	Priority string
	Minutes  int
	Position int
}

// DayPlan is a candidate's plan of the working day on a form: the day's
// start and end (minutes from midnight) and each task's order, minutes or
// drop.
type DayPlan struct {
	ID     uint
	FormID uint
	SetID  uint
	Start  int
	End    int
	Items  []PlanItem `gorm:"-"`
}

// PlanItem is a task in a candidate's plan.
type PlanItem struct {
	PlanID  uint
	TaskID  uint
	Order   int `gorm:"column:ord"`
	Minutes int
	Dropped bool
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// DevPlan is a staff member's development plan: the gaps to close, each
// with what to learn, how, how the result is checked and by when. It
// counts only once the employee's agreement is recorded (AgreedOn).
type DevPlan struct {
	ID       uint
	UUID     string
	StaffID  uint
	Title    string
	Made     model.Date
	AgreedOn model.Date
	FormID   *uint     // the assessment its gaps came from
	ReFormID *uint     // the re-assessment that shows the change
	Items    []DevItem `gorm:"-"`
}

// DevItem is one gap of a development plan.
type DevItem struct {
	ID       uint
	PlanID   uint
	Position int
	Gap      string // a criterion or a competency
	Learn    string
	Method   string // one of Methods
	Check    string
	Deadline model.Date
	Done     bool
}

// Methods are the ways of learning a plan offers.
var Methods = []string{"mentoring", "course", "roleplay", "selfstudy", "shadowing"}

// Counts reports whether the plan is in force: the employee agreed to it.
func (p DevPlan) Counts() bool { return !p.AgreedOn.IsZero() }

// Progress is the share of the plan's items done, 0 to 1.
func (p DevPlan) Progress() float64 {
	if len(p.Items) == 0 {
		return 0
	}
	done := 0
	for _, it := range p.Items {
		if it.Done {
			done++
		}
	}
	return float64(done) / float64(len(p.Items))
}

// Validate trims the plan and checks it: a title, and for each item the gap,
// what to learn, a method, how it is checked and a deadline.
func (p *DevPlan) Validate() error {
	var errs model.ValidationErrors
	p.Title = strings.Join(strings.Fields(p.Title), " ")
	if p.Title == "" {
		errs = append(errs, &model.FieldError{Field: "title", Key: "err.program.title_required"})
	}
	if p.StaffID == 0 {
		errs = append(errs, &model.FieldError{Field: "staff", Key: "err.rec.staff_required"})
	}
	for i := range p.Items {
		it := &p.Items[i]
		it.Position = i
		it.Gap, it.Learn, it.Check = strings.TrimSpace(it.Gap), strings.TrimSpace(it.Learn), strings.TrimSpace(it.Check)
		for f, v := range map[string]string{"gap": it.Gap, "learn": it.Learn, "check": it.Check} {
			if v == "" {
				errs = append(errs, &model.FieldError{Field: model.LineField(i, f), Key: "err.dev.required"})
			}
		}
		if !contains(Methods, it.Method) {
			errs = append(errs, &model.FieldError{Field: model.LineField(i, "method"), Key: "err.dev.method"})
		}
		if it.Deadline.IsZero() {
			errs = append(errs, &model.FieldError{Field: model.LineField(i, "deadline"), Key: "err.date.required"})
		}
	}
	return errs.OrNil()
}
