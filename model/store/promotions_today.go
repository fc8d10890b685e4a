package store

import (
	"context"

	"companion/model"
)

// PromotionFigures is ResultOf in plain values, for a window that may not
// know the store's types: the clients told, those who came, the revenue.
func (s *Store) PromotionFigures(ctx context.Context, p model.Promotion) (told, came int, revenue model.Money, err error) {
	r, err := s.ResultOf(ctx, p)
	return r.Told, r.Came, r.Revenue, err
}

// PromotionsToTell lists the promotions running today that have clients
// who may be told and were not yet, with those clients by promotion.
func (s *Store) PromotionsToTell(ctx context.Context) ([]model.Promotion, map[uint][]model.Client, error) {
	all, err := s.Promotions(ctx)
	if err != nil {
		return nil, nil, err
	}
	var out []model.Promotion
	untold := map[uint][]model.Client{}
	today := s.Today()
	for _, p := range all {
		if !p.Active(today) {
			continue
		}
		tell, _, err := s.PromotionAudience(ctx, p)
		if err != nil {
			return nil, nil, err
		}
		told, err := s.PromoContacts(ctx, p.ID)
		if err != nil {
			return nil, nil, err
		}
		done := map[uint]bool{}
		for _, c := range told {
			done[c.ClientID] = true
		}
		for _, c := range tell {
			if !done[c.ID] {
				untold[p.ID] = append(untold[p.ID], c)
			}
		}
		if len(untold[p.ID]) > 0 {
			out = append(out, p)
		}
	}
	return out, untold, nil
}
