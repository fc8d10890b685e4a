// Package sales is selling without pushing: the «Продажи» page of a
// client's profile (what to offer and why, the offer log, new services,
// the consent to advertising, referrals) and the promotions tab (whom a
// promotion may be told, who was told, what it came to, the staff's offer
// figures and the ambassadors).
package sales

import (
	"context"

	"companion/model"
)

// ClientStore is what the client's «Продажи» page needs.
type ClientStore interface {
	Today() model.Date
	Client(ctx context.Context, id uint) (model.Client, error)
	Services(ctx context.Context) ([]model.Service, error)
	Staff(ctx context.Context) ([]model.Staff, error)
	Suggestions(ctx context.Context, clientID uint) (model.Suggestions, error)
	Offers(ctx context.Context, clientID uint) ([]model.Offer, error)
	SaveOffer(ctx context.Context, o *model.Offer) error
	Presentations(ctx context.Context, clientID uint) ([]model.Presentation, error)
	AddPresentation(ctx context.Context, p *model.Presentation) error
	WithdrawConsent(ctx context.Context, clientID uint) error
	Referrals(ctx context.Context, clientID uint) ([]model.Referral, error)
	AmbassadorAsks(ctx context.Context, clientID uint) ([]model.AmbassadorAsk, error)
	SaveAmbassadorAsk(ctx context.Context, a *model.AmbassadorAsk) error
}

// Store is what the promotions tab needs.
type Store interface {
	ClientStore
	Role() model.Role
	SalonName(ctx context.Context) (string, error)
	CardTypes(ctx context.Context) ([]model.CardType, error)
	Promotions(ctx context.Context) ([]model.Promotion, error)
	SavePromotion(ctx context.Context, p *model.Promotion) error
	PromotionAudience(ctx context.Context, p model.Promotion) ([]model.Client, []model.Excluded, error)
	TellPromotion(ctx context.Context, c *model.PromoContact) error
	PromoContacts(ctx context.Context, promotionID uint) ([]model.PromoContact, error)
	PromotionFigures(ctx context.Context, p model.Promotion) (told, came int, revenue model.Money, err error)
	OfferFigures(ctx context.Context, month model.Date) (map[uint]model.OfferFigures, error)
	Ambassadors(ctx context.Context) ([]model.Client, error)
}
