package clients_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"companion/model"
	"companion/ui/uitest"
)

// saveWorkbook writes a workbook to dir/name: each sheet's rows from A1.
func saveWorkbook(t *testing.T, dir, name string, sheets map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for sheet, rows := range sheets {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sheet, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.DeleteSheet("Sheet1")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestTheTabImportsAWorkbook(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина", Phone: "+79167770000"})
	dir := t.TempDir()
	saveWorkbook(t, dir, "клиенты.xlsx", map[string][][]any{"Клиенты": {
		{"Клиенты салона"}, {},
		{"ФИО", "Телефон", "Дата рождения"},
		{"Иванова Мария", 79161112233, time.Date(1985, 3, 5, 0, 0, 0, 0, time.UTC)},
		{"Петрова Вера", 9162223344.0},
	}})
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, tab.w, "Импорт")
	uitest.ChooseFile(t, tab.w, "клиенты.xlsx")
	if want := "клиенты.xlsx, лист «Клиенты»: строк 2, верных 2, с ошибками 0. Заголовки столбцов в строке 3."; !uitest.DialogShows(tab.w, want) {
		t.Fatalf("the preview does not read %q: %q", want, uitest.DialogTexts(tab.w))
	}
	rows := uitest.TableRows(uitest.Table(t, tab.w, "Проверка"))
	if len(rows) != 2 || rows[0][0] != "4" || rows[1][2] != "+7 916 222-33-44" {
		t.Errorf("the preview's rows: %q", rows)
	}
	uitest.Tap(t, tab.w, "Импортировать")
	if !uitest.DialogShows(tab.w, "Добавлено клиентов: 2. Пропущено строк: 0.") {
		t.Errorf("on top: %q", uitest.DialogTexts(tab.w))
	}
	m, err := tab.s.ClientByPhone(context.Background(), "+79161112233")
	if err != nil || m.FullName() != "Иванова Мария" || m.BirthDate != model.NewDate(1985, 3, 5) {
		t.Errorf("Мария is stored as %+v, %v", m, err)
	}
}

func TestTheTabAsksWhichSheetToImport(t *testing.T) {
	tab := openClients(t)
	dir := t.TempDir()
	saveWorkbook(t, dir, "два года.xlsx", map[string][][]any{
		"2024": {{"ФИО", "Телефон"}, {"Иванова Мария", "89161112233"}},
		"2025": {{"Клиент", "Тел."}, {"Петрова Вера", "89162223344"}, {"Сидорова Ольга", "89163334455"}},
	})
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, tab.w, "Импорт")
	uitest.ChooseFile(t, tab.w, "два года.xlsx")
	if !uitest.DialogShows(tab.w, "Клиенты есть на нескольких листах файла два года.xlsx. Какой из них импортировать?") {
		t.Fatalf("no question about the sheet: %q", uitest.DialogTexts(tab.w))
	}
	uitest.Choose(t, tab.w, "Лист", "2025")
	uitest.Tap(t, tab.w, "Проверить лист")
	if want := "два года.xlsx, лист «2025»: строк 2, верных 2, с ошибками 0. Заголовки столбцов в строке 1."; !uitest.DialogShows(tab.w, want) {
		t.Fatalf("the preview does not read %q: %q", want, uitest.DialogTexts(tab.w))
	}
}

func TestAWorkbookWithoutNamesIsRefusedInTheTab(t *testing.T) {
	tab := openClients(t)
	dir := t.TempDir()
	saveWorkbook(t, dir, "телефоны.xlsx", map[string][][]any{"Лист1": {{"Телефон"}, {79161112233}}})
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, tab.w, "Импорт")
	uitest.ChooseFile(t, tab.w, "телефоны.xlsx")
	if !uitest.DialogShows(tab.w, "В файле нет столбца с именем клиента") {
		t.Errorf("on top: %q", uitest.DialogTexts(tab.w))
	}
	if n, _ := tab.s.CountClients(context.Background()); n != 0 {
		t.Errorf("%d clients written", n)
	}
}

func TestTheTabExportsAWorkbook(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина", Phone: "+79167770000",
		BirthDate: model.NewDate(1980, 1, 2)})
	dir := t.TempDir()
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, tab.w, "Экспорт")
	uitest.Tap(t, tab.w, "Сохранить") // the name suggested
	path := filepath.Join(dir, "clients-"+tab.s.Today().ISO()+".xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no workbook at %s: %v; on top %q", path, err, uitest.DialogTexts(tab.w))
	}
	defer f.Close()
	rows, _ := f.GetRows("Клиенты")
	if len(rows) != 2 || rows[1][0] != "Орлова" || rows[1][3] != "+7 916 777-00-00" || rows[1][5] != "02.01.1980" {
		t.Errorf("the workbook holds %q", rows)
	}
}
