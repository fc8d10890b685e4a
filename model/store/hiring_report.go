package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

// InterviewReport reads what a candidate's interview report prints: the
// forms as Forms shows them to interviewer (the owner sees every score;
// an interviewer, the others' only after submitting their own), each one's weighted total and
// recommendation and its working day scored, the mean, the disagreements
// between each two forms and the agreement of each two interviewers.
func (s *Store) InterviewReport(ctx context.Context, candidateID uint, interviewer string) (hiring.InterviewReport, error) {
	r := hiring.InterviewReport{Today: s.Today(), Questions: map[uint]string{}}
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return r, err
	}
	db := s.ctx(ctx)
	if err := db.Take(&r.Candidate, candidateID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return r, model.ErrNotFound
	} else if err != nil {
		return r, err
	}
	var err error
	if r.Weights, r.Pass, err = interviewSettings(db); err != nil {
		return r, err
	}
	forms, err := s.Forms(ctx, candidateID, interviewer)
	if err != nil {
		return r, err
	}
	if err := s.formResults(ctx, &r, forms); err != nil {
		return r, err
	}
	r.Disagreements = disagreements(r.Forms)
	r.Agreements, err = s.agreements(ctx, r.Forms)
	return r, err
}

// formResults scores each form and its working day, and the mean.
func (s *Store) formResults(ctx context.Context, r *hiring.InterviewReport, forms []hiring.Form) error {
	db := s.ctx(ctx)
	sets, err := s.TaskSets(ctx)
	if err != nil {
		return err
	}
	var questions []hiring.Question
	if err := db.Find(&questions).Error; err != nil {
		return err
	}
	sum, n := 0.0, 0
	for _, f := range forms {
		fr := hiring.FormResult{Form: f}
		fr.Total, fr.Scored = hiring.Weighted(f.ScoreMap(), r.Weights)
		if fr.Scored {
			fr.Recommend = hiring.Recommend(fr.Total, r.Pass)
			sum, n = sum+fr.Total, n+1
		}
		for _, sc := range f.Scores {
			for _, id := range splitIDs(sc.Questions) {
				for _, q := range questions {
					if q.ID == id {
						r.Questions[id] = q.Text
					}
				}
			}
		}
		plan, ok, err := dayPlanOf(db, f.ID)
		if err != nil {
			return err
		}
		for _, ts := range sets {
			if ok && ts.ID == plan.SetID {
				fr.Day = &hiring.DayResult{TaskSet: ts.Name, Tasks: ts.Tasks, Plan: plan, Score: hiring.ScoreDay(ts.Tasks, plan)}
			}
		}
		r.Forms = append(r.Forms, fr)
	}
	if n > 0 {
		r.Mean, r.MeanOK = float64(int(sum/float64(n)*100+0.5))/100, true
		r.MeanRecommend = hiring.Recommend(r.Mean, r.Pass)
	}
	return nil
}

// disagreements lists, for each two forms of different interviewers, the
// criteria they scored DisagreeBy or more apart.
func disagreements(forms []hiring.FormResult) []hiring.Disagreement {
	var out []hiring.Disagreement
	for i := range forms {
		for j := i + 1; j < len(forms); j++ {
			a, b := forms[i].Form, forms[j].Form
			if a.Interviewer == b.Interviewer {
				continue
			}
			crit := hiring.Disagreements(a.ScoreMap(), b.ScoreMap())
			if len(crit) == 0 {
				continue
			}
			d := hiring.Disagreement{A: a.Interviewer, B: b.Interviewer, Criteria: crit}
			for _, c := range crit {
				d.ScoresA, d.ScoresB = append(d.ScoresA, a.ScoreMap()[c]), append(d.ScoresB, b.ScoreMap()[c])
			}
			out = append(out, d)
		}
	}
	return out
}

// agreements is the agreement of each two interviewers of the forms.
func (s *Store) agreements(ctx context.Context, forms []hiring.FormResult) ([]hiring.Agreement, error) {
	var names []string
	for _, f := range forms {
		if !contains(names, f.Form.Interviewer) {
			names = append(names, f.Form.Interviewer)
		}
	}
	var out []hiring.Agreement
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			icc, n, enough, err := s.Agreement(ctx, names[i], names[j])
			if err != nil {
				return nil, err
			}
			out = append(out, hiring.Agreement{A: names[i], B: names[j], ICC: icc, N: n, Enough: enough})
		}
	}
	return out, nil
}
