package model

import (
	"reflect"
	"testing"
)

// shop is a small catalogue: a peel that goes well with a cream, a massage
// for hypertension's sake not for everyone, a new mask.
func shop() []Service {
	return []Service{
		{ID: 1, Name: "Пилинг миндальный", Kind: "service", Active: true, GoesWith: []uint{2}},
		{ID: 2, Name: "Крем SPF 50", Kind: "product", Active: true},
		{ID: 3, Name: "Лимфодренажный массаж", Kind: "service", Pros: "Убирает отёки, помогает похудеть", Active: true,
			Contraindications: []string{"варикоз"}},
		{ID: 4, Name: "Альгинатная маска", Kind: "service", Active: true},
		{ID: 5, Name: "Сыворотка", Kind: "product", Active: true},
	}
}

func TestSuggestionsFollowTrustAndExclusions(t *testing.T) {
	today := NewDate(2026, 11, 27)
	base := SuggestionInput{Today: today, Catalogue: shop(), Client: Client{Goals: "Похудеть к лету"},
		Taken: []SessionDone{{On: today.AddDays(-40), ServiceID: 1, Qty: 1}}, Recommended: []uint{4, 5}}
	names := func(s Suggestions) []uint {
		var out []uint
		for _, x := range s.List {
			out = append(out, x.Service.ID)
		}
		return out
	}
	trusted := base
	trusted.Trust = TrustTrusted
	all := Suggest(trusted)
	// the recommended mask (3) and serum (3), the cream with the peel (2), the massage for the goal (1); the peel itself fits nothing
	if got := names(all); !reflect.DeepEqual(got, []uint{4, 5, 2, 3}) || all.Held != 0 || all.Limit != -1 {
		t.Errorf("trusted: %v %+v", got, all)
	}
	if r := all.List[3].Reasons; !reflect.DeepEqual(r, []string{ReasonGoal}) {
		t.Errorf("the massage's reasons %v", r)
	}
	building := base
	building.Trust = TrustBuilding
	if s := Suggest(building); len(s.List) != 3 || s.Held != 1 || s.Limit != 3 {
		t.Errorf("building: %+v", s)
	}
	newbie := base
	newbie.Trust = TrustNew
	if s := Suggest(newbie); !reflect.DeepEqual(names(s), []uint{4}) || s.Held != 3 {
		t.Errorf("a new client gets one gentle service, no goods: %v held %d", names(s), s.Held)
	}
	excl := trusted
	excl.Health = []string{"варикозное расширение вен"}
	excl.Taken = append(excl.Taken, SessionDone{On: today.AddDays(-10), ServiceID: 2, Qty: 1})
	excl.Declined = []Offer{{ServiceID: 4, On: today.AddDays(-29), Outcome: OfferDeclined}, {ServiceID: 5, On: today.AddDays(-31), Outcome: OfferDeclined}}
	if got := names(Suggest(excl)); !reflect.DeepEqual(got, []uint{5}) {
		t.Errorf("bought in 30 days, declined in 30 days and contraindicated left out: %v", got)
	}
}

func TestOfferFiguresCountComplaintsAfterOffers(t *testing.T) {
	anna, oleg := uint(1), uint(2)
	line := uint(70)
	offers := []Offer{
		{ClientID: 10, StaffID: &anna, ServiceID: 1, On: NewDate(2026, 10, 5), Outcome: OfferAccepted, VisitLineID: &line},
		{ClientID: 11, StaffID: &anna, ServiceID: 2, On: NewDate(2026, 10, 6), Outcome: OfferDeclined},
		{ClientID: 10, StaffID: &anna, ServiceID: 3, On: NewDate(2026, 10, 7), Outcome: OfferLater},
		{ClientID: 12, StaffID: &oleg, ServiceID: 1, On: NewDate(2026, 10, 8), Outcome: OfferAccepted},
		{ClientID: 12, StaffID: &oleg, ServiceID: 1, On: NewDate(2026, 9, 8), Outcome: OfferAccepted},
	}
	complaints := []Feedback{
		{ID: 1, ClientID: 10, Kind: FeedbackComplaint, On: NewDate(2026, 10, 20)}, // after both of Anna's offers to client 10: once
		{ID: 2, ClientID: 11, Kind: FeedbackComplaint, On: NewDate(2026, 11, 20)}, // 45 days after
		{ID: 3, ClientID: 12, Kind: FeedbackThanks, On: NewDate(2026, 10, 9)},
	}
	f := OfferFiguresOf(NewDate(2026, 10, 1), offers, map[uint]Money{line: Rub(3500)}, complaints)
	if a := f[anna]; a.Offers != 3 || a.Accepted != 1 || a.Revenue != Rub(3500) || a.Complaints != 1 || a.Rate() != 1.0/3 {
		t.Errorf("Anna %+v", a)
	}
	if o := f[oleg]; o.Offers != 1 || o.Complaints != 0 {
		t.Errorf("Oleg %+v", o)
	}
}

