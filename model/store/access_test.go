package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
	"companion/model/clientio"
	"companion/model/demo"
)

// TestEachRoleIsRefusedOrAllowedByTheStore calls the real methods through a
// store As each role: each must be refused with *model.ErrForbidden exactly
// when model.Allowed says no, whatever the window shows or hides.
func TestEachRoleIsRefusedOrAllowedByTheStore(t *testing.T) {
	ctx := context.Background()
	calls := []struct {
		name string
		area model.Area
		act  model.Action
		call func(s *Store, id uint) error
	}{
		{"ListClients", model.AreaClients, model.Read, func(s *Store, _ uint) error {
			_, err := s.ListClients(ctx, model.ClientQuery{})
			return err
		}},
		{"Client", model.AreaClients, model.Read, func(s *Store, id uint) error { _, err := s.Client(ctx, id); return err }},
		{"ClientByPhone", model.AreaClients, model.Read, func(s *Store, _ uint) error {
			_, err := s.ClientByPhone(ctx, "+79160000001")
			return err
		}},
		{"CountClients", model.AreaClients, model.Read, func(s *Store, _ uint) error { _, err := s.CountClients(ctx); return err }},
		{"ExistingPhones", model.AreaClients, model.Read, func(s *Store, _ uint) error {
			_, err := s.ExistingPhones(ctx, []string{"+79160000001"})
			return err
		}},
		{"ExportClients", model.AreaClients, model.Read, func(s *Store, _ uint) error {
			_, err := s.ExportClients(ctx, model.ClientQuery{})
			return err
		}},
		{"CheckImport", model.AreaClients, model.Read, func(s *Store, _ uint) error { return s.CheckImport(ctx, &clientio.Import{}) }},
		{"IsEmpty", model.AreaSettings, model.Read, func(s *Store, _ uint) error { _, err := s.IsEmpty(ctx); return err }},
		{"AccessMode", model.AreaPermissions, model.Read, func(s *Store, _ uint) error { _, err := s.AccessMode(ctx); return err }},
		{"HasPIN", model.AreaPermissions, model.Read, func(s *Store, _ uint) error {
			_, err := s.HasPIN(ctx, model.RoleOwner)
			return err
		}},
		{"AuditLog", model.AreaAudit, model.Read, func(s *Store, _ uint) error { _, err := s.AuditLog(ctx, 10, 0); return err }},
		{"VerifyAudit", model.AreaAudit, model.Read, func(s *Store, _ uint) error { _, err := s.VerifyAudit(ctx); return err }},
		{"CreateClient", model.AreaClients, model.Write, func(s *Store, _ uint) error {
			return s.CreateClient(ctx, &model.Client{FirstName: "Вера"})
		}},
		{"CreateClients", model.AreaClients, model.Write, func(s *Store, _ uint) error {
			return s.CreateClients(ctx, []*model.Client{{FirstName: "Зоя"}})
		}},
		{"UpdateClient", model.AreaClients, model.Write, func(s *Store, id uint) error {
			c, err := s.As(model.RoleOwner).Client(ctx, id)
			if err != nil {
				return err
			}
			c.Health, c.HealthConsentAt = "гипертония", model.NewDate(2026, 11, 1)
			return s.UpdateClient(ctx, &c)
		}},
		{"SetArchived", model.AreaClients, model.Write, func(s *Store, id uint) error { return s.SetArchived(ctx, id, false) }},
		{"ImportClients", model.AreaClients, model.Write, func(s *Store, _ uint) error {
			_, err := s.ImportClients(ctx, &clientio.Import{}, true)
			return err
		}},
		{"FillDemo", model.AreaSettings, model.Write, func(s *Store, _ uint) error { return s.FillDemo(ctx, demo.Data{}) }},
		{"AllStaff", model.AreaStaff, model.Read, func(s *Store, _ uint) error { _, err := s.AllStaff(ctx); return err }},
		{"StaffRoles", model.AreaStaff, model.Read, func(s *Store, _ uint) error { _, err := s.StaffRoles(ctx); return err }},
		{"Contraindications", model.AreaSettings, model.Read, func(s *Store, _ uint) error { _, err := s.Contraindications(ctx); return err }},
		{"SaveBlock", model.AreaStaff, model.Write, func(s *Store, _ uint) error {
			return s.SaveBlock(ctx, &model.Block{Name: "Блок " + string(s.Role())})
		}},
		{"SaveStaff", model.AreaStaff, model.Write, func(s *Store, _ uint) error {
			return s.SaveStaff(ctx, &model.Staff{Name: "Орлов Артём", Role: "тренер", Active: true})
		}},
		{"SaveStaffRole", model.AreaStaff, model.Write, func(s *Store, _ uint) error {
			return s.SaveStaffRole(ctx, &model.StaffRole{Name: "массажист " + string(s.Role()), Duties: "Массаж"})
		}},
		{"SaveService", model.AreaSettings, model.Write, func(s *Store, _ uint) error {
			return s.SaveService(ctx, &model.Service{Name: "Массаж", Kind: "service", Minutes: 60, Active: true,
				Contraindications: []string{"гипертония"}})
		}},
		{"SaveContraindication", model.AreaSettings, model.Write, func(s *Store, _ uint) error {
			return s.SaveContraindication(ctx, &model.Contraindication{Name: "беременность " + string(s.Role())})
		}},
		{"SetPIN", model.AreaPermissions, model.Write, func(s *Store, _ uint) error {
			return s.SetPIN(ctx, model.RoleOwner, "1234")
		}},
		{"SetSingleUser", model.AreaPermissions, model.Write, func(s *Store, _ uint) error { return s.SetSingleUser(ctx) }},
		{"RemovePIN", model.AreaPermissions, model.Delete, func(s *Store, _ uint) error {
			return s.RemovePIN(ctx, model.RoleInterviewer)
		}},
		{"Visits", model.AreaClients, model.Read, func(s *Store, id uint) error { _, err := s.Visits(ctx, id); return err }},
		{"AddVisit", model.AreaClients, model.Write, func(s *Store, id uint) error { return addVisitTo(s, id) }},
		{"UpdateVisit", model.AreaClients, model.Write, func(s *Store, id uint) error {
			v := firstVisit(t, s, id)
			v.Notes = "исправлено"
			return s.UpdateVisit(ctx, &v)
		}},
		{"Assessments", model.AreaHealth, model.Read, func(s *Store, id uint) error { _, err := s.Assessments(ctx, id); return err }},
		{"RecordHealthConsent", model.AreaHealth, model.Write, func(s *Store, id uint) error {
			_, err := s.RecordHealthConsent(ctx, id, s.Today())
			return err
		}},
		{"AddAssessment", model.AreaHealth, model.Write, func(s *Store, id uint) error { return addAssessmentTo(s, id) }},
		{"UpdateAssessment", model.AreaHealth, model.Write, func(s *Store, id uint) error {
			a := firstAssessment(t, s, id)
			a.WeightKg = 71.25
			return s.UpdateAssessment(ctx, &a)
		}},
		{"DeleteAssessment", model.AreaHealth, model.Delete, func(s *Store, id uint) error {
			return s.DeleteAssessment(ctx, firstAssessment(t, s, id).ID)
		}},
		{"DeleteVisit", model.AreaClients, model.Delete, func(s *Store, id uint) error {
			return s.DeleteVisit(ctx, firstVisit(t, s, id).ID)
		}},
	}
	for _, role := range model.Roles {
		t.Run(string(role), func(t *testing.T) {
			root := openTest(t)
			c := mustCreate(t, root, model.Client{FirstName: "Анна", Phone: "+79160000001"})
			setup := recordsOf(t, root, c.ID) // a visit and a measurement to correct and delete, as the owner
			s := root.As(role)
			for _, tc := range calls {
				err := tc.call(s, c.ID)
				var fe *model.ErrForbidden
				refused := errors.As(err, &fe)
				if want := !model.Allowed(role, tc.area, tc.act); refused != want {
					t.Errorf("%s as %s: %v; want refused=%v", tc.name, role, err, want)
				}
				if refused && (fe.Role != role || fe.Area != tc.area || fe.Action != tc.act) {
					t.Errorf("%s as %s: refused for %+v", tc.name, role, fe)
				}
			}
			// What was allowed left its trace in the audit log with the role.
			log, err := root.AuditLog(ctx, 100, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range log {
				if e.ID > setup && e.Role != role {
					t.Errorf("audit entry %d stamped %s, signed in as %s", e.ID, e.Role, role)
				}
			}
			if model.Allowed(role, model.AreaHealth, model.Write) && len(log) == 0 {
				t.Error("a health change left no audit entry")
			}
		})
	}
}

// TestSignInIsTheOnlyDoorNeedingNoRole: a store As any role may try a PIN,
// and gets the store of the role whose PIN it is.
func TestSignInIsTheOnlyDoorNeedingNoRole(t *testing.T) {
	root := openTest(t)
	mustSet(t, root, model.RoleOwner, "1111")
	in, err := root.As(model.RoleInterviewer).SignIn(context.Background(), model.RoleOwner, "1111")
	if err != nil || in.Role() != model.RoleOwner {
		t.Fatalf("%v, %v", in, err)
	}
}
