package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// CancelFreeze cancels a card's freeze on the store's today: one that has
// not started is removed, one under way ends yesterday (model.CancelFreeze).
// The card's end moves back by the days given up. A freeze that is over is
// refused with a *model.FieldError; one that is gone is model.ErrNotFound.
func (s *Store) CancelFreeze(ctx context.Context, freezeID uint) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var f model.CardFreeze
		if err := tx.Take(&f, freezeID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		if err := takeCards(tx, []uint{f.CardID}); err != nil {
			return err
		}
		kept, removed, fe := model.CancelFreeze(f, s.Today())
		if fe != nil {
			return fe
		}
		var err error
		if removed {
			err = tx.Delete(&model.CardFreeze{}, f.ID).Error
		} else {
			err = tx.Model(&model.CardFreeze{}).Where("id = ?", f.ID).Update("to_day", kept.To).Error
		}
		if err != nil {
			return err
		}
		return refreshCards(tx, []uint{f.CardID})
	})
}
