package store

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"companion/model"
)

// clientKeys are the columns kept for search and ordering, derived from the
// client's fields on every save.
func clientKeys(c *model.Client) map[string]any {
	md := 0
	if !c.BirthDate.IsZero() {
		md = int(c.BirthDate.Month())*100 + c.BirthDate.Day()
	}
	return map[string]any{"search_key": c.SearchKey(), "name_key": c.NameKey(), "birth_md": md}
}

// CreateClient validates and stores a new client; c.ID is set on success.
func (s *Store) CreateClient(ctx context.Context, c *model.Client) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := c.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.insertClient(tx, c); err != nil {
			return err
		}
		return s.auditHealth(tx, "create", c.ID, model.Client{}, *c)
	})
}

func (s *Store) insertClient(tx *gorm.DB, c *model.Client) error {
	if c.UUID == "" {
		c.UUID = uuid.NewString()
	}
	c.Version = 1
	if err := tx.Create(c).Error; err != nil {
		return s.clientWriteError(tx, c, err)
	}
	return tx.Model(&model.Client{}).Where("id = ?", c.ID).UpdateColumns(clientKeys(c)).Error
}

// UpdateClient validates and saves the client's profile. It fails with
// model.ErrConflict when someone saved the client after c was read.
func (s *Store) UpdateClient(ctx context.Context, c *model.Client) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := c.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var before model.Client
		if err := tx.Select("health, health_consent_at, card_numbers").Where("id = ?", c.ID).Limit(1).Find(&before).Error; err != nil {
			return err
		}
		c.CardNumbers = before.CardNumbers // kept by the sale of cards: the search key follows the database
		next := *c
		next.Version = c.Version + 1
		next.UpdatedAt = s.moment()
		res := tx.Model(&model.Client{}).Where("id = ? AND version = ?", c.ID, c.Version).
			Select(profileColumns).Updates(&next)
		if res.Error != nil {
			return s.clientWriteError(tx, c, res.Error)
		}
		if res.RowsAffected == 0 {
			return s.missingOrChanged(tx, c.ID)
		}
		if err := tx.Model(&model.Client{}).Where("id = ?", c.ID).UpdateColumns(clientKeys(c)).Error; err != nil {
			return err
		}
		if err := s.auditHealth(tx, "update", c.ID, before, next); err != nil {
			return err
		}
		*c = next
		return nil
	})
}

// profileColumns are what the profile form edits; visits, cards and the
// archive mark are kept by their own code.
var profileColumns = []string{"last_name", "first_name", "middle_name", "phone", "email", "birth_date", "source",
	"referrer_id", "pd_consent_at", "health_consent_at", "marketing_consent", "marketing_consent_at", "tags",
	"notes", "health", "needs_stated", "needs_observed", "goals", "goal_weight_kg", "goal_waist_cm", "version", "updated_at"}

func (s *Store) missingOrChanged(tx *gorm.DB, id uint) error {
	var n int64
	if err := tx.Model(&model.Client{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return model.ErrNotFound
	}
	return model.ErrConflict
}

// clientWriteError turns a duplicate phone into a message that names the
// client who already has it.
func (s *Store) clientWriteError(tx *gorm.DB, c *model.Client, err error) error {
	if !errors.Is(err, gorm.ErrDuplicatedKey) || c.Phone == "" {
		return err
	}
	var holder model.Client // read apart: PostgreSQL has ended tx at the error
	if s.db.Where("phone = ?", c.Phone).Take(&holder).Error == nil {
		return &model.FieldError{Field: "phone", Key: model.ErrDuplicatePhone.Key,
			Args: map[string]any{"Name": holder.FullName()}}
	}
	return model.ErrDuplicatePhone
}

// Client reads one client's whole profile.
func (s *Store) Client(ctx context.Context, id uint) (model.Client, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return model.Client{}, err
	}
	var c model.Client
	err := s.ctx(ctx).Take(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return c, model.ErrNotFound
	}
	return c, err
}

// ClientByPhone finds the client with this E.164 phone number.
func (s *Store) ClientByPhone(ctx context.Context, phone string) (model.Client, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return model.Client{}, err
	}
	var c model.Client
	err := s.ctx(ctx).Where("phone = ?", phone).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return c, model.ErrNotFound
	}
	return c, err
}

// SetArchived moves a client to the archive or back to the working list.
func (s *Store) SetArchived(ctx context.Context, id uint, archived bool) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	var at *time.Time
	if archived {
		now := s.moment()
		at = &now
	}
	res := s.ctx(ctx).Model(&model.Client{}).Where("id = ?", id).
		UpdateColumns(map[string]any{"archived_at": at, "version": gorm.Expr("version + 1")})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return model.ErrNotFound
	}
	return nil
}

// CountClients counts every client, archived ones included.
func (s *Store) CountClients(ctx context.Context) (int64, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return 0, err
	}
	var n int64
	err := s.ctx(ctx).Model(&model.Client{}).Count(&n).Error
	return n, err
}

// IsEmpty reports whether the database holds no clients and no staff.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	if err := s.allow(model.AreaSettings, model.Read); err != nil {
		return false, err
	}
	var n int64
	err := s.ctx(ctx).Raw("SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM staff)").Scan(&n).Error
	return n == 0, err
}
