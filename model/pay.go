package model

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Percent is a share in hundredths of a percent: 1500 is 15 %.
type Percent int64

// Of is the share of m, to the kopeck, half away from zero.
func (p Percent) Of(m Money) Money { return Money(DivRound(int64(m)*int64(p), 10000)) }

// DivRound divides a by b (b > 0), rounding half away from zero: payroll's
// one rounding rule.
func DivRound(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// The components of a pay scheme that run month after month from the day
// they take effect.
const (
	PaySalary       = "salary"        // a specialist's monthly salary, prorated by the days in force
	PayDirectorRate = "director_rate" // a director's monthly rate, prorated the same way
	PayBlockProfit  = "block_profit"  // a share of the block's profit
	PayOwnServices  = "own_services"  // a share of the services the person performed
	PayOwnGoods     = "own_goods"     // a share of the goods the person sold
	PayTiered       = "tiered"        // a tiered share of the person's own revenue
	PayBonus        = "bonus"         // a fixed bonus every month
)

// PayKinds lists the components in the order a payslip shows them.
var PayKinds = []string{PaySalary, PayDirectorRate, PayOwnServices, PayOwnGoods, PayTiered, PayBonus, PayBlockProfit}

// PayComponent is one part of a staff member's pay from a day on. A newer
// component of the same kind replaces the older from its day; Stopped ends
// the kind. History is never rewritten: a change is a new component.
type PayComponent struct {
	ID               uint
	StaffID          uint
	Kind             string
	From             Date    `gorm:"column:from_day"`
	Amount           Money   // salary, rate or bonus a month
	Percent          Percent // the share of the other kinds
	BlockID          *uint   // the block whose profit is shared; the person's own when nil
	AfterConsumables bool    // own services: the share of what is left after their consumables
	Tiers            Tiers   // tiered: the rates by revenue
	Retroactive      bool    // tiered: the rate reached applies to all the revenue, not band by band
	Stopped          bool
	Note             string
	CreatedAt        time.Time
}

// Tier is a band of a tiered share: Percent applies from revenue From up.
type Tier struct {
	From    Money
	Percent Percent
}

// Tiers are a tiered share's bands, lowest first, kept as JSON.
type Tiers []Tier

// Value keeps the bands as JSON text.
func (t Tiers) Value() (driver.Value, error) {
	if len(t) == 0 {
		return "", nil
	}
	b, err := json.Marshal(t)
	return string(b), err
}

// Scan reads the bands back.
func (t *Tiers) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("tiers: cannot read %T", src)
	}
	*t = nil
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), t)
}

// MaxPercent bounds a share: 100 %.
const MaxPercent Percent = 10000

