package model

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no zone: a birth date, a
// consent date, the day of a visit. It is stored as "2006-01-02" text so that
// SQLite's date functions and plain string comparison both work on it.
type Date struct{ t time.Time }

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// NewDate builds a Date; out-of-range parts normalise as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// Year, Month and Day return the parts of the date.
func (d Date) Year() int         { return d.t.Year() }
func (d Date) Month() time.Month { return d.t.Month() }
func (d Date) Day() int          { return d.t.Day() }

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// DaysSince returns the number of days from o to d (positive when d is later).
func (d Date) DaysSince(o Date) int { return int(d.t.Sub(o.t).Hours() / 24) }

// Before and After compare two dates.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }

// ISO returns the date as 2006-01-02, or "" when unset.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// String returns the ISO form.
func (d Date) String() string { return d.ISO() }

// Format returns the date in the given language: 02.01.2006 in Russian,
// 2006-01-02 in English; "" when unset.
func (d Date) Format(lang string) string {
	if d.IsZero() {
		return ""
	}
	if lang == "ru" {
		return d.t.Format("02.01.2006")
	}
	return d.ISO()
}

// Value stores the date as ISO text, or NULL when unset.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.ISO(), nil
}

// MarshalText writes the date as ISO text, "" when unset: a date kept in
// JSON (an approved payroll month) reads back the same.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads what MarshalText wrote.
func (d *Date) UnmarshalText(b []byte) error { return d.scanString(string(b)) }

// Scan reads ISO text (with or without a time part) or a time.Time.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = DateOf(v.UTC())
		return nil
	case []byte:
		return d.scanString(string(v))
	case string:
		return d.scanString(v)
	}
	return fmt.Errorf("model.Date: cannot scan %T", src)
}

func (d *Date) scanString(s string) error {
	if s == "" {
		*d = Date{}
		return nil
	}
	if len(s) > 10 {
		s = s[:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return fmt.Errorf("model.Date: %w", err)
	}
	*d = Date{t}
	return nil
}

// ErrBadDate is returned by ParseDate for text that is not a date.
var ErrBadDate = &FieldError{Key: "err.date.format"}

// dateLayouts are the forms ParseDate reads. Two-digit years are refused:
// "05.03.55" could be 1955 or 2055.
var dateLayouts = []string{"02.01.2006", "2.1.2006", "2006-01-02", "02/01/2006", "2/1/2006"}

// ErrAmbiguousDate is returned by ParseDateIn for a date with slashes
// whose day and month could be swapped, in a language that may write the
// month first.
var ErrAmbiguousDate = &FieldError{Key: "err.date.ambiguous"}

// ParseDateIn reads a date a person typed in the window in language lang.
// Russian writes the day first. In English 03/04/2026 may mean 4 March or
// 3 April: a slashed date is taken only when one reading is possible
// (25/12/2026, 12/25/2026) and refused with ErrAmbiguousDate otherwise.
func ParseDateIn(s, lang string) (Date, error) {
	d, err := ParseDate(s)
	if lang == "ru" || !strings.Contains(s, "/") {
		return d, err
	}
	if err != nil {
		day, _, _ := strings.Cut(strings.TrimSpace(s), " ")
		if t, err := time.Parse("1/2/2006", day); err == nil && t.Year() >= 1900 {
			return Date{t}, nil
		}
		return Date{}, err
	}
	if d.Day() <= 12 && d.Day() != int(d.Month()) {
		return Date{}, ErrAmbiguousDate
	}
	return d, nil
}

// DateError is the error to show under field for err of ParseDateIn.
func DateError(field string, err error) *FieldError {
	key := ErrBadDate.Key
	if err == ErrAmbiguousDate {
		key = ErrAmbiguousDate.Key
	}
	return &FieldError{Field: field, Key: key}
}

// ParseDate reads a date typed by a person or found in a spreadsheet:
// 02.01.2006, 2.1.2006, 2006-01-02 or 02/01/2006, optionally
// followed by a time of day, which is ignored. Empty text gives a zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1900 {
				return Date{}, ErrBadDate
			}
			return Date{t}, nil
		}
	}
	return Date{}, ErrBadDate
}
