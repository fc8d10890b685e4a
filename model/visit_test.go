package model

import (
	"errors"
	"testing"
	"time"
)

func TestVisitValidate(t *testing.T) {
	today := d(2026, 11, 27)
	card := uint(7)
	ok := Visit{ClientID: 1, On: today, Lines: []VisitLine{
		{Name: " Чистка  лица ", Qty: 1, Price: Rub(3500), Discount: Rub(500)},
		{Name: "Тренажёрный зал", Qty: 1, Price: Rub(700), PaidBy: PaidCard, CardID: &card},
		{Name: "Крем SPF 50", Qty: 2, Price: Rub(2400), PaidBy: PaidMoney, CardID: &card},
	}}
	if err := ok.Validate(today); err != nil {
		t.Fatal(err)
	}
	if ok.Lines[0].Name != "Чистка лица" || ok.Lines[0].PaidBy != PaidMoney || ok.Lines[2].CardID != nil {
		t.Errorf("not normalised: %+v", ok.Lines)
	}
	if got := ok.Total(); got != Rub(3000+4800) {
		t.Errorf("total %s", got.Format("ru"))
	}
	if got := ok.CardVisits(); got[card] != 1 || len(got) != 1 {
		t.Errorf("card visits %v", got)
	}
	for _, tc := range []struct {
		name  string
		v     Visit
		field string
		key   string
	}{
		{"no day", Visit{ClientID: 1, Lines: ok.Lines}, "on", "err.date.required"},
		{"tomorrow", Visit{ClientID: 1, On: today.AddDays(1), Lines: ok.Lines}, "on", "err.date.future"},
		{"no lines", Visit{ClientID: 1, On: today}, "lines", "err.visit.no_lines"},
		{"no quantity", Visit{ClientID: 1, On: today, Lines: []VisitLine{{Name: "x", Price: 1}}}, "line.0.qty", "err.visit.line.qty"},
		{"too many", Visit{ClientID: 1, On: today, Lines: []VisitLine{{Name: "x", Qty: 1000}}}, "line.0.qty", "err.visit.line.qty"},
		{"discount above the price", Visit{ClientID: 1, On: today, Lines: []VisitLine{{Name: "x", Qty: 2, Price: 100, Discount: 201}}},
			"line.0.discount", "err.visit.line.discount"},
		{"the whole price off", Visit{ClientID: 1, On: today, Lines: []VisitLine{{Name: "x", Qty: 2, Price: 100, Discount: 200}}}, "", ""},
		{"card without a card", Visit{ClientID: 1, On: today, Lines: []VisitLine{{Name: "x", Qty: 1, PaidBy: PaidCard}}},
			"line.0.card", "err.visit.line.card_required"},
		{"paid by barter", Visit{ClientID: 1, On: today, Lines: []VisitLine{{Name: "x", Qty: 1, PaidBy: "barter"}}},
			"line.0.paid_by", "err.visit.line.paid_by"},
		{"second line unnamed", Visit{ClientID: 1, On: today, Lines: []VisitLine{{Name: "x", Qty: 1}, {Qty: 1}}},
			"line.1.name", "err.visit.line.name_required"},
	} {
		err := tc.v.Validate(today)
		var v ValidationErrors
		if tc.key == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if !errors.As(err, &v) || v.For(tc.field) == nil || v.For(tc.field).Key != tc.key {
			t.Errorf("%s: got %v, want %s: %s", tc.name, err, tc.field, tc.key)
		}
	}
}

func TestServiceValidate(t *testing.T) {
	s := Service{Name: "  Массаж   спины ", Kind: "service", Price: Rub(2000), Minutes: 30}
	if err := s.Validate(); err != nil || s.Name != "Массаж спины" {
		t.Errorf("%v %q", err, s.Name)
	}
	var v ValidationErrors
	bad := Service{Kind: "gift", Price: -1, Minutes: 2000}
	if err := bad.Validate(); !errors.As(err, &v) || len(v) != 4 {
		t.Errorf("bad service: %v", err)
	}
}

func TestLineField(t *testing.T) {
	if LineField(3, "qty") != "line.3.qty" {
		t.Error(LineField(3, "qty"))
	}
	_ = time.Now
}
