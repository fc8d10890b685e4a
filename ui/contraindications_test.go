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

// TestAServiceNamesWhatGoesWellWithIt: the owner picks, in the form, the
// lines offered beside a service; the manager reads them.
func TestAServiceNamesWhatGoesWellWithIt(t *testing.T) {
	_, w, s := newTestWindow(t)
	ctx := context.Background()
	wrap := model.Service{Name: "Шоколадное обёртывание", Kind: "service", Minutes: 60, Price: model.Rub(3500), Active: true}
	oil := model.Service{Name: "Масло для тела", Kind: "product", Price: model.Rub(1900), Active: true}
	for _, sv := range []*model.Service{&wrap, &oil} {
		if err := s.SaveService(ctx, sv); err != nil {
			t.Fatal(err)
		}
	}
	uitest.TapTab(t, w, "Каталог")
	uitest.TapRow(t, w, "Шоколадное обёртывание · Процедура · 3\u00a0500\u00a0₽ · 60 мин")
	uitest.Choose(t, w, "Хорошо сочетается с", "Масло для тела")
	uitest.Tap(t, w, "Сохранить")
	services, _ := s.Services(ctx)
	for _, sv := range services {
		if sv.ID == wrap.ID && (len(sv.GoesWith) != 1 || sv.GoesWith[0] != oil.ID) {
			t.Errorf("the wrap goes with %v", sv.GoesWith)
		}
	}
}
