package model

import (
	"errors"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) Date { return NewDate(y, m, day) }

func TestCardStateAtTheEdges(t *testing.T) {
	month := CardType{Name: "Безлимит 30 дней", ValidDays: 30, FreezeDays: 7}
	ten := CardType{Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 7}
	first := CardType{Name: "Абонемент 3 месяца", ValidDays: 90, FreezeDays: 14, ActivateOnFirstVisit: true}
	sold := d(2026, time.November, 1)
	card := Card{SoldOn: sold, ValidFrom: sold, ValidTo: sold.AddDays(29)} // 1–30 November
	tens := Card{SoldOn: sold, ValidFrom: sold, ValidTo: sold.AddDays(59), VisitsIncluded: 10}
	waiting := Card{SoldOn: sold}
	leap := Card{SoldOn: d(2028, time.February, 15)}
	plain := Card{SoldOn: d(2027, time.February, 15)}
	for _, tc := range []struct {
		name    string
		c       Card
		t       CardType
		freezes []CardFreeze
		used    int
		first   Date
		today   Date
		status  CardStatus
		to      Date
		left    int
	}{
		{"first day", card, month, nil, 0, Date{}, sold, CardActive, d(2026, 11, 30), -1},
		{"the day it expires", card, month, nil, 12, Date{}, d(2026, 11, 30), CardActive, d(2026, 11, 30), -1},
		{"the day after", card, month, nil, 12, Date{}, d(2026, 12, 1), CardExpired, d(2026, 11, 30), -1},
		{"the day before the start", Card{SoldOn: sold, ValidFrom: sold.AddDays(3)}, month, nil, 0, Date{}, d(2026, 11, 3),
			CardNotActivated, d(2026, 12, 3), -1},
		{"freeze across a month end", card, month, []CardFreeze{{From: d(2026, 11, 28), To: d(2026, 12, 4)}}, 0, Date{},
			d(2026, 12, 4), CardFrozen, d(2026, 12, 7), -1},
		{"after the freeze", card, month, []CardFreeze{{From: d(2026, 11, 28), To: d(2026, 12, 4)}}, 0, Date{},
			d(2026, 12, 5), CardActive, d(2026, 12, 7), -1},
		{"the extended last day", card, month, []CardFreeze{{From: d(2026, 11, 28), To: d(2026, 12, 4)}}, 0, Date{},
			d(2026, 12, 8), CardExpired, d(2026, 12, 7), -1},
		{"a visit left", tens, ten, nil, 9, Date{}, d(2026, 11, 20), CardActive, d(2026, 12, 30), 1},
		{"the last visit taken", tens, ten, nil, 10, Date{}, d(2026, 11, 20), CardUsedUp, d(2026, 12, 30), 0},
		{"used up and expired", tens, ten, nil, 10, Date{}, d(2027, 2, 1), CardUsedUp, d(2026, 12, 30), 0},
		{"waits for the first visit", waiting, first, nil, 0, Date{}, d(2026, 12, 20), CardNotActivated, Date{}, -1},
		{"started at the first visit", waiting, first, nil, 1, d(2026, 11, 10), d(2027, 2, 7), CardActive, d(2027, 2, 7), -1},
		{"leap year: 30 days from 15 Feb", leap, month, nil, 0, Date{}, d(2028, 3, 15), CardActive, d(2028, 3, 15), -1},
		{"leap year: and not a day more", leap, month, nil, 0, Date{}, d(2028, 3, 16), CardExpired, d(2028, 3, 15), -1},
		{"common year: 30 days from 15 Feb", plain, month, nil, 0, Date{}, d(2027, 3, 16), CardActive, d(2027, 3, 16), -1},
		{"a year from 29 Feb", Card{SoldOn: d(2028, 2, 29)}, CardType{ValidDays: 365}, nil, 0, Date{}, d(2029, 2, 27),
			CardActive, d(2029, 2, 27), -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := CardStateOf(tc.c, tc.t, tc.freezes, tc.used, tc.first, tc.today)
			if st.Status != tc.status || st.ValidTo != tc.to || st.VisitsLeft != tc.left {
				t.Errorf("got %s to %s left %d, want %s to %s left %d", st.Status, st.ValidTo, st.VisitsLeft,
					tc.status, tc.to, tc.left)
			}
		})
	}
}

func TestFreezeDaysAndDaysLeft(t *testing.T) {
	typ := CardType{ValidDays: 30, FreezeDays: 10}
	c := Card{SoldOn: d(2026, 1, 20), ValidFrom: d(2026, 1, 20), ValidTo: d(2026, 2, 18)}
	fr := []CardFreeze{{From: d(2026, 1, 30), To: d(2026, 2, 2)}} // 4 days over the month end
	st := CardStateOf(c, typ, fr, 0, Date{}, d(2026, 2, 10))
	if st.FreezeDaysUsed != 4 || st.FreezeDaysLeft != 6 || st.ValidTo != d(2026, 2, 22) {
		t.Fatalf("%+v", st)
	}
	if n := st.DaysLeft(d(2026, 2, 22)); n != 1 {
		t.Errorf("on the last day %d days left", n)
	}
	if n := st.DaysLeft(d(2026, 2, 23)); n != 0 {
		t.Errorf("after the end %d days left", n)
	}
}

