package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/hiring"
)

func TestTheInterviewReportHoldsTheTotalsAndTheDay(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	c, _ := interviewed(t, s)
	second := hiring.Form{CandidateID: c.ID, Interviewer: "Громов", On: s.Today(), Scores: scores(4, 4, 4, 3, 1, 4)}
	if err := s.SaveForm(ctx, &second); err != nil {
		t.Fatal(err)
	}
	r, err := s.InterviewReport(ctx, c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Forms) != 2 || r.Forms[0].Total != 3.9 || r.Forms[0].Recommend != hiring.Hire ||
		r.Forms[1].Total != 3.4 || r.Forms[1].Recommend != hiring.HireTrain || r.Mean != 3.65 || !r.MeanOK {
		t.Fatalf("totals: %+v mean %v", r.Forms, r.Mean)
	}
	if d := r.Forms[0].Day; d == nil || d.TaskSet != "Рабочий день" || d.Score.Organisation != 5 || r.Forms[1].Day != nil {
		t.Errorf("the working day: %+v", d)
	}
	if len(r.Disagreements) != 1 || r.Disagreements[0].Criteria[0] != hiring.Stress {
		t.Errorf("disagreements: %+v", r.Disagreements)
	}
	if len(r.Agreements) != 1 || r.Agreements[0].Enough || len(r.Questions) != 1 {
		t.Errorf("agreement %+v, questions %v", r.Agreements, r.Questions)
	}
	if _, err := s.InterviewReport(ctx, 999, ""); err != model.ErrNotFound {
		t.Errorf("an unknown candidate: %v", err)
	}
}
