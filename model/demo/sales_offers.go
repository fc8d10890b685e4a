package demo

import (
	"math/rand/v2"
	"slices"

	"companion/model"
)

// OfferCount is about how many offers the demo's year holds.
const OfferCount = 60

var (
	declineReasons = []string{"Дорого сейчас, может быть позже", "Уже пользуется другим средством",
		"Нет времени на курс процедур", "Не понравился запах", "Сначала посоветуется с врачом"}
	reactions = []string{"Интересно, просит записать", "Подумает", "Не интересно", "Спросила о цене и противопоказаниях"}
)

// offersOf makes up the year's offers: what a specialist offered beside
// their service from what goes well with it — accepted and sold on the
// same visit, declined with the client's reason, or put off to a day
// ahead (only of recent visits: a day put off to is still to come).
func offersOf(r *rand.Rand, d *Data) []Offer {
	var out []Offer
	for _, vi := range r.Perm(len(d.Visits)) {
		if len(out) >= OfferCount {
			break
		}
		v := d.Visits[vi]
		if d.Today.DaysSince(v.On) > 365 {
			continue
		}
		if o, ok := offerOn(r, d, vi); ok {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b Offer) int { return a.On.Time().Compare(b.On.Time()) })
	return out
}

// offerOn is the offer made on visit vi, if any: goods a specialist sold
// beside their service, accepted; or else what goes with a service,
// declined or put off.
func offerOn(r *rand.Rand, d *Data, vi int) (Offer, bool) {
	v := d.Visits[vi]
	for li, l := range v.Lines {
		if l.Staff >= 0 && d.Services[l.Service].Kind == "product" {
			return Offer{Client: v.Client, Staff: l.Staff, Service: l.Service, Visit: vi, Line: li,
				Offer: model.Offer{On: v.On, Outcome: model.OfferAccepted}}, true
		}
	}
	for li, l := range v.Lines {
		pairs := d.Services[l.Service].Pairs
		if l.Staff < 0 || len(pairs) == 0 || !chance(r, 0.2) {
			continue
		}
		o := Offer{Client: v.Client, Staff: l.Staff, Visit: -1, Line: -1, Offer: model.Offer{On: v.On}}
		if sold := soldPair(v, li, pairs); sold >= 0 {
			o.Service, o.Visit, o.Line, o.Outcome = v.Lines[sold].Service, vi, sold, model.OfferAccepted
			return o, true
		}
		o.Service = pairs[r.IntN(len(pairs))]
		o.Outcome, o.Reason = model.OfferDeclined, declineReasons[r.IntN(len(declineReasons))]
		if d.Today.DaysSince(v.On) < 20 && chance(r, 0.6) {
			o.Outcome, o.Reason, o.LaterOn = model.OfferLater, "", d.Today.AddDays(7+r.IntN(21))
		}
		return o, true
	}
	return Offer{}, false
}

// soldPair is the index of a line of v, other than line li, of one of pairs.
func soldPair(v Visit, li int, pairs []int) int {
	for k, l := range v.Lines {
		if k != li && slices.Contains(pairs, l.Service) {
			return k
		}
	}
	return -1
}

// presentationsOf tells the catalogue's new services to some of the
// clients of their block who came since they were marked new.
func presentationsOf(r *rand.Rand, d *Data) []Presentation {
	var out []Presentation
	for si, sv := range d.Services {
		if !sv.IsNew(d.Today) {
			continue
		}
		told := map[int]bool{}
		for _, v := range d.Visits {
			if v.On.Before(sv.NewSince) || told[v.Client] || d.Clients[v.Client].Block != sv.Block || !chance(r, 0.08) {
				continue
			}
			told[v.Client] = true
			out = append(out, Presentation{Client: v.Client, Service: si, Presentation: model.Presentation{On: v.On,
				How: "на визите", Reaction: reactions[r.IntN(len(reactions))]}})
		}
	}
	return out
}
