package clients

import (
	"companion/model"
	"companion/model/i18n"
)

// measure shows a measure or a goal as it was typed, in the language's
// way: "72,25" in Russian, "72.25" in English; "" for none.
func measure(v float64) string { return i18n.LocalDecimal(model.MeasureText(v)) }

// measureCell is a measure in a table: "—" for one not taken.
func measureCell(v float64) string {
	if v == 0 {
		return "—"
	}
	return measure(v)
}

// readMeasure reads a measure or a goal typed with a comma or a point; ""
// is 0. More decimals than model.MeasureDecimals are refused under the
// field, not rounded away.
func readMeasure(field, text string, errs *model.ValidationErrors) float64 {
	return readNumber(field, text, model.MeasureDecimals, errs)
}

// readNumber reads a number with at most decimals decimals.
func readNumber(field, text string, decimals int, errs *model.ValidationErrors) float64 {
	v, fe := model.ParseMeasure(text, decimals)
	if fe != nil {
		fe.Field = field
		*errs = append(*errs, fe)
	}
	return v
}
