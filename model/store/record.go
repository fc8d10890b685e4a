package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"companion/model"
)

// ClientRecord reads everything kept about one client: the profile, visits
// with their lines, cards with their freezes, assessments and the contact
// timeline, with the names of the referrer, the staff and the intro topics
// they refer to.
func (s *Store) ClientRecord(ctx context.Context, id uint) (model.ClientRecord, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return model.ClientRecord{}, err
	}
	if err := s.allow(model.AreaHealth, model.Read); err != nil {
		return model.ClientRecord{}, err
	}
	var rec model.ClientRecord
	err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Take(&rec.Client, id).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		}
		if err != nil {
			return err
		}
		if rec.Visits, err = s.visitsOf(tx, id); err != nil {
			return err
		}
		if rec.Cards, err = s.cardsOf(tx, id); err != nil {
			return err
		}
		if rec.Assessments, err = assessmentsOf(tx, id); err != nil {
			return err
		}
		if rec.Contacts, err = contactsOf(tx, id); err != nil {
			return err
		}
		if rec.AvgRating, rec.OpenComplaints, err = standingOf(tx, id); err != nil {
			return err
		}
		return recordNames(tx, &rec)
	})
	return rec, err
}

func recordNames(tx *gorm.DB, rec *model.ClientRecord) error {
	rec.StaffNames, rec.TopicTitles = map[uint]string{}, map[uint]string{}
	if id := rec.Client.ReferrerID; id != nil {
		var ref model.Client
		err := tx.Select("id, last_name, first_name, middle_name").Take(&ref, *id).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		rec.ReferrerName = ref.FullName()
	}
	var staffIDs []uint
	for _, v := range rec.Visits {
		for _, l := range v.Lines {
			if l.StaffID != nil {
				staffIDs = append(staffIDs, *l.StaffID)
			}
		}
	}
	if len(staffIDs) > 0 {
		var staff []model.Staff
		if err := tx.Select("id, name").Where("id IN ?", staffIDs).Find(&staff).Error; err != nil {
			return err
		}
		for _, st := range staff {
			rec.StaffNames[st.ID] = st.Name
		}
	}
	for _, c := range rec.Contacts {
		if c.Topics != "" {
			topics, err := introTopics(tx)
			if err != nil {
				return err
			}
			for _, t := range topics {
				rec.TopicTitles[t.ID] = t.Title
			}
			break
		}
	}
	return nil
}

// anonymizedColumns are what AnonymizeClient erases, for the audit log.
var anonymizedColumns = []string{"last_name", "first_name", "middle_name", "phone", "email", "birth_date",
	"referrer_id", "pd_consent_at", "health_consent_at", "marketing_consent", "marketing_consent_at", "tags",
	"notes", "health", "needs_stated", "needs_observed", "goals"}

// AnonymizeClient erases a client's personal and health data on their
// request: the profile keeps only model.AnonymousName and goes to the
// archive; assessments, their photos with the client's photos folder, and
// the contact timeline are deleted; the visits and cards stay for the
// books, without their notes. The audit log records it. It cannot be
// undone.
func (s *Store) AnonymizeClient(ctx context.Context, id uint) error {
	for _, area := range []model.Area{model.AreaClients, model.AreaHealth} {
		if err := s.allow(area, model.Delete); err != nil {
			return err
		}
	}
	dir, err := s.PhotosDir()
	if err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var c model.Client
		if err := tx.Take(&c, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		photos, err := photosWhere(tx, "client_id = ?", id)
		if err != nil {
			return err
		}
		uuid := c.UUID
		now := s.moment()
		c = model.Client{ID: c.ID, LastName: model.AnonymousName, CardNumbers: c.CardNumbers, ArchivedAt: &now}
		cols := map[string]any{"archived_at": &now, "version": gorm.Expr("version + 1"), "updated_at": now}
		for _, col := range anonymizedColumns {
			cols[col] = nil
		}
		for col, v := range map[string]any{"last_name": model.AnonymousName, "first_name": "", "middle_name": "",
			"phone": "", "email": "", "marketing_consent": false, "tags": "", "notes": "", "health": "",
			"needs_stated": "", "needs_observed": "", "goals": ""} {
			cols[col] = v
		}
		for col, v := range clientKeys(&c) {
			cols[col] = v
		}
		if err := tx.Model(&model.Client{}).Where("id = ?", id).UpdateColumns(cols).Error; err != nil {
			return err
		}
		for _, q := range []string{
			"DELETE FROM assessment_photos WHERE client_id = ?",
			"DELETE FROM assessments WHERE client_id = ?",
			"DELETE FROM contacts WHERE client_id = ?",
			"UPDATE visits SET notes = '' WHERE client_id = ?",
			"UPDATE cards SET notes = '' WHERE client_id = ?",
		} {
			if err := tx.Exec(q, id).Error; err != nil {
				return err
			}
		}
		err = s.audit(tx, model.AuditEntry{Area: model.AreaClients, Action: "anonymize", Table: "clients",
			RecordID: id, Fields: strings.Join(append(anonymizedColumns, "assessments", "assessment_photos", "contacts",
				"visits.notes", "cards.notes"), ",")})
		if err != nil {
			return err
		}
		return removePhotoFiles(dir, photos, uuid) // last: files that stay keep the client as they were
	})
}
