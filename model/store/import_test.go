package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/clientio"
)

// importNow is the salon's clock in the import tests.
var importNow = time.Date(2026, time.November, 27, 10, 0, 0, 0, time.UTC)

func openImportStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "salon.db"), WithClock(func() time.Time { return importNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func parseCSV(t *testing.T, s *Store, csv string) *clientio.Import {
	t.Helper()
	imp, err := clientio.Parse(strings.NewReader(csv), s.Today())
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

func count(t *testing.T, s *Store) int64 {
	t.Helper()
	n, err := s.CountClients(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

const mixedFile = "ФИО;Телефон\n" +
	"Смирнова Ольга;+7 916 000-00-02\n" + // 2: good
	"Анна Другая;8 916 000 00 01\n" + // 3: phone of a client in the database
	"Вера;123\n" // 4: bad phone

func seedAnna(t *testing.T, s *Store) {
	t.Helper()
	if err := s.CreateClient(context.Background(), &model.Client{LastName: "Иванова", FirstName: "Анна",
		Phone: "+79160000001"}); err != nil {
		t.Fatal(err)
	}
}

func TestImportWritesTheClients(t *testing.T) {
	s := openImportStore(t)
	ctx := context.Background()
	imp := parseCSV(t, s, "Фамилия;Имя;Телефон;Email;Заметки\n"+
		"Иванова;Анна;89160000001;anna@mail.ru;любит чай\nПетрова;Мария;;;\nСидоров;Иван;+7 925 111-22-33;;\n")
	res, err := s.ImportClients(ctx, imp, false)
	if err != nil || res != (ImportResult{Added: 3}) {
		t.Fatalf("import: %+v, %v", res, err)
	}
	if n := count(t, s); n != 3 {
		t.Fatalf("%d clients in the database", n)
	}
	anna, err := s.ClientByPhone(ctx, "+79160000001")
	if err != nil || anna.FullName() != "Иванова Анна" || anna.Email != "anna@mail.ru" || anna.Notes != "любит чай" {
		t.Fatalf("Анна is stored as %+v, %v", anna, err)
	}
	if imp.Rows[0].Client.ID != anna.ID {
		t.Errorf("the import's row has ID %d, the database %d", imp.Rows[0].Client.ID, anna.ID)
	}
	rows, err := s.ListClients(ctx, model.ClientQuery{Text: "иван"})
	if err != nil || len(rows) != 2 {
		t.Errorf("search 'иван' after import: %v, %v", rows, err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := openImportStore(t)
	seedAnna(t, s)
	imp := parseCSV(t, s, mixedFile)
	res, err := s.ImportClients(context.Background(), imp, false)
	if !errors.Is(err, clientio.ErrRefused) || res.Added != 0 {
		t.Fatalf("got %+v, %v; want the import refused", res, err)
	}
	var fe *model.FieldError
	if errors.As(err, &fe); fe.Args["Bad"] != 2 || fe.Args["Total"] != 3 {
		t.Errorf("refusal counts %v", fe.Args)
	}
	if n := count(t, s); n != 1 {
		t.Fatalf("%d clients after a refused import; want only Анна", n)
	}
	exists := imp.Rows[1].Errors
	if len(exists) != 1 || exists[0].Key != clientio.KeyExists || exists[0].Args["Name"] != "Иванова Анна" {
		t.Errorf("row of line %d: %v", imp.Rows[1].Line, imp.Rows[1].Err())
	}
}

func TestImportOnlyGoodSkipsTheBadRows(t *testing.T) {
	s := openImportStore(t)
	ctx := context.Background()
	seedAnna(t, s)
	imp := parseCSV(t, s, mixedFile)
	res, err := s.ImportClients(ctx, imp, true)
	if err != nil || res != (ImportResult{Added: 1, Skipped: 2}) {
		t.Fatalf("got %+v, %v", res, err)
	}
	olga, err := s.ClientByPhone(ctx, "+79160000002")
	if err != nil || olga.FullName() != "Смирнова Ольга" {
		t.Errorf("Ольга: %+v, %v", olga, err)
	}
	anna, _ := s.ClientByPhone(ctx, "+79160000001")
	if anna.FullName() != "Иванова Анна" || count(t, s) != 2 {
		t.Errorf("Анна became %q; %d clients", anna.FullName(), count(t, s))
	}
}

func TestCheckImportMarksARowOnce(t *testing.T) {
	s := openImportStore(t)
	seedAnna(t, s)
	imp := parseCSV(t, s, mixedFile)
	for i := 0; i < 2; i++ {
		if err := s.CheckImport(context.Background(), imp); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(imp.Rows[1].Errors); n != 1 {
		t.Errorf("%d errors on the row: %v", n, imp.Rows[1].Err())
	}
}

func TestExportClientsInNameOrder(t *testing.T) {
	s := openImportStore(t)
	ctx := context.Background()
	var batch []*model.Client
	for i := 1200; i > 0; i-- {
		batch = append(batch, &model.Client{LastName: fmt.Sprintf("Клиент%04d", i), FirstName: "Анна",
			Phone: fmt.Sprintf("+7916%07d", i), Notes: fmt.Sprintf("заметка %d", i)})
	}
	batch = append(batch, &model.Client{LastName: "Ёлкина", FirstName: "Вера", Email: "vera@mail.ru",
		BirthDate: model.NewDate(1990, 3, 5)})
	if err := s.CreateClients(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(ctx, batch[0].ID, true); err != nil {
		t.Fatal(err)
	}
	all, err := s.ExportClients(ctx, model.ClientQuery{})
	if err != nil || len(all) != 1200 {
		t.Fatalf("exported %d, %v; want 1200 (one archived)", len(all), err)
	}
	if v := all[0]; v.FullName() != "Ёлкина Вера" || v.Email != "vera@mail.ru" || v.BirthDate != model.NewDate(1990, 3, 5) {
		t.Errorf("first client (ё sorts as е) %+v", v)
	}
	if all[1].LastName != "Клиент0001" || all[1].Notes != "заметка 1" || all[1199].LastName != "Клиент1199" {
		t.Errorf("order: second %q %q, last %q", all[1].LastName, all[1].Notes, all[1199].LastName)
	}
	found, err := s.ExportClients(ctx, model.ClientQuery{Text: "елкина"})
	if err != nil || len(found) != 1 || found[0].FirstName != "Вера" {
		t.Errorf("search export: %v, %v", found, err)
	}
}
