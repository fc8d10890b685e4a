package clients_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"companion/model"
	"companion/ui/uitest"
)

func TestTypeANewClientAndSave(t *testing.T) {
	tab := openClients(t)
	w, s := tab.w, tab.s
	uitest.Type(t, w, "Фамилия", "Иванов")
	uitest.Type(t, w, "Имя", "Иван")
	uitest.Type(t, w, "Отчество", "Петрович")
	uitest.Type(t, w, "Телефон", "8 (916) 123-45-67")
	uitest.Type(t, w, "Дата рождения", "05.03.1985")
	uitest.Choose(t, w, "Источник", "Рекомендация клиента")
	uitest.Tap(t, w, "Сохранить")

	rows, err := s.ListClients(context.Background(), model.ClientQuery{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("stored %d clients, %v", len(rows), err)
	}
	c, _ := s.Client(context.Background(), rows[0].ID)
	if c.FullName() != "Иванов Иван Петрович" || c.Phone != "+79161234567" ||
		c.BirthDate.Format("ru") != "05.03.1985" || c.Source != model.Sources[0] {
		t.Fatalf("stored %+v", c)
	}
	if tab.title() != "Иванов Иван Петрович" {
		t.Errorf("profile title after save: %q", tab.title())
	}
	if got := uitest.Entry(t, w, "Телефон").Text; got != "+7 916 123-45-67" {
		t.Errorf("the phone reads %q after save", got)
	}
	if got := tab.names(t); !reflect.DeepEqual(got, []string{"Иванов Иван Петрович"}) {
		t.Errorf("list after save shows %q", got)
	}
	tab.showsCount(t, 1)
}

func TestBadPhoneShowsMessageAndStoresNothing(t *testing.T) {
	tab := openClients(t)
	w, s := tab.w, tab.s
	uitest.Type(t, w, "Имя", "Анна")
	uitest.Type(t, w, "Телефон", "12-34")
	uitest.Type(t, w, "Эл. почта", "anna@")
	uitest.Type(t, w, "Дата рождения", "31.02.1990")
	uitest.PressKey(uitest.Entry(t, w, "Телефон"), fyne.KeyReturn) // Enter in a field saves the form

	for label, want := range map[string]string{
		"Телефон":       "Неверный номер телефона",
		"Эл. почта":     "Неверный адрес почты",
		"Дата рождения": "Неверная дата",
	} {
		if msg := uitest.Message(t, w, label); !strings.HasPrefix(msg, want) {
			t.Errorf("%s: message %q, want %q…", label, msg, want)
		}
	}
	if n, _ := s.CountClients(context.Background()); n != 0 {
		t.Fatalf("%d clients stored from an invalid form", n)
	}
	if uitest.Entry(t, w, "Имя").Text != "Анна" || uitest.Entry(t, w, "Телефон").Text != "12-34" {
		t.Error("what was typed is lost")
	}
	test.Type(uitest.Entry(t, w, "Телефон"), "567") // editing the field clears its message
	if msg := uitest.Message(t, w, "Телефон"); msg != "" {
		t.Errorf("phone message stays after an edit: %q", msg)
	}
	if msg := uitest.Message(t, w, "Эл. почта"); msg == "" {
		t.Error("an edit of the phone cleared the message of the email")
	}
}

func TestHealthNotesNeedConsent(t *testing.T) {
	tab := openClients(t)
	w, s := tab.w, tab.s
	uitest.Type(t, w, "Имя", "Ольга")
	uitest.Type(t, w, "Противопоказания, здоровье", "варикоз")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Противопоказания, здоровье"); !strings.Contains(msg, "согласием") {
		t.Fatalf("health message %q", msg)
	}
	if n, _ := s.CountClients(context.Background()); n != 0 {
		t.Fatal("health data stored without consent")
	}
	uitest.Toggle(t, w, "Данные о здоровье")
	if got := uitest.Entry(t, w, "Данные о здоровье").Text; got != "27.11.2026" {
		t.Errorf("consent date not filled with today: %q", got)
	}
	uitest.Tap(t, w, "Сохранить")
	if n, _ := s.CountClients(context.Background()); n != 1 {
		t.Fatal("client with consent not stored")
	}
	rows, _ := s.ListClients(context.Background(), model.ClientQuery{})
	if c, _ := s.Client(context.Background(), rows[0].ID); c.Health != "варикоз" || c.HealthConsentAt != s.Today() {
		t.Errorf("stored health %q, consent %v", c.Health, c.HealthConsentAt)
	}
}

func TestDuplicatePhoneNamesTheClientNextToTheField(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Петрова", FirstName: "Анна", Phone: "+79161234567"})
	w, s := tab.w, tab.s
	uitest.Type(t, w, "Имя", "Вера")
	uitest.Type(t, w, "Телефон", "+7 916 123-45-67")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Телефон"); !strings.Contains(msg, "Петрова Анна") {
		t.Fatalf("phone message %q", msg)
	}
	if n, _ := s.CountClients(context.Background()); n != 1 {
		t.Fatal("duplicate stored")
	}
}

func TestSearchAsYouTypeInCyrillic(t *testing.T) {
	tab := openClients(t,
		&model.Client{LastName: "Иванов", FirstName: "Иван", MiddleName: "Петрович", Phone: "+79161234567"},
		&model.Client{LastName: "Семёнова", FirstName: "Алёна", Phone: "+79035550101"},
		&model.Client{LastName: "Кузнецова", FirstName: "Мария"})
	w := tab.w
	tab.showsCount(t, 3)
	search := uitest.SearchBox(t, w, "Поиск: имя, телефон или номер карты (Ctrl+F)")
	for _, tc := range [][2]string{{"иван", "Иванов Иван Петрович"}, {"СЕМЕН", "Семёнова Алёна"},
		{"8 (916) 123-45-67", "Иванов Иван Петрович"}, {"ку", "Кузнецова Мария"}} {
		q, want := tc[0], tc[1]
		uitest.Do(func() { search.SetText("") }) // Ctrl+A, Delete
		uitest.TypeKeys(search, q)
		if got := tab.names(t); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("typed %q, the list reads %q", q, got)
		}
		tab.showsCount(t, 1)
	}
	uitest.PressKey(search, fyne.KeyReturn) // Enter opens the first client
	if tab.title() != "Кузнецова Мария" || uitest.Entry(t, w, "Фамилия").Text != "Кузнецова" {
		t.Errorf("Enter opened %q", tab.title())
	}
}
