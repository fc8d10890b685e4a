package store

import (
	"context"
	"sort"

	"gorm.io/gorm"

	"companion/model"
)

// ProgramsBehind lists the active programs of clients in the working list
// that are behind their schedule (model.BehindPercent), the most sessions
// short first.
func (s *Store) ProgramsBehind(ctx context.Context) ([]model.ProgramAlert, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	var a model.Agenda
	err := s.programsBehind(s.ctx(ctx), s.Today(), &a)
	return a.Behind, err
}

func (s *Store) programsBehind(db *gorm.DB, _ model.Date, a *model.Agenda) error {
	var ps []model.Program
	err := db.Table("programs AS p").Select("p.*").Joins("JOIN clients AS c ON c.id = p.client_id").
		Where("p.status = ? AND c.archived_at IS NULL", model.ProgramActive).Order("p.id").Find(&ps).Error
	if err != nil {
		return err
	}
	views, err := s.viewPrograms(db, ps)
	if err != nil {
		return err
	}
	var ids []uint
	for _, v := range views {
		if v.Progress.Behind {
			ids = append(ids, v.Program.ClientID)
		}
	}
	rows, err := clientRows(db, ids)
	if err != nil {
		return err
	}
	a.Behind = []model.ProgramAlert{}
	for _, v := range views {
		if v.Progress.Behind {
			a.Behind = append(a.Behind, model.ProgramAlert{View: v, Client: rows[v.Program.ClientID]})
		}
	}
	short := func(v model.ProgramView) int { return v.Progress.Due - v.Progress.Done }
	sort.SliceStable(a.Behind, func(i, j int) bool { return short(a.Behind[i].View) > short(a.Behind[j].View) })
	return nil
}

// WaitingRecommendations lists the recommendations that wait for the
// manager today (model.Recommendation.Waiting) of clients in the working
// list, the oldest first.
func (s *Store) WaitingRecommendations(ctx context.Context) ([]model.RecommendationRow, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	var a model.Agenda
	err := waitingRecommendations(s.ctx(ctx), s.Today(), &a)
	return a.Recommended, err
}

func waitingRecommendations(db *gorm.DB, today model.Date, a *model.Agenda) error {
	a.Recommended = []model.RecommendationRow{}
	err := recommendationRows(db).Joins("JOIN clients AS c ON c.id = r.client_id").
		Where("c.archived_at IS NULL AND (r.decision = ? OR r.decision = ? AND r.postponed_to <= ?)",
			model.RecWaiting, model.RecPostponed, today).
		Order("coalesce(r.postponed_to, r.day), r.id").Scan(&a.Recommended).Error
	if err != nil {
		return err
	}
	ids := make([]uint, len(a.Recommended))
	for i, r := range a.Recommended {
		ids[i] = r.ClientID
	}
	rows, err := clientRows(db, ids)
	for i := range a.Recommended {
		a.Recommended[i].Client = rows[a.Recommended[i].ClientID]
	}
	return err
}

// overdueComplaints lists the complaints open more than
// model.OverdueDays days, of clients in the working list, the oldest first.
func overdueComplaints(db *gorm.DB, today model.Date, a *model.Agenda) error {
	rows, err := feedbackRows(db.Where("f.day < ? AND c.archived_at IS NULL", today.AddDays(-model.OverdueDays)), FeedbackQuery{OpenOnly: true})
	if err != nil {
		return err
	}
	ids := make([]uint, len(rows))
	for i, r := range rows {
		ids[i] = r.ClientID
	}
	clients, err := clientRows(db, ids)
	a.Overdue = make([]model.ComplaintAlert, len(rows))
	for i, r := range rows {
		a.Overdue[len(rows)-1-i] = model.ComplaintAlert{Feedback: r.Feedback, Client: clients[r.ClientID], Staff: r.Staff}
	}
	return err
}
