package clients

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/model"
)

func TestTypeANewClientAndSave(t *testing.T) {
	m, s := newTestWindow(t)
	f := m.clients.form
	test.Type(f.last, "Иванов")
	test.Type(f.first, "Иван")
	test.Type(f.middle, "Петрович")
	test.Type(f.phone, "8 (916) 123-45-67")
	test.Type(f.birth, "05.03.1985")
	f.source.SetSelectedIndex(1)
	test.Tap(f.save_)

	rows, err := s.ListClients(context.Background(), model.ClientQuery{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("stored %d clients, %v", len(rows), err)
	}
	c, _ := s.Client(context.Background(), rows[0].ID)
	if c.FullName() != "Иванов Иван Петрович" || c.Phone != "+79161234567" ||
		c.BirthDate.Format("ru") != "05.03.1985" || c.Source != model.Sources[0] {
		t.Fatalf("stored %+v", c)
	}
	if f.title.Text != "Иванов Иван Петрович" {
		t.Errorf("profile title after save: %q", f.title.Text)
	}
	if len(m.clients.rows) != 1 || m.clients.count.Text != "Клиентов в списке: 1" {
		t.Errorf("list after save: %d rows, %q", len(m.clients.rows), m.clients.count.Text)
	}
}

func TestBadPhoneShowsMessageAndStoresNothing(t *testing.T) {
	m, s := newTestWindow(t)
	f := m.clients.form
	test.Type(f.first, "Анна")
	test.Type(f.phone, "12-34")
	test.Type(f.email, "anna@")
	test.Type(f.birth, "31.02.1990")
	f.phone.OnSubmitted(f.phone.Text) // Enter in a field saves the form

	for name, want := range map[string]string{
		"phone":      "Неверный номер телефона",
		"email":      "Неверный адрес почты",
		"birth_date": "Неверная дата",
	} {
		msg := f.fields[name].Msg
		if !msg.Visible() || !strings.HasPrefix(msg.Text, want) {
			t.Errorf("%s: message %q (visible %v), want %q…", name, msg.Text, msg.Visible(), want)
		}
	}
	if n, _ := s.CountClients(context.Background()); n != 0 {
		t.Fatalf("%d clients stored from an invalid form", n)
	}
	if f.first.Text != "Анна" || f.phone.Text != "12-34" {
		t.Error("what was typed is lost")
	}
	test.Type(f.phone, "567") // editing the field clears its message
	if f.fields["phone"].Msg.Visible() {
		t.Error("phone message stays after an edit")
	}
}

func TestHealthNotesNeedConsent(t *testing.T) {
	m, s := newTestWindow(t)
	f := m.clients.form
	test.Type(f.first, "Ольга")
	test.Type(f.health, "варикоз")
	test.Tap(f.save_)
	if msg := f.fields["health"].Msg; !strings.Contains(msg.Text, "согласием") {
		t.Fatalf("health message %q", msg.Text)
	}
	if n, _ := s.CountClients(context.Background()); n != 0 {
		t.Fatal("health data stored without consent")
	}
	f.healthOK.SetChecked(true)
	if f.healthDate.Text != "27.11.2026" {
		t.Errorf("consent date not filled with today: %q", f.healthDate.Text)
	}
	test.Tap(f.save_)
	if n, _ := s.CountClients(context.Background()); n != 1 {
		t.Fatal("client with consent not stored")
	}
}

func TestDuplicatePhoneNamesTheClientNextToTheField(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	s.CreateClient(ctx, &model.Client{LastName: "Петрова", FirstName: "Анна", Phone: "+79161234567"})
	f := m.clients.form
	test.Type(f.first, "Вера")
	test.Type(f.phone, "+7 916 123-45-67")
	test.Tap(f.save_)
	if msg := f.fields["phone"].Msg.Text; !strings.Contains(msg, "Петрова Анна") {
		t.Fatalf("phone message %q", msg)
	}
	if n, _ := s.CountClients(ctx); n != 1 {
		t.Fatal("duplicate stored")
	}
}

func TestSearchAsYouTypeInCyrillic(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	for _, c := range []model.Client{
		{LastName: "Иванов", FirstName: "Иван", MiddleName: "Петрович", Phone: "+79161234567"},
		{LastName: "Семёнова", FirstName: "Алёна", Phone: "+79035550101"},
		{LastName: "Кузнецова", FirstName: "Мария"},
	} {
		if err := s.CreateClient(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	tab := m.clients
	for _, tc := range [][2]string{{"иван", "Иванов Иван Петрович"}, {"СЕМЕН", "Семёнова Алёна"},
		{"8 (916) 123-45-67", "Иванов Иван Петрович"}, {"ку", "Кузнецова Мария"}} {
		q, want := tc[0], tc[1]
		tab.search.SetText("")
		test.Type(tab.search, q)
		if len(tab.rows) != 1 || tab.rows[0].FullName() != want {
			t.Errorf("typed %q, list shows %v", q, rowNames(tab.rows))
			continue
		}
		if got := renderedName(tab, 0); got != want {
			t.Errorf("typed %q, first row reads %q", q, got)
		}
	}
	tab.search.OnSubmitted(tab.search.Text) // Enter opens the first client
	if m.clients.form.title.Text != "Кузнецова Мария" {
		t.Errorf("Enter opened %q", m.clients.form.title.Text)
	}
}

func rowNames(rows []model.ClientRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.FullName())
	}
	return out
}

// renderedName reads the name a list row draws.
func renderedName(tab *ClientsTab, row int) string {
	o := newClientRowItem()
	tab.updateRowItem(row, o)
	return o.(*fyne.Container).Objects[0].(*widget.Label).Text
}
