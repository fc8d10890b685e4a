package clientio

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"companion/model"
)

const sheet1 = "Sheet1"

func TestWorkbookDatesKeptAsDates(t *testing.T) {
	born := time.Date(1990, 3, 5, 0, 0, 0, 0, time.UTC)
	data := book(t, func(f *excelize.File) {
		put(t, f, sheet1, "A1", []any{"ФИО", "Дата рождения"},
			[]any{"Анна", born},              // 2: a date as Excel keeps one typed
			[]any{"Вера", 32937.0},           // 3: the system's short date
			[]any{"Ольга", 32937},            // 4: dd.mm.yyyy
			[]any{"Нина", 32937},             // 5: a long Russian date in words
			[]any{"Ира", 32937.75},           // 6: a date and a time
			[]any{"Лена", "05.03.1990"},      // 7: a date typed as text
			[]any{"Катя", 32937},             // 8: a number, not shown as a date
			[]any{"Зоя", "1990-03-05T00:00"}, // 9: kept as text in ISO
		)
		format(t, f, sheet1, "B2", "B2", 0, "dd/mm/yyyy")
		format(t, f, sheet1, "B3", "B3", 14, "")
		format(t, f, sheet1, "B4", "B4", 0, "dd.mm.yyyy")
		format(t, f, sheet1, "B5", "B5", 0, `[$-419]d mmmm yyyy "г."`)
		format(t, f, sheet1, "B6", "B6", 22, "")
	})
	imp := parseBook(t, data, "")
	if len(imp.Rows) != 8 {
		t.Fatalf("%d rows", len(imp.Rows))
	}
	for _, r := range imp.Rows[:6] {
		if r.Client.BirthDate != model.NewDate(1990, 3, 5) || len(r.Errors) > 0 {
			t.Errorf("row %d (%s): born %s, %v", r.Line, r.Client.FirstName, r.Client.BirthDate, r.Err())
		}
	}
	if e := imp.Rows[6].Errors; len(e) != 1 || e[0].Key != model.ErrBadDate.Key || e[0].Args["Value"] != "32937" {
		t.Errorf("a number in the birth date column: %v", imp.Rows[6].Err())
	}
	if imp.Sheet != sheet1 || imp.HeaderRow != 1 || imp.Encoding != "" || imp.Delimiter != "" {
		t.Errorf("read as sheet %q header %d, %q %q", imp.Sheet, imp.HeaderRow, imp.Encoding, imp.Delimiter)
	}
}

func TestWorkbookDatesOfAMac(t *testing.T) {
	yes := true
	data := book(t, func(f *excelize.File) {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		put(t, f, sheet1, "A1", []any{"Имя", "ДР"}, []any{"Анна", 31475})
		format(t, f, sheet1, "B2", "B2", 14, "")
	})
	if got := parseBook(t, data, "").Rows[0].Client.BirthDate; got != model.NewDate(1990, 3, 5) {
		t.Errorf("born %s", got)
	}
}

func TestWorkbookPhonesKeptAsNumbers(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		put(t, f, sheet1, "A1", []any{"Фамилия", "Имя", "Телефон"},
			[]any{"Иванова", "Анна", 79161234567},
			[]any{"Петрова", "Вера", 9161234568.0},
			[]any{"Сидорова", "Ольга", 89161234569},
			[]any{"Козлова", "Нина", "+7 916 123-45-70"},
			[]any{"Орлова", "Ира", 1234.0}, // a wrong phone, read as 1234
			[]any{"Белова", "Зоя", 9161234571.0},
		)
		format(t, f, sheet1, "C4", "C4", 1, "") // "0"
	})
	// Other programs keep a float with an exponent.
	data = rewrite(t, data, "xl/worksheets/sheet1.xml", "<v>9161234571</v>", "<v>9.161234571E+9</v>")
	imp := parseBook(t, data, "")
	want := []string{"+79161234567", "+79161234568", "+79161234569", "+79161234570", "1234", "+79161234571"}
	for i, r := range imp.Rows {
		if r.Client.Phone != want[i] {
			t.Errorf("row %d: phone %q, want %q (%v)", r.Line, r.Client.Phone, want[i], r.Err())
		}
	}
	bad := imp.Bad()
	if len(bad) != 1 || bad[0].Line != 6 || bad[0].Errors[0].Key != "err.phone.invalid" || bad[0].Client.Phone != "1234" {
		t.Errorf("bad rows %+v", bad)
	}
}

