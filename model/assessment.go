package model

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Assessment is an objective evaluation of a client's physical condition
// on a day. A measure of 0 was not taken. It is health data: it is kept
// only with the client's consent to the processing of health data.
type Assessment struct {
	ID                uint
	ClientID          uint
	On                Date `gorm:"column:day"`
	WeightKg          float64
	HeightCm          float64
	WaistCm           float64
	HipsCm            float64
	ChestCm           float64
	BodyFatPct        float64
	Systolic          int // blood pressure, mm Hg
	Diastolic         int
	Contraindications string
	Notes             string
}

// BMI is the body mass index, kg/m², to one decimal; 0 without the weight
// or the height.
func (a Assessment) BMI() float64 {
	if a.WeightKg <= 0 || a.HeightCm <= 0 {
		return 0
	}
	m := a.HeightCm / 100
	return math.Round(a.WeightKg/(m*m)*10) / 10
}

// measureRange is the plausible range of one measure: a value outside it is
// a typing slip (grams for kilograms, a missed digit), not a person.
type measureRange struct {
	field    string
	key      string
	min, max float64
}

// MeasureRanges are the plausible ranges of the measures, by field.
var MeasureRanges = []measureRange{
	{"weight", "err.assessment.weight", 20, 400},
	{"height", "err.assessment.height", 90, 250},
	{"waist", "err.assessment.waist", 30, 250},
	{"hips", "err.assessment.hips", 30, 250},
	{"chest", "err.assessment.chest", 30, 250},
	{"body_fat", "err.assessment.body_fat", 2, 70},
}

// Blood pressure ranges, mm Hg.
const (
	MinSystolic, MaxSystolic   = 60, 250
	MinDiastolic, MaxDiastolic = 30, 150
)

// ErrNoHealthConsent refuses health data for a client who has not agreed
// to its processing.
var ErrNoHealthConsent = &FieldError{Field: "client", Key: "err.assessment.no_consent"}

// Validate trims the assessment and checks it: a day not after today, at
// least one measure, every measure within its plausible range, and a blood
// pressure given whole with the systolic above the diastolic.
func (a *Assessment) Validate(today Date) error {
	var errs ValidationErrors
	a.Contraindications = strings.TrimSpace(a.Contraindications)
	a.Notes = strings.TrimSpace(a.Notes)
	switch {
	case a.On.IsZero():
		errs.add("on", "err.date.required", nil)
	case a.On.After(today):
		errs.add("on", "err.date.future", nil)
	}
	values := map[string]float64{"weight": a.WeightKg, "height": a.HeightCm, "waist": a.WaistCm,
		"hips": a.HipsCm, "chest": a.ChestCm, "body_fat": a.BodyFatPct}
	measured := a.Systolic != 0 || a.Diastolic != 0 || a.Contraindications != "" || a.Notes != ""
	for _, r := range MeasureRanges {
		v := values[r.field]
		if v == 0 {
			continue
		}
		measured = true
		if math.IsNaN(v) || v < r.min || v > r.max {
			errs.add(r.field, r.key, map[string]any{"Min": r.min, "Max": r.max})
		}
	}
	if !measured {
		errs.add("on", "err.assessment.empty", nil)
	}
	switch {
	case a.Systolic == 0 && a.Diastolic == 0:
	case a.Systolic == 0 || a.Diastolic == 0:
		errs.add("pressure", "err.assessment.pressure_pair", nil)
	case a.Systolic < MinSystolic || a.Systolic > MaxSystolic:
		errs.add("pressure", "err.assessment.systolic", map[string]any{"Min": MinSystolic, "Max": MaxSystolic})
	case a.Diastolic < MinDiastolic || a.Diastolic > MaxDiastolic:
		errs.add("pressure", "err.assessment.diastolic", map[string]any{"Min": MinDiastolic, "Max": MaxDiastolic})
	case a.Systolic <= a.Diastolic:
		errs.add("pressure", "err.assessment.pressure_order", nil)
	}
	if utf8.RuneCountInString(a.Contraindications) > maxText {
		errs.add("contraindications", "err.text.too_long", map[string]any{"Max": maxText})
	}
	if utf8.RuneCountInString(a.Notes) > maxText {
		errs.add("notes", "err.text.too_long", map[string]any{"Max": maxText})
	}
	return errs.OrNil()
}
