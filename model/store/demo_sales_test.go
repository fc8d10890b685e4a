package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/demo"
)

// TestDemoSales writes the demo salon and reads its selling: offers with
// their outcomes and the accepted ones' lines, promotions whose audience
// leaves out those who withdrew, results of past ones, ambassadors asked.
func TestDemoSales(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := demo.Salon(1, s.Today(), demo.DefaultClients)
	if err := s.FillDemo(ctx, d); err != nil {
		t.Fatal(err)
	}
	var lines, accepted int64
	s.db.Table("offers").Where("outcome = ?", model.OfferAccepted).Count(&accepted)
	s.db.Table("offers").Where("visit_line_id IS NOT NULL").Count(&lines)
	if accepted == 0 || lines != accepted {
		t.Errorf("%d accepted offers, %d with their line", accepted, lines)
	}
	promos, err := s.Promotions(ctx)
	if err != nil || len(promos) != 3 {
		t.Fatalf("%d promotions: %v", len(promos), err)
	}
	withdrawn := 0
	for _, p := range promos {
		_, out, err := s.PromotionAudience(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range out {
			if e.Reason == model.ExcludedWithdrawn {
				withdrawn++
			}
		}
		if p.To.Before(s.Today()) {
			r, err := s.ResultOf(ctx, p)
			if err != nil || r.Told == 0 || r.Came == 0 {
				t.Errorf("%s: %+v, %v", p.Title, r, err)
			}
		}
	}
	if withdrawn == 0 {
		t.Error("no audience leaves out a client who withdrew")
	}
	var asks int64
	s.db.Table("ambassador_asks").Count(&asks)
	if asks == 0 {
		t.Error("no recommendation asked")
	}
}
