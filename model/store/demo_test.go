package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
	"companion/model/demo"
)

func TestFillDemoWritesTheWholeSalon(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := demo.Salon(1, s.Today(), 300)
	if err := s.FillDemo(ctx, d); err != nil {
		t.Fatal(err)
	}
	var blocks, staff, referred, withBlock int64
	db := s.DB()
	db.Raw("SELECT count(*) FROM blocks").Scan(&blocks)
	db.Raw("SELECT count(*) FROM staff").Scan(&staff)
	db.Raw("SELECT count(*) FROM staff WHERE block_id IS NOT NULL").Scan(&withBlock)
	db.Raw("SELECT count(*) FROM clients c JOIN clients r ON r.id = c.referrer_id WHERE r.id < c.id").Scan(&referred)
	if int(blocks) != len(d.Blocks) || int(staff) != len(d.Staff) || withBlock != staff {
		t.Errorf("%d blocks, %d staff (%d in a block)", blocks, staff, withBlock)
	}
	want := 0
	for _, c := range d.Clients {
		if c.Referrer >= 0 {
			want++
		}
	}
	if int(referred) != want || want == 0 {
		t.Errorf("%d clients have their referrer, want %d", referred, want)
	}
	for _, st := range model.Statuses {
		rows, err := s.ListClients(ctx, model.ClientQuery{Status: st})
		if err != nil || len(rows) == 0 {
			t.Errorf("status %s: %d clients, %v", st, len(rows), err)
		}
	}
	first := d.Clients[0]
	got, err := s.Client(ctx, 1)
	if err != nil || got.FullName() != first.FullName() || got.VisitCount != first.VisitCount ||
		got.LastVisitOn != first.LastVisitOn || got.UUID != first.UUID || !got.CreatedAt.Equal(first.CreatedAt) {
		t.Errorf("first client stored as %+v, %v", got, err)
	}
	rows, err := s.ListClients(ctx, model.ClientQuery{Text: first.LastName})
	if err != nil || len(rows) == 0 {
		t.Errorf("search %q: %d rows, %v", first.LastName, len(rows), err)
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{BirthdayDays: 7}); len(rows) < 3 {
		t.Errorf("%d birthdays this week", len(rows))
	}
}

func TestFillDemoRefusesADatabaseWithData(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustCreate(t, s, model.Client{LastName: "Петрова", FirstName: "Анна"})
	err := s.FillDemo(ctx, demo.Salon(1, s.Today(), 50))
	if !errors.Is(err, model.ErrNotEmpty) {
		t.Fatalf("got %v", err)
	}
	var n int64
	s.DB().Raw("SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM staff) + (SELECT count(*) FROM blocks)").Scan(&n)
	if n != 1 {
		t.Errorf("%d rows after a refused fill", n)
	}
}

func TestFillDemoIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	d := demo.Salon(1, s.Today(), 50)
	d.Clients[3].Phone, d.Clients[40].Phone = "+79160000001", "+79160000001" // the second cannot be stored
	var re *RowError
	if err := s.FillDemo(context.Background(), d); !errors.As(err, &re) || re.Index != 40 {
		t.Fatalf("got %v", err)
	}
	var n int64
	s.DB().Raw("SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM staff) + (SELECT count(*) FROM blocks)").Scan(&n)
	if n != 0 {
		t.Errorf("a failed fill left %d rows behind", n)
	}
}

// TestSearchFindsWhatTheIndexesFind holds ListClients to the plain
// full-text search over a demo salon big enough for common letters to
// match more clients than a search shows.
func TestSearchFindsWhatTheIndexesFind(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := demo.Salon(5, s.Today(), 1000)
	if err := s.FillDemo(ctx, d); err != nil {
		t.Fatal(err)
	}
	sqlDB, err := s.DB().DB()
	if err != nil {
		t.Fatal(err)
	}
	c := d.Clients[734]
	queries := []string{"а", "и", "ив", "иван", "Иванова", "ива м", "иванова ма", "але", "алекс", "ма", "мар",
		"ов", "ова", "ович", "евна", "а е", "е а с", "сер", "серг", "ё", "семён", "mail", "ru", "gmail com", "9", "91",
		"916", "9161", "+7 9", c.LastName, c.FirstName, c.LastName + " " + c.FirstName, model.Digits(c.Phone)}
	for _, limit := range []int{20, 50, model.SearchLimit} {
		for _, q := range queries {
			checkSameRows(t, s, sqlDB, q, limit)
		}
	}
}
