package store

import (
	"context"

	"gorm.io/gorm"

	"companion/model"
)

// proposalFeedback is a row of proposal_feedback.
type proposalFeedback struct {
	ProposalID uint
	FeedbackID uint
}

func (proposalFeedback) TableName() string { return "proposal_feedback" }

// Proposals lists the improvement proposals, open ones first, each with
// the feedback that prompted it.
func (s *Store) Proposals(ctx context.Context) ([]model.Proposal, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	out := []model.Proposal{}
	err := db.Order("CASE WHEN status IN ('proposed', 'accepted') THEN 0 ELSE 1 END, made DESC, id DESC").Find(&out).Error
	if err != nil {
		return nil, err
	}
	var links []proposalFeedback
	if err := db.Order("proposal_id, feedback_id").Find(&links).Error; err != nil {
		return nil, err
	}
	by := map[uint][]uint{}
	for _, l := range links {
		by[l.ProposalID] = append(by[l.ProposalID], l.FeedbackID)
	}
	for i := range out {
		out[i].FeedbackIDs = by[out[i].ID]
	}
	return out, nil
}

// SaveProposal validates and stores a proposal with the feedback it links
// to, all or nothing: a new one when p.ID is 0.
func (s *Store) SaveProposal(ctx context.Context, p *model.Proposal) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if p.ID == 0 {
			p.Made = s.Today()
			if err := tx.Create(p).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(p).Select("*").Omit("made").Updates(p)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return model.ErrNotFound
			}
		}
		if err := tx.Where("proposal_id = ?", p.ID).Delete(&proposalFeedback{}).Error; err != nil {
			return err
		}
		for _, id := range p.FeedbackIDs {
			if err := tx.Create(&proposalFeedback{ProposalID: p.ID, FeedbackID: id}).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// QualityScores works out a month's scores per staff member and per
// service (model.Scores) from the feedback received in it and the answers
// of the check rounds' calls made in it.
func (s *Store) QualityScores(ctx context.Context, month model.Date) (byStaff, byService map[uint]model.Score, err error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, nil, err
	}
	db := s.ctx(ctx)
	var fb []model.Feedback
	first, next := model.MonthOf(month), model.MonthOf(model.MonthOf(month).AddDays(31))
	if err := db.Where("day >= ? AND day < ?", first, next).Find(&fb).Error; err != nil {
		return nil, nil, err
	}
	answers, err := roundAnswers(db, first, next)
	if err != nil {
		return nil, nil, err
	}
	byStaff, byService = model.Scores(first, fb, answers)
	return byStaff, byService, nil
}

// roundAnswers reads the calls answered in [first, next) as the scores
// count them: each with the staff who served the client and the services
// received in its round's period (a mystery client's: the round's staff).
func roundAnswers(db *gorm.DB, first, next model.Date) ([]model.Answer, error) {
	var calls []model.CheckCall
	if err := db.Where("state = ? AND day >= ? AND day < ?", model.CallDone, first, next).Order("id").Find(&calls).Error; err != nil {
		return nil, err
	}
	if err := withMarks(db, calls); err != nil {
		return nil, err
	}
	out := make([]model.Answer, 0, len(calls))
	for _, c := range calls {
		var r model.CheckRound
		if err := db.Take(&r, c.RoundID).Error; err != nil {
			return nil, err
		}
		a := model.Answer{On: c.On, NPS: c.NPS}
		for _, m := range c.Marks {
			a.Asked++
			a.Kept += boolToInt(m.Kept)
		}
		if err := servedIn(db, r, c, &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// servedIn fills who served the call's client and what they received in
// the round's period.
func servedIn(db *gorm.DB, r model.CheckRound, c model.CheckCall, a *model.Answer) error {
	if c.ClientID == nil {
		if r.StaffID != nil {
			a.Staff = []uint{*r.StaffID}
		}
		return nil
	}
	var rows []struct {
		StaffID   *uint
		ServiceID *uint
	}
	err := db.Table("visit_lines AS l").Select("DISTINCT l.staff_id, l.service_id").Joins("JOIN visits AS v ON v.id = l.visit_id").
		Where("v.client_id = ? AND v.day >= ? AND v.day <= ?", *c.ClientID, r.From, r.To).Scan(&rows).Error
	seenStaff, seenService := map[uint]bool{}, map[uint]bool{}
	for _, row := range rows {
		if row.StaffID != nil && !seenStaff[*row.StaffID] {
			seenStaff[*row.StaffID] = true
			a.Staff = append(a.Staff, *row.StaffID)
		}
		if row.ServiceID != nil && !seenService[*row.ServiceID] {
			seenService[*row.ServiceID] = true
			a.Services = append(a.Services, *row.ServiceID)
		}
	}
	return err
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
