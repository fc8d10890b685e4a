package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"companion/model"
)

// AddAssessment validates and stores a physical assessment; a.ID is set on
// success. It is refused with model.ErrNoHealthConsent for a client who has
// not agreed to the processing of health data, and written to the audit
// log.
func (s *Store) AddAssessment(ctx context.Context, a *model.Assessment) error {
	if err := s.allow(model.AreaHealth, model.Write); err != nil {
		return err
	}
	if err := a.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := healthConsent(tx, a.ClientID); err != nil {
			return err
		}
		a.ID = 0
		if err := tx.Create(a).Error; err != nil {
			return err
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaHealth, Action: "create", Table: "assessments",
			RecordID: a.ID, Fields: measured(a)})
	})
}

// UpdateAssessment corrects an assessment, under the same rules as
// AddAssessment.
func (s *Store) UpdateAssessment(ctx context.Context, a *model.Assessment) error {
	if err := s.allow(model.AreaHealth, model.Write); err != nil {
		return err
	}
	if err := a.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var old model.Assessment
		if err := tx.Take(&old, a.ID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		a.ClientID = old.ClientID
		if err := healthConsent(tx, a.ClientID); err != nil {
			return err
		}
		if err := tx.Model(a).Select("*").Updates(a).Error; err != nil {
			return err
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaHealth, Action: "update", Table: "assessments",
			RecordID: a.ID, Fields: measured(a)})
	})
}

// DeleteAssessment removes an assessment entered by mistake, with its
// photos and their files, and notes in the audit log which measures went,
// as for any change of health data.
func (s *Store) DeleteAssessment(ctx context.Context, id uint) error {
	if err := s.allow(model.AreaHealth, model.Delete); err != nil {
		return err
	}
	dir, err := s.PhotosDir()
	if err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var old model.Assessment
		if err := tx.Take(&old, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		photos, err := photosWhere(tx, "assessment_id = ?", id)
		if err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM assessment_photos WHERE assessment_id = ?", id).Error; err != nil {
			return err
		}
		if err := tx.Delete(&model.Assessment{}, id).Error; err != nil {
			return err
		}
		fields := measured(&old)
		if len(photos) > 0 {
			fields += ",photos"
		}
		if err := s.audit(tx, model.AuditEntry{Area: model.AreaHealth, Action: "delete", Table: "assessments",
			RecordID: id, Fields: fields}); err != nil {
			return err
		}
		return removePhotoFiles(dir, photos, "") // last: a file that stays keeps its row
	})
}

// RecordHealthConsent notes that the client agreed on day on to the
// processing of health data, and returns the client as stored. A consent
// already given is kept as it is. The change is written to the audit log.
func (s *Store) RecordHealthConsent(ctx context.Context, clientID uint, on model.Date) (model.Client, error) {
	var c model.Client
	if err := s.allow(model.AreaHealth, model.Write); err != nil {
		return c, err
	}
	switch {
	case on.IsZero():
		return c, model.ValidationErrors{{Field: "health_consent", Key: "err.date.required"}}
	case on.After(s.Today()):
		return c, model.ValidationErrors{{Field: "health_consent", Key: "err.date.future"}}
	}
	err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&c, clientID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		if !c.HealthConsentAt.IsZero() {
			return nil
		}
		before := c
		c.HealthConsentAt, c.Version, c.UpdatedAt = on, c.Version+1, s.moment()
		err := tx.Model(&model.Client{}).Where("id = ?", clientID).UpdateColumns(map[string]any{
			"health_consent_at": c.HealthConsentAt, "version": c.Version, "updated_at": c.UpdatedAt}).Error
		if err != nil {
			return err
		}
		return s.auditHealth(tx, "update", clientID, before, c)
	})
	return c, err
}

// Assessments returns a client's assessments, the oldest first, as the
// progress chart reads them.
func (s *Store) Assessments(ctx context.Context, clientID uint) ([]model.Assessment, error) {
	if err := s.allow(model.AreaHealth, model.Read); err != nil {
		return nil, err
	}
	return assessmentsOf(s.ctx(ctx), clientID)
}

func assessmentsOf(tx *gorm.DB, clientID uint) ([]model.Assessment, error) {
	out := []model.Assessment{}
	err := tx.Where("client_id = ?", clientID).Order("day, id").Find(&out).Error
	return out, err
}

func healthConsent(tx *gorm.DB, clientID uint) error {
	var c model.Client
	err := tx.Select("id, health_consent_at").Take(&c, clientID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return model.ValidationErrors{{Field: "client", Key: "err.client.not_found"}}
	}
	if err != nil {
		return err
	}
	if c.HealthConsentAt.IsZero() {
		return model.ErrNoHealthConsent
	}
	return nil
}

// measured names the columns an assessment fills, for the audit log.
func measured(a *model.Assessment) string {
	var out []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"day", true}, {"weight_kg", a.WeightKg != 0}, {"height_cm", a.HeightCm != 0}, {"waist_cm", a.WaistCm != 0},
		{"hips_cm", a.HipsCm != 0}, {"chest_cm", a.ChestCm != 0}, {"body_fat_pct", a.BodyFatPct != 0},
		{"systolic", a.Systolic != 0}, {"diastolic", a.Diastolic != 0},
		{"contraindications", a.Contraindications != ""}, {"notes", a.Notes != ""}} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return strings.Join(out, ",")
}
