package model

import "testing"

func TestCatalogueSearchFoldsCyrillicAsTheClientSearch(t *testing.T) {
	sv := Service{Name: "Ёлочный СПА-ритуал для двоих", Role: "мастер СПА", Contraindications: []string{"Беременность"}}
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"", true}, {"елоч", true}, {"ЁЛОЧ", true}, {"спа ритуал", true}, {"ритуал спа", true},
		{"мастер", true}, {"беремен", true}, {"туал", true}, {"ту", false}, {"массаж", false}, {"спа массаж", false},
	} {
		if got := sv.MatchesSearch(c.q); got != c.want {
			t.Errorf("%q matches %v, want %v", c.q, got, c.want)
		}
	}
}

func TestCatalogueKindsAndWhatEachNeeds(t *testing.T) {
	for _, k := range CatalogueKinds {
		var s Service
		s.SetCatalogueKind(k)
		if s.CatalogueKind() != k {
			t.Errorf("%s comes back as %s", k, s.CatalogueKind())
		}
	}
	tr := Service{Name: "Персональная тренировка", Kind: "service", Training: true, CostPrice: Rub(100)}
	errs, _ := tr.Validate().(ValidationErrors)
	if errs.For("minutes") == nil || tr.CostPrice != 0 {
		t.Errorf("a training without a duration: %v, cost %v", errs, tr.CostPrice)
	}
	g := Service{Name: "Шейкер", Kind: "product", Minutes: 30, Role: "тренер", Training: true, CostPrice: Rub(200), Consumables: -1}
	errs, _ = g.Validate().(ValidationErrors)
	if errs.For("consumables") == nil || g.Minutes != 0 || g.Role != "" || g.Training || g.CostPrice != Rub(200) {
		t.Errorf("a product: %+v, %v", g, errs)
	}
	if !(&Service{NewSince: NewDate(2026, 11, 1)}).IsNew(NewDate(2026, 11, 1)) || (&Service{}).IsNew(NewDate(2026, 11, 1)) {
		t.Error("the new mark")
	}
}
