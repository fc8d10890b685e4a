package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"companion/model"
	"companion/model/clientio"
	"companion/model/i18n"
	"companion/model/store"
)

// tempFile writes data to a file in a fresh folder and returns its path.
func tempFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// withStore opens the database at path for a look at what it holds.
func withStore(t *testing.T, path string, look func(s *store.Store)) {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	look(s)
}

func clientCount(t *testing.T, path string) int64 {
	t.Helper()
	var n int64
	withStore(t, path, func(s *store.Store) {
		var err error
		if n, err = s.CountClients(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
	return n
}

// dbWithAnna is a database holding one client, Иванова Анна, +79160000001.
func dbWithAnna(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "salon.db")
	withStore(t, path, func(s *store.Store) {
		c := model.Client{LastName: "Иванова", FirstName: "Анна", Phone: "+79160000001"}
		if err := s.CreateClient(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
	})
	return path
}

// mixedCSV has one good row and three bad ones, against dbWithAnna.
const mixedCSV = "Full name,Phone,Email\n" +
	"Smith Olga,+7 916 000-00-02,olga@mail.ru\n" + // 2: good
	"Other Anna,8 916 000 00 01,\n" + // 3: Анна's phone
	"Vera,123,\n" + // 4: wrong phone
	"Smith Olga Jr,89160000002,\n" // 5: same phone as line 2

func wantLines(t *testing.T, out string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(out, l+"\n") {
			t.Errorf("output lacks %q:\n%s", l, out)
		}
	}
}

func TestImportWindows1251FileInRussian(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	data, err := charmap.Windows1251.NewEncoder().String("Фамилия;Имя;Отчество;Телефон;Дата рождения;Баланс\r\n" +
		"Иванова;Анна;Петровна;8 (916) 123-45-67;05.03.1990;100\r\n" +
		"Петров;Пётр;;+7 925 000-11-22;;0\r\n")
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "salon.db")
	var out bytes.Buffer
	if err := cmdImport([]string{"clients", "--db", db, tempFile(t, "клиенты.csv", []byte(data))}, &out); err != nil {
		t.Fatalf("%v\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Кодировка: Windows-1251", "Разделитель: точка с запятой (;)",
		"Эти столбцы не загружаются: Баланс", "Прочитано строк с клиентами: 2", "С ошибками: 0",
		"Добавлено клиентов: 2. Пропущено строк с ошибками: 0.")
	withStore(t, db, func(s *store.Store) {
		anna, err := s.ClientByPhone(context.Background(), "+79161234567")
		if err != nil || anna.FullName() != "Иванова Анна Петровна" || anna.BirthDate != model.NewDate(1990, 3, 5) {
			t.Errorf("Анна is stored as %+v, %v", anna, err)
		}
		petr, err := s.ClientByPhone(context.Background(), "+79250001122")
		if err != nil || petr.FullName() != "Петров Пётр" {
			t.Errorf("Пётр is stored as %+v, %v", petr, err)
		}
	})
}

func TestImportWithErrorsWritesNothing(t *testing.T) {
	i18n.SetLanguage("en")
	db := dbWithAnna(t)
	var out bytes.Buffer
	err := cmdImport([]string{"clients", "--db", db, tempFile(t, "clients.csv", []byte(mixedCSV))}, &out)
	if !errors.Is(err, clientio.ErrRefused) {
		t.Fatalf("got %v; want the import refused\n%s", err, out.String())
	}
	if msg := i18n.ErrorText(err); !strings.Contains(msg, "Nothing was imported: rows with errors — 3 of 4") {
		t.Errorf("the person reads %q", msg)
	}
	wantLines(t, out.String(), "Encoding: UTF-8", "Delimiter: comma (,)", "Client rows read: 4",
		"Without errors: 1", "With errors: 3",
		"line 3: A client with this phone is already in the database: Иванова Анна",
		"line 4: Wrong phone number: type it like +7 916 123-45-67",
		"line 5: This phone is already on line 2 of the file")
	if n := clientCount(t, db); n != 1 {
		t.Errorf("%d clients after a refused import; want only Анна", n)
	}
}

func TestImportOnlyGoodRows(t *testing.T) {
	i18n.SetLanguage("en")
	db := dbWithAnna(t)
	var out bytes.Buffer
	file := tempFile(t, "clients.csv", []byte(mixedCSV))
	if err := cmdImport([]string{"clients", "--db", db, "--only-good", file}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	wantLines(t, out.String(), "line 4: Wrong phone number: type it like +7 916 123-45-67",
		"Clients added: 1. Rows with errors skipped: 3.")
	withStore(t, db, func(s *store.Store) {
		olga, err := s.ClientByPhone(context.Background(), "+79160000002")
		if err != nil || olga.FullName() != "Smith Olga" || olga.Email != "olga@mail.ru" {
			t.Errorf("Olga is stored as %+v, %v", olga, err)
		}
		anna, _ := s.ClientByPhone(context.Background(), "+79160000001")
		if anna.FullName() != "Иванова Анна" {
			t.Errorf("Анна became %q", anna.FullName())
		}
	})
	if n := clientCount(t, db); n != 2 {
		t.Errorf("%d clients; want Анна and Olga", n)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	i18n.SetLanguage("en")
	db := dbWithAnna(t)
	file := tempFile(t, "clients.csv", []byte(mixedCSV))
	var out bytes.Buffer
	if err := cmdImport([]string{"clients", "--db", db, "--dry-run", "--only-good", file}, &out); err != nil {
		t.Fatal(err)
	}
	wantLines(t, out.String(), "line 3: A client with this phone is already in the database: Иванова Анна",
		"Dry run: nothing was written to the database.")
	if strings.Contains(out.String(), "Clients added") {
		t.Errorf("a dry run says it added clients:\n%s", out.String())
	}
	if n := clientCount(t, db); n != 1 {
		t.Errorf("%d clients after a dry run", n)
	}
	fresh := filepath.Join(t.TempDir(), "new.db")
	if err := cmdImport([]string{"clients", "--db", fresh, "--dry-run", file}, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dry run made the database file: %v", err)
	}
}

func TestImportTellsWhatIsWrongWithTheCommand(t *testing.T) {
	i18n.SetLanguage("en")
	db := filepath.Join(t.TempDir(), "salon.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"staff", "x.csv"}, `Unknown thing to import: "staff". You can import: clients`},
		{nil, `Unknown thing to import: "". You can import: clients`},
		{[]string{"clients", "--db", db}, "Name one file, CSV or Excel"},
		{[]string{"clients", "--db", db, filepath.Join(t.TempDir(), "missing.csv")}, "Could not open the file"},
		{[]string{"clients", "--db", db, tempFile(t, "p.csv", []byte("Phone\n+79160000001\n"))},
			"The file has no column with the client's name"},
	} {
		err := cmdImport(tc.args, &bytes.Buffer{})
		if msg := i18n.ErrorText(err); !strings.Contains(msg, tc.want) {
			t.Errorf("import %q: %q; want %q", tc.args, msg, tc.want)
		}
	}
	if err := cmdImport([]string{"clients", "--no-such-flag", "x.csv"}, &bytes.Buffer{}); err == nil {
		t.Error("an unknown flag was accepted")
	}
}

func TestExportCSVImportsIntoAnotherDatabase(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	src := dbWithAnna(t)
	withStore(t, src, func(s *store.Store) {
		c := model.Client{LastName: "Ёлкина", FirstName: "Вера", Email: "vera@mail.ru", Notes: "аллергия; латекс",
			BirthDate: model.NewDate(1988, 7, 12), Source: "maps", MarketingConsent: true}
		if err := s.CreateClient(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
	})
	file := filepath.Join(t.TempDir(), "клиенты.csv")
	var out bytes.Buffer
	if err := cmdExport([]string{"clients", "--db", src, "--out", file}, &out); err != nil {
		t.Fatal(err)
	}
	wantLines(t, out.String(), "Выгружено клиентов: 2 в файл "+file)
	data, _ := os.ReadFile(file)
	if !bytes.HasPrefix(data, []byte("\uFEFFФамилия;Имя;")) || !bytes.Contains(data, []byte("12.07.1988")) {
		t.Errorf("the file holds:\n%s", data)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	out.Reset()
	if err := cmdImport([]string{"clients", "--db", dst, file}, &out); err != nil {
		t.Fatalf("%v\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Кодировка: UTF-8 BOM", "Добавлено клиентов: 2. Пропущено строк с ошибками: 0.")
	withStore(t, dst, func(s *store.Store) {
		all, err := s.ExportClients(context.Background(), model.ClientQuery{})
		if err != nil || len(all) != 2 {
			t.Fatalf("%d clients, %v", len(all), err)
		}
		v := all[0]
		if v.FullName() != "Ёлкина Вера" || v.Email != "vera@mail.ru" || v.Notes != "аллергия; латекс" ||
			v.BirthDate != model.NewDate(1988, 7, 12) || v.Source != "maps" || !v.MarketingConsent {
			t.Errorf("Вера came back as %+v", v)
		}
		if all[1].FullName() != "Иванова Анна" || all[1].Phone != "+79160000001" {
			t.Errorf("Анна came back as %+v", all[1])
		}
	})
}

func TestExportJSONOfASearchToStdout(t *testing.T) {
	i18n.SetLanguage("en")
	db := dbWithAnna(t)
	withStore(t, db, func(s *store.Store) {
		c := model.Client{LastName: "Петрова", FirstName: "Мария"}
		if err := s.CreateClient(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
	})
	var out bytes.Buffer
	if err := cmdExport([]string{"clients", "--db", db, "--format", "json", "--search", "ивано"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"last_name": "Иванова"`) || strings.Contains(out.String(), "Петрова") {
		t.Errorf("printed:\n%s", out.String())
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"clients", "--db", db, "--format", "xml"}, `Unknown format "xml": use csv, xlsx or json`},
		{[]string{"clients", "--db", db, "--format", "xlsx"}, "An Excel workbook is written to a file: add --out"},
		{[]string{"visits"}, `Unknown thing to export: "visits". You can export: clients`},
		{[]string{"clients", "--db", db, "extra"}, "Unexpected words in the command: extra"},
	} {
		err := cmdExport(tc.args, &bytes.Buffer{})
		if msg := i18n.ErrorText(err); !strings.Contains(msg, tc.want) {
			t.Errorf("export %q: %q; want %q", tc.args, msg, tc.want)
		}
	}
}
