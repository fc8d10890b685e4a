package store

import (
	"context"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"companion/model"
)

// Staff lists the staff who work now, by name: who may be named on a
// visit line.
func (s *Store) Staff(ctx context.Context) ([]model.Staff, error) {
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return nil, err
	}
	out := []model.Staff{}
	err := s.ctx(ctx).Where("active = ?", true).Order("name").Find(&out).Error
	return out, err
}

// AllStaff lists everyone who works or has worked at the salon: those who
// work now first, then by name.
func (s *Store) AllStaff(ctx context.Context) ([]model.Staff, error) {
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return nil, err
	}
	out := []model.Staff{}
	err := s.ctx(ctx).Order("active DESC, name").Find(&out).Error
	return out, err
}

// SaveStaff validates and stores a staff member: a new one when st.ID is 0.
// A role not yet in the list of roles is added to it. Nobody is deleted: a
// person who leaves is saved inactive.
func (s *Store) SaveStaff(ctx context.Context, st *model.Staff) error {
	if err := s.allow(model.AreaStaff, model.Write); err != nil {
		return err
	}
	if err := st.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := ensureRole(tx, st.Role); err != nil {
			return err
		}
		if st.ID == 0 {
			if st.UUID == "" {
				st.UUID = uuid.NewString()
			}
			return tx.Create(st).Error
		}
		res := tx.Model(st).Select("name", "role", "block_id", "phone", "hired_on", "active", "duties").Updates(st)
		if res.Error == nil && res.RowsAffected == 0 {
			return model.ErrNotFound
		}
		return res.Error
	})
}

// ensureRole adds a role of that name when the list has none.
func ensureRole(tx *gorm.DB, name string) error {
	var n int64
	if err := tx.Model(&model.StaffRole{}).Where("name = ?", name).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	return tx.Create(&model.StaffRole{Name: name}).Error
}

// Blocks lists the salon's blocks, those archived included: working ones
// first, then by name.
func (s *Store) Blocks(ctx context.Context) ([]model.Block, error) {
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return nil, err
	}
	out := []model.Block{}
	err := s.ctx(ctx).Order("archived, name").Find(&out).Error
	return out, err
}

// SaveBlock validates and stores a block: a new one when b.ID is 0. Two
// blocks may not share a name, whatever its case.
func (s *Store) SaveBlock(ctx context.Context, b *model.Block) error {
	if err := s.allow(model.AreaStaff, model.Write); err != nil {
		return err
	}
	if err := b.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var names []model.Block
		if err := tx.Where("id <> ?", b.ID).Find(&names).Error; err != nil {
			return err
		}
		for _, o := range names {
			if model.Fold(o.Name) == model.Fold(b.Name) {
				return model.ValidationErrors{{Field: "name", Key: "err.staff.duplicate"}}
			}
		}
		if b.ID == 0 {
			return tx.Create(b).Error
		}
		res := tx.Model(b).Select("name", "archived").Updates(b)
		if res.Error == nil && res.RowsAffected == 0 {
			return model.ErrNotFound
		}
		return res.Error
	})
}

// StaffRoles lists the roles with their duties, by name.
func (s *Store) StaffRoles(ctx context.Context) ([]model.StaffRole, error) {
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return nil, err
	}
	out := []model.StaffRole{}
	err := s.ctx(ctx).Order("name").Find(&out).Error
	return out, err
}

// SaveStaffRole validates and stores a role's duties: a new role when r.ID
// is 0. A renamed role is renamed on its staff and services too.
func (s *Store) SaveStaffRole(ctx context.Context, r *model.StaffRole) error {
	if err := s.allow(model.AreaStaff, model.Write); err != nil {
		return err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var others []model.StaffRole
		if err := tx.Find(&others).Error; err != nil {
			return err
		}
		old := ""
		for _, o := range others {
			if o.ID == r.ID {
				old = o.Name
			} else if model.Fold(o.Name) == model.Fold(r.Name) {
				return model.ValidationErrors{{Field: "name", Key: "err.staff.duplicate"}}
			}
		}
		if r.ID == 0 {
			return tx.Create(r).Error
		}
		if old == "" {
			return model.ErrNotFound
		}
		if err := tx.Model(r).Select("name", "duties").Updates(r).Error; err != nil {
			return err
		}
		if old == r.Name {
			return nil
		}
		if err := tx.Model(&model.Staff{}).Where("role = ?", old).Update("role", r.Name).Error; err != nil {
			return err
		}
		return tx.Model(&model.Service{}).Where("role = ?", old).Update("role", r.Name).Error
	})
}
