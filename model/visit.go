package model

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// maxTitle bounds names of services, card types and checklist topics.
const maxTitle = 120

// Ways a visit line is paid for.
const (
	PaidMoney = "money" // paid at the desk
	PaidCard  = "card"  // a visit taken from the client card
)

// PaidBy lists the ways of payment.
var PaidBy = []string{PaidMoney, PaidCard}

// Visit is the salon's core record: a client came on a day and received
// services or bought goods. Visits feed last seen, card use and turnover.
type Visit struct {
	ID        uint
	UUID      string
	ClientID  uint
	On        Date `gorm:"column:day"`
	Notes     string
	Lines     []VisitLine
	Version   int // changes with every save; a save of an older one is refused
	CreatedAt time.Time
	UpdatedAt time.Time
}

// VisitLine is one service or product of a visit, with who did it and how
// it was paid.
type VisitLine struct {
	ID        uint
	VisitID   uint
	ServiceID *uint  // nil for a line typed by hand
	Name      string // the service's name when sold, kept if the catalogue changes
	StaffID   *uint
	Qty       int
	Price     Money // the price of one, before the discount
	Discount  Money // off the whole line
	PaidBy    string
	CardID    *uint // the card a visit was taken from, when PaidBy is PaidCard
}

// Value is what the line is worth at its price, less the discount.
func (l VisitLine) Value() Money { return Money(l.Qty)*l.Price - l.Discount }

// Total is the money the client paid for the line: its value, or nothing
// when the line was a visit taken from a card (the card was paid at sale).
func (l VisitLine) Total() Money {
	if l.PaidBy == PaidCard {
		return 0
	}
	return l.Value()
}

// Total is the money the client paid for the visit.
func (v Visit) Total() Money {
	var t Money
	for _, l := range v.Lines {
		t += l.Total()
	}
	return t
}

// CardVisits counts the visits the visit takes from each card.
func (v Visit) CardVisits() map[uint]int {
	out := map[uint]int{}
	for _, l := range v.Lines {
		if l.PaidBy == PaidCard && l.CardID != nil {
			out[*l.CardID] += l.Qty
		}
	}
	return out
}

// Limits of a visit line.
const (
	MaxQty        = 999
	maxVisitLines = 50
)

// LineField names a field of the i-th line (from 0) in ValidationErrors:
// "line.2.qty".
func LineField(i int, field string) string { return fmt.Sprintf("line.%d.%s", i, field) }

// Validate trims the visit and checks it whole: the day (not after today),
// at least one line, and every line's name, quantity, price, discount and
// payment. Lines paid with money lose a card they may carry.
func (v *Visit) Validate(today Date) error {
	var errs ValidationErrors
	v.Notes = strings.TrimSpace(v.Notes)
	switch {
	case v.On.IsZero():
		errs.add("on", "err.date.required", nil)
	case v.On.After(today):
		errs.add("on", "err.date.future", nil)
	}
	if v.ClientID == 0 {
		errs.add("client", "err.visit.client_required", nil)
	}
	switch {
	case len(v.Lines) == 0:
		errs.add("lines", "err.visit.no_lines", nil)
	case len(v.Lines) > maxVisitLines:
		errs.add("lines", "err.visit.too_many_lines", map[string]any{"Max": maxVisitLines})
	}
	for i := range v.Lines {
		v.Lines[i].validate(i, &errs)
	}
	if utf8.RuneCountInString(v.Notes) > maxText {
		errs.add("notes", "err.text.too_long", map[string]any{"Max": maxText})
	}
	return errs.OrNil()
}

func (l *VisitLine) validate(i int, errs *ValidationErrors) {
	l.Name = strings.Join(strings.Fields(l.Name), " ")
	if l.PaidBy == "" {
		l.PaidBy = PaidMoney
	}
	if l.Name == "" {
		errs.add(LineField(i, "name"), "err.visit.line.name_required", nil)
	} else if utf8.RuneCountInString(l.Name) > maxTitle {
		errs.add(LineField(i, "name"), "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if l.Qty < 1 || l.Qty > MaxQty {
		errs.add(LineField(i, "qty"), "err.visit.line.qty", map[string]any{"Max": MaxQty})
	}
	if l.Price < 0 {
		errs.add(LineField(i, "price"), "err.money.negative", nil)
	}
	if l.Discount < 0 || l.Qty >= 1 && l.Price >= 0 && l.Discount > Money(l.Qty)*l.Price {
		errs.add(LineField(i, "discount"), "err.visit.line.discount", nil)
	}
	switch l.PaidBy {
	case PaidMoney:
		l.CardID = nil
	case PaidCard:
		if l.CardID == nil || *l.CardID == 0 {
			errs.add(LineField(i, "card"), "err.visit.line.card_required", nil)
		}
	default:
		errs.add(LineField(i, "paid_by"), "err.visit.line.paid_by", nil)
	}
}

// ErrPeriodLocked refuses a change to a visit in a payroll period the owner
// has approved: its turnover is in the payslips. Corrections go into a later
// period.
var ErrPeriodLocked = &FieldError{Field: "on", Key: "err.visit.period_locked"}
