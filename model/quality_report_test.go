package model

import (
	"reflect"
	"testing"
)

func TestSplitNPSCountsWhatTheScoreIsMadeOf(t *testing.T) {
	tests := []struct {
		answers   []int
		p, pa, d  int
		score     float64
		n         int
		scoreKnow bool
	}{
		{nil, 0, 0, 0, 0, 0, false},
		{[]int{10, 9, 8, 7, 6, 0}, 2, 2, 2, 0, 6, true},
		{[]int{9, 9, 7, 7, 7, 7, 6}, 2, 4, 1, 14, 7, true},
		{[]int{NPSPromoterFrom, NPSPromoterFrom - 1, NPSDetractorTo + 1, NPSDetractorTo}, 1, 2, 1, 0, 4, true},
	}
	for _, tt := range tests {
		s := SplitNPS(tt.answers)
		if s.Promoters != tt.p || s.Passives != tt.pa || s.Detractors != tt.d || s.Score != NPSOf(tt.answers) ||
			s.Score.Value != tt.score || s.Score.N != tt.n || s.Score.Known() != tt.scoreKnow {
			t.Errorf("split of %v: %+v", tt.answers, s)
		}
		if s.Promoters+s.Passives+s.Detractors != s.Score.N {
			t.Errorf("split of %v does not add up to its answers: %+v", tt.answers, s)
		}
	}
}

func TestTopCountsMostFirstThenByName(t *testing.T) {
	counts := map[string]int{"Пилинг": 2, "Массаж": 3, "Маникюр": 2, "Стрижка": 0, "Чистка": 1}
	want := []Count{{"Массаж", 3}, {"Маникюр", 2}, {"Пилинг", 2}}
	if got := TopCounts(counts, 3); !reflect.DeepEqual(got, want) {
		t.Errorf("top 3: %v", got)
	}
	if got := TopCounts(counts, 0); len(got) != 4 || got[3] != (Count{"Чистка", 1}) {
		t.Errorf("all: %v", got)
	}
	if got := TopCounts(nil, 5); got == nil || len(got) != 0 {
		t.Errorf("none: %#v", got)
	}
}
