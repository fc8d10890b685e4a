package store

import (
	"context"
	"errors"
	"slices"

	"gorm.io/gorm"

	"companion/model"
)

// QualityReport reads what the month's quality report prints: every staff
// member who works now (and anyone who has left but has a figure in the
// month) with the month's scores (QualityScores); the salon's NPS of the
// month's answers, each counted once; the services and staff members most
// complained about; the complaints still open that came by the month's end,
// overdue as of today; and the proposals made in the month or still in hand.
func (s *Store) QualityReport(ctx context.Context, month model.Date) (model.QualityMonth, error) {
	first := model.MonthOf(month)
	next := model.MonthOf(first.AddDays(31))
	q := model.QualityMonth{Month: first, Today: s.Today()}
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return q, err
	}
	byStaff, byService, err := s.QualityScores(ctx, first)
	if err != nil {
		return q, err
	}
	db := s.ctx(ctx)
	staff := []model.Staff{}
	if err := db.Order("active DESC, name, id").Find(&staff).Error; err != nil {
		return q, err
	}
	names, staffCounts := map[uint]string{}, map[string]int{}
	for _, st := range staff {
		names[st.ID] = st.Name
		sc, ok := byStaff[st.ID]
		if st.Active || ok {
			q.Staff = append(q.Staff, model.StaffScore{Staff: st, Score: sc})
		}
		staffCounts[st.Name] += sc.Complaints
	}
	q.ByStaff = model.TopCounts(staffCounts, model.QualityTopics)
	if q.ByService, err = serviceComplaints(db, byService); err != nil {
		return q, err
	}
	if err := monthFeedback(db, first, next, &q); err != nil {
		return q, err
	}
	if q.Proposals, err = s.proposalsOf(ctx, first, next, names); err != nil {
		return q, err
	}
	return q, nil
}

// serviceComplaints lists the services most complained about in the month.
func serviceComplaints(db *gorm.DB, byService map[uint]model.Score) ([]model.Count, error) {
	var services []struct {
		ID   uint
		Name string
	}
	if err := db.Table("services").Select("id, name").Scan(&services).Error; err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, sv := range services {
		counts[sv.Name] += byService[sv.ID].Complaints
	}
	return model.TopCounts(counts, model.QualityTopics), nil
}

// monthFeedback fills the salon's NPS, the number of the month's
// complaints and the complaints still open that came before next.
func monthFeedback(db *gorm.DB, first, next model.Date, q *model.QualityMonth) error {
	answers, err := roundAnswers(db, first, next)
	if err != nil {
		return err
	}
	var nps []int
	for _, a := range answers {
		if a.NPS != nil {
			nps = append(nps, *a.NPS)
		}
	}
	q.NPS = model.SplitNPS(nps)
	month, err := feedbackRows(db, FeedbackQuery{Month: first})
	if err != nil {
		return err
	}
	for _, f := range month {
		if f.Kind == model.FeedbackComplaint && f.State != model.StateWithdrawn { // as model.Scores counts them
			q.Complaints++
		}
	}
	open, err := feedbackRows(db, FeedbackQuery{OpenOnly: true})
	if err != nil {
		return err
	}
	q.Open = []model.ComplaintLine{}
	for _, f := range slices.Backward(open) { // the oldest first
		if !f.On.Before(next) {
			continue
		}
		q.Open = append(q.Open, model.ComplaintLine{ID: f.ID, Client: f.Client, Staff: f.Staff, Service: f.Service,
			On: f.On, Words: f.Words, State: f.State, Overdue: f.Overdue(q.Today)})
	}
	return nil
}

// proposalsOf lists the proposals made in [first, next) and those made
// before it still proposed or accepted, open ones first, with their
// owners' names.
func (s *Store) proposalsOf(ctx context.Context, first, next model.Date, names map[uint]string) ([]model.ProposalLine, error) {
	all, err := s.Proposals(ctx)
	if err != nil {
		return nil, err
	}
	out := []model.ProposalLine{}
	for _, p := range all {
		open := p.Status == model.ProposalProposed || p.Status == model.ProposalAccepted
		if !p.Made.Before(next) || p.Made.Before(first) && !open {
			continue
		}
		l := model.ProposalLine{Proposal: p}
		if p.OwnerID != nil {
			l.Owner = names[*p.OwnerID]
		}
		out = append(out, l)
	}
	return out, nil
}

// FeedbackSheet reads what a manager hands staff member staffID in a
// one-to-one about the month: who they are, the month's figures, and the
// thanks and complaints clients gave them in it (none withdrawn), the
// oldest first. An unknown staff member is model.ErrNotFound.
func (s *Store) FeedbackSheet(ctx context.Context, staffID uint, month model.Date) (model.FeedbackSheet, error) {
	sh := model.FeedbackSheet{Month: model.MonthOf(month), Today: s.Today()}
	if err := s.allow(model.AreaStaff, model.Read); err != nil {
		return sh, err
	}
	db := s.ctx(ctx)
	if err := db.Take(&sh.Staff, staffID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return sh, model.ErrNotFound
	} else if err != nil {
		return sh, err
	}
	byStaff, _, err := s.QualityScores(ctx, sh.Month)
	if err != nil {
		return sh, err
	}
	sh.Score = byStaff[staffID]
	rows, err := feedbackRows(db, FeedbackQuery{Month: sh.Month, StaffID: staffID})
	if err != nil {
		return sh, err
	}
	sh.Thanks, sh.Complaints = []model.FeedbackNote{}, []model.FeedbackNote{}
	for _, f := range slices.Backward(rows) {
		note := model.FeedbackNote{Feedback: f.Feedback, Client: f.Client, Service: f.Service}
		switch {
		case f.State == model.StateWithdrawn:
		case f.Kind == model.FeedbackThanks:
			sh.Thanks = append(sh.Thanks, note)
		case f.Kind == model.FeedbackComplaint:
			sh.Complaints = append(sh.Complaints, note)
		}
	}
	return sh, nil
}
