package clients_test

import (
	"context"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

func TestARunningPromotionsDiscountIsOfferedOnTheVisitLine(t *testing.T) {
	tab, c := relationshipClient(t)
	w, s := tab.w, tab.s
	ctx := context.Background()
	svcs, _ := s.Services(ctx)
	p := model.Promotion{Title: "Зал −20 %", From: s.Today().AddDays(-3), To: s.Today().AddDays(3), Percent: 2000,
		ServiceIDs: []uint{svcs[0].ID}}
	if err := s.SavePromotion(ctx, &p); err != nil {
		t.Fatal(err)
	}
	uitest.TapTab(t, w, "Визиты")
	uitest.Tap(t, w, "Новый визит")
	uitest.Choose(t, w, "Услуга или товар", "Тренировка в зале")
	if !uitest.DialogShows(w, "Скидка по акции «Зал −20 %»: 20 %") {
		t.Fatalf("the promotion is not offered: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Сохранить")
	visits, _ := s.Visits(ctx, c.ID)
	if len(visits) != 1 || visits[0].Lines[0].Discount != model.Rub(300) || visits[0].Total() != model.Rub(1200) {
		t.Errorf("the visit stored: %+v", visits)
	}
}
