package model

import (
	"math"
	"strconv"
	"strings"
)

// MeasureDecimals is how many decimals a measure and a goal keep: a weight
// of 72.25 kg is kept as typed.
const MeasureDecimals = 2

// ParseMeasure reads a measure typed with a point or a comma as the
// decimal mark; "" is 0 (not measured). A number with more than decimals
// decimals is refused (err.measure.decimals, N the decimals), never
// rounded; decimals 0 asks for a whole number.
func ParseMeasure(text string, decimals int) (float64, *FieldError) {
	t := strings.ReplaceAll(strings.TrimSpace(text), ",", ".")
	if t == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || strings.ContainsAny(t, "eExX_") {
		return 0, &FieldError{Key: "err.number"}
	}
	if i := strings.IndexByte(t, '.'); i >= 0 && len(strings.TrimRight(t[i+1:], "0")) > decimals {
		if decimals == 0 {
			return v, &FieldError{Key: "err.measure.whole"}
		}
		return v, &FieldError{Key: "err.measure.decimals", Args: map[string]any{"N": decimals}}
	}
	return v, nil
}

// MeasureText writes a measure with a point and as many decimals as it
// has, up to MeasureDecimals: "72.25", "68.5", "70"; "" for 0.
func MeasureText(v float64) string {
	if v == 0 {
		return ""
	}
	p := math.Pow(10, MeasureDecimals)
	return strconv.FormatFloat(math.Round(v*p)/p, 'f', -1, 64)
}
