package store

import (
	"context"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

// EnsureHiringDefaults gives a new salon the seed's hiring setup: the
// support manager's position profile, the question bank and the working
// day's task set, each only while its table is empty, so calling it again
// adds nothing.
func (s *Store) EnsureHiringDefaults(ctx context.Context) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(ensureHiringDefaults)
}

// ensureHiringDefaults writes the defaults within the transaction tx.
func ensureHiringDefaults(tx *gorm.DB) error {
	if empty, err := tableEmpty(tx, &hiring.Competency{}); err != nil {
		return err
	} else if empty {
		comps := hiring.DefaultCompetencies()
		if err := tx.Create(&comps).Error; err != nil {
			return err
		}
	}
	if empty, err := tableEmpty(tx, &hiring.Question{}); err != nil {
		return err
	} else if empty {
		qs := hiring.DefaultQuestions()
		if err := tx.Create(&qs).Error; err != nil {
			return err
		}
	}
	empty, err := tableEmpty(tx, &hiring.TaskSet{})
	if err != nil || !empty {
		return err
	}
	ts := hiring.DefaultTasks()
	set := hiring.TaskSet{Name: ts.Name}
	if err := tx.Create(&set).Error; err != nil {
		return err
	}
	for i := range ts.Tasks {
		ts.Tasks[i].SetID = set.ID
	}
	return tx.Create(&ts.Tasks).Error
}

// tableEmpty reports whether the table of model m has no rows.
func tableEmpty(tx *gorm.DB, m any) (bool, error) {
	var n int64
	err := tx.Model(m).Limit(1).Count(&n).Error
	return n == 0, err
}
