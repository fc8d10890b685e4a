package clientio

import (
	"bytes"
	"errors"
	"testing"

	"github.com/xuri/excelize/v2"

	"companion/model"
	"companion/reports"
)

// FuzzReadWorkbook feeds the workbook reader any bytes, starting from
// small workbooks of the shapes salons keep: it must never panic, refuse a
// file only with a translated message, keep every row it returns
// consistent, and read the good clients back the same from the
// workbook an export makes of them. Bytes that are not a ZIP are taken
// for the XML of the first sheet of a workbook with a date style: a
// sheet's cells are where real files differ, and a ZIP changed at random
// mostly fails its checksum.
func FuzzReadWorkbook(f *testing.F) {
	simple := book(f, func(x *excelize.File) {
		put(f, x, sheet1, "A1", []any{"ФИО", "Телефон", "Дата рождения", "Согласие на рассылку"},
			[]any{"Иванова Анна", 79161234567, 32937, true}, []any{"Петрова Вера", 9161234568.0, "05.03.1990", "нет"},
			[]any{"Сидорова", "123", 1.5, "может быть"})
		format(f, x, sheet1, "C2", "C2", 14, "")
	})
	titled := book(f, func(x *excelize.File) {
		put(f, x, sheet1, "A1", []any{"Клиенты салона"}, []any{nil}, []any{"Фамилия", "Имя", "Источник", "Email"},
			[]any{"Орлова", "Нина", "Инстаграм", "n@mail.ru"}, []any{"Белова", "Зоя", nil, "'=1"})
		merge(f, x, sheet1, "A1", "D1")
		merge(f, x, sheet1, "C4", "C5")
		put(f, x, "Клиенты 2", "B2", []any{"Name", "Phone"}, []any{"Alice Brown", "+442079460958"})
	})
	for _, seed := range [][]byte{simple, titled, sheetXML(f, simple), sheetXML(f, titled), []byte("PK\x03\x04")} {
		f.Add(seed)
	}
	tr := translations(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, zipMagic) {
			data = replaceFile(t, simple, firstSheet, func([]byte) []byte { return data })
		}
		imp, err := ParseWorkbook(bytes.NewReader(data), today, "")
		if err != nil {
			var fe *model.FieldError
			if !errors.As(err, &fe) || tr["ru"][fe.Key] == "" || tr["en"][fe.Key] == "" {
				t.Fatalf("refused with %v, which has no translation", err)
			}
			return
		}
		if imp.Sheet == "" || imp.HeaderRow < 1 || imp.Encoding != "" || imp.Delimiter != "" {
			t.Fatalf("read sheet %q, header on %d, as %q %q", imp.Sheet, imp.HeaderRow, imp.Encoding, imp.Delimiter)
		}
		checkRows(t, imp, tr, imp.HeaderRow)
		checkWorkbookRoundTrip(t, imp)
	})
}

// checkWorkbookRoundTrip exports the good clients as a workbook and reads
// it again: nothing may be lost or changed on the way.
func checkWorkbookRoundTrip(t *testing.T, imp *Import) {
	var good []model.Client
	for _, c := range imp.Good() {
		good = append(good, *c)
	}
	if len(good) == 0 {
		return
	}
	for _, lang := range []string{"ru", "en"} {
		var b bytes.Buffer
		if err := reports.WriteClientsXLSX(&b, good, lang); err != nil {
			t.Fatal(err)
		}
		back, err := ParseWorkbook(&b, today, "")
		if err != nil || len(back.Rows) != len(good) {
			t.Fatalf("%s export of %d clients reads back as %v, %v", lang, len(good), back, err)
		}
		for i, r := range back.Rows {
			if r.Client != good[i] || len(r.Errors) > 0 {
				t.Fatalf("%s: client %d\n was %#v\n back %#v %v", lang, i, good[i], r.Client, r.Err())
			}
		}
	}
}