// Validate checks the component: a kind, a day, and the amount or share
// its kind needs.
func (c *PayComponent) Validate() error {
	var errs ValidationErrors
	c.Note = strings.TrimSpace(c.Note)
	if !contains(PayKinds, c.Kind) {
		errs.add("kind", "err.pay.kind", nil)
	}
	if c.From.IsZero() {
		errs.add("from", "err.date.required", nil)
	}
	if c.StaffID == 0 {
		errs.add("staff", "err.rec.staff_required", nil)
	}
	if utf8.RuneCountInString(c.Note) > maxNote {
		errs.add("note", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	if c.Stopped {
		return errs.OrNil()
	}
	switch c.Kind {
	case PaySalary, PayDirectorRate, PayBonus:
		if c.Amount <= 0 {
			errs.add("amount", "err.pay.amount", nil)
		}
	case PayTiered:
		c.validateTiers(&errs)
	default:
		if c.Percent <= 0 || c.Percent > MaxPercent {
			errs.add("percent", "err.pay.percent", nil)
		}
	}
	return errs.OrNil()
}

func (c *PayComponent) validateTiers(errs *ValidationErrors) {
	if len(c.Tiers) == 0 {
		errs.add("tiers", "err.pay.tiers", nil)
		return
	}
	for i, t := range c.Tiers {
		if t.Percent <= 0 || t.Percent > MaxPercent || t.From < 0 || i == 0 && t.From != 0 ||
			i > 0 && t.From <= c.Tiers[i-1].From {
			errs.add("tiers", "err.pay.tiers", nil)
			return
		}
	}
}

// The sums of one month entered by hand.
const (
	EntryBonus      = "bonus"      // a one-off bonus
	EntryDeduction  = "deduction"  // a deduction with its ground
	EntryAdvance    = "advance"    // an advance paid during the month
	EntryAdjustment = "adjustment" // a correction of an approved month, paid in this one
)

// EntryKinds lists the month's entries.
var EntryKinds = []string{EntryBonus, EntryDeduction, EntryAdvance, EntryAdjustment}

// PayEntry is a sum of one month for one person: a bonus, a deduction, an
// advance, or an adjustment that corrects an approved month (RefMonth).
type PayEntry struct {
	ID       uint
	StaffID  uint
	Month    Date
	Kind     string
	Amount   Money // an adjustment may be negative
	Ground   string
	RefMonth Date
	On       Date `gorm:"column:day"`
}

// Validate checks the entry: deductions and adjustments need their ground,
// an adjustment the earlier month it corrects.
func (e *PayEntry) Validate() error {
	var errs ValidationErrors
	e.Ground = strings.TrimSpace(e.Ground)
	if e.Month.IsZero() {
		errs.add("month", "err.date.required", nil)
	} else {
		e.Month = MonthOf(e.Month)
	}
	if e.StaffID == 0 {
		errs.add("staff", "err.rec.staff_required", nil)
	}
	if !contains(EntryKinds, e.Kind) {
		errs.add("kind", "err.pay.kind", nil)
	}
	if e.Amount == 0 || e.Amount < 0 && e.Kind != EntryAdjustment {
		errs.add("amount", "err.pay.amount", nil)
	}
	if (e.Kind == EntryDeduction || e.Kind == EntryAdjustment) && e.Ground == "" {
		errs.add("ground", "err.pay.ground", nil)
	}
	if e.Kind == EntryAdjustment && (e.RefMonth.IsZero() || !e.RefMonth.Before(e.Month)) {
		errs.add("ref_month", "err.pay.ref_month", nil)
	}
	if utf8.RuneCountInString(e.Ground) > maxNote {
		errs.add("ground", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	return errs.OrNil()
}

// What a block's month figure a correction changes.
const (
	CorrectTurnover    = "turnover"    // the turnover, corrected
	CorrectConsumables = "consumables" // consumables beyond the catalogue's: extras or a correction
)

// BlockCorrection changes a block's turnover or consumables of a month by
// Amount, with the reason printed beside it.
type BlockCorrection struct {
	ID      uint
	BlockID uint
	Month   Date
	Field   string
	Amount  Money
	Reason  string
}

// Validate checks the correction: a field, an amount, a reason.
func (c *BlockCorrection) Validate() error {
	var errs ValidationErrors
	c.Reason = strings.TrimSpace(c.Reason)
	if c.Month.IsZero() {
		errs.add("month", "err.date.required", nil)
	} else {
		c.Month = MonthOf(c.Month)
	}
	if c.BlockID == 0 {
		errs.add("block", "err.pay.block", nil)
	}
	if c.Field != CorrectTurnover && c.Field != CorrectConsumables {
		errs.add("field", "err.pay.kind", nil)
	}
	if c.Amount == 0 {
		errs.add("amount", "err.pay.amount", nil)
	}
	if c.Reason == "" {
		errs.add("reason", "err.pay.ground", nil)
	}
	return errs.OrNil()
}

// Recognition is a thanks or a note of the month for one person, printed on
// the payslip: the seed's non-material motivation.
type Recognition struct {
	ID      uint
	StaffID uint
	Month   Date
	Text    string
	Source  string // "owner", or "client" for a client's thanks
}

// DaysIn is how many days d's month has.
func DaysIn(d Date) int { return NewDate(d.Year(), d.Month()+1, 1).DaysSince(MonthOf(d)) }

// Locked is the error of a change that would alter an approved payroll
// month; it names the month (MM.YYYY).
func Locked(month Date) *FieldError {
	return &FieldError{Key: "err.payroll.locked", Args: map[string]any{
		"Month": fmt.Sprintf("%02d.%d", int(month.Month()), month.Year())}}
}

// Validate trims the recognition and checks it.
func (r *Recognition) Validate() error {
	var errs ValidationErrors
	r.Text = strings.TrimSpace(r.Text)
	if r.Source == "" {
		r.Source = "owner"
	}
	if r.StaffID == 0 {
		errs.add("staff", "err.rec.staff_required", nil)
	}
	if r.Month.IsZero() {
		errs.add("month", "err.date.required", nil)
	} else {
		r.Month = MonthOf(r.Month)
	}
	switch {
	case r.Text == "":
		errs.add("text", "err.pay.recognition", nil)
	case utf8.RuneCountInString(r.Text) > maxNote:
		errs.add("text", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	return errs.OrNil()
}
