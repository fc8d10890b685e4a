package store

import (
	"context"
	"testing"

	"companion/model"
)

// recordsOf gives the client a visit and, with the consent, a measurement,
// as the owner: what the roles then correct and delete. It returns the
// number of the last audit entry it left.
func recordsOf(t *testing.T, s *Store, clientID uint) uint {
	t.Helper()
	if err := s.DB().Create(&model.Service{Name: "Массаж", Kind: "service", Price: model.Rub(2000), Active: true}).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordHealthConsent(context.Background(), clientID, s.Today()); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{addVisitTo(s, clientID), addAssessmentTo(s, clientID)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	log, err := s.AuditLog(context.Background(), 1, 0)
	if err != nil || len(log) == 0 {
		t.Fatalf("the setup left no audit entry: %v", err)
	}
	return log[0].ID
}

func addVisitTo(s *Store, clientID uint) error {
	v := model.Visit{ClientID: clientID, On: s.Today(), Lines: []model.VisitLine{{Name: "Массаж", Qty: 1, Price: model.Rub(2000)}}}
	return s.AddVisit(context.Background(), &v)
}

func addAssessmentTo(s *Store, clientID uint) error {
	a := model.Assessment{ClientID: clientID, On: s.Today(), WeightKg: 72.25}
	return s.AddAssessment(context.Background(), &a)
}

// firstVisit is the client's newest visit, read as the owner.
func firstVisit(t *testing.T, s *Store, clientID uint) model.Visit {
	t.Helper()
	vs, err := s.As(model.RoleOwner).Visits(context.Background(), clientID)
	if err != nil || len(vs) == 0 {
		t.Fatalf("no visit to change: %v", err)
	}
	return vs[0]
}

// firstAssessment is the client's first measurement, read as the owner.
func firstAssessment(t *testing.T, s *Store, clientID uint) model.Assessment {
	t.Helper()
	as, err := s.As(model.RoleOwner).Assessments(context.Background(), clientID)
	if err != nil || len(as) == 0 {
		t.Fatalf("no measurement to change: %v", err)
	}
	return as[0]
}
