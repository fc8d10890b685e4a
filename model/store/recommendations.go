package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// recommendationRows reads recommendations with their staff's and
// services' names.
func recommendationRows(db *gorm.DB) *gorm.DB {
	return db.Table("recommendations AS r").Select("r.*, st.name AS staff, sv.name AS service").
		Joins("JOIN staff AS st ON st.id = r.staff_id").Joins("JOIN services AS sv ON sv.id = r.service_id")
}

// Recommendations lists what the specialists recommended for a client and
// what the manager decided, the newest first.
func (s *Store) Recommendations(ctx context.Context, clientID uint) ([]model.RecommendationRow, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	out := []model.RecommendationRow{}
	err := recommendationRows(s.ctx(ctx)).Where("r.client_id = ?", clientID).Order("r.day DESC, r.id DESC").Scan(&out).Error
	return out, err
}

// AddRecommendation validates and stores a specialist's recommendation; it
// waits for the manager's decision.
func (s *Store) AddRecommendation(ctx context.Context, r *model.Recommendation) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	r.ID, r.Decision = 0, model.RecWaiting
	if err := r.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := clientExists(tx, r.ClientID); err != nil {
			return err
		}
		r.CreatedAt = s.moment()
		return tx.Create(r).Error
	})
}

// DecideRecommendation stores the manager's decision on a recommendation:
// declined with a reason, postponed to a day, or added to one of the
// client's open programs as item (its service is the recommended one), all
// or nothing, under the program's own rules (SaveProgram).
func (s *Store) DecideRecommendation(ctx context.Context, r *model.Recommendation, item *model.ProgramItem) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	r.DecidedOn = model.Date{}
	if err := r.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var old model.Recommendation
		if err := tx.Take(&old, r.ID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		r.ClientID, r.StaffID, r.ServiceID, r.CreatedAt = old.ClientID, old.StaffID, old.ServiceID, old.CreatedAt
		if r.Decision == model.RecAdded {
			if err := s.addRecommended(tx, r, item); err != nil {
				return err
			}
		}
		return tx.Model(r).Select("decision", "note", "postponed_to", "program_id", "decided_on").Updates(r).Error
	})
}

// addRecommended puts the recommended service into the program the
// decision names, which must be the client's and still open.
func (s *Store) addRecommended(tx *gorm.DB, r *model.Recommendation, item *model.ProgramItem) error {
	var p model.Program
	err := tx.Take(&p, *r.ProgramID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || err == nil && (p.ClientID != r.ClientID || !p.Open()) {
		return model.ValidationErrors{{Field: "program", Key: "err.rec.program_required"}}
	}
	if err != nil {
		return err
	}
	ps := []model.Program{p}
	if err := loadItems(tx, ps); err != nil {
		return err
	}
	p = ps[0]
	it := model.ProgramItem{Sessions: 1, PerWeek: 1}
	if item != nil {
		it = *item
	}
	services, err := servicesByID(tx, []uint{r.ServiceID})
	if err != nil {
		return err
	}
	sv := services[r.ServiceID]
	it.ServiceID, it.Name, it.Price = sv.ID, sv.Name, sv.Price
	p.Items = append(p.Items, it)
	return s.saveProgram(tx, &p)
}
