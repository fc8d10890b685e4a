package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// promotionService is a row of promotion_services.
type promotionService struct {
	PromotionID uint
	ServiceID   uint
}

func (promotionService) TableName() string { return "promotion_services" }

// Promotions lists the promotions, the latest first, with their services.
func (s *Store) Promotions(ctx context.Context) ([]model.Promotion, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	out := []model.Promotion{}
	if err := db.Order("from_day DESC, id DESC").Find(&out).Error; err != nil {
		return nil, err
	}
	var links []promotionService
	if err := db.Order("promotion_id, service_id").Find(&links).Error; err != nil {
		return nil, err
	}
	for i := range out {
		for _, l := range links {
			if l.PromotionID == out[i].ID {
				out[i].ServiceIDs = append(out[i].ServiceIDs, l.ServiceID)
			}
		}
	}
	return out, nil
}

// SavePromotion validates and stores a promotion with its services, all or
// nothing: a new one when p.ID is 0.
func (s *Store) SavePromotion(ctx context.Context, p *model.Promotion) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Save(p).Error; err != nil {
			return err
		}
		if err := tx.Where("promotion_id = ?", p.ID).Delete(&promotionService{}).Error; err != nil {
			return err
		}
		for _, id := range p.ServiceIDs {
			if err := tx.Create(&promotionService{PromotionID: p.ID, ServiceID: id}).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// PromotionAudience splits the clients a promotion's filter picks today
// into whom to tell (provable consent, not withdrawn) and those left out
// with the reason (model.Audience).
func (s *Store) PromotionAudience(ctx context.Context, p model.Promotion) ([]model.Client, []model.Excluded, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, nil, err
	}
	targets, err := s.targets(s.ctx(ctx))
	if err != nil {
		return nil, nil, err
	}
	tell, out := model.Audience(p, targets, s.Today())
	return tell, out, nil
}

// targets reads the working list's clients as a promotion's filter and the
// ambassadors' rule see them: status, trust and card types.
func (s *Store) targets(db *gorm.DB) ([]model.Target, error) {
	var clients []model.Client
	if err := db.Where("archived_at IS NULL").Order("id").Find(&clients).Error; err != nil {
		return nil, err
	}
	var cards []struct{ ClientID, TypeID uint }
	if err := db.Table("cards").Select("client_id, type_id").Scan(&cards).Error; err != nil {
		return nil, err
	}
	var standing []struct {
		ClientID uint
		Avg      *float64
		Open     int
	}
	err := db.Raw(`SELECT client_id, avg(CASE WHEN rating > 0 THEN rating END) AS avg,
		count(CASE WHEN kind = 'complaint' AND state IN ('new', 'passed', 'answered') THEN 1 END) AS open
		FROM feedback WHERE state <> 'withdrawn' GROUP BY client_id`).Scan(&standing).Error
	if err != nil {
		return nil, err
	}
	today := s.Today()
	out := make([]model.Target, len(clients))
	for i, c := range clients {
		var avg float64
		open := 0
		for _, st := range standing {
			if st.ClientID == c.ID {
				if st.Avg != nil {
					avg = *st.Avg
				}
				open = st.Open
			}
		}
		out[i] = model.Target{Client: c, Status: c.Status(today), Trust: model.TrustStage(today, c.FirstVisitOn, c.VisitCount, avg, open)}
		for _, cd := range cards {
			if cd.ClientID == c.ID {
				out[i].CardTypes = append(out[i].CardTypes, cd.TypeID)
			}
		}
	}
	return out, nil
}

// TellPromotion notes that a client was told of a promotion: by which
// channel and the answer. A client who may not be told (no provable
// consent, or withdrawn) is refused.
func (s *Store) TellPromotion(ctx context.Context, c *model.PromoContact) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var cl model.Client
		if err := tx.Take(&cl, c.ClientID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		if !cl.MayAdvertise() {
			return model.ValidationErrors{{Field: "client", Key: "err.promo.no_consent"}}
		}
		if c.On.IsZero() {
			c.On = s.Today()
		}
		c.ID = 0
		return tx.Create(c).Error
	})
}

// PromoContacts lists whom a promotion was told to.
func (s *Store) PromoContacts(ctx context.Context, promotionID uint) ([]model.PromoContact, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	out := []model.PromoContact{}
	err := s.ctx(ctx).Where("promotion_id = ?", promotionID).Order("day, id").Find(&out).Error
	return out, err
}

// PromotionResult is what a promotion came to: the clients told, those of
// them who came within its period, and the revenue of its services they
// bought then.
type PromotionResult struct {
	Told, Came int
	Revenue    model.Money
}

// ResultOf works a promotion's result out.
func (s *Store) ResultOf(ctx context.Context, p model.Promotion) (PromotionResult, error) {
	var r PromotionResult
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return r, err
	}
	db := s.ctx(ctx)
	told := db.Table("promo_contacts").Select("client_id").Where("promotion_id = ?", p.ID)
	var n int64
	if err := db.Table("promo_contacts").Where("promotion_id = ?", p.ID).Distinct("client_id").Count(&n).Error; err != nil {
		return r, err
	}
	r.Told = int(n)
	var lines []struct {
		ClientID uint
		model.VisitLine
	}
	err := db.Table("visit_lines AS l").Select("v.client_id, l.*").Joins("JOIN visits AS v ON v.id = l.visit_id").
		Where("v.day >= ? AND v.day <= ? AND v.client_id IN (?)", p.From, p.To, told).Scan(&lines).Error
	came := map[uint]bool{}
	for _, l := range lines {
		came[l.ClientID] = true
		if l.ServiceID != nil && p.Covers(*l.ServiceID) {
			r.Revenue += l.VisitLine.Total()
		}
	}
	r.Came = len(came)
	return r, err
}
