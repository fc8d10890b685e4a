package store

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

// Salon settings of hiring.
const (
	settingWeights = "interview_weights" // JSON: criterion → percent
	settingPass    = "interview_pass"    // the pass threshold on the 1–5 scale
)

// InterviewSettings reads the criteria's weights and the pass threshold,
// the defaults until the owner sets others.
func (s *Store) InterviewSettings(ctx context.Context) (map[string]int, float64, error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return nil, 0, err
	}
	return interviewSettings(s.ctx(ctx))
}

func interviewSettings(db *gorm.DB) (map[string]int, float64, error) {
	weights := map[string]int{}
	for k, v := range hiring.DefaultWeights {
		weights[k] = v
	}
	pass := hiring.DefaultPass
	w, err := setting(db, settingWeights)
	if err != nil {
		return nil, 0, err
	}
	if w != "" {
		if err := json.Unmarshal([]byte(w), &weights); err != nil {
			return nil, 0, err
		}
	}
	p, err := setting(db, settingPass)
	if v, perr := strconv.ParseFloat(p, 64); perr == nil {
		pass = v
	}
	return weights, pass, err
}

// SetInterviewSettings stores the weights (every criterion's, summing to
// 100 %) and the pass threshold (1–5).
func (s *Store) SetInterviewSettings(ctx context.Context, weights map[string]int, pass float64) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	if err := hiring.CheckWeights(weights); err != nil {
		return err
	}
	if pass < 1 || pass > 5 {
		return model.ValidationErrors{{Field: "pass", Key: "err.hiring.pass"}}
	}
	data, err := json.Marshal(weights)
	if err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := putSetting(tx, settingWeights, string(data)); err != nil {
			return err
		}
		return putSetting(tx, settingPass, strconv.FormatFloat(pass, 'f', -1, 64))
	})
}

// Questions lists the question bank, criterion by criterion.
func (s *Store) Questions(ctx context.Context) ([]hiring.Question, error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return nil, err
	}
	out := []hiring.Question{}
	err := s.ctx(ctx).Order("criterion, position, id").Find(&out).Error
	return out, err
}

// SaveQuestion stores a question of the bank: a new one when q.ID is 0.
func (s *Store) SaveQuestion(ctx context.Context, q *hiring.Question) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	q.Text = strings.TrimSpace(q.Text)
	var errs model.ValidationErrors
	if q.Text == "" {
		errs = append(errs, &model.FieldError{Field: "text", Key: "err.hiring.question"})
	}
	if !slices.Contains(hiring.Criteria, q.Criterion) {
		errs = append(errs, &model.FieldError{Field: "criterion", Key: "err.hiring.criterion"})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.ctx(ctx).Save(q).Error
}

// Competencies lists the support manager's position profile.
func (s *Store) Competencies(ctx context.Context) ([]hiring.Competency, error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return nil, err
	}
	out := []hiring.Competency{}
	err := s.ctx(ctx).Order("kind, position, id").Find(&out).Error
	return out, err
}

// SaveCompetency stores a line of the position profile; a name the profile
// has already is refused, so each is there once.
func (s *Store) SaveCompetency(ctx context.Context, c *hiring.Competency) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	if c.Name == "" {
		return model.ValidationErrors{{Field: "name", Key: "err.staff.name_required"}}
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var all []hiring.Competency
		if err := tx.Find(&all).Error; err != nil {
			return err
		}
		for _, o := range all { // SQLite's lower() folds no Cyrillic
			if o.ID != c.ID && model.Fold(o.Name) == model.Fold(c.Name) {
				return model.ValidationErrors{{Field: "name", Key: "err.hiring.competency_taken"}}
			}
		}
		return tx.Save(c).Error
	})
}
