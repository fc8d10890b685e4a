package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// AddContact validates and stores an entry of a client's timeline; c.ID is
// set on success. The client's earlier next contacts due by this one's day
// count as made: this is the contact they asked for.
func (s *Store) AddContact(ctx context.Context, c *model.Contact) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := c.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := clientExists(tx, c.ClientID); err != nil {
			return err
		}
		c.ID = 0
		return tx.Create(c).Error
	})
}

// UpdateContact saves an edited contact; the client stays the same.
func (s *Store) UpdateContact(ctx context.Context, c *model.Contact) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := c.Validate(s.Today()); err != nil {
		return err
	}
	res := s.ctx(ctx).Model(&model.Contact{}).Where("id = ?", c.ID).
		Select("day", "kind", "channel", "outcome", "notes", "next_on", "next_done", "topics").Updates(c)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return model.ErrNotFound
	}
	return nil
}

// Contacts returns a client's timeline, the newest first.
func (s *Store) Contacts(ctx context.Context, clientID uint) ([]model.Contact, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	return contactsOf(s.ctx(ctx), clientID)
}

func contactsOf(tx *gorm.DB, clientID uint) ([]model.Contact, error) {
	out := []model.Contact{}
	err := tx.Where("client_id = ?", clientID).Order("day DESC, id DESC").Find(&out).Error
	return out, err
}

// SetFollowUpDone marks a contact's next contact as made, or not.
func (s *Store) SetFollowUpDone(ctx context.Context, contactID uint, done bool) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	res := s.ctx(ctx).Model(&model.Contact{}).Where("id = ?", contactID).UpdateColumn("next_done", done)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return model.ErrNotFound
	}
	return nil
}

// IntroTopics returns the intro lecture's checklist in order, the retired
// topics included (Active false): a lecture form shows the active ones, an
// old lecture names whatever it covered.
func (s *Store) IntroTopics(ctx context.Context) ([]model.IntroTopic, error) {
	if err := s.allow(model.AreaSettings, model.Read); err != nil {
		return nil, err
	}
	return introTopics(s.ctx(ctx))
}

func introTopics(tx *gorm.DB) ([]model.IntroTopic, error) {
	out := []model.IntroTopic{}
	err := tx.Order("active DESC, position, id").Find(&out).Error
	return out, err
}

// SaveIntroTopics stores the checklist as given, in that order: new topics
// (ID 0) are added and their IDs set, the others updated; a topic left out
// is retired, not deleted, as lectures refer to it.
func (s *Store) SaveIntroTopics(ctx context.Context, topics []model.IntroTopic) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	var errs model.ValidationErrors
	for i := range topics {
		if err := topics[i].Validate(); err != nil {
			var v model.ValidationErrors
			if errors.As(err, &v) {
				for _, fe := range v {
					errs = append(errs, &model.FieldError{Field: model.LineField(i, fe.Field), Key: fe.Key, Args: fe.Args})
				}
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var kept []uint
		for i := range topics {
			t := &topics[i]
			t.Position = i + 1
			if t.ID == 0 {
				if err := tx.Create(t).Error; err != nil {
					return err
				}
			} else {
				res := tx.Model(t).Select("title", "position", "active").Updates(t)
				if res.Error != nil {
					return res.Error
				}
				if res.RowsAffected == 0 {
					return model.ErrNotFound
				}
			}
			kept = append(kept, t.ID)
		}
		q := tx.Model(&model.IntroTopic{})
		if len(kept) > 0 {
			q = q.Where("id NOT IN ?", kept)
		} else {
			q = q.Where("1 = 1")
		}
		return q.UpdateColumn("active", false).Error
	})
}
