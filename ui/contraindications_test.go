package ui_test

import (
	"context"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

// TestContraindicationsAreOneListRenamedOnEveryService: the owner renames
// a contraindication once, and every service that names it follows.
func TestContraindicationsAreOneListRenamedOnEveryService(t *testing.T) {
	_, w, s := newTestWindow(t)
	ctx := context.Background()
	for _, name := range []string{"Массаж спины", "Хаммам"} {
		sv := model.Service{Name: name, Kind: "service", Minutes: 30, Active: true, Contraindications: []string{"давление"}}
		if err := s.SaveService(ctx, &sv); err != nil {
			t.Fatal(err)
		}
	}
	uitest.TapTab(t, w, "Каталог")
	uitest.Tap(t, w, "Противопоказания")
	uitest.TapRow(t, w, "давление")
	uitest.Type(t, w, "Название", "")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "Название") != "Введите название" {
		t.Fatalf("an empty name: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Название", "гипертония")
	uitest.Tap(t, w, "Сохранить")
	services, _ := s.Services(ctx)
	for _, sv := range services {
		if len(sv.Contraindications) != 1 || sv.Contraindications[0] != "гипертония" {
			t.Errorf("%s names %q", sv.Name, sv.Contraindications)
		}
	}
	if !uitest.DialogShows(w, "гипертония") {
		t.Errorf("the list does not show the new name: %q", uitest.DialogTexts(w))
	}
}
