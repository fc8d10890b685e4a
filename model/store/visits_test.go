package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

// salonSetup stores a block, a trainer, a service and two card types.
type salonSetup struct {
	staff      uint
	gym        model.Service
	month, ten model.CardType // «Безлимит 30 дней» (starts at the first visit), «10 посещений»
}

func setupSalon(t testing.TB, s *Store) salonSetup {
	t.Helper()
	ctx := context.Background()
	db := s.DB()
	if err := db.Create(&model.Block{Name: "Фитнес"}).Error; err != nil {
		t.Fatal(err)
	}
	trainer := model.Staff{UUID: "st-1", Name: "Орлов Артём Сергеевич", Role: "тренер", Active: true}
	if err := db.Create(&trainer).Error; err != nil {
		t.Fatal(err)
	}
	gone := model.Staff{UUID: "st-2", Name: "Уволенный Тренер", Role: "тренер", Active: false}
	db.Create(&gone)
	db.Model(&gone).Update("active", false)
	out := salonSetup{staff: trainer.ID,
		gym:   model.Service{Name: "Тренажёрный зал", Kind: "service", Price: model.Rub(700), Minutes: 90, Active: true},
		month: model.CardType{Name: "Безлимит 30 дней", ValidDays: 30, FreezeDays: 7, Price: model.Rub(4500), ActivateOnFirstVisit: true, Active: true},
		ten:   model.CardType{Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 7, Price: model.Rub(5000), Active: true},
	}
	for _, err := range []error{s.SaveService(ctx, &out.gym), s.SaveCardType(ctx, &out.month), s.SaveCardType(ctx, &out.ten)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func (ss salonSetup) line(card *model.Card) model.VisitLine {
	l := model.VisitLine{ServiceID: &ss.gym.ID, Name: ss.gym.Name, StaffID: &ss.staff, Qty: 1, Price: ss.gym.Price}
	if card != nil {
		l.PaidBy, l.CardID = model.PaidCard, &card.ID
	}
	return l
}

func mustVisit(t testing.TB, s *Store, clientID uint, on model.Date, lines ...model.VisitLine) model.Visit {
	t.Helper()
	v := model.Visit{ClientID: clientID, On: on, Lines: lines}
	if err := s.AddVisit(context.Background(), &v); err != nil {
		t.Fatalf("visit on %s: %v", on, err)
	}
	return v
}

func fieldKey(err error, field string) string {
	var v model.ValidationErrors
	if errors.As(err, &v) && v.For(field) != nil {
		return v.For(field).Key
	}
	var fe *model.FieldError
	if errors.As(err, &fe) && fe.Field == field {
		return fe.Key
	}
	return ""
}

func TestVisitsKeepTheClientSummary(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	c := mustCreate(t, s, model.Client{LastName: "Иванова", FirstName: "Анна"})
	today := s.Today()
	v1 := mustVisit(t, s, c.ID, today.AddDays(-40), ss.line(nil))
	mustVisit(t, s, c.ID, today.AddDays(-10), ss.line(nil), model.VisitLine{Name: "Вода 0,5 л", Qty: 2, Price: model.Rub(80)})
	got, _ := s.Client(ctx, c.ID)
	if got.VisitCount != 2 || got.FirstVisitOn != today.AddDays(-40) || got.LastVisitOn != today.AddDays(-10) {
		t.Fatalf("summary %d %s–%s", got.VisitCount, got.FirstVisitOn, got.LastVisitOn)
	}
	vs, err := s.Visits(ctx, c.ID)
	if err != nil || len(vs) != 2 || vs[0].On != today.AddDays(-10) || len(vs[0].Lines) != 2 || vs[0].Total() != model.Rub(860) {
		t.Fatalf("visits %+v, %v", vs, err)
	}
	if vs[0].Lines[0].ID == 0 || *vs[0].Lines[0].StaffID != ss.staff || vs[0].UUID == "" {
		t.Errorf("line %+v", vs[0].Lines[0])
	}
	v1.On = today.AddDays(-5)
	if err := s.UpdateVisit(ctx, &v1); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Client(ctx, c.ID)
	if got.FirstVisitOn != today.AddDays(-10) || got.LastVisitOn != today.AddDays(-5) {
		t.Errorf("after moving a visit: %s–%s", got.FirstVisitOn, got.LastVisitOn)
	}
	if err := s.DeleteVisit(ctx, v1.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteVisit(ctx, v1.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	got, _ = s.Client(ctx, c.ID)
	if got.VisitCount != 1 || got.LastVisitOn != today.AddDays(-10) {
		t.Errorf("after deleting: %d, last %s", got.VisitCount, got.LastVisitOn)
	}
	var lines int64
	s.DB().Table("visit_lines").Where("visit_id = ?", v1.ID).Count(&lines)
	if lines != 0 {
		t.Errorf("%d lines of the deleted visit are left", lines)
	}
}

func TestVisitIsRefusedWhole(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	c := mustCreate(t, s, model.Client{FirstName: "Анна"})
	bad := model.Visit{ClientID: c.ID, On: s.Today().AddDays(1), Lines: []model.VisitLine{ss.line(nil), {Name: "x"}}}
	err := s.AddVisit(ctx, &bad)
	if fieldKey(err, "on") != "err.date.future" || fieldKey(err, "line.1.qty") != "err.visit.line.qty" {
		t.Errorf("got %v", err)
	}
	ghost := model.Visit{ClientID: 999, On: s.Today(), Lines: []model.VisitLine{ss.line(nil)}}
	if err := s.AddVisit(ctx, &ghost); fieldKey(err, "client") != "err.client.not_found" {
		t.Errorf("a visit of nobody: %v", err)
	}
	var n int64
	s.DB().Table("visits").Count(&n)
	if n != 0 {
		t.Errorf("%d visits stored", n)
	}
}

func TestStaffListsWhoWorksNow(t *testing.T) {
	s := openTest(t)
	setupSalon(t, s)
	staff, err := s.Staff(context.Background())
	if err != nil || len(staff) != 1 || staff[0].Name != "Орлов Артём Сергеевич" {
		t.Errorf("%+v, %v", staff, err)
	}
	var fe *model.ErrForbidden
	if err := s.As(model.RoleInterviewer).AddVisit(context.Background(), &model.Visit{}); !errors.As(err, &fe) {
		t.Errorf("the interviewer added a visit: %v", err)
	}
}
