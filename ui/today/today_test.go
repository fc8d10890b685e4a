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
	"companion/ui/kit"
	"companion/ui/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	cardList := openList(t, f.w, section("today.cards", 1))
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
	followList := openList(t, f.w, section("today.followups", 1))
	follow := uitest.ListRows(followList)
	if len(follow) != 1 || len(follow[0]) != 2 || follow[0][0] != "Волкова Ирина" || !strings.Contains(follow[0][1], "просрочено на 1") {
		t.Fatalf("follow-ups: %q", follow)
	}

	uitest.TapRowIn(t, followList, "Волкова Ирина") // a row opens the client
	uitest.TapRowIn(t, cardList, "Волкова Ирина")
	if len(f.opened) != 2 || f.opened[0] != c.ID || f.opened[1] != c.ID {
		t.Errorf("the rows opened clients %v, want [%d %d]", f.opened, c.ID, c.ID)
	}
	if !slices.Equal(f.pages, []kit.Page{kit.PageContacts, kit.PageCards}) {
		t.Errorf("the rows opened the pages %v, want the contacts, then the cards", f.pages)
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
		rows := uitest.ListRows(openList(t, f.w, "Дни рождения · 1"))
		if len(rows) != 1 || !slices.Contains(rows[0], "Морозова Ева") || !slices.Contains(rows[0], tc.want) {
			t.Errorf("on %s Today's birthdays are %q; want Морозова Ева, %s", now.Format("02.01.2006"), rows, tc.want)
		}
		s.Close()
	}
}

// A follow-up is closed or moved from its row on Today, and only then.
func TestAFollowUpIsClosedOrMovedFromItsRow(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	anna := model.Client{LastName: "Белова", FirstName: "Анна"}
	vera := model.Client{LastName: "Лисицына", FirstName: "Вера"}
	for _, c := range []*model.Client{&anna, &vera} {
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	due := func(c model.Client, daysAgo int) model.Contact {
		k := model.Contact{ClientID: c.ID, On: s.Today().AddDays(-daysAgo - 2), Kind: "call", Channel: "phone",
			Outcome: "перезвонить", NextOn: s.Today().AddDays(-daysAgo)}
		if err := s.AddContact(ctx, &k); err != nil {
			t.Fatal(err)
		}
		return k
	}
	annaCall, veraCall := due(anna, 2), due(vera, 20)
	f := openToday(t, s)
	rows := uitest.ListRows(openList(t, f.w, section("today.followups", 2)))
	if len(rows) != 2 || rows[0][0] != "Лисицына Вера" || rows[1][0] != "Белова Анна" {
		t.Fatalf("follow-ups, the most overdue first: %q", rows)
	}

	dones, moves := buttonsWith(f.w, theme.ConfirmIcon()), buttonsWith(f.w, theme.CalendarIcon())
	if len(dones) != 2 || len(moves) != 2 {
		t.Fatalf("%d done and %d move buttons on two follow-ups", len(dones), len(moves))
	}
	uitest.Do(func() { test.Tap(dones[0]) }) // Вера's, the first row
	if cs, _ := s.Contacts(ctx, vera.ID); len(cs) != 1 || !cs[0].NextDone || cs[0].ID != veraCall.ID {
		t.Errorf("Вера's follow-up after «Готово»: %+v", cs)
	}
	if rows := uitest.ListRows(openList(t, f.w, section("today.followups", 1))); len(rows) != 1 || rows[0][0] != "Белова Анна" {
		t.Errorf("after «Готово» the list holds %q", rows)
	}

	uitest.Do(func() { test.Tap(buttonsWith(f.w, theme.CalendarIcon())[0]) })
	if !uitest.DialogShows(f.w, "Перенести напоминание") {
		t.Fatalf("no dialog to move the follow-up; on top: %q", uitest.DialogTexts(f.w))
	}
	uitest.Type(t, f.w, "Новая дата", "31.02.2026")
	uitest.Tap(t, f.w, "Сохранить")
	if msg := uitest.Message(t, f.w, "Новая дата"); !strings.Contains(msg, "Неверная дата") {
		t.Errorf("a date that does not exist: message %q", msg)
	}
	next := s.Today().AddDays(3)
	uitest.Type(t, f.w, "Новая дата", next.Format("ru"))
	uitest.Tap(t, f.w, "Сохранить")
	cs, _ := s.Contacts(ctx, anna.ID)
	if len(cs) != 1 || cs[0].ID != annaCall.ID || cs[0].NextOn != next || cs[0].NextDone {
		t.Errorf("Анна's follow-up after the move: %+v", cs)
	}
	if uitest.Dialogs(f.w) != 0 || !uitest.Shows(f.w, section("today.followups", 0)) {
		t.Errorf("after the move: %d dialogs, the window shows %q", uitest.Dialogs(f.w), uitest.Texts(f.w))
	}
}

// buttonsWith are the buttons shown in w with the icon, top to bottom.
func buttonsWith(w fyne.Window, icon fyne.Resource) []*widget.Button {
	var out []*widget.Button
	for _, b := range uitest.Shown[*widget.Button](w) {
		if b.Icon != nil && b.Icon.Name() == icon.Name() {
			out = append(out, b)
		}
	}
	return out
}
