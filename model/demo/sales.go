package demo

import (
	"math/rand/v2"

	"companion/model"
)

// Sales is the demo salon's selling: offers with their outcomes, new
// services told, promotions with whom they were told to, and
// recommendations asked of ambassadors. The clients' consent to
// advertising, with its day and way, is on the clients themselves.
type Sales struct {
	Offers        []Offer
	Presentations []Presentation
	Promotions    []Promotion
	Asks          []Ask
}

// Offer is an offer to Data.Clients[Client] of Data.Services[Service] by
// Data.Staff[Staff]; an accepted one was sold as line Line of
// Data.Visits[Visit] (-1: none).
type Offer struct {
	model.Offer
	Client, Staff, Service, Visit, Line int
}

// Presentation is Data.Services[Service], new, told to Data.Clients[Client].
type Presentation struct {
	model.Presentation
	Client, Service int
}

// Promotion is a promotion of Data.Services[Services] with the clients
// told of it.
type Promotion struct {
	model.Promotion
	Services []int
	Told     []PromoContact
}

// PromoContact is Data.Clients[Client] told of a promotion.
type PromoContact struct {
	model.PromoContact
	Client int
}

// Ask is a recommendation asked of Data.Clients[Client].
type Ask struct {
	model.AmbassadorAsk
	Client int
}

// Withdrawn is how many clients withdrew their consent to advertising.
const Withdrawn = 4

// sales gives the salon made so far its selling.
func sales(d *Data, seed int64) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5a1e5))
	consents(r, d)
	s := &d.Sales
	s.Offers = offersOf(r, d)
	s.Presentations = presentationsOf(r, d)
	s.Promotions = promotionsOf(r, d)
	s.Asks = asksOf(d)
}

// consents records how each consent to advertising was given: mostly on
// paper at the first visit or in the form on the site, a few without the
// way noted (which does not count); and Withdrawn of the clients seen in
// the last half year withdrew it since.
func consents(r *rand.Rand, d *Data) {
	var recent []int
	for i := range d.Clients {
		c := &d.Clients[i].Client
		if !c.MarketingConsent {
			continue
		}
		switch w := r.Float64(); {
		case w < 0.55:
			c.MarketingConsentHow = "paper"
		case w < 0.92:
			c.MarketingConsentHow = "form"
		}
		if c.MarketingConsentHow != "" && !c.LastVisitOn.IsZero() && d.Today.DaysSince(c.LastVisitOn) < 180 &&
			d.Today.DaysSince(c.MarketingConsentAt) > 30 {
			recent = append(recent, i)
		}
	}
	for k, i := range r.Perm(len(recent))[:min(Withdrawn, len(recent))] {
		c := &d.Clients[recent[i]].Client
		c.MarketingConsent = false
		c.MarketingWithdrawnAt = max2(c.MarketingConsentAt.AddDays(1), d.Today.AddDays(-10-20*k))
	}
}

// asksOf asks a recommendation of the first clients who thanked the salon
// in the last months: one brought a friend, one promised, one not yet.
func asksOf(d *Data) []Ask {
	results := []struct{ asked, result string }{
		{"Попросили рассказать о нас подругам, дали два гостевых приглашения", "Привела подругу, та записалась на чистку лица"},
		{"Предложили скидку 10 % за рекомендацию коллегам", "Обещала рассказать на работе"},
		{"Попросили оставить отзыв на Яндекс Картах", ""},
	}
	var out []Ask
	seen := map[int]bool{}
	for i := len(d.Quality.Feedback) - 1; i >= 0 && len(out) < len(results); i-- {
		f := d.Quality.Feedback[i]
		if f.Kind != model.FeedbackThanks || seen[f.Client] || d.Today.DaysSince(f.On) > model.AmbassadorDays {
			continue
		}
		seen[f.Client] = true
		t := results[len(out)]
		out = append(out, Ask{Client: f.Client, AmbassadorAsk: model.AmbassadorAsk{On: min2(f.On.AddDays(3), d.Today),
			Asked: t.asked, Result: t.result}})
	}
	return out
}
