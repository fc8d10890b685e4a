package model

import "testing"

func TestTrustStage(t *testing.T) {
	today := d(2026, 11, 27)
	for _, tc := range []struct {
		name       string
		first      Date
		visits     int
		rating     float64
		complaints int
		want       Trust
	}{
		{"no visit yet", Date{}, 0, 0, 0, TrustNew},
		{"first visit today", today, 1, 0, 0, TrustNew},
		{"two visits over months", today.AddDays(-200), 2, 0, 0, TrustNew},
		{"three visits in 20 days", today.AddDays(-20), 3, 0, 0, TrustNew},
		{"three visits in 21 days", today.AddDays(-21), 3, 0, 0, TrustBuilding},
		{"eight visits in 89 days", today.AddDays(-89), 8, 0, 0, TrustBuilding},
		{"eight visits in 90 days", today.AddDays(-90), 8, 0, 0, TrustTrusted},
		{"seven visits in a year", today.AddDays(-365), 7, 0, 0, TrustBuilding},
		{"happy regular", today.AddDays(-300), 40, 4.8, 0, TrustTrusted},
		{"rating of exactly 4", today.AddDays(-300), 40, 4.0, 0, TrustTrusted},
		{"low ratings hold it back", today.AddDays(-300), 40, 3.9, 0, TrustBuilding},
		{"an open complaint holds it back", today.AddDays(-300), 40, 5, 1, TrustBuilding},
		{"a complaint from a newcomer", today.AddDays(-5), 2, 1, 1, TrustNew},
	} {
		if got := TrustStage(today, tc.first, tc.visits, tc.rating, tc.complaints); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	rec := ClientRecord{Client: Client{FirstVisitOn: today.AddDays(-100), VisitCount: 12}}
	if rec.Trust(today) != TrustTrusted {
		t.Error("a record with no feedback is not trusted")
	}
	if rec.OpenComplaints = 1; rec.Trust(today) != TrustBuilding {
		t.Error("a record's open complaint does not hold trust back")
	}
}
