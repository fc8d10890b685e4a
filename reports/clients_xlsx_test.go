package reports

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"companion/model"
	"companion/model/clientio"
)

// clientsBook writes cs as a workbook in lang and opens it again.
func clientsBook(t *testing.T, cs []model.Client, lang string) (*excelize.File, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteClientsXLSX(&b, cs, lang); err != nil {
		t.Fatal(err)
	}
	data := bytes.Clone(b.Bytes())
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, data
}

// numFmt is the number format of a cell: a built-in one's number, or a
// custom one's code.
func numFmt(t *testing.T, f *excelize.File, sheet, cell string) (int, string) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return st.NumFmt, *st.CustomNumFmt
	}
	return st.NumFmt, ""
}

func TestClientsXLSXIsAWorkbookExcelOpens(t *testing.T) {
	f, data := clientsBook(t, sampleClients(), "ru")
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Клиенты"}) {
		t.Fatalf("sheets %q", got)
	}
	const sh = "Клиенты"
	rows, _ := f.GetRows(sh)
	if len(rows) != 4 || !slices.Equal(rows[0], clientHeaders["ru"]) {
		t.Fatalf("rows %q", rows)
	}
	if id, _ := f.GetCellStyle(sh, "A1"); id == 0 {
		t.Error("the header is not in bold")
	} else if st, _ := f.GetStyle(id); st.Font == nil || !st.Font.Bold {
		t.Errorf("the header's font is %+v", st.Font)
	}
	// A phone is text, in a column kept as text.
	if typ, _ := f.GetCellType(sh, "D2"); typ != excelize.CellTypeSharedString {
		t.Errorf("the phone is stored as %v", typ)
	}
	if v, _ := f.GetCellValue(sh, "D2"); v != "+7 916 123-45-67" {
		t.Errorf("the phone reads %q", v)
	}
	if id, _ := numFmt(t, f, sh, "D2"); id != 49 {
		t.Errorf("the phone's column has the format %d, not text", id)
	}
	// A birth date is a date: Excel's day number, shown as a date.
	raw, _ := f.GetCellValue(sh, "F2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue(sh, "F2")
	if _, code := numFmt(t, f, sh, "F2"); raw != "32937" || shown != "05.03.1990" || code != "dd.mm.yyyy" {
		t.Errorf("the birth date is %q shown as %q (%q)", raw, shown, code)
	}
	// Text that looks like a formula stays text.
	if v, _ := f.GetCellValue(sh, "A3"); v != "=СУММ(A1)" {
		t.Errorf("A3 reads %q", v)
	}
	if formula, _ := f.GetCellFormula(sh, "A3"); formula != "" {
		t.Errorf("A3 became the formula %q", formula)
	}
	if panes, _ := f.GetPanes(sh); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header is not frozen: %+v", panes)
	}
	// Every column is as wide as its longest line, within bounds.
	for col, longest := range map[string]int{"A": len([]rune("=СУММ(A1)")), "D": len("+7 916 123-45-67"),
		"J": len([]rune("Звонить после \"18:00\"")), "F": len("dd.mm.yyyy")} {
		if w, _ := f.GetColWidth(sh, col); w < float64(longest) || w > maxColWidth {
			t.Errorf("column %s is %.0f wide for %d characters", col, w, longest)
		}
	}
	if _, again := clientsBook(t, sampleClients(), "ru"); !bytes.Equal(data, again) {
		t.Error("the same clients give another file the second time")
	}
}

func TestClientsXLSXInEnglish(t *testing.T) {
	f, _ := clientsBook(t, sampleClients()[:1], "en")
	rows, _ := f.GetRows("Clients")
	if len(rows) != 2 || !slices.Equal(rows[0], clientHeaders["en"]) {
		t.Fatalf("rows %q", rows)
	}
	if shown, _ := f.GetCellValue("Clients", "F2"); shown != "1990-03-05" {
		t.Errorf("the birth date shows as %q", shown)
	}
	if v, _ := f.GetCellValue("Clients", "G2"); v != "Social media" {
		t.Errorf("the source reads %q", v)
	}
}

func TestExportedXLSXImportsBack(t *testing.T) {
	for _, lang := range []string{"ru", "en"} {
		var b bytes.Buffer
		cs := sampleClients()
		if err := WriteClientsXLSX(&b, cs, lang); err != nil {
			t.Fatal(err)
		}
		imp, err := clientio.ParseWorkbook(&b, today, "")
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(imp.Rows) != len(cs) || len(imp.Bad()) != 0 || len(imp.Ignored) != 0 || imp.HeaderRow != 1 {
			t.Fatalf("%s: %d rows, bad %v, ignored %q, header on %d", lang, len(imp.Rows), imp.Bad(), imp.Ignored, imp.HeaderRow)
		}
		for i, r := range imp.Rows {
			if got, want := fingerprint(r.Client), fingerprint(cs[i]); got != want {
				t.Errorf("%s, client %d:\n got %s\nwant %s", lang, i, got, want)
			}
		}
	}
}

func TestNoClientsGiveAHeaderOnly(t *testing.T) {
	f, _ := clientsBook(t, nil, "ru")
	if rows, _ := f.GetRows("Клиенты"); len(rows) != 1 {
		t.Errorf("rows %q", rows)
	}
}
