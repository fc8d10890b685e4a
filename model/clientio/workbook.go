package clientio

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"companion/model"
)

// Message keys of reading a workbook, translated in
// assets/translations/xlsx.*.json.
const (
	KeyWorkbookUnreadable = "xlsx.err.unreadable"
	KeyWorkbookOld        = "xlsx.err.old"
	KeyNoSheet            = "xlsx.err.no_sheet"
	KeySheetChoice        = "xlsx.err.sheet_choice"
	KeyTooManyRows        = "xlsx.err.too_many_rows"
)

// MaxSheetRows is the last row of a sheet ParseWorkbook reads: ten times a
// large salon's list. A sheet that goes further is refused, not loaded.
const MaxSheetRows = 200_000

// maxColumns is where a sheet's columns stop being read: Excel 2003's
// limit, far to the right of any client list.
const maxColumns = 256

// headerRows is how many filled rows at the top of a sheet may hold its
// header: a title or two, a date, the header.
const headerRows = 10

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// IsWorkbook reports whether a file that starts with head is an Excel
// workbook: a new one (.xlsx, a ZIP) or an old one (.xls, or an .xlsx
// under a password), whatever its name says.
func IsWorkbook(head []byte) bool {
	return bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, oleMagic)
}

// ParseFile reads a client list kept as CSV or as an Excel workbook, told
// apart by the file's first bytes; sheet names the workbook's sheet to read
// ("" to find it, see ParseWorkbook).
func ParseFile(r io.Reader, today model.Date, sheet string) (*Import, error) {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(oleMagic)); IsWorkbook(head) {
		return ParseWorkbook(br, today, sheet)
	}
	return Parse(br, today)
}

// ParseWorkbook reads a client list from an Excel workbook (.xlsx) with the
// columns, checks and report of Parse; a row's Line is its row on the sheet.
// It reads the sheet named sheet or, when sheet is "", the one whose header
// names the most client columns, and refuses with their names when two name
// as many. The header may stand under a title: it is the row among the
// sheet's first filled ones that names the most client columns. A date kept
// as a date reads as that date, a phone kept as a number as its digits, and
// a merged cell gives its value to every cell it covers.
func ParseWorkbook(r io.Reader, today model.Date, sheet string) (imp *Import, err error) {
	defer func() {
		// excelize trusts the file it reads; one it trips over is refused
		// with a sentence rather than taking the window down with it.
		if recover() != nil {
			imp, err = nil, &model.FieldError{Key: KeyWorkbookUnreadable}
		}
	}()
	wb, err := openWorkbook(r)
	if err != nil {
		return nil, err
	}
	defer wb.f.Close()
	name, err := wb.choose(sheet)
	if err != nil {
		return nil, err
	}
	grid, err := wb.read(name, 0)
	if err != nil {
		return nil, err
	}
	wb.resolve(name, grid)
	grid = wb.spread(name, grid)
	h := findHeader(grid)
	if len(grid) == 0 {
		return nil, &model.FieldError{Key: KeyEmpty}
	}
	if h.score == 0 {
		return nil, &model.FieldError{Key: KeyNoNameColumn}
	}
	recs, lines := records(grid, h)
	imp = &Import{Ignored: h.ignored, Sheet: name, HeaderRow: h.index + 1}
	imp.fill(h.cols, recs, lines, today)
	return imp, nil
}

// workbook reads the sheets of one open file.
type workbook struct {
	f        *excelize.File
	date1904 bool         // the Mac's old dates, counted from 1904
	dates    map[int]bool // whether a style shows a date, by its number
}

func openWorkbook(r io.Reader) (*workbook, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, &model.FieldError{Key: KeyTooBig, Args: map[string]any{"MB": MaxFileSize >> 20}}
	}
	if bytes.HasPrefix(data, oleMagic) {
		return nil, &model.FieldError{Key: KeyWorkbookOld}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit(len(data))})
	if err != nil {
		return nil, &model.FieldError{Key: KeyWorkbookUnreadable}
	}
	wb := &workbook{f: f, dates: map[int]bool{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.date1904 = *props.Date1904
	}
	return wb, nil
}

