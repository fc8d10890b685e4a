package store

import (
	"context"
	"testing"

	"companion/model"
)

func TestSuggestionsOffersAndTheirFigures(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	mask := model.Service{Name: "Альгинатная маска", Kind: "service", Price: model.Rub(2000), Minutes: 30, Active: true}
	if err := s.SaveService(ctx, &mask); err != nil {
		t.Fatal(err)
	}
	ps.peel.GoesWith = []uint{ps.cream.ID, mask.ID}
	if err := s.SaveService(ctx, &ps.peel); err != nil {
		t.Fatal(err)
	}
	if err := ps.visit(t, s, model.NewDate(2026, 10, 10), 1, nil); err != nil { // a peel and a cream
		t.Fatal(err)
	}
	sg, err := s.Suggestions(ctx, ps.client.ID)
	// a new client: the mask goes with the peel; the cream was bought and is goods
	if err != nil || sg.Trust != model.TrustNew || len(sg.List) != 1 || sg.List[0].Service.ID != mask.ID {
		t.Fatalf("suggestions %v %+v", err, sg)
	}
	o := model.Offer{ClientID: ps.client.ID, StaffID: &ps.cosmetologist.ID, ServiceID: mask.ID, On: s.Today(),
		Outcome: model.OfferDeclined}
	if fieldKey(s.SaveOffer(ctx, &o), "reason") != "err.offer.reason" {
		t.Error("declined without a reason")
	}
	o.Reason = "Пока дорого"
	if err := s.SaveOffer(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if sg, _ := s.Suggestions(ctx, ps.client.ID); len(sg.List) != 0 {
		t.Errorf("a declined offer is suggested again: %+v", sg.List)
	}
	later := model.Offer{ClientID: ps.client.ID, StaffID: &ps.cosmetologist.ID, ServiceID: ps.peel.ID, On: s.Today(),
		Outcome: model.OfferLater, LaterOn: s.Today().AddDays(10)}
	if err := s.SaveOffer(ctx, &later); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Contacts(ctx, ps.client.ID); len(cs) != 1 || cs[0].NextOn != later.LaterOn {
		t.Errorf("«later» is no follow-up: %+v", cs)
	}
	c := model.Feedback{ClientID: ps.client.ID, Kind: model.FeedbackComplaint, Words: "Навязывали маску", On: s.Today()}
	if err := s.AddFeedback(ctx, &c); err != nil {
		t.Fatal(err)
	}
	figs, err := s.OfferFigures(ctx, s.Today())
	if f := figs[ps.cosmetologist.ID]; err != nil || f.Offers != 2 || f.Accepted != 0 || f.Complaints != 1 {
		t.Errorf("figures %v %+v", err, f)
	}
}

func TestAPromotionTellsOnlyThoseWhoAgreed(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	agreed := mustCreate(t, s, model.Client{LastName: "Антонова", FirstName: "Ирина", MarketingConsent: true,
		MarketingConsentAt: model.NewDate(2026, 3, 1), MarketingConsentHow: "paper"})
	noWay := mustCreate(t, s, model.Client{LastName: "Борисова", FirstName: "Ольга", MarketingConsent: true,
		MarketingConsentAt: model.NewDate(2026, 3, 1)})
	p := model.Promotion{Title: "Пилинги −20 %", From: s.Today(), To: s.Today().AddDays(30), Percent: 2000,
		ServiceIDs: []uint{ps.peel.ID}}
	if err := s.SavePromotion(ctx, &p); err != nil {
		t.Fatal(err)
	}
	tell, out, err := s.PromotionAudience(ctx, p)
	if err != nil || len(tell) != 1 || tell[0].ID != agreed.ID || len(out) != 2 {
		t.Fatalf("audience %v %+v %+v", err, tell, out)
	}
	if err := s.TellPromotion(ctx, &model.PromoContact{PromotionID: p.ID, ClientID: noWay.ID, Channel: "sms"}); fieldKey(err, "client") != "err.promo.no_consent" {
		t.Errorf("told without provable consent: %v", err)
	}
	if err := s.WithdrawConsent(ctx, agreed.ID); err != nil {
		t.Fatal(err)
	}
	tell, out, _ = s.PromotionAudience(ctx, p)
	if len(tell) != 0 || out[0].Reason != model.ExcludedWithdrawn {
		t.Errorf("after the withdrawal: %+v %+v", tell, out)
	}
	if err := s.TellPromotion(ctx, &model.PromoContact{PromotionID: p.ID, ClientID: agreed.ID, Channel: "call"}); err == nil {
		t.Error("a client who withdrew was told")
	}
}

func TestReferralChainsAndAmbassadors(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := mustCreate(t, s, model.Client{LastName: "Первая", FirstName: "Анна"})
	b := mustCreate(t, s, model.Client{LastName: "Вторая", FirstName: "Вера", ReferrerID: &a.ID})
	mustCreate(t, s, model.Client{LastName: "Третья", FirstName: "Галя", ReferrerID: &b.ID})
	chain, err := s.Referrals(ctx, a.ID)
	if err != nil || len(chain) != 2 || chain[0].ClientID != b.ID || chain[1].Depth != 2 {
		t.Errorf("chain %v %+v", err, chain)
	}
	if amb, err := s.Ambassadors(ctx); err != nil || len(amb) != 0 {
		t.Errorf("ambassadors without trust: %v %+v", err, amb)
	}
	ask := model.AmbassadorAsk{ClientID: a.ID, Asked: "Рассказать подругам об абонементе"}
	if err := s.SaveAmbassadorAsk(ctx, &ask); err != nil {
		t.Fatal(err)
	}
	if asks, _ := s.AmbassadorAsks(ctx, a.ID); len(asks) != 1 {
		t.Errorf("asks %+v", asks)
	}
}
