package demo

import (
	"testing"

	"companion/model"
)

// TestSalesOfTheDemo holds the demo's selling to what the store accepts:
// consents with their way, a few withdrawn, offers with every outcome and
// the accepted ones sold on their visit, promotions past and running with
// only clients who may be told, asks of ambassadors.
func TestSalesOfTheDemo(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	ways, withdrawn := map[string]int{}, 0
	for _, c := range d.Clients {
		if err := c.Validate(today); err != nil {
			t.Fatalf("%s: %v", c.FullName(), err)
		}
		if c.MarketingConsent {
			ways[c.MarketingConsentHow]++
		}
		if !c.MarketingWithdrawnAt.IsZero() {
			withdrawn++
		}
	}
	if ways["paper"] == 0 || ways["form"] == 0 || ways[""] == 0 || withdrawn != Withdrawn {
		t.Errorf("consents %v, %d withdrawn", ways, withdrawn)
	}
	s := d.Sales
	outcomes := map[string]int{}
	for _, o := range s.Offers {
		mo := o.Offer
		mo.ClientID, mo.ServiceID = 1, 1
		if err := mo.Validate(today); err != nil {
			t.Errorf("%+v: %v", o, err)
		}
		outcomes[o.Outcome]++
		if o.Outcome == model.OfferAccepted && d.Visits[o.Visit].Lines[o.Line].Service != o.Service {
			t.Errorf("accepted %+v not sold on its visit", o)
		}
	}
	if n := len(s.Offers); n < 50 || outcomes[model.OfferAccepted] == 0 || outcomes[model.OfferDeclined] == 0 ||
		outcomes[model.OfferLater] == 0 {
		t.Errorf("%d offers: %v", n, outcomes)
	}
	running := 0
	for _, p := range s.Promotions {
		mp := p.Promotion
		mp.ServiceIDs = []uint{1}
		if err := mp.Validate(); err != nil || len(p.Services) == 0 || len(p.Told) == 0 {
			t.Errorf("%s: %v, %d told", p.Title, err, len(p.Told))
		}
		for _, c := range p.Told {
			if !d.Clients[c.Client].MayAdvertise() {
				t.Errorf("%s told to %s", p.Title, d.Clients[c.Client].FullName())
			}
		}
		if p.Active(today) {
			running++
		}
	}
	if len(s.Promotions) != 3 || running != 1 || len(s.Presentations) == 0 || len(s.Asks) != 3 {
		t.Errorf("%d promotions, %d running, %d told new, %d asks", len(s.Promotions), running,
			len(s.Presentations), len(s.Asks))
	}
	chained := 0
	for _, c := range d.Clients {
		if c.Referrer >= 0 && d.Clients[c.Referrer].Referrer >= 0 {
			chained++
		}
	}
	if chained == 0 {
		t.Error("no referral chain two deep")
	}
}