// unzipLimit is how much a workbook of size bytes may unzip to: a sheet's
// XML packs ten or twenty times, and far more only in a file made to fill
// the memory of the program that opens it.
func unzipLimit(size int) int64 {
	return min(16*MaxFileSize, 16<<20+100*int64(size))
}

// choose names the sheet to read: the one asked for, or the one whose
// header names the most client columns.
func (wb *workbook) choose(want string) (string, error) {
	names := wb.f.GetSheetList()
	if want != "" {
		for _, n := range names {
			if strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(want)) {
				return n, nil
			}
		}
		return "", &model.FieldError{Key: KeyNoSheet, Args: map[string]any{"Sheet": want, "Sheets": names}}
	}
	var best []string
	var firstErr error
	top, filled := 0, false
	for _, n := range names {
		grid, err := wb.read(n, headerRows)
		if err != nil {
			firstErr = cmpOr(firstErr, err)
			continue
		}
		filled = filled || len(grid) > 0
		switch h := findHeader(grid); {
		case h.score > top:
			top, best = h.score, []string{n}
		case h.score == top && top > 0:
			best = append(best, n)
		}
	}
	switch {
	case len(best) == 1:
		return best[0], nil
	case len(best) > 1:
		return "", &model.FieldError{Key: KeySheetChoice, Args: map[string]any{"Sheets": best}}
	case firstErr != nil:
		return "", firstErr
	case !filled:
		return "", &model.FieldError{Key: KeyEmpty}
	}
	return "", &model.FieldError{Key: KeyNoNameColumn}
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// read returns a sheet's cells as the file keeps them, by row: grid[0] is
// row 1, a blank row is nil. It stops after the limit-th filled row
// (0: at the end).
func (wb *workbook) read(name string, limit int) ([][]string, error) {
	unreadable := &model.FieldError{Key: KeyWorkbookUnreadable}
	rows, err := wb.f.Rows(name)
	if err != nil {
		return nil, unreadable
	}
	defer rows.Close()
	var grid [][]string
	filled := 0
	for n := 1; rows.Next(); n++ {
		if n > MaxSheetRows {
			return nil, &model.FieldError{Key: KeyTooManyRows, Args: map[string]any{"Sheet": name, "Max": MaxSheetRows}}
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, unreadable
		}
		if blank(cells) {
			continue
		}
		grid = append(grid, make([][]string, n-1-len(grid))...)
		grid = append(grid, slices.Clone(cells[:min(len(cells), maxColumns)]))
		if filled++; filled == limit {
			break
		}
	}
	if rows.Error() != nil {
		return nil, unreadable
	}
	return grid, nil
}

// header is the row of a sheet that titles its columns.
type header struct {
	index   int // in the grid: the sheet's row is index+1
	cols    columns
	ignored []string
	score   int // how many of its cells name a client column; 0: no header
}

// findHeader finds the header among a sheet's first filled rows: of those
// that name the client's name, the row that names the most client
// columns, the first of equals.
func findHeader(grid [][]string) header {
	var best header
	seen := 0
	for i, row := range grid {
		if blank(row) {
			continue
		}
		if seen++; seen > headerRows {
			break
		}
		cols, ignored := mapHeader(row)
		n := 0
		for _, c := range cols {
			n += len(c)
		}
		if cols.hasName() && n > best.score {
			best = header{index: i, cols: cols, ignored: ignored, score: n}
		}
	}
	return best
}

// records are the filled rows under the header and their rows on the
// sheet. A row that says the header again (a title merged over two rows,
// or two lists pasted one under the other) is left out.
func records(grid [][]string, h header) (recs [][]string, lines []int) {
	for i := h.index + 1; i < len(grid); i++ {
		if row := grid[i]; !blank(row) && !repeatsHeader(row, grid[h.index], &h.cols) {
			recs, lines = append(recs, row), append(lines, i+1)
		}
	}
	return recs, lines
}

func repeatsHeader(row, head []string, cols *columns) bool {
	same := false
	for _, idx := range cols {
		for _, i := range idx {
			if i >= len(row) || strings.TrimSpace(row[i]) == "" {
				continue
			}
			if headerKey(row[i]) != headerKey(head[i]) {
				return false
			}
			same = true
		}
	}
	return same
}
