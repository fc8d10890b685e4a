package today_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
	"companion/ui/uitest"
)

// section is the title of an agenda section as it shows, with its count.
func section(key string, n int) string { return fmt.Sprintf("%s · %d", i18n.T(key), n) }

func TestTodayListsACardThatExpiresInTenDays(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	c := model.Client{LastName: "Волкова", FirstName: "Ирина", Phone: "+79160001122"}
	if err := s.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCardType(ctx, &model.CardType{Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 14,
		Price: model.Rub(12000), Active: true}); err != nil {
		t.Fatal(err)
	}
	types, _ := s.CardTypes(ctx)
	sold := s.Today().AddDays(10 - types[0].ValidDays)
	card := model.Card{ClientID: c.ID, TypeID: types[0].ID, SoldOn: sold}
	if err := s.SellCard(ctx, &card); err != nil {
		t.Fatal(err)
	}
	contact := model.Contact{ClientID: c.ID, On: s.Today().AddDays(-3), Kind: "call", Channel: "phone",
		Outcome: "перезвонить", NextOn: s.Today().AddDays(-1)}
	if err := s.AddContact(ctx, &contact); err != nil {
		t.Fatal(err)
	}

	f := openToday(t, s)
	cardList := uitest.List(t, f.w, section("today.cards", 1))
	cards := uitest.ListRows(cardList)
	if len(cards) != 1 || len(cards[0]) != 2 || cards[0][0] != "Волкова Ирина" || !strings.HasPrefix(cards[0][1], "до ") {
		t.Fatalf("cards running out: %q", cards)
	}
	agenda, err := s.Agenda(ctx)
	if err != nil || len(agenda.ExpiringCards) != 1 {
		t.Fatalf("the store's agenda: %+v (%v)", agenda.ExpiringCards, err)
	}
	if until := "до " + agenda.ExpiringCards[0].Card.State.ValidTo.Format(i18n.Lang()); cards[0][1] != until {
		t.Errorf("the card's row says %q, the store %q", cards[0][1], until)
	}
	followList := uitest.List(t, f.w, section("today.followups", 1))
	follow := uitest.ListRows(followList)
	if len(follow) != 1 || len(follow[0]) != 2 || follow[0][0] != "Волкова Ирина" || !strings.Contains(follow[0][1], "просрочено на 1") {
		t.Fatalf("follow-ups: %q", follow)
	}

	uitest.TapRowIn(t, followList, "Волкова Ирина") // a row opens the client
	uitest.TapRowIn(t, cardList, "Волкова Ирина")
	if len(f.opened) != 2 || f.opened[0] != c.ID || f.opened[1] != c.ID {
		t.Errorf("the rows opened clients %v, want [%d %d]", f.opened, c.ID, c.ID)
	}
}

// A client born on 29 February has her birthday on the 29th in a leap year
// and on the 28th in other years, and Today says which day and her age.
func TestBirthdayOf29FebruaryInALeapYearAndInOthers(t *testing.T) {
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2028, time.February, 25, 10, 0, 0, 0, time.Local), "29.02.2028, исполнится 36"},
		{time.Date(2027, time.February, 25, 10, 0, 0, 0, time.Local), "28.02.2027, исполнится 35"},
	} {
		now := tc.now
		s, err := store.Open(filepath.Join(t.TempDir(), "salon.db"), store.WithClock(func() time.Time { return now }))
		if err != nil {
			t.Fatal(err)
		}
		c := model.Client{LastName: "Морозова", FirstName: "Ева", Phone: "+79160002929", BirthDate: model.NewDate(1992, time.February, 29)}
		if err := s.CreateClient(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
		f := openToday(t, s)
		rows := uitest.ListRows(uitest.List(t, f.w, "Дни рождения · 1"))
		if len(rows) != 1 || !slices.Contains(rows[0], "Морозова Ева") || !slices.Contains(rows[0], tc.want) {
			t.Errorf("on %s Today's birthdays are %q; want Морозова Ева, %s", now.Format("02.01.2006"), rows, tc.want)
		}
		s.Close()
	}
}