func TestValidateFreeze(t *testing.T) {
	typ := CardType{ValidDays: 30, FreezeDays: 7}
	c := Card{SoldOn: d(2026, 11, 1), ValidFrom: d(2026, 11, 1), ValidTo: d(2026, 11, 30)}
	old := []CardFreeze{{From: d(2026, 11, 10), To: d(2026, 11, 12)}}
	st := CardStateOf(c, typ, old, 0, Date{}, d(2026, 11, 20))
	for _, tc := range []struct {
		name     string
		from, to Date
		key      string
	}{
		{"the rest of the allowance", d(2026, 11, 20), d(2026, 11, 23), ""},
		{"a day too many", d(2026, 11, 20), d(2026, 11, 24), "err.freeze.too_long"},
		{"backwards", d(2026, 11, 20), d(2026, 11, 19), "err.freeze.order"},
		{"over the earlier one", d(2026, 11, 12), d(2026, 11, 13), "err.freeze.overlap"},
		{"before the card", d(2026, 10, 30), d(2026, 11, 1), "err.freeze.outside"},
		{"on the last valid day", d(2026, 12, 3), d(2026, 12, 3), ""},
		{"after it", d(2026, 12, 4), d(2026, 12, 4), "err.freeze.outside"},
	} {
		err := ValidateFreeze(st, old, tc.from, tc.to)
		var fe *FieldError
		if tc.key == "" && err != nil || tc.key != "" && (!errors.As(err, &fe) || fe.Key != tc.key) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.key)
		}
	}
	none := CardStateOf(c, CardType{ValidDays: 30}, nil, 0, Date{}, d(2026, 11, 20))
	if err := ValidateFreeze(none, nil, d(2026, 11, 20), d(2026, 11, 21)); !errors.Is(err, &FieldError{Key: "err.freeze.none_left"}) {
		t.Errorf("a type without freezes: %v", err)
	}
	ended := CardStateOf(c, typ, nil, 0, Date{}, d(2026, 12, 5))
	if err := ValidateFreeze(ended, nil, d(2026, 12, 5), d(2026, 12, 6)); !errors.Is(err, &FieldError{Key: "err.freeze.card_ended"}) {
		t.Errorf("an expired card: %v", err)
	}
}

func TestCardFor(t *testing.T) {
	for _, tc := range []struct {
		st  CardState
		qty int
		key string
	}{
		{CardState{Status: CardActive, VisitsLeft: -1}, 3, ""},
		{CardState{Status: CardActive, VisitsLeft: 2}, 2, ""},
		{CardState{Status: CardActive, VisitsLeft: 1}, 2, "err.card.visits_left"},
		{CardState{Status: CardFrozen, VisitsLeft: 5}, 1, "err.card.frozen"},
		{CardState{Status: CardExpired}, 1, "err.card.expired"},
		{CardState{Status: CardUsedUp}, 1, "err.card.used_up"},
		{CardState{Status: CardNotActivated, VisitsLeft: -1}, 1, "err.card.not_started"},
	} {
		got := CardFor(tc.st, tc.qty)
		if tc.key == "" && got != nil || tc.key != "" && (got == nil || got.Key != tc.key) {
			t.Errorf("%+v qty %d: got %v, want %q", tc.st, tc.qty, got, tc.key)
		}
	}
}

func TestCardTypeAndCardValidate(t *testing.T) {
	bad := CardType{Name: "  ", ValidDays: 0, Visits: -1, FreezeDays: 400, Price: -1}
	var v ValidationErrors
	if err := bad.Validate(); !errors.As(err, &v) || len(v) != 5 {
		t.Errorf("bad type: %v", err)
	}
	good := CardType{Name: " 10  посещений ", ValidDays: 60, Visits: 10, Price: Rub(5000)}
	if err := good.Validate(); err != nil || good.Name != "10 посещений" {
		t.Errorf("good type: %v %q", err, good.Name)
	}
	today := d(2026, 11, 27)
	c := Card{ClientID: 1, TypeID: 1, Number: " ab-12 ", SoldOn: today}
	if err := c.Validate(today); err != nil || c.Number != "AB-12" {
		t.Errorf("card: %v %q", err, c.Number)
	}
	c = Card{ClientID: 1, TypeID: 1, Number: "12;DROP", SoldOn: today.AddDays(1), ValidFrom: today}
	if err := c.Validate(today); !errors.As(err, &v) || v.For("number") == nil || v.For("sold_on") == nil ||
		v.For("valid_from") == nil {
		t.Errorf("bad card: %v", err)
	}
}
