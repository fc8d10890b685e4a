package clients

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"companion/model"
	"companion/model/store"
	"companion/ui/kit"
)

// relationshipClient makes a client with a service and a card type to sell,
// and opens the client's profile.
func relationshipClient(t *testing.T) (*MainWindow, *store.Store, model.Client) {
	t.Helper()
	m, s := newTestWindow(t)
	ctx := context.Background()
	c := model.Client{LastName: "Волкова", FirstName: "Ирина", Phone: "+79160001122"}
	if err := s.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveService(ctx, &model.Service{Name: "Тренировка в зале", Kind: "service", Price: model.Rub(1500), Minutes: 60, Active: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCardType(ctx, &model.CardType{Name: "10 посещений", ValidDays: 60, Visits: 10, FreezeDays: 14,
		Price: model.Rub(12000), Active: true}); err != nil {
		t.Fatal(err)
	}
	m.openClient(c.ID)
	if m.clients.form.title.Text != "Волкова Ирина" {
		t.Fatalf("profile shows %q", m.clients.form.title.Text)
	}
	return m, s, c
}

func TestSellACardThenAVisitByItLowersVisitsLeft(t *testing.T) {
	m, s, c := relationshipClient(t)
	ctx := context.Background()
	cards := m.clients.profile.panes[1].(*cardsPane)
	cards.showSell()
	cards.sellType.SetSelectedIndex(0)
	test.Tap(cards.dialog.Save)
	if len(cards.cards) != 1 || cards.cards[0].State.VisitsLeft != 10 {
		t.Fatalf("after the sale the pane shows %+v", cards.cards)
	}
	number := cards.cards[0].Card.Number
	if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: number}); len(rows) != 1 || rows[0].ID != c.ID {
		t.Errorf("search by card number %q finds %v", number, rowNames(rows))
	}

	visits := m.clients.profile.panes[0].(*visitsPane)
	visits.showNew()
	vf := visits.form
	vf.lines[0].service.SetSelectedIndex(0)
	if vf.lines[0].price.Text != "1\u00a0500" {
		t.Errorf("price not filled from the service: %q", vf.lines[0].price.Text)
	}
	vf.lines[0].paid.SetSelectedIndex(1) // the card
	test.Tap(visits.dialog.Save)
	if len(visits.visits) != 1 || visits.visits[0].Lines[0].PaidBy != "card" {
		t.Fatalf("visits after save: %+v", visits.visits)
	}
	if got := cards.cards[0].State.VisitsLeft; got != 9 {
		t.Errorf("visits left after a visit by card: %d", got)
	}
	if !strings.Contains(m.clients.form.subtitle.Text, "визитов: 1") {
		t.Errorf("header after the visit: %q", m.clients.form.subtitle.Text)
	}
}

func TestVisitFormShowsErrorsNextToTheLine(t *testing.T) {
	m, s, c := relationshipClient(t)
	visits := m.clients.profile.panes[0].(*visitsPane)
	visits.showNew()
	vf := visits.form
	vf.lines[0].service.SetSelectedIndex(0)
	vf.lines[0].qty.SetText("два")
	vf.on.SetText("32.13.2026")
	test.Tap(visits.dialog.Save)
	if msg := vf.fields["line.0.qty"].Msg.Text; msg != "Введите число" {
		t.Errorf("quantity message %q", msg)
	}
	if msg := vf.fields["on"].Msg.Text; !strings.HasPrefix(msg, "Неверная дата") {
		t.Errorf("date message %q", msg)
	}
	if vs, _ := s.Visits(context.Background(), c.ID); len(vs) != 0 || len(openDialogs[m.Window]) != 1 {
		t.Fatal("an invalid visit was stored or the form closed")
	}
}

func TestAssessmentWithoutConsentIsRefused(t *testing.T) {
	m, s, c := relationshipClient(t)
	pane := m.clients.profile.panes[2].(*assessmentsPane)
	pane.showNew()
	pane.entries["weight"].SetText("72,5")
	pane.entries["waist"].SetText("80")
	test.Tap(pane.dialog.Save)
	if as, _ := s.Assessments(context.Background(), c.ID); len(as) != 0 {
		t.Fatal("an assessment was stored without consent")
	}
	if len(openDialogs[m.Window]) < 2 {
		t.Fatal("no message about the missing consent")
	}
	kit.CloseTopDialog(m.Window) // the message
	kit.CloseTopDialog(m.Window) // the form

	c, _ = s.Client(context.Background(), c.ID)
	c.HealthConsentAt = s.Today()
	c.GoalWeightKg = 68
	if err := s.UpdateClient(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Client(context.Background(), c.ID)
	m.clients.form.load(c)
	if m.clients.form.goalWeight.Text != "68" {
		t.Errorf("goal weight in the form: %q", m.clients.form.goalWeight.Text)
	}
	pane.showNew()
	pane.entries["height"].SetText("170")
	pane.entries["weight"].SetText("500")
	test.Tap(pane.dialog.Save)
	if msg := pane.fields["weight"].Msg.Text; msg == "" {
		t.Error("a weight of 500 kg was not refused next to the field")
	}
	pane.entries["weight"].SetText("72,5")
	test.Tap(pane.dialog.Save)
	if len(pane.items) != 1 || pane.items[0].WeightKg != 72.5 || assessmentCell(pane.items[0], 3) != "25.1" {
		t.Fatalf("assessments shown: %+v", pane.items)
	}
	if len(pane.chart.Series()) != 2 || len(pane.chart.Series()[0].Y) != 1 || pane.chart.Series()[0].Goal != 68 {
		t.Errorf("chart: %+v", pane.chart.Series())
	}
}
