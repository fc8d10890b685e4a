package store

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

// Candidates lists the candidates, the newest status change first.
func (s *Store) Candidates(ctx context.Context) ([]hiring.Candidate, error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return nil, err
	}
	out := []hiring.Candidate{}
	err := s.ctx(ctx).Order("status_on DESC, id DESC").Find(&out).Error
	return out, err
}

// SaveCandidate validates and stores a candidate: a new one when c.ID is 0.
func (s *Store) SaveCandidate(ctx context.Context, c *hiring.Candidate) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	if err := c.Validate(s.Today()); err != nil {
		return err
	}
	c.UpdatedAt = s.moment()
	db := s.ctx(ctx)
	if c.ID == 0 {
		c.UUID, c.CreatedAt = newUUIDIfEmpty(c.UUID), c.UpdatedAt
		return db.Create(c).Error
	}
	res := db.Model(c).Select("*").Omit("id", "uuid", "created_at").Updates(c)
	if res.Error == nil && res.RowsAffected == 0 {
		return model.ErrNotFound
	}
	return res.Error
}

// HireCandidate makes a hired candidate one of the staff in one step, in
// the position and block given, or marks an internal candidate hired.
func (s *Store) HireCandidate(ctx context.Context, id uint, role string, blockID *uint) (model.Staff, error) {
	var st model.Staff
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return st, err
	}
	err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var c hiring.Candidate
		if err := tx.Take(&c, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		if c.StaffID != nil {
			if err := tx.Take(&st, *c.StaffID).Error; err != nil {
				return err
			}
			st.Role = role
		} else {
			st = model.Staff{UUID: uuid.NewString(), Name: c.Name, Phone: c.Phone, HiredOn: s.Today(), Active: true, Role: role}
		}
		st.BlockID = blockID
		if err := st.Validate(s.Today()); err != nil {
			return err
		}
		if err := tx.Save(&st).Error; err != nil {
			return err
		}
		return tx.Model(&c).Updates(map[string]any{"staff_id": st.ID, "status": hiring.StatusHired,
			"status_on": s.Today(), "updated_at": s.moment()}).Error
	})
	return st, err
}

// Forms lists a candidate's assessment forms with their scores. Seen by an
// interviewer, the other interviewers' scores and notes are hidden until
// that interviewer has submitted a form of their own for the candidate, so
// that nobody anchors on another's; the owner sees them all.
func (s *Store) Forms(ctx context.Context, candidateID uint, interviewer string) ([]hiring.Form, error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	out := []hiring.Form{}
	if err := db.Where("candidate_id = ?", candidateID).Order("day, id").Find(&out).Error; err != nil {
		return nil, err
	}
	if err := withScores(db, out); err != nil {
		return nil, err
	}
	if s.Role() == model.RoleOwner {
		return out, nil
	}
	submitted := false
	for _, f := range out {
		submitted = submitted || f.Interviewer == interviewer && f.Submitted
	}
	for i := range out {
		if out[i].Interviewer != interviewer && !submitted {
			out[i].Scores, out[i].Notes = nil, ""
		}
	}
	return out, nil
}

func withScores(db *gorm.DB, forms []hiring.Form) error {
	if len(forms) == 0 {
		return nil
	}
	ids := make([]uint, len(forms))
	for i, f := range forms {
		ids[i] = f.ID
	}
	var scores []hiring.Score
	if err := db.Where("form_id IN ?", ids).Find(&scores).Error; err != nil {
		return err
	}
	by := map[uint][]hiring.Score{}
	for _, sc := range scores {
		by[sc.FormID] = append(by[sc.FormID], sc)
	}
	for i := range forms {
		forms[i].Scores = sortScores(by[forms[i].ID])
	}
	return nil
}

// sortScores puts the scores in the criteria's order.
func sortScores(in []hiring.Score) []hiring.Score {
	var out []hiring.Score
	for _, c := range hiring.Criteria {
		for _, sc := range in {
			if sc.Criterion == c {
				out = append(out, sc)
			}
		}
	}
	return out
}

