package model

import (
	"testing"
	"time"
)

func TestCancelFreeze(t *testing.T) {
	f := CardFreeze{ID: 1, CardID: 2, From: d(2026, time.November, 20), To: d(2026, time.November, 26)}
	for _, tc := range []struct {
		name    string
		today   Date
		removed bool
		to      Date
		refused bool
	}{
		{"before it starts", d(2026, time.November, 19), true, Date{}, false},
		{"on its first day", d(2026, time.November, 20), true, Date{}, false},
		{"under way", d(2026, time.November, 23), false, d(2026, time.November, 22), false},
		{"on its last day", d(2026, time.November, 26), false, d(2026, time.November, 25), false},
		{"after it", d(2026, time.November, 27), false, f.To, true},
	} {
		kept, removed, err := CancelFreeze(f, tc.today)
		if removed != tc.removed || (err != nil) != tc.refused || !removed && kept.To != tc.to {
			t.Errorf("%s: kept %v–%v, removed %v, err %v", tc.name, kept.From, kept.To, removed, err)
		}
		if !removed && !tc.refused && (kept.From != f.From || kept.ID != f.ID) {
			t.Errorf("%s: the freeze kept is %+v", tc.name, kept)
		}
	}
}
