package store

import (
	"gorm.io/gorm"

	"companion/model/demo"
)

// insertDemoAreas writes, once the demo's history is in, what each area
// of the salon keeps of it, within FillDemo's transaction: payroll, then
// quality and sales, then hiring's setup and
// its candidates.
func (s *Store) insertDemoAreas(tx *gorm.DB, d demo.Data, blockIDs, clientIDs []uint) error {
	if err := s.insertDemoPayroll(tx, d, blockIDs); err != nil {
		return err
	}
	ids, err := readDemoIDs(tx, d, clientIDs)
	if err != nil {
		return err
	}
	if err := s.insertDemoQuality(tx, d, ids); err != nil {
		return err
	}
	if err := s.insertDemoSales(tx, d, ids); err != nil {
		return err
	}
	if err := ensureHiringDefaults(tx); err != nil {
		return err
	}
	return s.insertDemoHiring(tx, d.Hiring, ids)
}
