package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Client is a person the salon serves, from the first call on.
type Client struct {
	ID         uint
	UUID       string
	LastName   string
	FirstName  string
	MiddleName string
	Phone      string // E.164, "" when unknown
	Email      string
	BirthDate  Date
	Source     string // one of Sources
	ReferrerID *uint  // the client who brought this one

	PDConsentAt        Date // consent to the processing of personal data
	HealthConsentAt    Date // consent to the processing of health data
	MarketingConsent   bool
	MarketingConsentAt Date
	// How the consent to advertising was given (one of ConsentWays) and
	// when it was withdrawn: a withdrawal takes effect at once.
	MarketingConsentHow  string
	MarketingWithdrawnAt Date

	Tags   string // comma separated
	Notes  string
	Health string // contraindications and health notes; needs HealthConsentAt

	NeedsStated   string // what the client says they want
	NeedsObserved string // what the manager sees that the client does not say
	Goals         string
	GoalWeightKg  float64 // 0: no goal; drawn on the assessment chart
	GoalWaistCm   float64
	// When the client likes to come: a program's schedule is placed on these.
	PreferredDays Weekdays
	PreferredTime string // one of TimesOfDay

	FirstVisitOn Date
	LastVisitOn  Date
	VisitCount   int    // the days the client came: several visits on one day are one
	CardNumbers  string // numbers of the client's cards, space separated

	ArchivedAt *time.Time
	Version    int // raised on every save; guards against lost updates
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Sources are the ways a client finds the salon, as stored.
var Sources = []string{"referral", "social", "website", "maps", "walk_in", "advert", "partner", "other"}

// FullName is "Фамилия Имя Отчество" without empty parts.
func (c *Client) FullName() string {
	return strings.Join(strings.Fields(c.LastName+" "+c.FirstName+" "+c.MiddleName), " ")
}

// Archived reports whether the client is kept aside from the working list.
func (c *Client) Archived() bool { return c.ArchivedAt != nil }

// Status is where the client stands, from the visits so far.
func (c *Client) Status(today Date) Status {
	return ClientStatus(today, c.VisitCount, c.FirstVisitOn, c.LastVisitOn)
}

// Limits on text fields, so a paste of a whole document is refused, not stored.
const (
	maxName = 60
	maxText = 4000
)

// Normalize trims every field and puts phone and email in their stored form.
// It returns the errors of the phone and email it could not read.
func (c *Client) Normalize() ValidationErrors {
	var errs ValidationErrors
	for _, p := range []*string{&c.LastName, &c.FirstName, &c.MiddleName, &c.Tags, &c.Notes,
		&c.Health, &c.NeedsStated, &c.NeedsObserved, &c.Goals, &c.Source} {
		*p = strings.TrimSpace(*p)
	}
	c.Tags = normalizeTags(c.Tags)
	if p, err := NormalizePhone(c.Phone); err != nil {
		errs.add("phone", "err.phone.invalid", nil)
	} else {
		c.Phone = p
	}
	if e, err := NormalizeEmail(c.Email); err != nil {
		errs.add("email", "err.email.invalid", nil)
	} else {
		c.Email = e
	}
	return errs
}

// Validate normalises the client and checks every field; today is the
// salon's current day. It returns every problem at once, in form order.
func (c *Client) Validate(today Date) error {
	errs := c.Normalize()
	if c.FirstName == "" && c.LastName == "" {
		errs.add("first_name", "err.name.required", nil)
	}
	for field, v := range map[string]string{"last_name": c.LastName, "first_name": c.FirstName, "middle_name": c.MiddleName} {
		if utf8.RuneCountInString(v) > maxName {
			errs.add(field, "err.text.too_long", map[string]any{"Max": maxName})
		}
	}
	if !c.BirthDate.IsZero() {
		if c.BirthDate.After(today) {
			errs.add("birth_date", "err.birth.future", nil)
		} else if today.Year()-c.BirthDate.Year() > 120 {
			errs.add("birth_date", "err.birth.too_old", nil)
		}
	}
	if c.Source != "" && !contains(Sources, c.Source) {
		errs.add("source", "err.source.unknown", nil)
	}
	if c.ReferrerID != nil && c.ID != 0 && *c.ReferrerID == c.ID {
		errs.add("referrer", "err.referrer.self", nil)
	}
	for _, d := range []struct {
		field string
		date  Date
	}{{"pd_consent", c.PDConsentAt}, {"health_consent", c.HealthConsentAt}, {"marketing_consent", c.MarketingConsentAt}} {
		if d.date.After(today) {
			errs.add(d.field, "err.date.future", nil)
		}
	}
	if c.GoalWeightKg != 0 && (c.GoalWeightKg < 20 || c.GoalWeightKg > 400) {
		errs.add("goal_weight", "err.goal.weight", nil)
	}
	if c.GoalWaistCm != 0 && (c.GoalWaistCm < 30 || c.GoalWaistCm > 250) {
		errs.add("goal_waist", "err.goal.waist", nil)
	}
	if !contains(TimesOfDay, c.PreferredTime) {
		errs.add("preferred_time", "err.program.time_of_day", nil)
	}
	c.PreferredDays &= AllWeekdays
	if c.MarketingConsent {
		c.MarketingWithdrawnAt = Date{} // a consent given again supersedes the withdrawal
	}
	if c.MarketingConsentHow != "" && !contains(ConsentWays, c.MarketingConsentHow) {
		errs.add("marketing_consent", "err.consent.how", nil)
	}
	if c.Health != "" && c.HealthConsentAt.IsZero() {
		errs.add("health", "err.health.no_consent", nil)
	}
	for field, v := range map[string]string{"notes": c.Notes, "health": c.Health, "needs_stated": c.NeedsStated,
		"needs_observed": c.NeedsObserved, "goals": c.Goals, "tags": c.Tags} {
		if utf8.RuneCountInString(v) > maxText {
			errs.add(field, "err.text.too_long", map[string]any{"Max": maxText})
		}
	}
	sortByForm(errs)
	return errs.OrNil()
}

// formOrder is the order of the fields in the client form.
var formOrder = []string{"last_name", "first_name", "middle_name", "phone", "email", "birth_date", "source",
	"referrer", "pd_consent", "health_consent", "marketing_consent", "tags", "needs_stated", "needs_observed",
	"goals", "goal_weight", "goal_waist", "preferred_days", "preferred_time", "health", "notes"}

func sortByForm(errs ValidationErrors) {
	pos := func(f string) int {
		for i, x := range formOrder {
			if x == f {
				return i
			}
		}
		return len(formOrder)
	}
	for i := 1; i < len(errs); i++ {
		for j := i; j > 0 && pos(errs[j].Field) < pos(errs[j-1].Field); j-- {
			errs[j], errs[j-1] = errs[j-1], errs[j]
		}
	}
}

func normalizeTags(s string) string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// SplitFullName splits "Фамилия Имя Отчество" as Russian forms write it: one
// word is a first name; two are surname and first name; the rest is the
// patronymic.
func SplitFullName(s string) (last, first, middle string) {
	w := strings.Fields(s)
	switch len(w) {
	case 0:
		return "", "", ""
	case 1:
		return "", w[0], ""
	case 2:
		return w[0], w[1], ""
	}
	return w[0], w[1], strings.Join(w[2:], " ")
}

// ShortName writes "Орлов Артём Сергеевич" as "Орлов А. С." for a narrow
// row or a signature line; a single name stays whole.
func ShortName(full string) string {
	last, first, middle := SplitFullName(full)
	if last == "" {
		return first
	}
	out := last
	for _, p := range strings.Fields(first + " " + middle) {
		out += " " + string([]rune(p)[0]) + "."
	}
	return out
}
