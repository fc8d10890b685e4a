package model

import (
	"errors"
	"testing"
)

func TestBMI(t *testing.T) {
	for _, tc := range []struct {
		w, h, want float64
	}{{70, 175, 22.9}, {95.5, 180, 29.5}, {0, 180, 0}, {70, 0, 0}, {120, 160, 46.9}} {
		if got := (Assessment{WeightKg: tc.w, HeightCm: tc.h}).BMI(); got != tc.want {
			t.Errorf("BMI(%v kg, %v cm) = %v, want %v", tc.w, tc.h, got, tc.want)
		}
	}
}

func TestAssessmentRanges(t *testing.T) {
	today := d(2026, 11, 27)
	for _, tc := range []struct {
		name  string
		a     Assessment
		field string
		key   string
	}{
		{"lowest weight", Assessment{On: today, WeightKg: 20}, "", ""},
		{"below it", Assessment{On: today, WeightKg: 19.9}, "weight", "err.assessment.weight"},
		{"highest weight", Assessment{On: today, WeightKg: 400}, "", ""},
		{"grams for kilograms", Assessment{On: today, WeightKg: 70500}, "weight", "err.assessment.weight"},
		{"height 90", Assessment{On: today, HeightCm: 90}, "", ""},
		{"height in metres", Assessment{On: today, HeightCm: 1.75}, "height", "err.assessment.height"},
		{"height 251", Assessment{On: today, HeightCm: 251}, "height", "err.assessment.height"},
		{"waist 29", Assessment{On: today, WaistCm: 29}, "waist", "err.assessment.waist"},
		{"hips 250", Assessment{On: today, HipsCm: 250}, "", ""},
		{"chest 251", Assessment{On: today, ChestCm: 251}, "chest", "err.assessment.chest"},
		{"body fat 2", Assessment{On: today, BodyFatPct: 2}, "", ""},
		{"body fat 71", Assessment{On: today, BodyFatPct: 71}, "body_fat", "err.assessment.body_fat"},
		{"pressure 120/80", Assessment{On: today, Systolic: 120, Diastolic: 80}, "", ""},
		{"pressure the wrong way", Assessment{On: today, Systolic: 80, Diastolic: 120}, "pressure", "err.assessment.pressure_order"},
		{"pressure equal", Assessment{On: today, Systolic: 100, Diastolic: 100}, "pressure", "err.assessment.pressure_order"},
		{"half a pressure", Assessment{On: today, Systolic: 120}, "pressure", "err.assessment.pressure_pair"},
		{"systolic 251", Assessment{On: today, Systolic: 251, Diastolic: 90}, "pressure", "err.assessment.systolic"},
		{"systolic 60", Assessment{On: today, Systolic: 60, Diastolic: 30}, "", ""},
		{"diastolic 29", Assessment{On: today, Systolic: 110, Diastolic: 29}, "pressure", "err.assessment.diastolic"},
		{"diastolic 151", Assessment{On: today, Systolic: 200, Diastolic: 151}, "pressure", "err.assessment.diastolic"},
		{"nothing measured", Assessment{On: today}, "on", "err.assessment.empty"},
		{"only contraindications", Assessment{On: today, Contraindications: "варикоз"}, "", ""},
		{"tomorrow", Assessment{On: today.AddDays(1), WeightKg: 70}, "on", "err.date.future"},
	} {
		err := tc.a.Validate(today)
		if tc.key == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		var v ValidationErrors
		if !errors.As(err, &v) || v.For(tc.field) == nil || v.For(tc.field).Key != tc.key {
			t.Errorf("%s: got %v, want %s: %s", tc.name, err, tc.field, tc.key)
		} else if fe := v.For(tc.field); tc.field == "weight" && (fe.Args["Min"] != 20.0 || fe.Args["Max"] != 400.0) {
			t.Errorf("%s: args %v", tc.name, fe.Args)
		}
	}
}
