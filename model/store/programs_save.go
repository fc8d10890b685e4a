package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// SaveProgram validates and stores a client's program with its items, all
// or nothing: a new one when p.ID is 0. The client's health data decide
// which items are contraindicated (model.MarkContraindicated); such an item
// is refused unless the manager gave a reason (Override), which is kept and
// written to the audit log. For a client without consent to health data
// nothing of health is checked or stored. A save made from a program read
// before somebody else's save is refused with model.ErrConflict.
func (s *Store) SaveProgram(ctx context.Context, p *model.Program) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error { return s.saveProgram(tx, p) })
}

func (s *Store) saveProgram(tx *gorm.DB, p *model.Program) error {
	if err := clientExists(tx, p.ClientID); err != nil {
		return err
	}
	if err := s.checkHealth(tx, p); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if err := programRefs(tx, p); err != nil {
		return err
	}
	if p.ID == 0 {
		p.Version, p.CreatedAt, p.UpdatedAt = 1, s.moment(), s.moment()
		if err := tx.Create(p).Error; err != nil {
			return err
		}
	} else if err := s.updateProgram(tx, p); err != nil {
		return err
	}
	for i := range p.Items {
		p.Items[i].ID, p.Items[i].ProgramID = 0, p.ID
	}
	if len(p.Items) > 0 {
		if err := tx.Create(&p.Items).Error; err != nil {
			return err
		}
	}
	for _, it := range p.Items {
		if it.Override != "" {
			return s.audit(tx, model.AuditEntry{Area: model.AreaHealth, Action: "update", Table: "programs",
				RecordID: p.ID, Fields: "override"})
		}
	}
	return nil
}

// updateProgram writes an existing program over its older version and
// clears its items for the new ones.
func (s *Store) updateProgram(tx *gorm.DB, p *model.Program) error {
	var old model.Program
	if err := tx.Select("id, client_id, created_at").Take(&old, p.ID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return model.ErrNotFound
	} else if err != nil {
		return err
	}
	if old.ClientID != p.ClientID {
		return model.ValidationErrors{{Field: "client", Key: "err.program.other_client"}}
	}
	if err := nextVersion(tx, "programs", p.ID, p.Version); err != nil {
		return err
	}
	p.Version++
	p.CreatedAt, p.UpdatedAt = old.CreatedAt, s.moment()
	if err := tx.Model(p).Select("*").Omit("id").Updates(p).Error; err != nil {
		return err
	}
	return tx.Where("program_id = ?", p.ID).Delete(&model.ProgramItem{}).Error
}

// checkHealth marks the program's contraindicated items from the client's
// health data, or clears every mark of a client without consent.
func (s *Store) checkHealth(tx *gorm.DB, p *model.Program) error {
	consent, texts, err := healthTexts(tx, p.ClientID)
	if err != nil {
		return err
	}
	if !consent {
		for i := range p.Items {
			p.Items[i].Contraindicated, p.Items[i].Override = "", ""
		}
		return nil
	}
	services, err := servicesByID(tx, serviceIDs(p.Items))
	if err != nil {
		return err
	}
	model.MarkContraindicated(p, services, texts...)
	return nil
}

// healthTexts reads whether the client agreed to the processing of health
// data and, if so, their words on health: the profile's health notes and
// the latest assessment's contraindications.
func healthTexts(tx *gorm.DB, clientID uint) (bool, []string, error) {
	var c model.Client
	if err := tx.Select("id, health_consent_at, health").Take(&c, clientID).Error; err != nil {
		return false, nil, err
	}
	if c.HealthConsentAt.IsZero() {
		return false, nil, nil
	}
	var latest []model.Assessment
	err := tx.Where("client_id = ? AND contraindications <> ''", clientID).Order("day DESC, id DESC").Limit(1).Find(&latest).Error
	if err != nil {
		return false, nil, err
	}
	texts := []string{c.Health}
	if len(latest) > 0 {
		texts = append(texts, latest[0].Contraindications)
	}
	return true, texts, nil
}

// programRefs refuses a card of another client and a service or a staff
// member who is not there.
func programRefs(tx *gorm.DB, p *model.Program) error {
	if p.CardID != nil {
		var n int64
		if err := tx.Table("cards").Where("id = ? AND client_id = ?", *p.CardID, p.ClientID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return model.ValidationErrors{{Field: "card", Key: "err.program.card_other"}}
		}
	}
	services, err := servicesByID(tx, serviceIDs(p.Items))
	if err != nil {
		return err
	}
	var errs model.ValidationErrors
	for i, it := range p.Items {
		if _, ok := services[it.ServiceID]; !ok {
			errs = append(errs, &model.FieldError{Field: model.LineField(i, "service"), Key: "err.visit.service"})
		}
		if it.StaffID != nil {
			var n int64
			if err := tx.Table("staff").Where("id = ?", *it.StaffID).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				errs = append(errs, &model.FieldError{Field: model.LineField(i, "staff"), Key: "err.program.staff"})
			}
		}
	}
	return errs.OrNil()
}

func serviceIDs(items []model.ProgramItem) []uint {
	ids := make([]uint, len(items))
	for i, it := range items {
		ids[i] = it.ServiceID
	}
	return ids
}

// servicesByID reads the catalogue's lines of ids with their
// contraindications.
func servicesByID(tx *gorm.DB, ids []uint) (map[uint]model.Service, error) {
	out := map[uint]model.Service{}
	if len(ids) == 0 {
		return out, nil
	}
	var list []model.Service
	if err := tx.Where("id IN ?", ids).Find(&list).Error; err != nil {
		return nil, err
	}
	for _, sv := range list {
		out[sv.ID] = sv
	}
	var tags []struct {
		ServiceID uint
		Name      string
	}
	err := tx.Table("service_contraindications AS sc").Select("sc.service_id, c.name").
		Joins("JOIN contraindications AS c ON c.id = sc.contraindication_id").
		Where("sc.service_id IN ?", ids).Order("c.name").Scan(&tags).Error
	if err != nil {
		return nil, err
	}
	for _, t := range tags {
		sv := out[t.ServiceID]
		sv.Contraindications = append(sv.Contraindications, t.Name)
		out[t.ServiceID] = sv
	}
	return out, nil
}