func TestWorkbookTitleRowsAboveTheHeader(t *testing.T) {
	for titles, build := range map[int]func(f *excelize.File){
		1: func(f *excelize.File) {
			put(t, f, sheet1, "A1", []any{"Клиенты салона «Лотос»"})
			merge(t, f, sheet1, "A1", "D1")
		},
		2: func(f *excelize.File) {
			put(t, f, sheet1, "A1", []any{"Клиенты салона «Лотос»"}, []any{"Выгрузка из CRM от", time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
			merge(t, f, sheet1, "A1", "D1")
		},
	} {
		data := book(t, func(f *excelize.File) {
			build(f)
			put(t, f, sheet1, "A4", []any{"№", "ФИО", "Телефон", "Примечание"},
				[]any{1, "Иванова Анна", "89160000001", "VIP"},
				[]any{2, "Петрова Вера", nil, nil})
		})
		imp := parseBook(t, data, "")
		if imp.HeaderRow != 4 || !slices.Equal(lines(imp), []int{5, 6}) || len(imp.Bad()) != 0 {
			t.Fatalf("%d titles: header on %d, lines %v, bad %v", titles, imp.HeaderRow, lines(imp), imp.Bad())
		}
		if !slices.Equal(imp.Ignored, []string{"№"}) || imp.Rows[0].Client.Notes != "VIP" {
			t.Errorf("%d titles: ignored %q, first %+v", titles, imp.Ignored, imp.Rows[0].Client)
		}
	}
}

func TestWorkbookMergedAndEmptyCells(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		put(t, f, sheet1, "A1", []any{"ФИО", "Телефон", "Источник", "Комментарий"},
			[]any{"Иванова Анна", 79160000001, "Инстаграм", nil},
			[]any{"Петрова Вера", nil, nil, "Любит кофе"},
			[]any{"Сидорова Ольга", 79160000003},
			[]any{},
			[]any{"Козлова Нина"})
		merge(t, f, sheet1, "C2", "C4")
	})
	imp := parseBook(t, data, "")
	if !slices.Equal(lines(imp), []int{2, 3, 4, 6}) || len(imp.Bad()) != 0 {
		t.Fatalf("lines %v, bad %v", lines(imp), imp.Bad())
	}
	for i, want := range []string{"social", "social", "social", ""} {
		if got := imp.Rows[i].Client.Source; got != want {
			t.Errorf("row %d: source %q, want %q", imp.Rows[i].Line, got, want)
		}
	}
	if c := imp.Rows[1].Client; c.Phone != "" || c.Notes != "Любит кофе" {
		t.Errorf("Вера: %+v", c)
	}
}

func TestWorkbookHeaderMergedOverTwoRows(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		put(t, f, sheet1, "A1", []any{"ФИО", "Контакты"}, []any{nil, "Телефон"},
			[]any{"Иванова Анна", "89160000001"})
		merge(t, f, sheet1, "A1", "A2")
	})
	imp := parseBook(t, data, "")
	if imp.HeaderRow != 2 || !slices.Equal(lines(imp), []int{3}) || imp.Rows[0].Client.Phone != "+79160000001" {
		t.Errorf("header on %d, lines %v, rows %+v", imp.HeaderRow, lines(imp), imp.Rows)
	}
}

func TestWorkbookCellsOfOtherKinds(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		put(t, f, sheet1, "A1", []any{"Имя", "Согласие на рассылку", "Заметки"},
			[]any{"Анна", true, "'=СУММ(A1)"},
			[]any{"Вера", false, "-5 кг"},
			[]any{"Ольга", nil, 0.1})
	})
	imp := parseBook(t, data, "")
	if len(imp.Rows) != 3 || len(imp.Bad()) != 0 {
		t.Fatalf("rows %+v", imp.Rows)
	}
	a, v, o := imp.Rows[0].Client, imp.Rows[1].Client, imp.Rows[2].Client
	if !a.MarketingConsent || v.MarketingConsent || a.Notes != "'=СУММ(A1)" || v.Notes != "-5 кг" || o.Notes != "0.1" {
		t.Errorf("read %+v\n%+v\n%+v", a, v, o)
	}
}

func TestWorkbookPicksTheSheetWithClients(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		put(t, f, sheet1, "A1", []any{"Код", "Услуга", "Цена"}, []any{1, "Массаж", 2500})
		put(t, f, "Старые", "A1", []any{"ФИО", "Телефон"}, []any{"Старая Анна", "89160000009"})
		put(t, f, "Клиенты", "A2", []any{"ФИО", "Телефон", "Email"}, []any{"Иванова Анна", "89160000001", "a@b.ru"})
		f.NewSheet("Пусто")
	})
	imp := parseBook(t, data, "")
	if imp.Sheet != "Клиенты" || len(imp.Rows) != 1 || imp.Rows[0].Client.Email != "a@b.ru" {
		t.Errorf("read sheet %q: %+v", imp.Sheet, imp.Rows)
	}
	if imp = parseBook(t, data, " старые "); imp.Sheet != "Старые" || imp.Rows[0].Client.LastName != "Старая" {
		t.Errorf("asked for Старые, read %q: %+v", imp.Sheet, imp.Rows)
	}
}

