package model

import (
	"strings"
	"unicode/utf8"
)

// Block is a department of the salon with its own turnover and profit:
// cosmetology, fitness, spa. A block no longer run is archived: its staff,
// services and past visits keep it.
type Block struct {
	ID       uint
	Name     string
	Archived bool
}

// Validate trims the block's name and checks it.
func (b *Block) Validate() error {
	var errs ValidationErrors
	b.Name = strings.Join(strings.Fields(b.Name), " ")
	switch {
	case b.Name == "":
		errs.add("name", "err.staff.name_required", nil)
	case utf8.RuneCountInString(b.Name) > maxTitle:
		errs.add("name", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	return errs.OrNil()
}

// Staff is a person who works at the salon. A person who leaves is made
// inactive (archived), never deleted: their visits stay theirs.
type Staff struct {
	ID      uint
	UUID    string
	Name    string
	Role    string // the specialist role: "косметолог", "тренер", …
	BlockID *uint
	Phone   string
	HiredOn Date
	Active  bool
	Duties  string // this person's own duties, beside their role's
}

// TableName keeps the table name in the singular, as people say "staff".
func (Staff) TableName() string { return "staff" }

// Validate trims the staff member's fields, puts the phone in its stored
// form and checks every field against today.
func (s *Staff) Validate(today Date) error {
	var errs ValidationErrors
	s.Name = strings.Join(strings.Fields(s.Name), " ")
	s.Role = strings.Join(strings.Fields(s.Role), " ")
	s.Duties = strings.TrimSpace(s.Duties)
	switch {
	case s.Name == "":
		errs.add("name", "err.staff.person_required", nil)
	case utf8.RuneCountInString(s.Name) > maxTitle:
		errs.add("name", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	switch {
	case s.Role == "":
		errs.add("role", "err.staff.role_required", nil)
	case utf8.RuneCountInString(s.Role) > maxTitle:
		errs.add("role", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if strings.TrimSpace(s.Phone) != "" {
		p, err := NormalizePhone(s.Phone)
		if err != nil {
			errs.add("phone", "err.phone.invalid", nil)
		} else {
			s.Phone = p
		}
	} else {
		s.Phone = ""
	}
	if s.HiredOn.After(today) {
		errs.add("hired_on", "err.date.future", nil)
	}
	if utf8.RuneCountInString(s.Duties) > maxNote {
		errs.add("duties", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	return errs.OrNil()
}

// StaffRole is a specialist role with the duties of everyone in it, written
// once: the manager must know every specialist's work.
type StaffRole struct {
	ID     uint
	Name   string
	Duties string
}

// Validate trims the role and checks it.
func (r *StaffRole) Validate() error {
	var errs ValidationErrors
	r.Name = strings.Join(strings.Fields(r.Name), " ")
	r.Duties = strings.TrimSpace(r.Duties)
	switch {
	case r.Name == "":
		errs.add("name", "err.staff.name_required", nil)
	case utf8.RuneCountInString(r.Name) > maxTitle:
		errs.add("name", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if utf8.RuneCountInString(r.Duties) > maxNote {
		errs.add("duties", "err.text.too_long", map[string]any{"Max": maxNote})
	}
	return errs.OrNil()
}
