package store

import (
	"context"

	"gorm.io/gorm"

	"companion/model"
)

// serviceTag is a row of service_contraindications.
type serviceTag struct {
	ServiceID          uint
	ContraindicationID uint
}

func (serviceTag) TableName() string { return "service_contraindications" }

// servicePair is a row of service_pairs: a line that goes well with another.
type servicePair struct {
	ServiceID uint
	PairID    uint
}

func (servicePair) TableName() string { return "service_pairs" }

// Services lists the catalogue, services and goods, those no longer sold
// included, each with its contraindications: active first, then by name.
func (s *Store) Services(ctx context.Context) ([]model.Service, error) {
	if err := s.allow(model.AreaSettings, model.Read); err != nil {
		return nil, err
	}
	out := []model.Service{}
	db := s.ctx(ctx)
	if err := db.Order("active DESC, kind DESC, name").Find(&out).Error; err != nil {
		return nil, err
	}
	var tags []struct {
		ServiceID uint
		Name      string
	}
	err := db.Table("service_contraindications AS sc").Select("sc.service_id, c.name").
		Joins("JOIN contraindications AS c ON c.id = sc.contraindication_id").Order("c.name").Scan(&tags).Error
	if err != nil {
		return nil, err
	}
	byID := map[uint][]string{}
	for _, t := range tags {
		byID[t.ServiceID] = append(byID[t.ServiceID], t.Name)
	}
	var pairs []servicePair
	if err := db.Order("service_id, pair_id").Find(&pairs).Error; err != nil {
		return nil, err
	}
	with := map[uint][]uint{}
	for _, p := range pairs {
		with[p.ServiceID] = append(with[p.ServiceID], p.PairID)
	}
	for i := range out {
		out[i].Contraindications, out[i].GoesWith = byID[out[i].ID], with[out[i].ID]
	}
	return out, nil
}

// SaveService validates and stores a line of the catalogue with its
// contraindications, all or nothing: a new one when sv.ID is 0. Visits keep
// the names and prices they were sold at, so a past visit never changes.
func (s *Store) SaveService(ctx context.Context, sv *model.Service) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	if err := sv.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if sv.ID == 0 {
			if err := tx.Create(sv).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(sv).Select("*").Updates(sv)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return model.ErrNotFound
			}
		}
		if err := setServiceTags(tx, sv); err != nil {
			return err
		}
		return setServicePairs(tx, sv)
	})
}

// setServicePairs makes what the service goes well with the lines it
// names, leaving out itself and any line that does not exist.
func setServicePairs(tx *gorm.DB, sv *model.Service) error {
	if err := tx.Where("service_id = ?", sv.ID).Delete(&servicePair{}).Error; err != nil {
		return err
	}
	seen := map[uint]bool{sv.ID: true}
	for _, id := range sv.GoesWith {
		if seen[id] {
			continue
		}
		seen[id] = true
		var n int64
		if err := tx.Model(&model.Service{}).Where("id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return model.ValidationErrors{{Field: "goes_with", Key: "err.service.pair_missing"}}
		}
		if err := tx.Create(&servicePair{ServiceID: sv.ID, PairID: id}).Error; err != nil {
			return err
		}
	}
	return nil
}

// setServiceTags makes the service's contraindications those it names,
// adding a name the list does not have yet.
func setServiceTags(tx *gorm.DB, sv *model.Service) error {
	if err := tx.Where("service_id = ?", sv.ID).Delete(&serviceTag{}).Error; err != nil {
		return err
	}
	seen := map[uint]bool{}
	for _, name := range sv.Contraindications {
		c := model.Contraindication{Name: name}
		if c.Validate() != nil {
			continue
		}
		if err := tx.Where("name = ?", c.Name).FirstOrCreate(&c).Error; err != nil {
			return err
		}
		if seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		if err := tx.Create(&serviceTag{ServiceID: sv.ID, ContraindicationID: c.ID}).Error; err != nil {
			return err
		}
	}
	return nil
}

// Contraindications lists the salon's one list of contraindications, by
// name.
func (s *Store) Contraindications(ctx context.Context) ([]model.Contraindication, error) {
	if err := s.allow(model.AreaSettings, model.Read); err != nil {
		return nil, err
	}
	out := []model.Contraindication{}
	err := s.ctx(ctx).Order("name").Find(&out).Error
	return out, err
}

// SaveContraindication adds a contraindication to the list, or renames
// one on every service that names it.
func (s *Store) SaveContraindication(ctx context.Context, c *model.Contraindication) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var all []model.Contraindication
		if err := tx.Where("id <> ?", c.ID).Find(&all).Error; err != nil {
			return err
		}
		for _, o := range all {
			if model.Fold(o.Name) == model.Fold(c.Name) {
				return model.ValidationErrors{{Field: "name", Key: "err.staff.duplicate"}}
			}
		}
		if c.ID == 0 {
			return tx.Create(c).Error
		}
		res := tx.Model(c).Select("name").Updates(c)
		if res.Error == nil && res.RowsAffected == 0 {
			return model.ErrNotFound
		}
		return res.Error
	})
}
