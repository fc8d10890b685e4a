package clients

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"companion/model"
	"companion/model/clientio"
	"companion/ui/kit"
)

func TestUnsavedEditsAreNotLostWhenSwitching(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	for _, n := range []string{"Анна", "Вера"} {
		s.CreateClient(ctx, &model.Client{FirstName: n})
	}
	tab := m.clients
	tab.Refresh(ctx)
	tab.list.Select(0)
	test.Type(tab.form.note, "перезвонить в пятницу")
	tab.list.Select(1)
	if tab.form.title.Text != "Анна" || tab.form.note.Text != "перезвонить в пятницу" {
		t.Fatalf("switched away from unsaved edits: %q", tab.form.title.Text)
	}
	if len(openDialogs[m.Window]) != 1 {
		t.Fatal("no question about the unsaved edits")
	}
	kit.CloseTopDialog(m.Window) // Esc: stay on the profile
	if len(openDialogs[m.Window]) != 0 || tab.form.note.Text != "перезвонить в пятницу" {
		t.Fatal("Esc did not close the question, or the edit was lost")
	}
	test.Tap(tab.form.save_)
	c, _ := s.Client(ctx, tab.rows[0].ID)
	if c.Notes != "перезвонить в пятницу" {
		t.Fatalf("saved notes %q", c.Notes)
	}
}

func TestArchiveAndRestore(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	c := model.Client{LastName: "Зайцева", FirstName: "Дарья"}
	s.CreateClient(ctx, &c)
	tab := m.clients
	tab.Refresh(ctx)
	tab.list.Select(0)
	test.Tap(tab.form.archive)
	if len(openDialogs[m.Window]) != 1 {
		t.Fatal("archiving did not ask first")
	}
	tab.form.archiveNow(c.ID, true)
	if len(tab.rows) != 0 {
		t.Fatalf("archived client still in the working list")
	}
	tab.archive.SetChecked(true)
	if len(tab.rows) != 1 || !tab.rows[0].Archived {
		t.Fatalf("archive shows %v", rowNames(tab.rows))
	}
	tab.list.Select(0)
	test.Tap(tab.form.archive) // restore needs no question
	got, _ := s.Client(ctx, c.ID)
	if got.Archived() || len(tab.rows) != 0 {
		t.Fatalf("not restored: archived=%v, archive list %v", got.Archived(), rowNames(tab.rows))
	}
}

func TestStatusAndBirthdayFilters(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	today := s.Today()
	s.CreateClient(ctx, &model.Client{FirstName: "Лид"})
	s.CreateClient(ctx, &model.Client{FirstName: "Именинница", BirthDate: model.NewDate(1990, today.Month(), today.Day()).AddDays(2)})
	tab := m.clients
	tab.status.SetSelectedIndex(1) // leads
	if len(tab.rows) != 2 {
		t.Fatalf("leads: %v", rowNames(tab.rows))
	}
	tab.birthdays.SetChecked(true)
	if len(tab.rows) != 1 || tab.rows[0].FirstName != "Именинница" {
		t.Fatalf("birthdays: %v", rowNames(tab.rows))
	}
	tab.trust.SetSelectedIndex(3) // trusted: none of two leads
	if len(tab.rows) != 0 {
		t.Fatalf("trusted leads: %v", rowNames(tab.rows))
	}
	tab.trust.SetSelectedIndex(1) // new
	if len(tab.rows) != 1 {
		t.Fatalf("new clients with a birthday: %v", rowNames(tab.rows))
	}
}

func TestImportPreviewThenOnlyGoodRows(t *testing.T) {
	m, s := newTestWindow(t)
	s.CreateClient(context.Background(), &model.Client{LastName: "Орлова", FirstName: "Нина", Phone: "+79167770000"})
	file := "ФИО;Телефон;Дата рождения\n" +
		"Иванова Мария Сергеевна;8 916 111-22-33;05.03.1985\n" +
		"Петров Олег;12345;\n" +
		"Сидорова Анна;+7 903 555-01-01;1990-07-01\n" +
		"Орлова Н.;+7 916 777-00-00;\n"
	path := filepath.Join(t.TempDir(), "clients.csv")
	os.WriteFile(path, []byte(file), 0o600)
	f, _ := os.Open(path)
	imp, err := clientio.Parse(f, s.Today())
	f.Close()
	if err == nil {
		err = s.CheckImport(context.Background(), imp)
	}
	if err != nil {
		t.Fatal(err)
	}
	tab := m.clients
	tab.showImportPreview("clients.csv", imp)
	if len(openDialogs[m.Window]) != 1 {
		t.Fatal("no preview")
	}
	if n, _ := s.CountClients(context.Background()); n != 1 {
		t.Fatal("the preview wrote to the database")
	}
	table := importTable(imp)
	table.Resize(fyne.NewSize(900, 400))
	if got := strings.Join(previewCells(imp, 1), " | "); !strings.Contains(got, "Неверный номер телефона") {
		t.Errorf("bad row reads %q", got)
	}
	if got := strings.Join(previewCells(imp, 3), " | "); !strings.Contains(got, "Орлова Нина") {
		t.Errorf("row of a client already in the base reads %q", got)
	}
	kit.CloseTopDialog(m.Window)
	tab.runImport(imp, true)
	rows, _ := s.ListClients(context.Background(), model.ClientQuery{})
	if len(rows) != 3 || len(tab.rows) != 3 {
		t.Fatalf("imported %v; list shows %d", rowNames(rows), len(tab.rows))
	}
}

// previewCells reads a row of the import preview as the table shows it.
func previewCells(imp *clientio.Import, row int) []string {
	var out []string
	for col := 0; col < 4; col++ {
		out = append(out, importCell(imp.Rows[row], col))
	}
	return out
}
