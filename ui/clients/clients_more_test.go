package clients_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/uitest"

	"fyne.io/fyne/v2/widget"
)

func TestUnsavedEditsAreNotLostWhenSwitching(t *testing.T) {
	anna, vera := &model.Client{FirstName: "Анна"}, &model.Client{FirstName: "Вера"}
	tab := openClients(t, anna, vera)
	w, s := tab.w, tab.s
	ctx := context.Background()
	uitest.TapRow(t, w, "Анна")
	if tab.title() != "Анна" {
		t.Fatalf("the tap opened %q", tab.title())
	}
	uitest.Type(t, w, "Заметки", "перезвонить в пятницу")
	uitest.TapRow(t, w, "Вера")
	if tab.title() != "Анна" || uitest.Entry(t, w, "Заметки").Text != "перезвонить в пятницу" {
		t.Fatalf("switched away from unsaved edits: %q", tab.title())
	}
	if uitest.Dialogs(w) != 1 || !uitest.DialogShows(w, "Есть несохранённые изменения") {
		t.Fatalf("no question about the unsaved edits; on top: %q", uitest.DialogTexts(w))
	}
	stay, discard := uitest.Button(t, w, "Вернуться к карточке"), uitest.Button(t, w, "Отбросить")
	if stay.Importance != widget.HighImportance || discard.Importance != widget.DangerImportance || !uitest.HasFocus(w, stay) {
		t.Errorf("the safe choice is not the default: stay %v (focused %v), discard %v",
			stay.Importance, uitest.HasFocus(w, stay), discard.Importance)
	}
	kit.CloseTopDialog(w) // what Esc does in the window: stay on the profile
	uitest.Settle()
	if uitest.Dialogs(w) != 0 || uitest.Entry(t, w, "Заметки").Text != "перезвонить в пятницу" {
		t.Fatal("Esc did not close the question, or the edit was lost")
	}
	if c, _ := s.Client(ctx, anna.ID); c.Notes != "" {
		t.Fatalf("notes stored before a save: %q", c.Notes)
	}
	uitest.Tap(t, w, "Сохранить")
	c, _ := s.Client(ctx, anna.ID)
	if c.Notes != "перезвонить в пятницу" {
		t.Fatalf("saved notes %q", c.Notes)
	}

	// edits thrown away when the person says so
	uitest.Type(t, w, "Заметки", "лишнее")
	uitest.TapRow(t, w, "Вера")
	uitest.Tap(t, w, "Отбросить")
	if tab.title() != "Вера" {
		t.Fatalf("after «Отбросить» the profile shows %q", tab.title())
	}
	if c, _ := s.Client(ctx, anna.ID); c.Notes != "перезвонить в пятницу" {
		t.Errorf("thrown-away notes reached the store: %q", c.Notes)
	}

	// with nothing unsaved, a tap on another client opens it at once
	uitest.TapRow(t, w, "Анна")
	if uitest.Dialogs(w) != 0 || tab.title() != "Анна" || uitest.Entry(t, w, "Заметки").Text != "перезвонить в пятницу" {
		t.Errorf("with nothing unsaved, the tap on Анна shows %q with %d dialogs", tab.title(), uitest.Dialogs(w))
	}
}

func TestArchiveAndRestore(t *testing.T) {
	c := &model.Client{LastName: "Зайцева", FirstName: "Дарья"}
	tab := openClients(t, c)
	w, s := tab.w, tab.s
	ctx := context.Background()
	uitest.TapRow(t, w, "Зайцева Дарья")
	uitest.Tap(t, w, "В архив")
	if uitest.Dialogs(w) != 1 || !uitest.DialogShows(w, "Убрать в архив?") {
		t.Fatalf("archiving did not ask first; on top: %q", uitest.DialogTexts(w))
	}
	if got, _ := s.Client(ctx, c.ID); got.Archived() {
		t.Fatal("archived before the manager agreed")
	}
	uitest.Tap(t, w, "Да")
	if got, _ := s.Client(ctx, c.ID); !got.Archived() {
		t.Fatal("not archived after the manager agreed")
	}
	if len(tab.names(t)) != 0 {
		t.Fatalf("archived client still in the working list: %q", tab.names(t))
	}
	tab.showsCount(t, 0)
	uitest.Toggle(t, w, "Архив")
	if !reflect.DeepEqual(tab.names(t), []string{"Зайцева Дарья"}) {
		t.Fatalf("archive shows %q", tab.names(t))
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{Archived: true}); len(rows) != 1 || !rows[0].Archived {
		t.Fatalf("the store's archive holds %v", rowNames(rows))
	}
	uitest.TapRow(t, w, "Зайцева Дарья")
	uitest.Tap(t, w, "Вернуть из архива") // restore needs no question
	if uitest.Dialogs(w) != 0 {
		t.Errorf("restoring asked: %q", uitest.DialogTexts(w))
	}
	got, _ := s.Client(ctx, c.ID)
	if got.Archived() || len(tab.names(t)) != 0 {
		t.Fatalf("not restored: archived=%v, archive list %q", got.Archived(), tab.names(t))
	}
	if uitest.Button(t, w, "В архив") == nil {
		t.Error("the restored client cannot be archived again")
	}
}

