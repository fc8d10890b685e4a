package clientio

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// resolve writes a sheet's cells as a person reads them in Excel: a number
// shown as a date as that date (2006-01-02), another number in its digits
// (79161234567, never 7.9161234567e+10). Text stays as typed: a quote it
// starts with is doubled, so that cell, which takes off the quote a CSV
// export puts before a formula, gives it back as it was.
func (wb *workbook) resolve(sheet string, grid [][]string) {
	for r, row := range grid {
		for c, v := range row {
			switch t := strings.TrimSpace(v); {
			case t == "":
			case strings.ContainsRune("0123456789+-.", rune(t[0])):
				row[c] = wb.value(sheet, c+1, r+1, v)
			case t[0] == '\'':
				row[c] = "'" + t
			}
		}
	}
}

// value is the text of the cell at col, row whose stored value is raw.
func (wb *workbook) value(sheet string, col, row int, raw string) string {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return raw
	}
	typ, err := wb.f.GetCellType(sheet, cell)
	if err != nil {
		return raw
	}
	switch typ {
	case excelize.CellTypeDate: // an ISO 8601 moment
		day, _, _ := strings.Cut(strings.TrimSpace(raw), "T")
		return day
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
	default:
		return raw
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return raw
	}
	if x >= 1 && wb.showsDate(sheet, cell) {
		if t, err := excelize.ExcelDateToTime(x, wb.date1904); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return digits(x)
}

// digits writes a number as Excel shows it in a wide enough column: to 15
// significant digits, without an exponent.
func digits(x float64) string {
	x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// showsDate reports whether the cell's number format shows a date.
func (wb *workbook) showsDate(sheet, cell string) bool {
	id, err := wb.f.GetCellStyle(sheet, cell)
	if err != nil {
		return false
	}
	if d, ok := wb.dates[id]; ok {
		return d
	}
	st, err := wb.f.GetStyle(id)
	d := err == nil && st != nil && (dateFormats[st.NumFmt] || st.CustomNumFmt != nil && isDateFormat(*st.CustomNumFmt))
	wb.dates[id] = d
	return d
}

// dateFormats are Excel's built-in number formats that show a date (with
// or without the time): 14 is the system's short date, 27-36 and 50-58
// the East Asian ones that hold a day.
var dateFormats = func() map[int]bool {
	m := map[int]bool{}
	for _, id := range []int{14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58} {
		m[id] = true
	}
	return m
}()

// isDateFormat reports whether a custom number format shows a date: it
// has a day or a year, or months without hours and seconds (then m is a
// month, not minutes). Quoted text, escaped characters and [colours] or
// [$-419] locales do not count.
func isDateFormat(code string) bool {
	var day, month, clock bool
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			i += j
		case '\\', '_', '*':
			i++
		case 'd', 'D', 'y', 'Y':
			day = true
		case 'm', 'M':
			month = true
		case 'h', 'H', 's', 'S':
			clock = true
		}
	}
	return day || month && !clock
}

// spread gives each merged range's value to every cell it covers, as the
// person sees it, within the rows read and the columns read. It fills at
// most a million cells: a sheet merged wider is not a client list.
func (wb *workbook) spread(sheet string, grid [][]string) [][]string {
	merges, err := wb.f.GetMergeCells(sheet, true)
	if err != nil {
		return grid
	}
	budget := 1 << 20
	for _, m := range merges {
		c0, r0, err0 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err0 != nil || err1 != nil {
			continue
		}
		c0, c1 = min(c0, c1), min(max(c0, c1), maxColumns)
		r0, r1 = min(r0, r1), min(max(r0, r1), len(grid))
		if r0 > len(grid) || c0 > len(grid[r0-1]) {
			continue
		}
		v := grid[r0-1][c0-1]
		if v == "" {
			continue
		}
		for r := r0; r <= r1 && budget > 0; r++ {
			for c := c0; c <= c1 && budget > 0; c++ {
				grid[r-1] = setCell(grid[r-1], c-1, v)
				budget--
			}
		}
	}
	return grid
}

func setCell(row []string, i int, v string) []string {
	for len(row) <= i {
		row = append(row, "")
	}
	row[i] = v
	return row
}