func TestTwoSheetsOfClientsAreAskedAbout(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		f.SetSheetName(sheet1, "Клиенты 2024")
		put(t, f, "Клиенты 2024", "A1", []any{"ФИО", "Телефон"}, []any{"Иванова Анна", "89160000001"})
		put(t, f, "Клиенты 2025", "A1", []any{"Клиент", "Тел."}, []any{"Петрова Вера", "89160000002"})
	})
	_, err := ParseWorkbook(bytes.NewReader(data), today, "")
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Key != KeySheetChoice || !slices.Equal(fe.Args["Sheets"].([]string), []string{"Клиенты 2024", "Клиенты 2025"}) {
		t.Fatalf("got %#v", err)
	}
	if imp := parseBook(t, data, "Клиенты 2025"); imp.Rows[0].Client.LastName != "Петрова" {
		t.Errorf("read %+v", imp.Rows)
	}
	_, err = ParseWorkbook(bytes.NewReader(data), today, "Клиенты 2026")
	if !errors.As(err, &fe) || fe.Key != KeyNoSheet || fe.Args["Sheet"] != "Клиенты 2026" || len(fe.Args["Sheets"].([]string)) != 2 {
		t.Errorf("an unknown sheet: %#v", err)
	}
}

func TestWorkbooksThatCannotBeImported(t *testing.T) {
	tr := translations(t)
	for name, tc := range map[string]struct {
		file []byte
		key  string
	}{
		"no name column": {book(t, func(f *excelize.File) {
			put(t, f, sheet1, "A1", []any{"Телефон", "Email"}, []any{79160000001, "a@b.ru"})
		}), KeyNoNameColumn},
		"empty":      {book(t, func(*excelize.File) {}), KeyEmpty},
		"old excel":  {append(bytes.Clone(oleMagic), make([]byte, 512)...), KeyWorkbookOld},
		"broken zip": {[]byte("PK\x03\x04 not a workbook"), KeyWorkbookUnreadable},
		"not a zip":  {[]byte("ФИО;Телефон\n"), KeyWorkbookUnreadable},
		"nothing":    {nil, KeyWorkbookUnreadable},
		"packed too tight": {replaceFile(t, book(t, func(*excelize.File) {}), firstSheet, func(b []byte) []byte {
			return append(b, bytes.Repeat([]byte(" "), 20<<20)...)
		}), KeyWorkbookUnreadable},
		"endless rows": {book(t, func(f *excelize.File) {
			put(t, f, sheet1, "A1", []any{"ФИО"}, []any{"Анна"})
			put(t, f, sheet1, "A200001", []any{"Вера"})
		}), KeyTooManyRows},
	} {
		_, err := ParseWorkbook(bytes.NewReader(tc.file), today, "")
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Key != tc.key {
			t.Errorf("%s: got %v, want %s", name, err, tc.key)
			continue
		}
		if tr["ru"][fe.Key] == "" || tr["en"][fe.Key] == "" {
			t.Errorf("%s: %s is not translated", name, fe.Key)
		}
	}
	big := append(bytes.Clone(zipMagic), make([]byte, MaxFileSize)...)
	if _, err := ParseWorkbook(bytes.NewReader(big), today, ""); err == nil || err.(*model.FieldError).Key != KeyTooBig {
		t.Errorf("a big file: %v", err)
	}
}

func TestParseFileTellsAWorkbookFromCSV(t *testing.T) {
	data := book(t, func(f *excelize.File) { put(t, f, sheet1, "A1", []any{"ФИО"}, []any{"Анна"}) })
	imp, err := ParseFile(bytes.NewReader(data), today, "")
	if err != nil || imp.Sheet != sheet1 || len(imp.Rows) != 1 {
		t.Errorf("a workbook: %+v, %v", imp, err)
	}
	imp, err = ParseFile(strings.NewReader("ФИО;Телефон\nАнна;89160000001\n"), today, "ignored")
	if err != nil || imp.Sheet != "" || imp.Delimiter != ";" || len(imp.Rows) != 1 {
		t.Errorf("a CSV file: %+v, %v", imp, err)
	}
	_, err = ParseFile(bytes.NewReader(append(bytes.Clone(oleMagic), 0)), today, "")
	if fe, ok := err.(*model.FieldError); !ok || fe.Key != KeyWorkbookOld {
		t.Errorf("an .xls file: %v", err)
	}
}

func TestCustomDateFormats(t *testing.T) {
	for code, want := range map[string]bool{
		"dd.mm.yyyy": true, "d mmmm yyyy": true, "mm/yy": true, "[$-419]d mmm": true, "yyyy": true,
		"h:mm": false, "[h]:mm:ss": false, "mm:ss": false, "0": false, "General": false, "@": false,
		`0 "дней"`: false, `# ##0 "руб."`: false, "[Red]0.00": false, `0\d`: false, "0.00E+00": false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v", code, got)
		}
	}
	for x, want := range map[float64]string{9161234567: "9161234567", 79161234567: "79161234567", 0.1: "0.1",
		0.1 + 0.2: "0.3", 1e20: "100000000000000000000", -5: "-5"} {
		if got := digits(x); got != want {
			t.Errorf("digits(%v) = %q, want %q", x, got, want)
		}
	}
}
