package clients_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/ui/uitest"
)

// previewOf opens the import preview of a file holding text.
func previewOf(t *testing.T, text string) (clientsTab, *widget.Table) {
	t.Helper()
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина", Phone: "+79167770000"})
	path := filepath.Join(t.TempDir(), "clients.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	uitest.FileChoosersOpenIn(filepath.Dir(path))
	uitest.Tap(t, tab.w, "Импорт")
	uitest.ChooseFile(t, tab.w, "clients.csv")
	return tab, uitest.Table(t, tab.w, "Проверка")
}

func TestThePreviewShowsAWrongPhoneAsTheFileHasIt(t *testing.T) {
	_, table := previewOf(t, "ФИО;Телефон\nИванова Мария;8 916 111-22-33\nПетров Олег;12345\n")
	rows := uitest.TableRows(table)
	if len(rows) != 2 {
		t.Fatalf("rows: %q", rows)
	}
	if rows[1][2] != "12345" {
		t.Errorf("the wrong phone shows as %q, want 12345 as in the file", rows[1][2])
	}
	if rows[0][2] != "+7 916 111-22-33" {
		t.Errorf("a good phone shows as %q", rows[0][2])
	}
}

func TestThePreviewTellsTheHighlightedRowWhole(t *testing.T) {
	tab, table := previewOf(t, "ФИО;Телефон;Дата рождения;Рассылка\n"+
		"Иванова Мария;8 916 111-22-33;05.03.1985;да\n"+
		"Петров Олег;12345;31.02.1990;может быть\n"+
		"Орлова Н.;+7 916 777-00-00;;\n")
	want := []string{
		"Строка 3 — Петров Олег:",
		"• Телефон «12345»: Неверный номер телефона: введите, например, +7 916 123-45-67",
		"• Дата рождения «31.02.1990»: ",
		"• Рассылки и акции «может быть»: Непонятно, есть ли согласие на рассылку: напишите «да» или «нет»",
	}
	detail := func() string {
		for _, s := range uitest.DialogTexts(tab.w) {
			if strings.HasPrefix(s, "Строка ") {
				return s
			}
		}
		return ""
	}
	got := detail()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the first bad row is told as %q; it lacks %q", got, w)
		}
	}
	uitest.Do(func() { table.Select(widget.TableCellID{Row: 2, Col: 1}) })
	if got := detail(); !strings.Contains(got, "Строка 4 — Орлова Н.:") || !strings.Contains(got, "Клиент с этим телефоном уже есть в базе: Орлова Нина") {
		t.Errorf("the highlighted row is told as %q", got)
	}
	uitest.Do(func() { table.Select(widget.TableCellID{Row: 0, Col: 0}) })
	if got := detail(); got != "Строка 2 — Иванова Мария: без ошибок." {
		t.Errorf("a good row is told as %q", got)
	}
}
