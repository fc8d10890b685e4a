package model

import "testing"

func TestMeasuresKeepWhatWasTyped(t *testing.T) {
	for _, tc := range []struct {
		in       string
		decimals int
		want     float64
		key      string
	}{
		{"72,25", MeasureDecimals, 72.25, ""}, {"72.25", MeasureDecimals, 72.25, ""}, {" 68,5 ", MeasureDecimals, 68.5, ""},
		{"70", MeasureDecimals, 70, ""}, {"", MeasureDecimals, 0, ""}, {"72,250", MeasureDecimals, 72.25, ""},
		{"72,255", MeasureDecimals, 72.255, "err.measure.decimals"}, {"120,5", 0, 120.5, "err.measure.whole"},
		{"120", 0, 120, ""}, {"abc", MeasureDecimals, 0, "err.number"}, {"1e2", MeasureDecimals, 0, "err.number"},
		{"72,2,5", MeasureDecimals, 0, "err.number"},
	} {
		got, fe := ParseMeasure(tc.in, tc.decimals)
		key := ""
		if fe != nil {
			key = fe.Key
		}
		if key != tc.key || tc.key == "" && got != tc.want {
			t.Errorf("ParseMeasure(%q, %d) = %v, %q; want %v, %q", tc.in, tc.decimals, got, key, tc.want, tc.key)
		}
	}
	for v, want := range map[float64]string{72.25: "72.25", 68.5: "68.5", 70: "70", 0: "", 25.1: "25.1"} {
		if got := MeasureText(v); got != want {
			t.Errorf("MeasureText(%v) = %q, want %q", v, got, want)
		}
	}
}