// SaveForm stores a form as it is typed, whole: a new one when f.ID is 0.
// A submitted form no longer changes.
func (s *Store) SaveForm(ctx context.Context, f *hiring.Form) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	if err := validForm(f); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		f.UpdatedAt = s.moment()
		if f.ID == 0 {
			f.UUID, f.Submitted = newUUIDIfEmpty(f.UUID), false
			if err := tx.Create(f).Error; err != nil {
				return err
			}
		} else {
			var old hiring.Form
			if err := tx.Take(&old, f.ID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
				return model.ErrNotFound
			} else if err != nil {
				return err
			}
			if old.Submitted {
				return model.ValidationErrors{{Field: "form", Key: "err.hiring.submitted"}}
			}
			if err := tx.Model(f).Select("interviewer", "day", "notes", "updated_at").Updates(f).Error; err != nil {
				return err
			}
		}
		return saveScores(tx, f)
	})
}

func validForm(f *hiring.Form) error {
	var errs model.ValidationErrors
	if f.CandidateID == 0 {
		errs = append(errs, &model.FieldError{Field: "candidate", Key: "err.hiring.candidate"})
	}
	if f.Interviewer == "" {
		errs = append(errs, &model.FieldError{Field: "interviewer", Key: "err.hiring.interviewer"})
	}
	if f.On.IsZero() {
		errs = append(errs, &model.FieldError{Field: "on", Key: "err.date.required"})
	}
	for _, sc := range f.Scores {
		if sc.Score < 0 || sc.Score > 5 {
			errs = append(errs, &model.FieldError{Field: sc.Criterion, Key: "err.hiring.score"})
		}
	}
	return errs.OrNil()
}

func saveScores(tx *gorm.DB, f *hiring.Form) error {
	if err := tx.Where("form_id = ?", f.ID).Delete(&hiring.Score{}).Error; err != nil {
		return err
	}
	for i := range f.Scores {
		f.Scores[i].FormID = f.ID
	}
	if len(f.Scores) == 0 {
		return nil
	}
	return tx.Create(&f.Scores).Error
}

// SubmitForm submits a form: its scores are final, and its interviewer now
// sees the others'.
func (s *Store) SubmitForm(ctx context.Context, id uint) error {
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return err
	}
	res := s.ctx(ctx).Model(&hiring.Form{}).Where("id = ?", id).Updates(map[string]any{"submitted": true, "updated_at": s.moment()})
	if res.Error == nil && res.RowsAffected == 0 {
		return model.ErrNotFound
	}
	return res.Error
}

func newUUIDIfEmpty(id string) string {
	if id == "" {
		return uuid.NewString()
	}
	return id
}

// Agreement is how far two interviewers agree over the candidates they
// both assessed with submitted forms: the intraclass correlation of their
// weighted totals (hiring.ICC), and the number of candidates behind it
// (fewer than hiring.MinRated is too few to trust).
func (s *Store) Agreement(ctx context.Context, a, b string) (icc float64, n int, ok bool, err error) {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return 0, 0, false, err
	}
	db := s.ctx(ctx)
	weights, _, err := interviewSettings(db)
	if err != nil {
		return 0, 0, false, err
	}
	var forms []hiring.Form
	if err := db.Where("submitted = ? AND interviewer IN ?", true, []string{a, b}).Order("candidate_id, day, id").Find(&forms).Error; err != nil {
		return 0, 0, false, err
	}
	if err := withScores(db, forms); err != nil {
		return 0, 0, false, err
	}
	totals := map[uint]map[string]float64{}
	for _, f := range forms {
		if t, ok := hiring.Weighted(f.ScoreMap(), weights); ok {
			if totals[f.CandidateID] == nil {
				totals[f.CandidateID] = map[string]float64{}
			}
			totals[f.CandidateID][f.Interviewer] = t // the latest form of each
		}
	}
	var rows [][]float64
	for _, t := range totals {
		if ta, okA := t[a]; okA {
			if tb, okB := t[b]; okB {
				rows = append(rows, []float64{ta, tb})
			}
		}
	}
	icc, ok = hiring.ICC(rows)
	return icc, len(rows), ok && len(rows) >= hiring.MinRated, nil
}
