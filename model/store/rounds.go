package store

import (
	"context"
	"errors"
	"slices"
	"strings"

	"gorm.io/gorm"

	"companion/model"
)

// checkMark is a row of check_marks.
type checkMark = model.CheckMark

// StartRound makes a check round and its call cards. A round of calls takes
// the clients who visited in its period, less those asked in the last
// model.AskedWithinDays days, all or a sample (model.SampleClients, from the
// round's seed); each card asks about the standards that apply to what the
// client received and who served them. A mystery client's round is one
// checklist of the standards of its staff member's position.
func (s *Store) StartRound(ctx context.Context, r *model.CheckRound) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := validateRound(r); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		r.ID, r.Made = 0, s.Today()
		if err := tx.Create(r).Error; err != nil {
			return err
		}
		stds, err := standards(tx)
		if err != nil {
			return err
		}
		if r.Kind == model.RoundMystery {
			return s.mysteryCard(tx, r, stds)
		}
		return s.callCards(tx, r, stds)
	})
}

func validateRound(r *model.CheckRound) error {
	var errs model.ValidationErrors
	r.Title = strings.Join(strings.Fields(r.Title), " ")
	if r.Title == "" {
		errs = append(errs, &model.FieldError{Field: "title", Key: "err.program.title_required"})
	}
	if r.Kind != model.RoundCalls && r.Kind != model.RoundMystery {
		errs = append(errs, &model.FieldError{Field: "kind", Key: "err.feedback.kind"})
	}
	if r.Kind == model.RoundMystery && r.StaffID == nil {
		errs = append(errs, &model.FieldError{Field: "staff", Key: "err.rec.staff_required"})
	}
	if r.From.IsZero() || r.To.IsZero() || r.To.Before(r.From) {
		errs = append(errs, &model.FieldError{Field: "to", Key: "err.round.period"})
	}
	if r.Sample < 0 {
		errs = append(errs, &model.FieldError{Field: "sample", Key: "err.number"})
	}
	return errs.OrNil()
}

// served is what one client received in a period: the services and the
// positions of those who served them.
type served struct {
	services []uint
	roles    []string
}

// callCards makes the round's call cards.
func (s *Store) callCards(tx *gorm.DB, r *model.CheckRound, stds []model.Standard) error {
	var rows []struct {
		ClientID  uint
		ServiceID *uint
		Role      *string
	}
	asked := tx.Table("check_calls").Select("client_id").
		Where("client_id IS NOT NULL AND state <> ? AND day >= ?", model.CallPending, s.Today().AddDays(-model.AskedWithinDays))
	err := tx.Table("visits AS v").Select("v.client_id, l.service_id, st.role").
		Joins("JOIN visit_lines AS l ON l.visit_id = v.id").Joins("JOIN clients AS c ON c.id = v.client_id").
		Joins("LEFT JOIN staff AS st ON st.id = l.staff_id").
		Where("v.day >= ? AND v.day <= ? AND c.archived_at IS NULL AND v.client_id NOT IN (?)", r.From, r.To, asked).
		Order("v.client_id, l.id").Scan(&rows).Error
	if err != nil {
		return err
	}
	var ids []uint
	by := map[uint]*served{}
	for _, row := range rows {
		if by[row.ClientID] == nil {
			by[row.ClientID] = &served{}
			ids = append(ids, row.ClientID)
		}
		if row.ServiceID != nil {
			by[row.ClientID].services = append(by[row.ClientID].services, *row.ServiceID)
		}
		if row.Role != nil {
			by[row.ClientID].roles = append(by[row.ClientID].roles, *row.Role)
		}
	}
	for _, id := range model.SampleClients(ids, r.Sample, r.Seed) {
		client := id
		call := model.CheckCall{RoundID: r.ID, ClientID: &client, State: model.CallPending}
		if err := makeCard(tx, &call, stds, by[id].roles, by[id].services); err != nil {
			return err
		}
	}
	return nil
}

// mysteryCard makes the one checklist of a mystery client's round.
func (s *Store) mysteryCard(tx *gorm.DB, r *model.CheckRound, stds []model.Standard) error {
	var st model.Staff
	if err := tx.Take(&st, *r.StaffID).Error; err != nil {
		return model.ValidationErrors{{Field: "staff", Key: "err.program.staff"}}
	}
	call := model.CheckCall{RoundID: r.ID, State: model.CallPending}
	return makeCard(tx, &call, stds, []string{st.Role}, nil)
}

// makeCard stores a call card with a mark for each standard that applies
// to one of roles and services.
func makeCard(tx *gorm.DB, call *model.CheckCall, stds []model.Standard, roles []string, services []uint) error {
	if err := tx.Create(call).Error; err != nil {
		return err
	}
	if len(roles) == 0 {
		roles = []string{""}
	}
	for _, st := range stds {
		for _, role := range roles {
			if st.AppliesTo(role, services) {
				if err := tx.Create(&checkMark{CallID: call.ID, StandardID: st.ID}).Error; err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}

// Rounds lists the check rounds, the newest first.
func (s *Store) Rounds(ctx context.Context) ([]model.CheckRound, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	out := []model.CheckRound{}
	err := s.ctx(ctx).Order("made DESC, id DESC").Find(&out).Error
	return out, err
}

// RoundCalls lists a round's call cards with their marks, in order.
func (s *Store) RoundCalls(ctx context.Context, roundID uint) ([]model.CheckCall, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	out := []model.CheckCall{}
	if err := db.Where("round_id = ?", roundID).Order("id").Find(&out).Error; err != nil {
		return nil, err
	}
	return out, withMarks(db, out)
}

func withMarks(db *gorm.DB, calls []model.CheckCall) error {
	if len(calls) == 0 {
		return nil
	}
	ids := make([]uint, len(calls))
	for i, c := range calls {
		ids[i] = c.ID
	}
	var marks []checkMark
	if err := db.Where("call_id IN ?", ids).Order("call_id, standard_id").Find(&marks).Error; err != nil {
		return err
	}
	by := map[uint][]model.CheckMark{}
	for _, m := range marks {
		by[m.CallID] = append(by[m.CallID], m)
	}
	for i := range calls {
		calls[i].Marks = by[calls[i].ID]
	}
	return nil
}

// RecordCall stores what a call came to: its state, the NPS answer, the
// comment and which standards were kept.
func (s *Store) RecordCall(ctx context.Context, call *model.CheckCall) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if !slices.Contains(model.CallStates, call.State) || call.NPS != nil && (*call.NPS < 0 || *call.NPS > 10) {
		return model.ValidationErrors{{Field: "nps", Key: "err.round.nps"}}
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var old model.CheckCall
		if err := tx.Take(&old, call.ID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		call.RoundID, call.ClientID, call.On = old.RoundID, old.ClientID, s.Today()
		if err := tx.Model(call).Select("state", "nps", "comment", "day").Updates(call).Error; err != nil {
			return err
		}
		for _, m := range call.Marks {
			err := tx.Model(&checkMark{}).Where("call_id = ? AND standard_id = ?", call.ID, m.StandardID).
				Update("kept", m.Kept).Error
			if err != nil {
				return err
			}
		}
		return nil
	})
}
