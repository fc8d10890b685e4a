package store

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"companion/model"
)

func TestStaffAreArchivedNeverDeletedAndPositionsKeepTheirDuties(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fit := model.Block{Name: " Фитнес "}
	if err := s.SaveBlock(ctx, &fit); err != nil || fit.Name != "Фитнес" {
		t.Fatalf("block: %+v, %v", fit, err)
	}
	var v model.ValidationErrors
	if err := s.SaveBlock(ctx, &model.Block{Name: "фитнес"}); !errors.As(err, &v) || v.For("name") == nil {
		t.Errorf("a second block of the same name: %v", err)
	}
	bad := model.Staff{Name: "", Role: "", Phone: "12345", HiredOn: model.NewDate(2030, 1, 1)}
	if err := s.SaveStaff(ctx, &bad); !errors.As(err, &v) || v.For("name") == nil || v.For("role") == nil ||
		v.For("phone") == nil || v.For("hired_on") == nil {
		t.Errorf("an empty staff member: %v", err)
	}
	if all, _ := s.AllStaff(ctx); len(all) != 0 {
		t.Fatalf("something of a wrong form was stored: %+v", all)
	}
	st := model.Staff{Name: "Орлов Артём", Role: "тренер", BlockID: &fit.ID, Phone: "8 916 555-44-33", Active: true}
	if err := s.SaveStaff(ctx, &st); err != nil || st.UUID == "" || st.Phone != "+79165554433" {
		t.Fatalf("staff: %+v, %v", st, err)
	}
	st.Active = false
	if err := s.SaveStaff(ctx, &st); err != nil {
		t.Fatal(err)
	}
	if working, _ := s.Staff(ctx); len(working) != 0 {
		t.Errorf("a person who left is offered on visits: %+v", working)
	}
	if all, _ := s.AllStaff(ctx); len(all) != 1 || all[0].Active {
		t.Errorf("the person who left is not kept: %+v", all)
	}

	roles, _ := s.StaffRoles(ctx)
	if len(roles) != 1 || roles[0].Name != "тренер" {
		t.Fatalf("the position of a new staff member is not listed: %+v", roles)
	}
	roles[0].Name, roles[0].Duties = "фитнес-тренер", "Персональные тренировки и замеры"
	if err := s.SaveStaffRole(ctx, &roles[0]); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.AllStaff(ctx); all[0].Role != "фитнес-тренер" {
		t.Errorf("a renamed position stays old on its staff: %q", all[0].Role)
	}
	fit.Archived = true
	if err := s.SaveBlock(ctx, &fit); err != nil {
		t.Fatal(err)
	}
	if blocks, _ := s.Blocks(ctx); len(blocks) != 1 || !blocks[0].Archived {
		t.Errorf("an archived block: %+v", blocks)
	}
}

func TestAServiceKeepsItsContraindicationsAndAPriceChangeLeavesPastVisits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	sv := model.Service{Name: "Лимфодренажный массаж", Kind: "service", Minutes: 60, Price: model.Rub(4200),
		Consumables: model.Rub(180), Role: "массажист", Pros: "Убирает отёки", Cons: "Курс из 10 сеансов",
		NewSince: model.NewDate(2026, 11, 1), Active: true, Contraindications: []string{"варикоз", "беременность", "варикоз"}}
	if err := s.SaveService(ctx, &sv); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Services(ctx)
	if len(got) != 1 || got[0].Consumables != model.Rub(180) || got[0].Pros != "Убирает отёки" || got[0].NewSince != sv.NewSince ||
		len(got[0].Contraindications) != 2 || got[0].Contraindications[0] != "беременность" {
		t.Fatalf("stored %+v", got)
	}
	c := mustCreate(t, s, model.Client{FirstName: "Нина", LastName: "Зайцева"})
	v := model.Visit{ClientID: c.ID, On: model.NewDate(2026, 11, 20), Lines: []model.VisitLine{
		{ServiceID: &sv.ID, Name: sv.Name, Qty: 1, Price: sv.Price, PaidBy: "money"}}}
	if err := s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	sv.Price, sv.Active, sv.Contraindications = model.Rub(5000), false, []string{"варикоз"}
	if err := s.SaveService(ctx, &sv); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Visits(ctx, c.ID)
	if vs[0].Lines[0].Price != model.Rub(4200) || vs[0].Lines[0].Name != "Лимфодренажный массаж" {
		t.Errorf("the past visit changed: %+v", vs[0].Lines[0])
	}
	if tags, _ := s.Contraindications(ctx); len(tags) != 2 {
		t.Errorf("the one list lost a contraindication a service no longer names: %+v", tags)
	}
	got, _ = s.Services(ctx)
	if len(got[0].Contraindications) != 1 || got[0].Active {
		t.Errorf("after the edit: %+v", got[0])
	}
}

func TestTheFullExportCarriesTheCatalogueAndPositions(t *testing.T) {
	src := demoStore(t, 10)
	out := exportAll(t, src)
	for _, want := range []string{`"staff_roles"`, `"service_contraindications"`, `"contraindications"`, `"consumables"`, `"гипертония"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the export has no %s", want)
		}
	}
}

func TestAServiceGoesWellOnlyWithLinesThatExist(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := model.Service{Name: "Хаммам", Kind: "service", Minutes: 60, Active: true}
	b := model.Service{Name: "Масло", Kind: "product", Active: true}
	for _, sv := range []*model.Service{&a, &b} {
		if err := s.SaveService(ctx, sv); err != nil {
			t.Fatal(err)
		}
	}
	a.GoesWith = []uint{b.ID, a.ID, b.ID}
	if err := s.SaveService(ctx, &a); err != nil {
		t.Fatal(err)
	}
	a.GoesWith = []uint{b.ID, 999}
	a.Price = model.Rub(1)
	var v model.ValidationErrors
	if err := s.SaveService(ctx, &a); !errors.As(err, &v) || v.For("goes_with") == nil {
		t.Errorf("a missing line: %v", err)
	}
	got, _ := s.Services(ctx)
	for _, sv := range got {
		if sv.ID == a.ID && (len(sv.GoesWith) != 1 || sv.GoesWith[0] != b.ID || sv.Price != 0) {
			t.Errorf("after a refused save (nothing half-saved): %+v", sv)
		}
	}
}
