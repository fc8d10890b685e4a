package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// Suggestions works out what to offer a client now (model.Suggest): from
// their trust stage (ratings and open complaints counted), health words,
// what they took and have in open programs, what specialists recommended
// and what they declined.
func (s *Store) Suggestions(ctx context.Context, clientID uint) (model.Suggestions, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return model.Suggestions{}, err
	}
	db := s.ctx(ctx)
	today := s.Today()
	in := model.SuggestionInput{Today: today}
	if err := db.Take(&in.Client, clientID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return model.Suggestions{}, model.ErrNotFound
	} else if err != nil {
		return model.Suggestions{}, err
	}
	avg, open, err := s.ClientStanding(ctx, clientID)
	if err != nil {
		return model.Suggestions{}, err
	}
	in.Trust = model.TrustStage(today, in.Client.FirstVisitOn, in.Client.VisitCount, avg, open)
	if _, in.Health, err = healthTexts(db, clientID); err != nil {
		return model.Suggestions{}, err
	}
	if in.Catalogue, err = s.Services(ctx); err != nil {
		return model.Suggestions{}, err
	}
	done, err := sessionsDone(db.Where("v.day >= ?", today.AddDays(-model.TakenWithinDays)), []uint{clientID})
	if err != nil {
		return model.Suggestions{}, err
	}
	in.Taken = done[clientID]
	err = db.Table("program_items AS i").Joins("JOIN programs AS p ON p.id = i.program_id").
		Where("p.client_id = ? AND p.status IN ?", clientID, []string{model.ProgramDraft, model.ProgramActive}).
		Pluck("i.service_id", &in.InPrograms).Error
	if err == nil {
		err = db.Table("recommendations").Where("client_id = ? AND decision IN ?", clientID,
			[]string{model.RecWaiting, model.RecPostponed}).Pluck("service_id", &in.Recommended).Error
	}
	if err == nil {
		err = db.Where("client_id = ? AND outcome = ?", clientID, model.OfferDeclined).Find(&in.Declined).Error
	}
	if err != nil {
		return model.Suggestions{}, err
	}
	return model.Suggest(in), nil
}

// Offers lists a client's offers, the newest first.
func (s *Store) Offers(ctx context.Context, clientID uint) ([]model.Offer, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	out := []model.Offer{}
	err := s.ctx(ctx).Where("client_id = ?", clientID).Order("day DESC, id DESC").Find(&out).Error
	return out, err
}

// SaveOffer stores an offer and its outcome: a new one when o.ID is 0. An
// offer the client will think over until a day becomes a follow-up on the
// client's timeline, due that day.
func (s *Store) SaveOffer(ctx context.Context, o *model.Offer) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := o.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := clientExists(tx, o.ClientID); err != nil {
			return err
		}
		if o.ID == 0 {
			o.CreatedAt = s.moment()
			if err := tx.Create(o).Error; err != nil {
				return err
			}
		} else if err := tx.Model(o).Select("outcome", "reason", "later_on", "visit_line_id").Updates(o).Error; err != nil {
			return err
		}
		if o.Outcome != model.OfferLater {
			return nil
		}
		var name string
		if err := tx.Table("services").Where("id = ?", o.ServiceID).Pluck("name", &name).Error; err != nil {
			return err
		}
		c := model.Contact{ClientID: o.ClientID, On: o.On, Kind: model.ContactNote, Notes: name, NextOn: o.LaterOn, CreatedAt: s.moment()}
		return tx.Create(&c).Error
	})
}

// OfferFigures counts a month's offers by staff member
// (model.OfferFiguresOf): the revenue of those accepted, and the complaints
// of their clients within model.ComplaintAfterDays after them.
func (s *Store) OfferFigures(ctx context.Context, month model.Date) (map[uint]model.OfferFigures, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	first := model.MonthOf(month)
	next := model.MonthOf(first.AddDays(31))
	var offers []model.Offer
	if err := db.Where("day >= ? AND day < ?", first, next).Find(&offers).Error; err != nil {
		return nil, err
	}
	values := map[uint]model.Money{}
	var lines []model.VisitLine
	err := db.Where("id IN (?)", db.Table("offers").Select("visit_line_id").
		Where("day >= ? AND day < ? AND visit_line_id IS NOT NULL", first, next)).Find(&lines).Error
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		values[l.ID] = l.Value()
	}
	var complaints []model.Feedback
	err = db.Where("kind = ? AND state <> ? AND day >= ? AND day <= ?", model.FeedbackComplaint, model.StateWithdrawn,
		first, next.AddDays(model.ComplaintAfterDays)).Find(&complaints).Error
	if err != nil {
		return nil, err
	}
	return model.OfferFiguresOf(first, offers, values, complaints), nil
}

// Presentations lists the new services told to a client.
func (s *Store) Presentations(ctx context.Context, clientID uint) ([]model.Presentation, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	out := []model.Presentation{}
	err := s.ctx(ctx).Where("client_id = ?", clientID).Order("day DESC, id DESC").Find(&out).Error
	return out, err
}

// AddPresentation notes a new service told to a client: how, the reaction.
func (s *Store) AddPresentation(ctx context.Context, p *model.Presentation) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if p.ClientID == 0 || p.ServiceID == 0 {
		return model.ValidationErrors{{Field: "service", Key: "err.visit.service"}}
	}
	if p.On.IsZero() {
		p.On = s.Today()
	}
	p.ID = 0
	return s.ctx(ctx).Create(p).Error
}

// WithdrawConsent records at once that a client withdrew the consent to
// advertising: from now on no promotion's list holds them. It goes to the
// audit log.
func (s *Store) WithdrawConsent(ctx context.Context, clientID uint) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&model.Client{}).Where("id = ?", clientID).Updates(map[string]any{
			"marketing_consent": false, "marketing_withdrawn_at": s.Today(), "version": gorm.Expr("version + 1")})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return model.ErrNotFound
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaClients, Action: "update", Table: "clients",
			RecordID: clientID, Fields: "marketing_consent,marketing_withdrawn_at"})
	})
}
