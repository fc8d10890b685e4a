package settings_test

import (
	"context"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

// TestACardTypeFeedsABlockAndValuesAVisit: payroll counts a card's sale in
// its block's turnover, and a visit of an unlimited card at the value the
// owner sets for the specialist's share.
func TestACardTypeFeedsABlockAndValuesAVisit(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	fitness := model.Block{Name: "Фитнес"}
	if err := s.SaveBlock(ctx, &fitness); err != nil {
		t.Fatal(err)
	}
	f := openSettings(t, s)
	uitest.Tap(t, f.w, "Добавить вид карты")
	uitest.Type(t, f.w, "Название", "Безлимит 30 дней")
	uitest.Type(t, f.w, "Срок, дней", "30")
	uitest.Type(t, f.w, "Цена, ₽", "6 000")
	uitest.Choose(t, f.w, "Блок", "Фитнес")
	uitest.Type(t, f.w, "Визит для зарплаты, ₽", "-5")
	uitest.Tap(t, f.w, "Сохранить")
	if msg := uitest.Message(t, f.w, "Визит для зарплаты, ₽"); msg == "" {
		t.Error("a negative value of a visit is taken")
	}
	uitest.Type(t, f.w, "Визит для зарплаты, ₽", "450")
	uitest.Tap(t, f.w, "Сохранить")
	types, _ := s.CardTypes(ctx)
	if len(types) != 1 || types[0].BlockID == nil || *types[0].BlockID != fitness.ID || types[0].VisitValue != model.Rub(450) {
		t.Fatalf("card types %+v", types)
	}
	uitest.TapRow(t, f.w, uitest.ListRows(uitest.List(t, f.w, "Виды карт"))[0][0])
	if got := uitest.Select(t, f.w, "Блок").Selected; got != "Фитнес" {
		t.Errorf("the form shows the block %q", got)
	}
	if got := uitest.Entry(t, f.w, "Визит для зарплаты, ₽").Text; got != "450" {
		t.Errorf("the form shows the value of a visit %q", got)
	}
}
