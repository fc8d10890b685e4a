package store

import (
	"context"
	"errors"
	"slices"
	"strings"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

// TaskSets lists the working-day test's task sets with their tasks.
func (s *Store) TaskSets(ctx context.Context) ([]hiring.TaskSet, error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	out := []hiring.TaskSet{}
	if err := db.Order("name, id").Find(&out).Error; err != nil {
		return nil, err
	}
	var tasks []hiring.DayTask
	if err := db.Order("set_id, position, id").Find(&tasks).Error; err != nil {
		return nil, err
	}
	for i := range out {
		for _, t := range tasks {
			if t.SetID == out[i].ID {
				out[i].Tasks = append(out[i].Tasks, t)
			}
		}
	}
	return out, nil
}

// SaveTaskSet stores a task set with its tasks, all or nothing: each task
// needs a title, a priority and its minutes. Tasks keep their IDs, so the
// plans that name them stay whole.
func (s *Store) SaveTaskSet(ctx context.Context, ts *hiring.TaskSet) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	ts.Name = strings.Join(strings.Fields(ts.Name), " ")
	var errs model.ValidationErrors
	if ts.Name == "" {
		errs = append(errs, &model.FieldError{Field: "name", Key: "err.staff.name_required"})
	}
	for i, t := range ts.Tasks {
		if strings.TrimSpace(t.Title) == "" || !slices.Contains(hiring.Priorities, t.Priority) || t.Minutes <= 0 {
			errs = append(errs, &model.FieldError{Field: model.LineField(i, "task"), Key: "err.hiring.task"})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Save(&hiring.TaskSet{ID: ts.ID, Name: ts.Name}).Error; err != nil {
			return err
		}
		if ts.ID == 0 {
			if err := tx.Where("name = ?", ts.Name).Select("id").Take(ts).Error; err != nil {
				return err
			}
		}
		for i := range ts.Tasks {
			ts.Tasks[i].SetID, ts.Tasks[i].Position = ts.ID, i
			if err := tx.Save(&ts.Tasks[i]).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// DayPlanOf reads the working-day plan of a form; ok is false when the form
// has none yet.
func (s *Store) DayPlanOf(ctx context.Context, formID uint) (hiring.DayPlan, bool, error) {
	var p hiring.DayPlan
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return p, false, err
	}
	db := s.ctx(ctx)
	if err := db.Where("form_id = ?", formID).Take(&p).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return p, false, nil
	} else if err != nil {
		return p, false, err
	}
	err := db.Where("plan_id = ?", p.ID).Order("ord, task_id").Find(&p.Items).Error
	return p, true, err
}

// SaveDayPlan stores a form's working-day plan whole, as it is typed.
func (s *Store) SaveDayPlan(ctx context.Context, p *hiring.DayPlan) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	if p.Start < 0 || p.End > 24*60 || p.End <= p.Start {
		return model.ValidationErrors{{Field: "end", Key: "err.hiring.day"}}
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var old hiring.DayPlan
		err := tx.Where("form_id = ?", p.FormID).Take(&old).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		p.ID = old.ID
		if err := tx.Save(p).Error; err != nil {
			return err
		}
		if err := tx.Where("plan_id = ?", p.ID).Delete(&hiring.PlanItem{}).Error; err != nil {
			return err
		}
		for i := range p.Items {
			p.Items[i].PlanID = p.ID
		}
		if len(p.Items) == 0 {
			return nil
		}
		return tx.Create(&p.Items).Error
	})
}

// DevPlans lists a staff member's development plans with their items
// (every staff member's when staffID is 0), the newest first.
func (s *Store) DevPlans(ctx context.Context, staffID uint) ([]hiring.DevPlan, error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	q := db.Order("made DESC, id DESC")
	if staffID != 0 {
		q = q.Where("staff_id = ?", staffID)
	}
	out := []hiring.DevPlan{}
	if err := q.Find(&out).Error; err != nil {
		return nil, err
	}
	for i := range out {
		if err := db.Where("plan_id = ?", out[i].ID).Order("position, id").Find(&out[i].Items).Error; err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SaveDevPlan validates and stores a development plan with its items, all
// or nothing: a new one when p.ID is 0.
func (s *Store) SaveDevPlan(ctx context.Context, p *hiring.DevPlan) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if p.ID == 0 {
			p.UUID, p.Made = newUUIDIfEmpty(p.UUID), s.Today()
			if err := tx.Create(p).Error; err != nil {
				return err
			}
		} else if err := tx.Model(p).Select("*").Omit("id", "uuid", "made").Updates(p).Error; err != nil {
			return err
		}
		if err := tx.Where("plan_id = ?", p.ID).Delete(&hiring.DevItem{}).Error; err != nil {
			return err
		}
		for i := range p.Items {
			p.Items[i].ID, p.Items[i].PlanID = 0, p.ID
		}
		if len(p.Items) == 0 {
			return nil
		}
		return tx.Create(&p.Items).Error
	})
}
