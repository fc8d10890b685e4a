package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
)

// workbookFile saves a workbook build fills as name in a fresh folder.
func workbookFile(t *testing.T, name string, build func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return tempFile(t, name, b.Bytes())
}

func setRows(t *testing.T, f *excelize.File, sheet, topLeft string, rows ...[]any) {
	t.Helper()
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		f.NewSheet(sheet)
	}
	_, row, _ := excelize.CellNameToCoordinates(topLeft)
	col := topLeft[:1]
	for i, r := range rows {
		if err := f.SetSheetRow(sheet, fmt.Sprintf("%s%d", col, row+i), &r); err != nil {
			t.Fatal(err)
		}
	}
}

func TestImportAWorkbookFromExcel(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	file := workbookFile(t, "клиенты.xlsx", func(f *excelize.File) {
		f.SetSheetName("Sheet1", "Клиенты")
		setRows(t, f, "Клиенты", "A1", []any{"Клиенты салона на 27.11.2026"}, []any{},
			[]any{"ФИО", "Телефон", "Дата рождения", "Баланс"},
			[]any{"Иванова Анна Петровна", 79161234567, time.Date(1990, 3, 5, 0, 0, 0, 0, time.UTC), 100},
			[]any{"Петров Пётр", 9250001122.0, nil, 0})
		f.MergeCell("Клиенты", "A1", "D1")
		setRows(t, f, "Услуги", "A1", []any{"Услуга", "Цена"}, []any{"Массаж", 2500})
	})
	db := filepath.Join(t.TempDir(), "salon.db")
	var out bytes.Buffer
	if err := cmdImport([]string{"clients", "--db", db, file}, &out); err != nil {
		t.Fatalf("%v\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Лист: Клиенты, заголовки столбцов в строке 3", "Эти столбцы не загружаются: Баланс",
		"Прочитано строк с клиентами: 2", "С ошибками: 0", "Добавлено клиентов: 2. Пропущено строк с ошибками: 0.")
	if strings.Contains(out.String(), "Кодировка") {
		t.Errorf("a workbook's report names an encoding:\n%s", out.String())
	}
	withStore(t, db, func(s *store.Store) {
		anna, err := s.ClientByPhone(context.Background(), "+79161234567")
		if err != nil || anna.FullName() != "Иванова Анна Петровна" || anna.BirthDate != model.NewDate(1990, 3, 5) {
			t.Errorf("Анна is stored as %+v, %v", anna, err)
		}
		if petr, err := s.ClientByPhone(context.Background(), "+79250001122"); err != nil || petr.FirstName != "Пётр" {
			t.Errorf("Пётр is stored as %+v, %v", petr, err)
		}
	})
}

func TestAWorkbookWithoutANameColumnWritesNothing(t *testing.T) {
	i18n.SetLanguage("en")
	db := dbWithAnna(t)
	file := workbookFile(t, "phones.xlsx", func(f *excelize.File) {
		setRows(t, f, "Sheet1", "A1", []any{"Phone", "Email"}, []any{79160000002, "a@b.ru"})
	})
	var out bytes.Buffer
	err := cmdImport([]string{"clients", "--db", db, file}, &out)
	if msg := i18n.ErrorText(err); !strings.HasPrefix(msg, "The file has no column with the client's name") {
		t.Errorf("the person reads %q", msg)
	}
	if n := clientCount(t, db); n != 1 {
		t.Errorf("%d clients after a refused workbook; want only Анна", n)
	}
}

func TestImportAsksWhichSheetWhenTwoHoldClients(t *testing.T) {
	i18n.SetLanguage("en")
	file := workbookFile(t, "two.xlsx", func(f *excelize.File) {
		f.SetSheetName("Sheet1", "2024")
		setRows(t, f, "2024", "A1", []any{"Name", "Phone"}, []any{"Alice Brown", "+442079460958"})
		setRows(t, f, "2025", "A1", []any{"Full name", "Mobile"}, []any{"Olga Smith", "89160000002"})
	})
	db := filepath.Join(t.TempDir(), "salon.db")
	err := cmdImport([]string{"clients", "--db", db, file}, &bytes.Buffer{})
	if msg := i18n.ErrorText(err); !strings.HasPrefix(msg, `Clients are on several sheets of the workbook: "2024", "2025". Say which one`) {
		t.Errorf("the person reads %q", msg)
	}
	var out bytes.Buffer
	if err := cmdImport([]string{"clients", "--db", db, "--sheet", "2025", file}, &out); err != nil {
		t.Fatalf("%v\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Sheet: 2025, column titles on row 1", "Clients added: 1. Rows with errors skipped: 0.")
	err = cmdImport([]string{"clients", "--db", db, "--sheet", "2026", file}, &bytes.Buffer{})
	if msg := i18n.ErrorText(err); msg != `The workbook has no sheet "2026". Its sheets: "2024", "2025"` {
		t.Errorf("an unknown sheet: %q", msg)
	}
}

// exported is what an export carries of each client of a database.
func exported(t *testing.T, db string) []string {
	t.Helper()
	var out []string
	withStore(t, db, func(s *store.Store) {
		cs, err := s.ExportClients(context.Background(), model.ClientQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%q %q %q %s %s %s %s %q %v %q", c.LastName, c.FirstName, c.MiddleName,
				c.Phone, c.Email, c.BirthDate, c.Source, c.Tags, c.MarketingConsent, c.Notes))
		}
	})
	return out
}

func TestExportXLSXOfTheDemoImportsBack(t *testing.T) {
	i18n.SetLanguage("en")
	src := filepath.Join(t.TempDir(), "demo.db")
	if err := cmdDemo([]string{"--db", src, "--clients", "60"}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "clients.xlsx")
	var out bytes.Buffer
	if err := cmdExport([]string{"clients", "--db", src, "--format", "xlsx", "--out", file}, &out); err != nil {
		t.Fatal(i18n.ErrorText(err))
	}
	wantLines(t, out.String(), "Clients exported: 60 to "+file)
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Clients")
	f.Close()
	if len(rows) != 61 || rows[0][0] != "Last name" {
		t.Fatalf("the workbook holds %d rows, the first %q", len(rows), rows[0])
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	out.Reset()
	if err := cmdImport([]string{"clients", "--db", dst, file}, &out); err != nil {
		t.Fatalf("%v\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Sheet: Clients, column titles on row 1", "Clients added: 60. Rows with errors skipped: 0.")
	was, back := exported(t, src), exported(t, dst)
	if strings.Join(was, "\n") != strings.Join(back, "\n") {
		t.Errorf("the demo clients came back otherwise:\nwas  %q\nback %q", was, back)
	}
	// A file named .xlsx is a workbook without --format too.
	named := filepath.Join(t.TempDir(), "named.XLSX")
	if err := cmdExport([]string{"clients", "--db", src, "--out", named}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if f, err := excelize.OpenFile(named); err != nil {
		t.Errorf("%s is not a workbook: %v", named, err)
	} else {
		f.Close()
	}
}
