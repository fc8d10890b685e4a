package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// ProgramTemplates lists the templates a program starts from, by name,
// each with its items.
func (s *Store) ProgramTemplates(ctx context.Context) ([]model.ProgramTemplate, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	return templates(s.ctx(ctx))
}

func templates(db *gorm.DB) ([]model.ProgramTemplate, error) {
	out := []model.ProgramTemplate{}
	if err := db.Order("name, id").Find(&out).Error; err != nil {
		return nil, err
	}
	var items []model.TemplateItem
	if err := db.Order("template_id, position, id").Find(&items).Error; err != nil {
		return nil, err
	}
	by := map[uint][]model.TemplateItem{}
	for _, it := range items {
		by[it.TemplateID] = append(by[it.TemplateID], it)
	}
	for i := range out {
		out[i].Items = by[out[i].ID]
	}
	return out, nil
}

// SaveProgramTemplate validates and stores a template with its items, all
// or nothing: a new one when t.ID is 0. A name taken by another template is
// refused at the name.
func (s *Store) SaveProgramTemplate(ctx context.Context, t *model.ProgramTemplate) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := t.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&model.ProgramTemplate{}).Where("name = ? AND id <> ?", t.Name, t.ID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return model.ValidationErrors{{Field: "name", Key: "err.program.template_taken"}}
		}
		if t.ID == 0 {
			if err := tx.Create(t).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(t).Select("*").Updates(t)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return model.ErrNotFound
			}
			if err := tx.Where("template_id = ?", t.ID).Delete(&model.TemplateItem{}).Error; err != nil {
				return err
			}
		}
		for i := range t.Items {
			t.Items[i].ID, t.Items[i].TemplateID = 0, t.ID
		}
		services, err := servicesByID(tx, templateServices(t.Items))
		if err != nil {
			return err
		}
		for i, it := range t.Items {
			if _, ok := services[it.ServiceID]; !ok {
				return model.ValidationErrors{{Field: model.LineField(i, "service"), Key: "err.visit.service"}}
			}
		}
		return tx.Create(&t.Items).Error
	})
}

func templateServices(items []model.TemplateItem) []uint {
	ids := make([]uint, len(items))
	for i, it := range items {
		ids[i] = it.ServiceID
	}
	return ids
}

// DeleteProgramTemplate removes a template; the programs started from it
// keep everything they took from it.
func (s *Store) DeleteProgramTemplate(ctx context.Context, id uint) error {
	if err := s.allow(model.AreaClients, model.Delete); err != nil {
		return err
	}
	res := s.ctx(ctx).Delete(&model.ProgramTemplate{}, id)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return model.ErrNotFound
	}
	return nil
}

// ProgramBasis reads what the program builder shows beside a client's
// program: the client, their latest assessment and health words (with
// consent, and for a role that may read health data), the catalogue's
// active lines, the active staff, the client's cards not ended and the
// templates.
func (s *Store) ProgramBasis(ctx context.Context, clientID uint) (model.ProgramBasis, error) {
	var b model.ProgramBasis
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return b, err
	}
	db := s.ctx(ctx)
	if err := db.Take(&b.Client, clientID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return b, model.ErrNotFound
	} else if err != nil {
		return b, err
	}
	b.HealthConsent = !b.Client.HealthConsentAt.IsZero()
	if err := s.basisHealth(db, &b); err != nil {
		return b, err
	}
	all, err := s.Services(ctx)
	if err != nil {
		return b, err
	}
	for _, sv := range all {
		if sv.Active {
			b.Services = append(b.Services, sv)
		}
	}
	if b.Staff, err = s.Staff(ctx); err != nil {
		return b, err
	}
	cards, err := s.cardsOf(db, clientID)
	if err != nil {
		return b, err
	}
	for _, c := range cards {
		if c.State.Status != model.CardExpired && c.State.Status != model.CardUsedUp {
			b.Cards = append(b.Cards, c)
		}
	}
	b.Templates, err = templates(db)
	return b, err
}

func (s *Store) basisHealth(db *gorm.DB, b *model.ProgramBasis) error {
	if !b.HealthConsent || s.allow(model.AreaHealth, model.Read) != nil {
		b.Client.Health = ""
		return nil
	}
	var latest []model.Assessment
	if err := db.Where("client_id = ?", b.Client.ID).Order("day DESC, id DESC").Limit(1).Find(&latest).Error; err != nil {
		return err
	}
	if len(latest) > 0 {
		b.Latest = &latest[0]
	}
	_, texts, err := healthTexts(db, b.Client.ID)
	b.Health = texts
	return err
}