func TestAudienceHoldsOnlyProvableConsent(t *testing.T) {
	today := NewDate(2026, 11, 27)
	ok := Client{ID: 1, LastName: "Аксёнова", MarketingConsent: true, MarketingConsentAt: NewDate(2026, 1, 10), MarketingConsentHow: "paper",
		LastVisitOn: today.AddDays(-5), Tags: "VIP, фитнес"}
	noWay := Client{ID: 2, LastName: "Борисова", MarketingConsent: true, MarketingConsentAt: NewDate(2026, 1, 10), LastVisitOn: today.AddDays(-5)}
	gone := ok
	gone.ID, gone.LastName, gone.MarketingConsent, gone.MarketingWithdrawnAt = 3, "Власова", false, today
	away := ok
	away.ID, away.LastName, away.LastVisitOn = 4, "Галина", today.AddDays(-200)
	p := Promotion{Filter: PromoFilter{VisitedSince: 60, Tag: "vip"}}
	targets := []Target{{Client: ok}, {Client: noWay}, {Client: gone}, {Client: away}}
	tell, out := Audience(p, targets, today)
	if len(tell) != 1 || tell[0].ID != 1 {
		t.Errorf("tell %+v", tell)
	}
	// Борисова has no tag VIP: not picked at all; Власова withdrew
	if len(out) != 1 || out[0].Client.ID != 3 || out[0].Reason != ExcludedWithdrawn {
		t.Errorf("excluded %+v", out)
	}
	p.Filter = PromoFilter{VisitedSince: 60}
	if _, out := Audience(p, targets, today); len(out) != 2 || out[0].Reason != ExcludedNoConsent {
		t.Errorf("without the way of consent: %+v", out)
	}
}

func TestAmbassadorsAndReferralChains(t *testing.T) {
	today := NewDate(2026, 11, 27)
	nine, seven := 9, 7
	targets := []Target{{Client: Client{ID: 1}, Trust: TrustTrusted}, {Client: Client{ID: 2}, Trust: TrustTrusted},
		{Client: Client{ID: 3}, Trust: TrustBuilding}, {Client: Client{ID: 4}, Trust: TrustTrusted}}
	thanks := []Feedback{{ClientID: 1, Kind: FeedbackThanks, On: today.AddDays(-30)}, {ClientID: 3, Kind: FeedbackThanks, On: today}}
	nps := map[uint][]Answer{2: {{On: today.AddDays(-200), NPS: &nine}}, 4: {{On: today.AddDays(-10), NPS: &seven}}}
	if got := Ambassadors(targets, thanks, nps, today); len(got) != 1 || got[0].ID != 1 {
		t.Errorf("ambassadors %+v", got)
	}
	chain := ReferralChain(1, map[uint]uint{2: 1, 3: 2, 4: 1, 5: 9, 1: 3})
	want := []Referral{{2, 1}, {3, 2}, {4, 1}}
	if !reflect.DeepEqual(chain, want) {
		t.Errorf("chain %v, want %v", chain, want)
	}
}

func TestTheRunningPromotionOfAService(t *testing.T) {
	day := NewDate(2026, 11, 27)
	promos := []Promotion{
		{Title: "Пилинги", From: day.AddDays(-5), To: day.AddDays(5), Percent: 1500, ServiceIDs: []uint{1}},
		{Title: "Чёрная пятница", From: day, To: day, Percent: 2000, ServiceIDs: []uint{1, 2}},
		{Title: "Прошла", From: day.AddDays(-30), To: day.AddDays(-1), Percent: 5000, ServiceIDs: []uint{1}},
	}
	if p, ok := PromotionFor(promos, 1, day); !ok || p.Title != "Чёрная пятница" {
		t.Errorf("the largest running: %+v %v", p, ok)
	}
	if p, ok := PromotionFor(promos, 1, day.AddDays(1)); !ok || p.Title != "Пилинги" {
		t.Errorf("the next day: %+v", p)
	}
	if _, ok := PromotionFor(promos, 3, day); ok {
		t.Error("a service no promotion covers")
	}
}
