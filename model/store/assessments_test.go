package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

func TestAssessmentsNeedHealthConsent(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	today := s.Today()
	no := mustCreate(t, s, model.Client{FirstName: "Без согласия"})
	yes := mustCreate(t, s, model.Client{FirstName: "Согласна", HealthConsentAt: today.AddDays(-30)})
	a := model.Assessment{ClientID: no.ID, On: today, WeightKg: 70, HeightCm: 170}
	if err := s.AddAssessment(ctx, &a); !errors.Is(err, model.ErrNoHealthConsent) {
		t.Errorf("without consent: %v", err)
	}
	for i, w := range []float64{82.5, 80.1, 78.4} {
		a := model.Assessment{ClientID: yes.ID, On: today.AddDays(-20 + 10*i), WeightKg: w, HeightCm: 168, WaistCm: 90 - float64(i),
			Systolic: 125, Diastolic: 82}
		if err := s.AddAssessment(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	bad := model.Assessment{ClientID: yes.ID, On: today, WeightKg: 7800}
	if err := s.AddAssessment(ctx, &bad); fieldKey(err, "weight") != "err.assessment.weight" {
		t.Errorf("grams for kilograms: %v", err)
	}
	got, err := s.Assessments(ctx, yes.ID)
	if err != nil || len(got) != 3 || got[0].WeightKg != 82.5 || got[2].BMI() != 27.8 || got[2].On != today {
		t.Fatalf("assessments %+v, %v", got, err)
	}
	fix := got[1]
	fix.WeightKg = 80.2
	if err := s.UpdateAssessment(ctx, &fix); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAssessment(ctx, got[0].ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Assessments(ctx, yes.ID)
	if len(got) != 2 || got[0].WeightKg != 80.2 {
		t.Errorf("after the edits: %+v", got)
	}
	var fe *model.ErrForbidden
	if _, err := s.As(model.RoleInterviewer).Assessments(ctx, yes.ID); !errors.As(err, &fe) || fe.Area != model.AreaHealth {
		t.Errorf("the interviewer read health data: %v", err)
	}
}
