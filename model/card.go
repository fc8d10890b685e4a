package model

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// CardType is a kind of client card (membership) the salon sells:
// «Безлимит 30 дней», «10 посещений».
type CardType struct {
	ID                   uint
	Name                 string
	ValidDays            int   // how long a card is valid, from its start
	Visits               int   // visits included; 0 for unlimited
	FreezeDays           int   // days a card may be frozen in all
	Price                Money // the list price
	ActivateOnFirstVisit bool  // the validity starts at the first visit, not at the sale
	Active               bool  // still sold
	BlockID              *uint // the block whose turnover its sales feed
	VisitValue           Money // what one visit of an unlimited card is worth to the specialist's pay
}

// Limits of a card type.
const (
	MaxValidDays  = 3660
	MaxCardVisits = 1000
	MaxFreezeDays = 365
)

// Validate trims the type and checks its numbers.
func (t *CardType) Validate() error {
	var errs ValidationErrors
	t.Name = strings.Join(strings.Fields(t.Name), " ")
	switch {
	case t.Name == "":
		errs.add("name", "err.card_type.name_required", nil)
	case utf8.RuneCountInString(t.Name) > maxTitle:
		errs.add("name", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if t.ValidDays < 1 || t.ValidDays > MaxValidDays {
		errs.add("valid_days", "err.card_type.valid_days", map[string]any{"Max": MaxValidDays})
	}
	if t.Visits < 0 || t.Visits > MaxCardVisits {
		errs.add("visits", "err.card_type.visits", map[string]any{"Max": MaxCardVisits})
	}
	if t.FreezeDays < 0 || t.FreezeDays > MaxFreezeDays {
		errs.add("freeze_days", "err.card_type.freeze_days", map[string]any{"Max": MaxFreezeDays})
	}
	if t.Price < 0 {
		errs.add("price", "err.money.negative", nil)
	}
	if t.VisitValue < 0 {
		errs.add("visit_value", "err.money.negative", nil)
	}
	return errs.OrNil()
}

// Card is a client card sold to a client. ValidFrom and ValidTo are the
// validity as sold, before freezes; both are unset while a card that starts
// at the first visit waits for it.
type Card struct {
	ID             uint
	UUID           string
	ClientID       uint
	TypeID         uint
	Number         string // unique; what is printed on the card
	SoldOn         Date
	ValidFrom      Date
	ValidTo        Date
	VisitsIncluded int   // 0 for unlimited
	Price          Money // the price of the sale, before the discount
	Discount       Money // taken off the price; at most the price
	Paid           Money // what the client paid: what payroll counts
	Notes          string
	Version        int // changes with every change of the card, its freezes or its use
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// maxCardNumber bounds a card number typed by hand.
const maxCardNumber = 30

// Validate trims the card and checks what a sale needs; the store fills
// what comes from the type.
func (c *Card) Validate(today Date) error {
	var errs ValidationErrors
	c.Number = strings.ToUpper(strings.Join(strings.Fields(c.Number), ""))
	c.Notes = strings.TrimSpace(c.Notes)
	if utf8.RuneCountInString(c.Number) > maxCardNumber || strings.IndexFunc(c.Number, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '/'
	}) >= 0 {
		errs.add("number", "err.card.number", map[string]any{"Max": maxCardNumber})
	}
	if c.ClientID == 0 {
		errs.add("client", "err.visit.client_required", nil)
	}
	if c.TypeID == 0 {
		errs.add("type", "err.card.type_required", nil)
	}
	switch {
	case c.SoldOn.IsZero():
		errs.add("sold_on", "err.date.required", nil)
	case c.SoldOn.After(today):
		errs.add("sold_on", "err.date.future", nil)
	}
	if !c.ValidFrom.IsZero() && !c.SoldOn.IsZero() && c.ValidFrom.Before(c.SoldOn) {
		errs.add("valid_from", "err.card.starts_before_sale", nil)
	}
	c.validateMoney(&errs)
	if utf8.RuneCountInString(c.Notes) > maxText {
		errs.add("notes", "err.text.too_long", map[string]any{"Max": maxText})
	}
	return errs.OrNil()
}

// CardFreeze is a pause in a card's validity, both days included; the card
// stays valid as many days longer.
type CardFreeze struct {
	ID     uint
	CardID uint
	From   Date `gorm:"column:from_day"`
	To     Date `gorm:"column:to_day"`
}

// Days is the length of the freeze, both ends included.
func (f CardFreeze) Days() int { return f.To.DaysSince(f.From) + 1 }

// CardStatus is where a client card stands on a day.
type CardStatus string

// The card statuses.
const (
	CardActive       CardStatus = "active"
	CardFrozen       CardStatus = "frozen"
	CardExpired      CardStatus = "expired"
	CardUsedUp       CardStatus = "used_up"
	CardNotActivated CardStatus = "not_activated"
)

// CardStatuses lists the statuses in the order a manager reads them.
var CardStatuses = []CardStatus{CardActive, CardFrozen, CardNotActivated, CardUsedUp, CardExpired}

// CardState is a card as it stands on a day: its status, its validity with
// the freezes added, and what is left of its visits and freezes.
type CardState struct {
	Status         CardStatus
	ValidFrom      Date // unset while not activated
	ValidTo        Date // the last valid day, freezes included
	VisitsUsed     int
	VisitsLeft     int // -1: unlimited
	FreezeDaysUsed int
	FreezeDaysLeft int
}

// DaysLeft counts the valid days from today to the end, today included; 0
// when the card has ended or has not started.
func (s CardState) DaysLeft(today Date) int {
	if s.ValidTo.IsZero() || today.After(s.ValidTo) {
		return 0
	}
	return s.ValidTo.DaysSince(today) + 1
}

// Usable reports whether a visit can be taken from the card.
func (s CardState) Usable() bool { return s.Status == CardActive && s.VisitsLeft != 0 }

// CardStateOf works out a card's state on day today from the card, its
// type, its freezes, the visits taken from it so far and the day of the
// first of them. A card that starts at the first visit and has none is
// not activated; otherwise the validity runs from ValidFrom (or the sale)
// for the type's ValidDays, ValidTo included, and each freeze adds its days.
// A card whose visits are all used is used up, whatever the date.
func CardStateOf(c Card, t CardType, freezes []CardFreeze, visitsUsed int, firstUse Date, today Date) CardState {
	st := CardState{VisitsUsed: visitsUsed, VisitsLeft: -1}
	if c.VisitsIncluded > 0 {
		st.VisitsLeft = max(0, c.VisitsIncluded-visitsUsed)
	}
	for _, f := range freezes {
		st.FreezeDaysUsed += f.Days()
	}
	st.FreezeDaysLeft = max(0, t.FreezeDays-st.FreezeDaysUsed)
	from, to := c.ValidFrom, c.ValidTo
	if from.IsZero() {
		if t.ActivateOnFirstVisit {
			from = firstUse
		} else {
			from = c.SoldOn
		}
	}
	if from.IsZero() {
		st.Status = CardNotActivated
		if st.VisitsLeft == 0 {
			st.Status = CardUsedUp
		}
		return st
	}
	if to.IsZero() || to.Before(from) {
		to = from.AddDays(max(t.ValidDays, 1) - 1)
	}
	st.ValidFrom, st.ValidTo = from, to.AddDays(st.FreezeDaysUsed)
	switch {
	case st.VisitsLeft == 0:
		st.Status = CardUsedUp
	case today.Before(from):
		st.Status = CardNotActivated
	case today.After(st.ValidTo):
		st.Status = CardExpired
	case frozenOn(freezes, today):
		st.Status = CardFrozen
	default:
		st.Status = CardActive
	}
	return st
}

func frozenOn(freezes []CardFreeze, d Date) bool {
	for _, f := range freezes {
		if !d.Before(f.From) && !d.After(f.To) {
			return true
		}
	}
	return false
}

// CardView is a card with its type, its state today and its freezes: what
// the profile shows.
type CardView struct {
	Card    Card
	Type    CardType
	State   CardState
	Freezes []CardFreeze
}

// ValidateFreeze checks a new freeze of a card in state st: the days in
// order, within the validity, not over another freeze and within what is
// left of the type's allowance. The error is a FieldError of field "from"
// or "to".
func ValidateFreeze(st CardState, freezes []CardFreeze, from, to Date) error {
	switch {
	case from.IsZero():
		return &FieldError{Field: "from", Key: "err.date.required"}
	case to.IsZero():
		return &FieldError{Field: "to", Key: "err.date.required"}
	case to.Before(from):
		return &FieldError{Field: "to", Key: "err.freeze.order"}
	}
	switch st.Status {
	case CardExpired, CardUsedUp:
		return &FieldError{Field: "from", Key: "err.freeze.card_ended"}
	}
	if st.ValidFrom.IsZero() {
		return &FieldError{Field: "from", Key: "err.freeze.not_activated"}
	}
	if st.FreezeDaysLeft == 0 {
		return &FieldError{Field: "from", Key: "err.freeze.none_left"}
	}
	if from.Before(st.ValidFrom) || from.After(st.ValidTo) {
		return &FieldError{Field: "from", Key: "err.freeze.outside",
			Args: map[string]any{"From": st.ValidFrom, "To": st.ValidTo}}
	}
	for _, f := range freezes {
		if !from.After(f.To) && !to.Before(f.From) {
			return &FieldError{Field: "from", Key: "err.freeze.overlap",
				Args: map[string]any{"From": f.From, "To": f.To}}
		}
	}
	if days := to.DaysSince(from) + 1; days > st.FreezeDaysLeft {
		return &FieldError{Field: "to", Key: "err.freeze.too_long", Args: map[string]any{"N": st.FreezeDaysLeft}}
	}
	return nil
}

// CardFor reports why a visit on day cannot be taken from a card in state
// st (as it stands on that day), or nil when it can: qty visits are left
// and the card is active.
func CardFor(st CardState, qty int) *FieldError {
	switch st.Status {
	case CardExpired:
		return &FieldError{Key: "err.card.expired", Args: map[string]any{"To": st.ValidTo}}
	case CardFrozen:
		return &FieldError{Key: "err.card.frozen"}
	case CardUsedUp:
		return &FieldError{Key: "err.card.used_up"}
	case CardNotActivated:
		return &FieldError{Key: "err.card.not_started"}
	}
	if st.VisitsLeft >= 0 && st.VisitsLeft < qty {
		return &FieldError{Key: "err.card.visits_left", Args: map[string]any{"N": st.VisitsLeft}}
	}
	return nil
}
