package reports

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"companion/model"
	"companion/model/i18n"
)

// Where the client workbook's columns of clientHeaders need more than text.
const (
	phoneCol = 3 // kept as text: Excel would drop the plus and show 7,92E+10
	birthCol = 5 // a real date, which Excel sorts and filters by
	notesCol = 9 // long and on several lines: wrapped
)

// Column widths of the client workbook, in Excel's characters.
const (
	minColWidth = 8
	maxColWidth = 60
)

// dateFormats are how the client workbook shows a date, by language: as
// the window and the CSV write it.
var dateFormats = map[string]string{"ru": "dd.mm.yyyy", "en": "yyyy-mm-dd"}

// WriteClientsXLSX writes clients as an Excel workbook for a person to open:
// the columns of WriteClientsCSV on one sheet, their titles in bold, frozen
// above the rows and with a filter; a birth date as a date, a phone as
// text, every column as wide as what it holds. Titles, dates and words are
// in the language lang, as in WriteClientsCSV. model/clientio reads it
// back.
func WriteClientsXLSX(w io.Writer, cs []model.Client, lang string) error {
	words := i18n.In(lang)
	f := excelize.NewFile()
	defer f.Close()
	sheet := words.T("xlsx.sheet.clients")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	header := clientHeaders[words.Lang()]
	widths := make([]int, len(header))
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i], widths[i] = h, textWidth(h)+2 // room for the filter's button
	}
	if err := f.SetSheetRow(sheet, "A1", &cells); err != nil {
		return err
	}
	for i := range cs {
		row := clientCells(&cs[i], words)
		for j, v := range row {
			if s, ok := v.(string); ok {
				widths[j] = max(widths[j], textWidth(s))
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	widths[birthCol] = max(widths[birthCol], len(dateFormats[words.Lang()]))
	if err := styleClientSheet(f, sheet, words.Lang(), len(cs), widths); err != nil {
		return err
	}
	return f.Write(w)
}

// clientCells are a client's cells in the columns of clientHeaders. Text is
// written as it is: a cell of text is never run as a formula, so it needs
// no guarding quote.
func clientCells(c *model.Client, w i18n.Words) []any {
	rec := clientRecord(c, w)
	out := make([]any, len(rec))
	for i, s := range rec {
		out[i] = s
	}
	out[0], out[1], out[2], out[4] = c.LastName, c.FirstName, c.MiddleName, c.Email
	out[7], out[notesCol] = c.Tags, strings.ReplaceAll(c.Notes, "\r\n", "\n")
	for i, v := range out {
		if v == "" {
			out[i] = nil // an empty cell, not an empty text
		}
	}
	out[birthCol] = nil
	if !c.BirthDate.IsZero() {
		out[birthCol] = c.BirthDate.Time()
	}
	return out
}

// textWidth is how many characters wide a text shows: its longest line.
func textWidth(s string) int {
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		n = max(n, utf8.RuneCountInString(line))
	}
	return n
}

// styleClientSheet sets the client sheet's looks: the header's row, the
// columns' formats and widths, the frozen header and its filter.
func styleClientSheet(f *excelize.File, sheet, lang string, n int, widths []int) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	dateFmt := dateFormats[lang]
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for col, style := range map[int]int{phoneCol: text, birthCol: date, notesCol: wrap} {
		name, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.SetColStyle(sheet, name, style); err != nil {
			return err
		}
	}
	if err := f.SetRowStyle(sheet, 1, 1, bold); err != nil {
		return err
	}
	for i, wd := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, float64(min(max(wd+1, minColWidth), maxColWidth))); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(widths), n+1)
	if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "Companion"}); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
