package store

import (
	"fmt"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/demo"
)

// insertDemoPayroll writes the demo salon's payroll once its visits and
// cards are in, within FillDemo's transaction: the blocks the card types'
// sales feed, the pay schemes, then month by month, oldest first, the
// month's entries, corrections and recognitions and its approval; the open
// month is left open, and gets the adjustments of approved months last.
func (s *Store) insertDemoPayroll(tx *gorm.DB, d demo.Data, blockIDs []uint) error {
	p := d.Payroll
	if p.From.IsZero() {
		return nil
	}
	w, err := newDemoPay(tx, s, d, blockIDs)
	if err != nil {
		return err
	}
	if err := w.cardBlocks(tx, p.CardBlocks); err != nil {
		return err
	}
	for _, c := range p.Components {
		if err := w.component(tx, c); err != nil {
			return err
		}
	}
	open := model.MonthOf(s.Today())
	for m := p.From; m.Before(open); m = model.MonthOf(m.AddDays(31)) {
		if err := w.month(tx, m); err != nil {
			return err
		}
		if err := s.approveDemoMonth(tx, m); err != nil {
			return fmt.Errorf("approving %s: %w", m.ISO(), err)
		}
	}
	if err := w.month(tx, open); err != nil {
		return err
	}
	for _, e := range p.Adjustments {
		if err := w.entry(tx, e); err != nil {
			return err
		}
	}
	return nil
}

// demoPay is the demo's payroll on its way in, with the IDs its indexes
// stand for.
type demoPay struct {
	s                    *Store
	d                    demo.Data
	blocks, staff, types []uint
}

// newDemoPay reads the IDs the demo's staff and card types were given:
// the staff are the only ones, the card types the last written.
func newDemoPay(tx *gorm.DB, s *Store, d demo.Data, blockIDs []uint) (*demoPay, error) {
	w := &demoPay{s: s, d: d, blocks: blockIDs}
	if err := tx.Model(&model.Staff{}).Order("id").Pluck("id", &w.staff).Error; err != nil {
		return nil, err
	}
	err := tx.Model(&model.CardType{}).Order("id DESC").Limit(len(d.CardTypes)).Pluck("id", &w.types).Error
	if err != nil {
		return nil, err
	}
	for i, j := 0, len(w.types)-1; i < j; i, j = i+1, j-1 {
		w.types[i], w.types[j] = w.types[j], w.types[i]
	}
	if len(w.staff) != len(d.Staff) || len(w.types) != len(d.CardTypes) {
		return nil, fmt.Errorf("demo payroll: %d staff and %d card types stored, %d and %d made",
			len(w.staff), len(w.types), len(d.Staff), len(d.CardTypes))
	}
	return w, nil
}

// block is the ID of the demo block of index i, or nil.
func (w *demoPay) block(i int) *uint {
	if i >= 0 && i < len(w.blocks) {
		return &w.blocks[i]
	}
	return nil
}

func (w *demoPay) cardBlocks(tx *gorm.DB, blocks []int) error {
	for i, b := range blocks {
		if id := w.block(b); id != nil && i < len(w.types) {
			if err := tx.Model(&model.CardType{}).Where("id = ?", w.types[i]).UpdateColumn("block_id", *id).Error; err != nil {
				return fmt.Errorf("card type %d: %w", i, err)
			}
		}
	}
	return nil
}

func (w *demoPay) component(tx *gorm.DB, dc demo.PayComponent) error {
	c := dc.PayComponent
	c.ID, c.StaffID, c.BlockID, c.CreatedAt = 0, w.staff[dc.Staff], w.block(dc.Block), stamp(c.From)
	if err := c.Validate(); err != nil {
		return fmt.Errorf("pay of %s: %w", w.d.Staff[dc.Staff].Name, err)
	}
	return tx.Create(&c).Error
}

// month writes a month's entries, corrections and recognitions.
func (w *demoPay) month(tx *gorm.DB, m model.Date) error {
	p := w.d.Payroll
	for _, e := range p.Entries {
		if e.Month == m {
			if err := w.entry(tx, e); err != nil {
				return err
			}
		}
	}
	for _, dc := range p.Corrections {
		c := dc.BlockCorrection
		if c.Month != m {
			continue
		}
		c.ID, c.BlockID = 0, *w.block(dc.Block)
		if err := c.Validate(); err != nil {
			return fmt.Errorf("correction of %s: %w", m.ISO(), err)
		}
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
	}
	for _, dr := range p.Recognitions {
		r := dr.Recognition
		if r.Month != m {
			continue
		}
		r.ID, r.StaffID = 0, w.staff[dr.Staff]
		if err := r.Validate(); err != nil {
			return fmt.Errorf("recognition of %s: %w", m.ISO(), err)
		}
		if err := tx.Create(&r).Error; err != nil {
			return err
		}
	}
	return nil
}

// entry writes an entry as AddPayEntry does: a deduction within its limit,
// an adjustment of an approved month only.
func (w *demoPay) entry(tx *gorm.DB, de demo.PayEntry) error {
	e := de.PayEntry
	e.ID, e.StaffID = 0, w.staff[de.Staff]
	if err := e.Validate(); err != nil {
		return fmt.Errorf("%s of %s: %w", e.Kind, w.d.Staff[de.Staff].Name, err)
	}
	if e.Kind == model.EntryAdjustment {
		if err := w.s.periodOpen(tx, e.RefMonth); err == nil {
			return fmt.Errorf("adjustment of %s: the month is open", e.RefMonth.ISO())
		}
	}
	if err := tx.Create(&e).Error; err != nil {
		return err
	}
	if e.Kind == model.EntryDeduction {
		return w.s.deductionWithinLimit(tx, &e)
	}
	return nil
}

// approveDemoMonth is ApprovePayroll within FillDemo's transaction: the
// month computed and kept, approved on the 3rd of the next month (or
// today, when sooner).
func (s *Store) approveDemoMonth(tx *gorm.DB, month model.Date) error {
	on := model.MonthOf(month.AddDays(31)).AddDays(2)
	if today := s.Today(); on.After(today) {
		on = today
	}
	_, err := s.approveMonth(tx, month, stamp(on))
	return err
}
