package store

import (
	"fmt"

	"gorm.io/gorm"

	"companion/model/demo"
	"companion/model/hiring"
)

// insertDemoHiring writes the demo's hiring within FillDemo's transaction,
// once the seed's setup is in: the candidates with their forms, scores and
// working-day plans (over the seed's task set), and the development plans.
func (s *Store) insertDemoHiring(tx *gorm.DB, h demo.Hiring, ids *demoIDs) error {
	var tasks []hiring.DayTask
	if err := tx.Joins("JOIN task_sets ON task_sets.id = day_tasks.set_id").
		Where("task_sets.name = ?", hiring.DefaultTaskSet).Order("position, day_tasks.id").Find(&tasks).Error; err != nil {
		return err
	}
	today := s.Today()
	for _, dc := range h.Candidates {
		c := dc.Candidate
		c.StaffID = ref(ids.staff, dc.Staff)
		if err := c.Validate(today); err != nil {
			return fmt.Errorf("candidate %s: %w", c.Name, err)
		}
		c.CreatedAt, c.UpdatedAt = stamp(c.StatusOn), stamp(c.StatusOn)
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		for _, df := range dc.Forms {
			if err := insertDemoForm(tx, df, c.ID, tasks); err != nil {
				return err
			}
		}
	}
	for _, dp := range h.DevPlans {
		p := dp.DevPlan
		p.StaffID = ids.staff[dp.Staff]
		if err := p.Validate(); err != nil {
			return fmt.Errorf("development plan %q: %w", p.Title, err)
		}
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
		for i := range p.Items {
			p.Items[i].PlanID = p.ID
		}
		if err := tx.Create(&p.Items).Error; err != nil {
			return err
		}
	}
	return nil
}

func insertDemoForm(tx *gorm.DB, df demo.Form, candidateID uint, tasks []hiring.DayTask) error {
	f := df.Form
	f.CandidateID, f.UpdatedAt = candidateID, stamp(f.On)
	if err := validForm(&f); err != nil {
		return fmt.Errorf("form of %s: %w", f.Interviewer, err)
	}
	if err := tx.Create(&f).Error; err != nil {
		return err
	}
	if err := saveScores(tx, &f); err != nil {
		return err
	}
	if df.Plan == nil {
		return nil
	}
	p := *df.Plan
	p.FormID = f.ID
	if len(tasks) > 0 {
		p.SetID = tasks[0].SetID
	}
	p.Items = nil
	for _, it := range df.Plan.Items {
		if int(it.TaskID) >= len(tasks) {
			return fmt.Errorf("plan of %s: task %d of %d", f.Interviewer, it.TaskID, len(tasks))
		}
		it.TaskID = tasks[it.TaskID].ID
		p.Items = append(p.Items, it)
	}
	if err := tx.Create(&p).Error; err != nil {
		return err
	}
	for i := range p.Items {
		p.Items[i].PlanID = p.ID
	}
	return tx.Create(&p.Items).Error
}
