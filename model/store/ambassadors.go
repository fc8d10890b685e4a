package store

import (
	"context"
	"strings"

	"companion/model"
)

// Ambassadors lists the clients to ask for a recommendation
// (model.Ambassadors): trusted, with thanks or a promoter's answer in a
// check round within model.AmbassadorDays.
func (s *Store) Ambassadors(ctx context.Context) ([]model.Client, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	targets, err := s.targets(db)
	if err != nil {
		return nil, err
	}
	since := s.Today().AddDays(-model.AmbassadorDays)
	var thanks []model.Feedback
	if err := db.Where("kind = ? AND day >= ?", model.FeedbackThanks, since).Find(&thanks).Error; err != nil {
		return nil, err
	}
	var calls []model.CheckCall
	if err := db.Where("state = ? AND nps IS NOT NULL AND day >= ? AND client_id IS NOT NULL", model.CallDone, since).
		Find(&calls).Error; err != nil {
		return nil, err
	}
	nps := map[uint][]model.Answer{}
	for _, c := range calls {
		nps[*c.ClientID] = append(nps[*c.ClientID], model.Answer{On: c.On, NPS: c.NPS})
	}
	return model.Ambassadors(targets, thanks, nps, s.Today()), nil
}

// AmbassadorAsks lists the recommendations asked of a client (every
// client's when clientID is 0), the newest first.
func (s *Store) AmbassadorAsks(ctx context.Context, clientID uint) ([]model.AmbassadorAsk, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	q := s.ctx(ctx).Order("day DESC, id DESC")
	if clientID != 0 {
		q = q.Where("client_id = ?", clientID)
	}
	out := []model.AmbassadorAsk{}
	return out, q.Find(&out).Error
}

// SaveAmbassadorAsk stores what was asked of an ambassador and its result.
func (s *Store) SaveAmbassadorAsk(ctx context.Context, a *model.AmbassadorAsk) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	a.Asked, a.Result = strings.TrimSpace(a.Asked), strings.TrimSpace(a.Result)
	if a.ClientID == 0 || a.Asked == "" {
		return model.ValidationErrors{{Field: "asked", Key: "err.ambassador.asked"}}
	}
	if a.On.IsZero() {
		a.On = s.Today()
	}
	return s.ctx(ctx).Save(a).Error
}

// Referrals lists whom a client brought, and whom those brought, with
// their depth (model.ReferralChain).
func (s *Store) Referrals(ctx context.Context, clientID uint) ([]model.Referral, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	var rows []struct {
		ID         uint
		ReferrerID uint
	}
	if err := s.ctx(ctx).Table("clients").Select("id, referrer_id").Where("referrer_id IS NOT NULL").Scan(&rows).Error; err != nil {
		return nil, err
	}
	of := make(map[uint]uint, len(rows))
	for _, r := range rows {
		of[r.ID] = r.ReferrerID
	}
	return model.ReferralChain(clientID, of), nil
}
