package model

import (
	"slices"
	"testing"
	"time"
)

func TestBirthdaysOf29FebruaryOver2027And2028(t *testing.T) {
	leapling := NewDate(1992, time.February, 29)
	for _, tc := range []struct {
		today   Date
		on      Date
		age     int
		keysFor Date
		keys    []int
	}{
		{NewDate(2027, time.February, 20), NewDate(2027, time.February, 28), 35, NewDate(2027, time.February, 28), []int{228, 229}},
		{NewDate(2027, time.March, 1), NewDate(2028, time.February, 29), 36, NewDate(2028, time.February, 28), []int{228}},
		{NewDate(2028, time.February, 28), NewDate(2028, time.February, 29), 36, NewDate(2028, time.February, 29), []int{229}},
		{NewDate(2028, time.February, 29), NewDate(2028, time.February, 29), 36, NewDate(2028, time.March, 1), []int{301}},
	} {
		on, age := NextBirthday(leapling, tc.today)
		if on != tc.on || age != tc.age {
			t.Errorf("from %s: %s, %d; want %s, %d", tc.today, on, age, tc.on, tc.age)
		}
		if got := BirthdayKeys(tc.keysFor); !slices.Equal(got, tc.keys) {
			t.Errorf("keys of %s: %v, want %v", tc.keysFor, got, tc.keys)
		}
	}
	if on, age := NextBirthday(NewDate(1990, time.December, 1), NewDate(2026, time.December, 1)); on != NewDate(2026, time.December, 1) || age != 36 {
		t.Errorf("a birthday today: %s, %d", on, age)
	}
}

// Every birthday of a year is found on its day by the keys of that day.
func TestBirthdayKeysFindEachBirthdayOnItsDay(t *testing.T) {
	for _, y := range []int{2027, 2028} {
		for d := NewDate(y, 1, 1); d.Year() == y; d = d.AddDays(1) {
			for _, birth := range []Date{NewDate(1992, d.Month(), d.Day()), NewDate(1992, time.February, 29)} {
				celebrated := BirthdayIn(birth, y) == d
				found := slices.Contains(BirthdayKeys(d), int(birth.Month())*100+birth.Day())
				if celebrated != found {
					t.Errorf("%s, born %s: celebrated %v, found by the keys %v", d, birth, celebrated, found)
				}
			}
		}
	}
}
