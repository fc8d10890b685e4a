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
	// Three sessions: the discount is the promotion's on all three.
	uitest.Type(t, w, "Количество", "3")
	if got := uitest.Entry(t, w, "Скидка, ₽").Text; got != "900" {
		t.Errorf("the discount on three: %q", got)
	}
	// A discount typed by hand stays as typed.
	uitest.Type(t, w, "Скидка, ₽", "500")
	uitest.Type(t, w, "Количество", "2")
	if got := uitest.Entry(t, w, "Скидка, ₽").Text; got != "500" {
		t.Errorf("the discount typed by hand became %q", got)
	}
	uitest.Tap(t, w, "Сохранить")
	visits, _ := s.Visits(ctx, c.ID)
	if len(visits) != 1 || visits[0].Lines[0].Discount != model.Rub(500) || visits[0].Total() != model.Rub(2500) {
		t.Errorf("the visit stored: %+v", visits)
	}

	// Corrected later, the line keeps the discount it was given.
	uitest.DoubleTapCell(t, w, "Тренировка в зале ×2")
	if got := uitest.Entry(t, w, "Скидка, ₽").Text; got != "500" || uitest.DialogShows(w, "Скидка по акции «Зал −20 %»: 20 %") {
		t.Errorf("a correction shows the discount %q and offers the promotion: %q", got, uitest.DialogTexts(w))
	}
}
