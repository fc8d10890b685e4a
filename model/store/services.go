package store

import (
	"context"

	"companion/model"
)

// Services lists the catalogue, services and goods, those no longer sold
// included: active first, then by name.
func (s *Store) Services(ctx context.Context) ([]model.Service, error) {
	if err := s.allow(model.AreaSettings, model.Read); err != nil {
		return nil, err
	}
	out := []model.Service{}
	err := s.ctx(ctx).Order("active DESC, kind, name").Find(&out).Error
	return out, err
}

// SaveService validates and stores a line of the catalogue: a new one when
// sv.ID is 0. Visits keep the names and prices they were sold at.
func (s *Store) SaveService(ctx context.Context, sv *model.Service) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	if err := sv.Validate(); err != nil {
		return err
	}
	if sv.ID == 0 {
		return s.ctx(ctx).Create(sv).Error
	}
	res := s.ctx(ctx).Model(sv).Select("*").Updates(sv)
	if res.Error == nil && res.RowsAffected == 0 {
		return model.ErrNotFound
	}
	return res.Error
}

// Staff lists the staff who work now, by name: who may be named on a
// visit line.
func (s *Store) Staff(ctx context.Context) ([]model.Staff, error) {
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return nil, err
	}
	out := []model.Staff{}
	err := s.ctx(ctx).Where("active").Order("name").Find(&out).Error
	return out, err
}

// Blocks lists the salon's blocks by name.
func (s *Store) Blocks(ctx context.Context) ([]model.Block, error) {
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return nil, err
	}
	out := []model.Block{}
	err := s.ctx(ctx).Order("name").Find(&out).Error
	return out, err
}
