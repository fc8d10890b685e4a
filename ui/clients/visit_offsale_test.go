package clients_test

import (
	"context"
	"slices"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

// A service taken off sale is not offered for a new visit.
func TestANewVisitOffersOnlyWhatIsOnSale(t *testing.T) {
	tab, _ := relationshipClient(t)
	w, s := tab.w, tab.s
	old := model.Service{Name: "Обёртывание (снято с продажи)", Kind: "service", Price: model.Rub(3000), Minutes: 60}
	if err := s.SaveService(context.Background(), &old); err != nil {
		t.Fatal(err)
	}
	uitest.TapTab(t, w, "Визиты")
	uitest.Tap(t, w, "Новый визит")
	options := uitest.Select(t, w, "Услуга или товар").Options
	if slices.Contains(options, old.Name) || !slices.Contains(options, "Тренировка в зале") {
		t.Errorf("a new visit offers %q", options)
	}
}
