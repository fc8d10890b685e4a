package clientio

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book makes a workbook the way Excel or another CRM saves one: build
// fills the file's first sheet ("Sheet1") and any others it adds.
func book(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// put writes rows of cells from the cell at the top left; a nil cell is
// left empty.
func put(t testing.TB, f *excelize.File, sheet, topLeft string, rows ...[]any) {
	t.Helper()
	col, row, err := excelize.CellNameToCoordinates(topLeft)
	if err != nil {
		t.Fatal(err)
	}
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(col, row+i)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
}

// format shows the cells from..to in a number format: a built-in one by
// its number, or the custom code.
func format(t testing.TB, f *excelize.File, sheet, from, to string, id int, code string) {
	t.Helper()
	st := &excelize.Style{NumFmt: id}
	if code != "" {
		st = &excelize.Style{CustomNumFmt: &code}
	}
	style, err := f.NewStyle(st)
	if err == nil {
		err = f.SetCellStyle(sheet, from, to, style)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func merge(t testing.TB, f *excelize.File, sheet, from, to string) {
	t.Helper()
	if err := f.MergeCell(sheet, from, to); err != nil {
		t.Fatal(err)
	}
}

// rewrite replaces old with new in the file name of a workbook: how other
// programs store what excelize writes another way.
func rewrite(t testing.TB, data []byte, name, old, new string) []byte {
	t.Helper()
	return replaceFile(t, data, name, func(body []byte) []byte {
		if !bytes.Contains(body, []byte(old)) {
			t.Fatalf("%s has no %q:\n%s", name, old, body)
		}
		return []byte(strings.ReplaceAll(string(body), old, new))
	})
}

// replaceFile writes a workbook again with the file name changed by edit.
func replaceFile(t testing.TB, data []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, zf := range zr.File {
		body := fileIn(t, zf)
		if zf.Name == name {
			body = edit(body)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fileIn(t testing.TB, zf *zip.File) []byte {
	t.Helper()
	r, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// sheetXML is the XML of a workbook's first sheet.
func sheetXML(t testing.TB, data []byte) []byte {
	t.Helper()
	var out []byte
	replaceFile(t, data, firstSheet, func(body []byte) []byte { out = body; return body })
	return out
}

// firstSheet is where a workbook excelize makes keeps its first sheet.
const firstSheet = "xl/worksheets/sheet1.xml"

func parseBook(t *testing.T, data []byte, sheet string) *Import {
	t.Helper()
	imp, err := ParseWorkbook(bytes.NewReader(data), today, sheet)
	if err != nil {
		t.Fatalf("ParseWorkbook: %v", err)
	}
	return imp
}

// lines are the sheet rows the import read clients from.
func lines(imp *Import) []int {
	var out []int
	for _, r := range imp.Rows {
		out = append(out, r.Line)
	}
	return out
}
