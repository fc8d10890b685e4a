package today

import (
	"context"
	"strings"
	"testing"

	"companion/model"
)

func TestTodayListsACardThatExpiresInTenDays(t *testing.T) {
	m, s, c := relationshipClient(t)
	ctx := context.Background()
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
	m.today.Refresh(ctx)
	cards := m.today.sections[1]
	if len(cards.rows) != 1 || cards.rows[0].name != "Волкова Ирина" || !strings.Contains(cards.rows[0].why, "до ") {
		t.Fatalf("cards running out: %+v", cards.rows)
	}
	follow := m.today.sections[0]
	if len(follow.rows) != 1 || !strings.Contains(follow.rows[0].why, "просрочено на 1") {
		t.Fatalf("follow-ups: %+v", follow.rows)
	}
	m.clients.NewClient()
	follow.list.Select(0) // a row opens the client
	if m.clients.form.title.Text != "Волкова Ирина" || m.tabs.Selected().Text != "Клиенты" {
		t.Errorf("the row opened %q on %q", m.clients.form.title.Text, m.tabs.Selected().Text)
	}
}
