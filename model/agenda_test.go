package model

import (
	"math"
	"testing"
	"time"
)

func TestRetentionWindowsAndActive(t *testing.T) {
	today := d(2026, 11, 27)
	prevFrom, prevTo, curFrom := RetentionWindows(today)
	if curFrom != d(2026, 8, 29) || prevTo != d(2026, 8, 28) || prevFrom != d(2026, 5, 30) {
		t.Errorf("windows %s–%s, %s–", prevFrom, prevTo, curFrom)
	}
	for _, tc := range []struct {
		last Date
		want bool
	}{{today, true}, {today.AddDays(-90), true}, {today.AddDays(-91), false}, {today.AddDays(1), false}, {Date{}, false}} {
		if ActiveOn(today, tc.last) != tc.want {
			t.Errorf("last visit %s: active %v", tc.last, !tc.want)
		}
		// the same edge as the client status: not lapsed is active
		if !tc.last.IsZero() && !tc.last.After(today) {
			lapsed := ClientStatus(today, 1, tc.last, tc.last) == StatusLapsed
			if lapsed == tc.want {
				t.Errorf("last visit %s: active %v but lapsed %v", tc.last, tc.want, lapsed)
			}
		}
	}
}

func TestLifetimeDays(t *testing.T) {
	today := d(2026, 11, 27)
	for _, tc := range []struct {
		first, last Date
		want        int
	}{
		{today.AddDays(-100), today.AddDays(-10), 100}, // still comes: to today
		{today.AddDays(-300), today.AddDays(-91), 209}, // lapsed: to the last visit
		{today.AddDays(-300), today.AddDays(-90), 300}, // the last active day
		{today, today, 0},
		{Date{}, Date{}, 0},
	} {
		if got := LifetimeDays(today, tc.first, tc.last); got != tc.want {
			t.Errorf("%s–%s: %d, want %d", tc.first, tc.last, got, tc.want)
		}
	}
}

func TestChartMonthsAcrossTheYear(t *testing.T) {
	ms := ChartMonthsTo(d(2028, 2, 29), 12)
	if len(ms) != 12 || ms[0] != d(2027, 3, 1) || ms[11] != d(2028, 2, 1) || ms[10] != d(2028, 1, 1) {
		t.Errorf("%v", ms)
	}
}

func TestFiguresOf(t *testing.T) {
	today := d(2026, 11, 27)
	ago := func(n int) Date { return today.AddDays(-n) }
	clients := [][]Date{
		{ago(200), ago(120), ago(30)}, // kept: in the previous window and this one
		{ago(150), ago(100)},          // lost: only in the previous window
		{ago(91), ago(90)},            // kept at the very edges
		{ago(400), ago(20)},           // came back after a long gap: active, not in the base
		{today.AddDays(-26), ago(0)},  // new this month (1 November)
		{ago(182)},                    // a day before the previous window
		{},                            // a lead
		{today.AddDays(3), ago(95)},   // a visit in the future does not count
		{ago(25), ago(25), ago(26)},   // two visits on one day, new this month
	}
	r, months := FiguresOf(today, clients)
	// base: clients 0, 1, 2, 7 (ago 95); kept: 0 and 2
	if r.Active != 5 || r.NewThisMonth != 2 || r.Retention90 != 0.5 {
		t.Errorf("%+v", r)
	}
	lifetimes := []int{200, 50, 91, 400, 26, 0, 0, 26}
	sum := 0
	for _, l := range lifetimes {
		sum += l
	}
	if want := float64(sum) / 8; math.Abs(r.AvgLifetimeDays-want) > 1e-9 {
		t.Errorf("lifetime %v, want %v", r.AvgLifetimeDays, want)
	}
	if len(months) != 12 || months[11].Month != d(2026, 11, 1) || months[11].Count != 3 || months[10].Count != 1 {
		t.Errorf("months %v", months)
	}
	_ = time.November
}

func TestCardAlertOn(t *testing.T) {
	today := d(2026, 11, 27)
	until := today.AddDays(CardAlertDays)
	for _, tc := range []struct {
		name string
		st   CardState
		want bool
	}{
		{"ends today", CardState{Status: CardActive, ValidTo: today, VisitsLeft: -1}, true},
		{"ends on the last alert day", CardState{Status: CardActive, ValidTo: until, VisitsLeft: -1}, true},
		{"ends the day after", CardState{Status: CardActive, ValidTo: until.AddDays(1), VisitsLeft: -1}, false},
		{"frozen, ending soon", CardState{Status: CardFrozen, ValidTo: today.AddDays(3), VisitsLeft: -1}, true},
		{"the alert visits left", CardState{Status: CardActive, ValidTo: until.AddDays(60), VisitsLeft: CardAlertVisits}, true},
		{"one visit more", CardState{Status: CardActive, ValidTo: until.AddDays(60), VisitsLeft: CardAlertVisits + 1}, false},
		{"unlimited, ending late", CardState{Status: CardActive, ValidTo: until.AddDays(60), VisitsLeft: -1}, false},
		{"used up", CardState{Status: CardUsedUp, ValidTo: today, VisitsLeft: 0}, false},
		{"expired", CardState{Status: CardExpired, ValidTo: today.AddDays(-1), VisitsLeft: 1}, false},
		{"not started", CardState{Status: CardNotActivated, ValidTo: today.AddDays(5), VisitsLeft: 1}, false},
	} {
		if got := CardAlertOn(tc.st, today); got != tc.want {
			t.Errorf("%s: alert %v, want %v", tc.name, got, tc.want)
		}
	}
}