func TestStatusAndBirthdayFilters(t *testing.T) {
	today := model.DateOf(uitest.Now)
	tab := openClients(t, &model.Client{FirstName: "Лид"},
		&model.Client{FirstName: "Именинница", BirthDate: model.NewDate(1990, today.Month(), today.Day()).AddDays(2)})
	w := tab.w
	uitest.Choose(t, w, "Все статусы", "Новый") // leads
	if len(tab.names(t)) != 2 {
		t.Fatalf("leads: %q", tab.names(t))
	}
	uitest.Toggle(t, w, "Дни рождения на неделе")
	if !reflect.DeepEqual(tab.names(t), []string{"Именинница"}) {
		t.Fatalf("birthdays: %q", tab.names(t))
	}
	uitest.Choose(t, w, "Любое доверие", "Доверяют нам") // trusted: none of two leads
	if len(tab.names(t)) != 0 {
		t.Fatalf("trusted leads: %q", tab.names(t))
	}
	tab.showsCount(t, 0)
	uitest.Choose(t, w, "Доверяют нам", "Новые")
	if !reflect.DeepEqual(tab.names(t), []string{"Именинница"}) {
		t.Fatalf("new clients with a birthday: %q", tab.names(t))
	}
	tab.showsCount(t, 1)
}

func TestImportPreviewThenOnlyGoodRows(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина", Phone: "+79167770000"})
	w, s := tab.w, tab.s
	file := "ФИО;Телефон;Дата рождения\n" +
		"Иванова Мария Сергеевна;8 916 111-22-33;05.03.1985\n" +
		"Петров Олег;12345;\n" +
		"Сидорова Анна;+7 903 555-01-01;1990-07-01\n" +
		"Орлова Н.;+7 916 777-00-00;\n"
	path := filepath.Join(t.TempDir(), "clients.csv")
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	uitest.FileChoosersOpenIn(filepath.Dir(path))
	uitest.Tap(t, w, "Импорт")
	uitest.ChooseFile(t, w, "clients.csv")
	if uitest.Dialogs(w) != 1 || !uitest.DialogShows(w, "Импорт клиентов: проверка файла") {
		t.Fatalf("no preview; on top: %q", uitest.DialogTexts(w))
	}
	if !uitest.DialogShows(w, "clients.csv: строк 4, верных 2, с ошибками 2") {
		t.Errorf("the summary reads %q", uitest.DialogTexts(w))
	}
	if n, _ := s.CountClients(context.Background()); n != 1 {
		t.Fatal("the preview wrote to the database")
	}
	rows := uitest.TableRows(uitest.Table(t, w, "Проверка"))
	if len(rows) != 4 {
		t.Fatalf("the preview shows %d rows: %q", len(rows), rows)
	}
	if got := strings.Join(rows[0], " | "); !strings.Contains(got, "Иванова Мария Сергеевна") || !strings.Contains(got, "Без ошибок") {
		t.Errorf("good row reads %q", got)
	}
	if got := strings.Join(rows[1], " | "); !strings.Contains(got, "Неверный номер телефона") {
		t.Errorf("bad row reads %q", got)
	}
	if got := strings.Join(rows[3], " | "); !strings.Contains(got, "Орлова Нина") {
		t.Errorf("row of a client already in the base reads %q", got)
	}
	if !uitest.Button(t, w, "Импортировать").Disabled() {
		t.Error("a file with bad rows can be imported whole")
	}
	uitest.Tap(t, w, "Только верные (2)")
	if !uitest.DialogShows(w, "Добавлено клиентов: 2. Пропущено строк: 2.") {
		t.Errorf("after the import the dialog reads %q", uitest.DialogTexts(w))
	}
	stored, _ := s.ListClients(context.Background(), model.ClientQuery{})
	if len(stored) != 3 || len(tab.names(t)) != 3 {
		t.Fatalf("imported %v; list shows %q", rowNames(stored), tab.names(t))
	}
	tab.showsCount(t, 3)
}
