// Package clientio reads a salon's client list as Excel or another CRM
// exports it, so a salon can move to Companion without typing it again.
// Every row is validated like the client form; nothing here touches the
// database (model/store writes what Parse found good).
package clientio

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"companion/model"
)

// Message keys of the import, translated in assets/translations/import.*.json.
const (
	KeyEmpty        = "import.err.empty"
	KeyNoNameColumn = "import.err.no_name_column"
	KeyTooBig       = "import.err.too_big"
	KeyUnreadable   = "import.err.unreadable"
	KeyConsent      = "import.err.consent"
	KeyDupInFile    = "import.err.dup_in_file"
	KeyExists       = "import.err.exists"
	KeyRefused      = "import.err.refused"
)

// ErrRefused is what an all-or-nothing import returns when some rows are
// wrong; errors.Is matches it by key, whatever the counts in Args.
var ErrRefused = &model.FieldError{Key: KeyRefused}

// Import is what Parse or ParseWorkbook found in a file: every data row
// with its problems, and how the file was read, for the report shown
// before anything is saved.
type Import struct {
	Rows      []Row
	Ignored   []string // headers of the columns nobody reads, as written
	Encoding  string   // one of the Encoding constants; "" for a workbook
	Delimiter string   // ";", "," or "\t"; "" for a workbook
	Sheet     string   // the workbook's sheet the clients were read from; "" for CSV
	HeaderRow int      // the sheet's row that holds the column titles; 0 for CSV
}

// Result says what an import wrote.
type Result struct {
	Added   int // clients written
	Skipped int // rows left out because of their errors
}

// Row is one client read from the file. Line is where the row starts in the
// file (the header is line 1), or its row number on the workbook's sheet,
// so a person can find it in Excel.
type Row struct {
	Line   int
	Client model.Client
	Errors []*model.FieldError
}

// Err returns the row's problems as model.ValidationErrors, or nil.
func (r Row) Err() error { return model.ValidationErrors(r.Errors).OrNil() }

// Has reports whether the row already carries an error with this key.
func (r Row) Has(key string) bool {
	for _, e := range r.Errors {
		if e.Key == key {
			return true
		}
	}
	return false
}

// Good returns the clients of the rows without errors, pointing into Rows so
// that the IDs set on saving are seen here too.
func (imp *Import) Good() []*model.Client {
	var out []*model.Client
	for i := range imp.Rows {
		if len(imp.Rows[i].Errors) == 0 {
			out = append(out, &imp.Rows[i].Client)
		}
	}
	return out
}

// Bad returns the rows with errors, in file order.
func (imp *Import) Bad() []Row {
	var out []Row
	for _, r := range imp.Rows {
		if len(r.Errors) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// Parse reads a client list in CSV: UTF-8 (with or without BOM), UTF-16 or
// Windows-1251; ';', ',' or tab between fields; headers in Russian or
// English. today is the salon's current day, for the birth date checks.
// A file it cannot use at all gives a *model.FieldError; problems of single
// rows are kept in their Row.
func Parse(r io.Reader, today model.Date) (*Import, error) {
	text, enc, err := decode(r)
	if err != nil {
		return nil, err
	}
	text, delim := detectDelimiter(text)
	imp := &Import{Encoding: enc, Delimiter: string(delim)}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delim
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cols, err := readHeader(cr, imp)
	if err != nil {
		return nil, err
	}
	var recs [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, unreadable(err)
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		recs, lines = append(recs, rec), append(lines, line)
	}
	imp.fill(cols, recs, lines, today)
	return imp, nil
}

// fill checks every record (lines[i] is where recs[i] stands in the file)
// as a client of the columns, and marks the phones met twice.
func (imp *Import) fill(cols columns, recs [][]string, lines []int, today model.Date) {
	imp.Rows = make([]Row, len(recs))
	model.InParallel(len(recs), func(i int) { imp.Rows[i] = cols.row(recs[i], lines[i], today) })
	firstLine := map[string]int{}
	for i := range imp.Rows {
		markDuplicate(&imp.Rows[i], firstLine)
	}
}

// readHeader reads the first non-blank record and maps its columns.
func readHeader(cr *csv.Reader, imp *Import) (columns, error) {
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return columns{}, &model.FieldError{Key: KeyEmpty}
		}
		if err != nil {
			return columns{}, unreadable(err)
		}
		if blank(rec) {
			continue
		}
		cols, ignored := mapHeader(rec)
		imp.Ignored = ignored
		if !cols.hasName() {
			return columns{}, &model.FieldError{Key: KeyNoNameColumn}
		}
		return cols, nil
	}
}

// markDuplicate refuses a row whose phone an earlier row of the file has.
func markDuplicate(row *Row, firstLine map[string]int) {
	p := row.Client.Phone
	if p == "" || model.ValidationErrors(row.Errors).For("phone") != nil {
		return
	}
	if first, ok := firstLine[p]; ok {
		row.Errors = append(row.Errors, &model.FieldError{Field: "phone", Key: KeyDupInFile,
			Args: map[string]any{"Line": first}})
		return
	}
	firstLine[p] = row.Line
}

func unreadable(err error) error {
	line := 0
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line = pe.Line
	}
	return &model.FieldError{Key: KeyUnreadable, Args: map[string]any{"Line": line}}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
