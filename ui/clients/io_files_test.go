package clients_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

func TestAFailedExportLeavesTheOldFileAsItWas(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина", Phone: "+79167770000"})
	dir := t.TempDir()
	old := []byte("ФИО;Телефон\nвчерашняя выгрузка;+79160000000\n")
	path := filepath.Join(dir, "clients.csv")
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	uitest.FileChoosersOpenIn(dir)
	tab.s.Close() // the database is gone: reading the clients fails
	uitest.Tap(t, tab.w, "Экспорт")
	uitest.ChooseFile(t, tab.w, "clients.csv")
	if uitest.DialogShows(tab.w, "Заменить файл?") {
		uitest.Tap(t, tab.w, "Заменить")
	} else {
		t.Errorf("replacing a file is not asked in Russian: %q", uitest.DialogTexts(tab.w))
		uitest.Tap(t, tab.w, "Да")
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("the old export now holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the old export only", len(entries))
	}
}

func TestKeepingTheOldFileWritesNothing(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина"})
	dir := t.TempDir()
	path := filepath.Join(dir, "clients.csv")
	os.WriteFile(path, []byte("old"), 0o600)
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, tab.w, "Экспорт")
	uitest.ChooseFile(t, tab.w, "clients.csv")
	uitest.Tap(t, tab.w, "Не заменять")
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the file kept holds %q", got)
	}
	if !uitest.DialogShows(tab.w, "Сохранить файл") {
		t.Errorf("the chooser closed: on top %q", uitest.DialogTexts(tab.w))
	}
}

func TestAnExportGoesToTheAbsolutePathTyped(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина", Phone: "+79167770000"})
	uitest.FileChoosersOpenIn(t.TempDir())
	path := filepath.Join(t.TempDir(), "ut", "orlova.csv")
	os.Mkdir(filepath.Dir(path), 0o700)
	uitest.Tap(t, tab.w, "Экспорт")
	for _, word := range []string{"Сохранить файл", "Сохранить", "Отмена"} {
		if !uitest.DialogShows(tab.w, word) {
			t.Errorf("the chooser does not read %q in Russian: %q", word, uitest.DialogTexts(tab.w))
		}
	}
	uitest.TypePath(t, tab.w, path)
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "Орлова") {
		t.Fatalf("nothing exported to %s (%v); on top: %q", path, err, uitest.DialogTexts(tab.w))
	}
	uitest.Tap(t, tab.w, "ОК")
	uitest.Tap(t, tab.w, "Экспорт")
	if !uitest.DialogShows(tab.w, "ut") {
		t.Errorf("the next chooser does not open in the folder last used: %q", uitest.DialogTexts(tab.w))
	}
}

func TestAnExportToAMissingFolderSaysSo(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина"})
	uitest.FileChoosersOpenIn(t.TempDir())
	missing := filepath.Join(t.TempDir(), "нет", "такой")
	uitest.Tap(t, tab.w, "Экспорт")
	uitest.TypePath(t, tab.w, filepath.Join(missing, "a.csv"))
	if !uitest.DialogShows(tab.w, "Папка не найдена: "+missing+".") {
		t.Errorf("the message says %q", uitest.DialogTexts(tab.w))
	}
}

func TestAnImportOpensTheAbsolutePathTyped(t *testing.T) {
	tab := openClients(t)
	path := filepath.Join(t.TempDir(), "из кассы.csv")
	os.WriteFile(path, []byte("ФИО;Телефон\nИванова Мария;+79161112233\n"), 0o600)
	uitest.FileChoosersOpenIn(t.TempDir())
	uitest.Tap(t, tab.w, "Импорт")
	if !uitest.DialogShows(tab.w, "Открыть файл") || !uitest.DialogShows(tab.w, "Открыть") {
		t.Errorf("the chooser reads %q", uitest.DialogTexts(tab.w))
	}
	uitest.TypePath(t, tab.w, path)
	if !uitest.DialogShows(tab.w, "Импорт клиентов: проверка файла") {
		t.Fatalf("no preview; on top: %q", uitest.DialogTexts(tab.w))
	}
}

func TestAChooserStartsInDocuments(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	docs := filepath.Join(home, "Documents")
	os.Mkdir(docs, 0o700)
	os.WriteFile(filepath.Join(docs, "база.csv"), []byte("ФИО\nИванова Мария\n"), 0o600)
	tab := openClients(t)
	uitest.Tap(t, tab.w, "Импорт")
	uitest.ChooseFile(t, tab.w, "база.csv")
	if !uitest.DialogShows(tab.w, "Импорт клиентов: проверка файла") {
		t.Fatalf("no preview; on top: %q", uitest.DialogTexts(tab.w))
	}
}

func TestADoubleClickOnAFileAsksBeforeReplacingIt(t *testing.T) {
	tab := openClients(t, &model.Client{LastName: "Орлова", FirstName: "Нина"})
	dir := t.TempDir()
	path := filepath.Join(dir, "old.csv")
	os.WriteFile(path, []byte("old"), 0o600)
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, tab.w, "Экспорт")
	uitest.TapRow(t, tab.w, "old")
	uitest.TapRow(t, tab.w, "old")
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("a double click emptied the file: %q", got)
	}
	if !uitest.DialogShows(tab.w, "Заменить файл?") {
		t.Errorf("a double click does not ask first: %q", uitest.DialogTexts(tab.w))
	}
}
