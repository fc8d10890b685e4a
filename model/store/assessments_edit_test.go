package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

func TestDeletingAMeasurementIsAuditedAsHealthData(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	c := mustCreate(t, s, model.Client{FirstName: "Анна", HealthConsentAt: s.Today()})
	a := model.Assessment{ClientID: c.ID, On: s.Today(), WeightKg: 72.25, WaistCm: 80}
	if err := s.AddAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Assessments(ctx, c.ID); len(got) != 1 || got[0].WeightKg != 72.25 {
		t.Fatalf("a weight of 72.25 reads back as %+v", got)
	}
	if err := s.DeleteAssessment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAssessment(ctx, a.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a second deletion: %v", err)
	}
	log, _ := s.AuditLog(ctx, 1, 0)
	if len(log) != 1 || log[0].Area != model.AreaHealth || log[0].Action != "delete" || log[0].Table != "assessments" ||
		log[0].RecordID != a.ID || log[0].Fields != "day,weight_kg,waist_cm" {
		t.Errorf("the deletion is logged as %+v", log)
	}
	if n, err := s.VerifyAudit(ctx); err != nil || n < 2 {
		t.Errorf("the audit chain: %d, %v", n, err)
	}
}

func TestHealthConsentRecordedFromTheMeasurementsPage(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	c := mustCreate(t, s, model.Client{FirstName: "Анна"})
	if _, err := s.RecordHealthConsent(ctx, c.ID, s.Today().AddDays(1)); fieldKey(err, "health_consent") != "err.date.future" {
		t.Errorf("a consent given tomorrow: %v", err)
	}
	got, err := s.RecordHealthConsent(ctx, c.ID, s.Today())
	if err != nil || got.HealthConsentAt != s.Today() || got.Version != c.Version+1 {
		t.Fatalf("recorded %+v, %v", got, err)
	}
	log, _ := s.AuditLog(ctx, 1, 0)
	if len(log) != 1 || log[0].Area != model.AreaHealth || log[0].Fields != "health_consent_at" || log[0].RecordID != c.ID {
		t.Errorf("the consent is logged as %+v", log)
	}
	a := model.Assessment{ClientID: c.ID, On: s.Today(), WeightKg: 70}
	if err := s.AddAssessment(ctx, &a); err != nil {
		t.Errorf("a measurement after the consent: %v", err)
	}
	// a consent given before is kept as it was
	again, err := s.RecordHealthConsent(ctx, c.ID, s.Today().AddDays(-1))
	if err != nil || again.HealthConsentAt != s.Today() || again.Version != got.Version {
		t.Errorf("recording again changed the consent: %+v, %v", again, err)
	}
	if _, err := s.RecordHealthConsent(ctx, 999, s.Today()); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a consent of nobody: %v", err)
	}
}
