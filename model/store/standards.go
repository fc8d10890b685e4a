package store

import (
	"context"

	"gorm.io/gorm"

	"companion/model"
)

// standardService is a row of standard_services.
type standardService struct {
	StandardID uint
	ServiceID  uint
}

func (standardService) TableName() string { return "standard_services" }

// Standards lists the salon's service standards, group by group, each with
// the services it applies to.
func (s *Store) Standards(ctx context.Context) ([]model.Standard, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	return standards(s.ctx(ctx))
}

func standards(db *gorm.DB) ([]model.Standard, error) {
	out := []model.Standard{}
	if err := db.Order("grp, position, id").Find(&out).Error; err != nil {
		return nil, err
	}
	var links []standardService
	if err := db.Order("standard_id, service_id").Find(&links).Error; err != nil {
		return nil, err
	}
	by := map[uint][]uint{}
	for _, l := range links {
		by[l.StandardID] = append(by[l.StandardID], l.ServiceID)
	}
	for i := range out {
		out[i].ServiceIDs = by[out[i].ID]
	}
	return out, nil
}

// SaveStandard validates and stores a standard with its services, all or
// nothing: a new one when st.ID is 0. The owner edits the standards.
func (s *Store) SaveStandard(ctx context.Context, st *model.Standard) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	if err := st.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if st.ID == 0 {
			if err := tx.Create(st).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(st).Select("*").Updates(st)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return model.ErrNotFound
			}
		}
		if err := tx.Where("standard_id = ?", st.ID).Delete(&standardService{}).Error; err != nil {
			return err
		}
		for _, id := range st.ServiceIDs {
			if err := tx.Create(&standardService{StandardID: st.ID, ServiceID: id}).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
