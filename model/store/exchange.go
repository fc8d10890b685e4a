package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"companion/model"
)

// The full export's format; docs/exchange-format.md describes it.
const (
	ExchangeFormat  = "companion-exchange"
	ExchangeVersion = 1
)

// querier is what both a transaction and a connection can do.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// exTable is a table a full export carries.
type exTable struct {
	name  string
	cols  []string // in the table's column order
	order string   // ORDER BY: the primary key, or rowid
}

// exchangeTables lists, in name order, every ordinary table of the
// database except SQLite's own (sqlite_*) and the shadow tables of the
// full-text indexes: the tables someone adds later are carried too. The
// second list is the full-text indexes to rebuild after an import.
func exchangeTables(ctx context.Context, q querier) ([]exTable, []string, error) {
	rows, err := q.QueryContext(ctx, `SELECT l.name, l.type, coalesce(m.sql, '') FROM pragma_table_list AS l
		LEFT JOIN sqlite_master AS m ON m.name = l.name
		WHERE l.schema = 'main' AND l.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY l.name`)
	if err != nil {
		return nil, nil, err
	}
	var tables []exTable
	var fts []string
	for rows.Next() {
		var name, typ, ddl string
		if err := rows.Scan(&name, &typ, &ddl); err != nil {
			rows.Close()
			return nil, nil, err
		}
		switch typ {
		case "table":
			tables = append(tables, exTable{name: name})
		case "virtual":
			if !externalFTS(ddl) {
				rows.Close()
				return nil, nil, fmt.Errorf("table %s: the exchange format carries no virtual table but external-content FTS5 indexes", name)
			}
			fts = append(fts, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for i := range tables {
		if err := tableColumns(ctx, q, &tables[i]); err != nil {
			return nil, nil, err
		}
	}
	return tables, fts, nil
}

var (
	fts5RE        = regexp.MustCompile(`(?i)\busing\s+fts5\b`)
	ftsContentRE  = regexp.MustCompile(`(?i)\bcontent\s*=`)
	contentlessRE = regexp.MustCompile(`(?i)\bcontent\s*=\s*(''|"")`)
)

// externalFTS reports whether a virtual table is an FTS5 index over
// another table's content, which a rebuild makes again.
func externalFTS(ddl string) bool {
	return fts5RE.MatchString(ddl) && ftsContentRE.MatchString(ddl) && !contentlessRE.MatchString(ddl)
}

func tableColumns(ctx context.Context, q querier, t *exTable) error {
	rows, err := q.QueryContext(ctx, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", t.name)
	if err != nil {
		return err
	}
	defer rows.Close()
	var pk []string
	var pkPos []int
	for rows.Next() {
		var name string
		var pos int
		if err := rows.Scan(&name, &pos); err != nil {
			return err
		}
		t.cols = append(t.cols, name)
		if pos > 0 {
			pk = append(pk, quoteIdent(name))
			pkPos = append(pkPos, pos)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(pk) == 0 {
		t.order = "rowid"
		return nil
	}
	ordered := make([]string, len(pk))
	for i, p := range pkPos {
		ordered[p-1] = pk[i]
	}
	t.order = strings.Join(ordered, ", ")
	return nil
}

func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// ExportAll writes the whole database in the exchange format: every table,
// rows in key order, keys in column order, one row a line. The export reads
// one snapshot, so it is consistent while others write. Exporting, importing
// into an empty database and exporting again gives the same bytes (with the
// same clock).
func (s *Store) ExportAll(ctx context.Context, w io.Writer) (model.ExchangeSummary, error) {
	sum := model.ExchangeSummary{Tables: map[string]int{}}
	if err := s.allow(model.AreaBackups, model.Read); err != nil {
		return sum, err
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return sum, err
	}
	tx, err := sqlDB.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return sum, err
	}
	defer tx.Rollback()
	var schema int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&schema); err != nil {
		return sum, err
	}
	tables, _, err := exchangeTables(ctx, tx)
	if err != nil {
		return sum, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "{\n  \"format\": %s,\n  \"version\": %d,\n  \"schema\": %d,\n  \"exported_at\": %s,\n  \"tables\": {",
		jsonString(ExchangeFormat), ExchangeVersion, schema, jsonString(s.now().UTC().Format(time.RFC3339)))
	for i, t := range tables {
		if i > 0 {
			bw.WriteString(",")
		}
		n, err := exportTable(ctx, tx, t, bw)
		if err != nil {
			return sum, fmt.Errorf("export %s: %w", t.name, err)
		}
		sum.Tables[t.name] = n
	}
	bw.WriteString("\n  }\n}\n")
	return sum, bw.Flush()
}

func exportTable(ctx context.Context, q querier, t exTable, w *bufio.Writer) (int, error) {
	sel := make([]string, len(t.cols))
	for i, c := range t.cols {
		// The unary plus hides the declared type, so the driver hands the
		// stored value as it is instead of parsing DATETIME text.
		sel[i] = "+" + quoteIdent(c)
	}
	rows, err := q.QueryContext(ctx, "SELECT "+strings.Join(sel, ", ")+" FROM "+quoteIdent(t.name)+" ORDER BY "+t.order)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	fmt.Fprintf(w, "\n    %s: [", jsonString(t.name))
	vals := make([]any, len(t.cols))
	ptrs := make([]any, len(t.cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	keys := make([][]byte, len(t.cols))
	for i, c := range t.cols {
		keys[i] = appendJSONString(nil, c)
	}
	buf := make([]byte, 0, 1024)
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		buf = buf[:0]
		if n > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, "\n      {"...)
		for i, v := range vals {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, keys[i]...)
			buf = append(buf, ':')
			if buf, err = appendValue(buf, v); err != nil {
				return n, fmt.Errorf("row %d, %s: %w", n+1, t.cols[i], err)
			}
		}
		buf = append(buf, '}')
		if _, err := w.Write(buf); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if n > 0 {
		w.WriteString("\n    ")
	}
	w.WriteString("]")
	return n, nil
}

// appendValue writes one stored value: null, an integer, a real (always
// with a point or an exponent, so it reads back as a real), a string, or
// {"base64": …} for a blob and {"text_base64": …} for text that is not
// valid UTF-8.
func appendValue(buf []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(buf, "null"...), nil
	case int64:
		return strconv.AppendInt(buf, x, 10), nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return buf, fmt.Errorf("the real number %v has no JSON form", x)
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		return append(buf, s...), nil
	case string:
		if !utf8.ValidString(x) {
			buf = append(buf, `{"text_base64":"`...)
			buf = append(buf, base64.StdEncoding.EncodeToString([]byte(x))...)
			return append(buf, `"}`...), nil
		}
		return appendJSONString(buf, x), nil
	case []byte:
		buf = append(buf, `{"base64":"`...)
		buf = append(buf, base64.StdEncoding.EncodeToString(x)...)
		return append(buf, `"}`...), nil
	case time.Time: // not expected: the driver parses only declared DATETIME columns
		return appendJSONString(buf, x.Format(time.RFC3339Nano)), nil
	}
	return buf, fmt.Errorf("unexpected value of type %T", v)
}

func jsonString(s string) string { return string(appendJSONString(nil, s)) }

// appendJSONString quotes s for JSON, leaving <, > and & as they are (the
// file is read by people too).
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			buf = append(buf, '\\', byte(r))
		case r == '\n':
			buf = append(buf, '\\', 'n')
		case r == '\r':
			buf = append(buf, '\\', 'r')
		case r == '\t':
			buf = append(buf, '\\', 't')
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			buf = append(buf, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	return append(buf, '"')
}

// ImportAll reads a full export into this database, which must be empty
// (as new: no table holds more rows than a new database has). All of it is
// written in one transaction, or nothing: any problem in the file is a
// *model.FieldError that says what and where. The rows are copied as they
// are, with the triggers set aside meanwhile; foreign keys are checked after
// the last row and the full-text indexes rebuilt.
func (s *Store) ImportAll(ctx context.Context, r io.Reader) (model.ExchangeSummary, error) {
	sum := model.ExchangeSummary{Tables: map[string]int{}}
	if err := s.allow(model.AreaBackups, model.Write); err != nil {
		return sum, err
	}
	baseline, err := newDatabaseRows()
	if err != nil {
		return sum, err
	}
	tx, release, err := s.beginWrite(ctx)
	if err != nil {
		return sum, err
	}
	defer release()
	defer tx.Rollback()
	im := &importer{ctx: ctx, tx: tx, dec: json.NewDecoder(bufio.NewReaderSize(r, 64<<10)), sum: sum,
		tables: map[string]exTable{}, stmts: map[string]*sql.Stmt{}}
	im.dec.UseNumber()
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&im.schema); err != nil {
		return sum, err
	}
	tables, fts, err := exchangeTables(ctx, tx)
	if err != nil {
		return sum, err
	}
	for _, t := range tables {
		im.tables[t.name] = t
	}
	triggers, err := dropTriggers(ctx, tx)
	if err != nil {
		return sum, err
	}
	if err := mustBeNew(ctx, tx, tables, baseline); err != nil {
		return sum, err
	}
	if err := im.run(); err != nil {
		return sum, err
	}
	for _, q := range triggers {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return sum, fmt.Errorf("recreate trigger: %w", err)
		}
	}
	for _, name := range fts {
		q := fmt.Sprintf("INSERT INTO %s(%s) VALUES('rebuild')", quoteIdent(name), quoteIdent(name))
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return sum, fmt.Errorf("rebuild %s: %w", name, err)
		}
	}
	if err := foreignKeysHold(ctx, tx); err != nil {
		return sum, err
	}
	return sum, tx.Commit()
}

// mustBeNew refuses a database that holds more than a new one, then
// empties the tables (of what the migrations put there, which the file
// carries too) with foreign keys checked at the end.
func mustBeNew(ctx context.Context, tx *sql.Tx, tables []exTable, baseline map[string]int) error {
	for _, t := range tables {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(t.name)).Scan(&n); err != nil {
			return err
		}
		if n > baseline[t.name] {
			return &model.FieldError{Key: "exchange.err.not_empty", Args: map[string]any{"Table": t.name, "Rows": n}}
		}
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	for _, t := range tables {
		if baseline[t.name] == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+quoteIdent(t.name)); err != nil {
			return err
		}
	}
	return nil
}

// dropTriggers removes every trigger for the time of the import and returns
// what recreates them. An import copies every table as it was, the derived
// ones too (summaries that triggers keep); a trigger firing on the copied
// rows would count them twice. The FTS indexes are rebuilt afterwards.
func dropTriggers(ctx context.Context, tx *sql.Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
	if err != nil {
		return nil, err
	}
	var names, ddl []string
	for rows.Next() {
		var name, q string
		if err := rows.Scan(&name, &q); err != nil {
			rows.Close()
			return nil, err
		}
		names, ddl = append(names, name), append(ddl, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(name)); err != nil {
			return nil, err
		}
	}
	return ddl, nil
}

// foreignKeysHold fails with the first row whose reference leads nowhere.
func foreignKeysHold(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		return &model.FieldError{Key: "exchange.err.foreign_key",
			Args: map[string]any{"Table": table, "RowID": rowid.Int64, "Parent": parent}}
	}
	return rows.Err()
}

// newRows caches, by schema version, how many rows each table of a new
// database holds (what the migrations insert).
var newRows = struct {
	sync.Mutex
	m map[int]map[string]int
}{m: map[int]map[string]int{}}

func newDatabaseRows() (map[string]int, error) {
	newRows.Lock()
	defer newRows.Unlock()
	v := SchemaVersion()
	if m, ok := newRows.m[v]; ok {
		return m, nil
	}
	dir, err := os.MkdirTemp("", "companion-new-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := Open(filepath.Join(dir, "new.db"))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ctx := context.Background()
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, err
	}
	tables, _, err := exchangeTables(ctx, sqlDB)
	if err != nil {
		return nil, err
	}
	m := map[string]int{}
	for _, t := range tables {
		var n int
		if err := sqlDB.QueryRow("SELECT count(*) FROM " + quoteIdent(t.name)).Scan(&n); err != nil {
			return nil, err
		}
		m[t.name] = n
	}
	newRows.m[v] = m
	return m, nil
}

// importer reads the exchange file token by token, so a large salon never
// sits in memory whole, and inserts rows as they come.
type importer struct {
	ctx    context.Context
	tx     *sql.Tx
	dec    *json.Decoder
	schema int
	tables map[string]exTable
	stmts  map[string]*sql.Stmt
	sum    model.ExchangeSummary
}

func exErr(key string, args map[string]any) error {
	return &model.FieldError{Key: "exchange.err." + key, Args: args}
}

// token reads the next JSON token; a broken file says where it broke.
func (im *importer) token() (json.Token, error) {
	tok, err := im.dec.Token()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, exErr("truncated", nil)
	}
	if err != nil {
		return nil, exErr("json", map[string]any{"Offset": im.dec.InputOffset(), "Detail": err.Error()})
	}
	return tok, nil
}

func (im *importer) expect(d json.Delim, what string) error {
	tok, err := im.token()
	if err != nil {
		return err
	}
	if tok != d {
		return exErr("shape", map[string]any{"What": what, "Want": string(d), "Offset": im.dec.InputOffset()})
	}
	return nil
}

func (im *importer) stringToken(key string) (string, error) {
	tok, err := im.token()
	if err != nil {
		return "", err
	}
	s, ok := tok.(string)
	if !ok {
		return "", exErr("type", map[string]any{"Key": key, "Want": "text"})
	}
	return s, nil
}

func (im *importer) intToken(key string) (int64, error) {
	tok, err := im.token()
	if err != nil {
		return 0, err
	}
	n, ok := tok.(json.Number)
	if !ok {
		return 0, exErr("type", map[string]any{"Key": key, "Want": "number"})
	}
	v, err := n.Int64()
	if err != nil {
		return 0, exErr("type", map[string]any{"Key": key, "Want": "number"})
	}
	return v, nil
}

// run reads the whole file: the header (format, version, schema) first,
// then the tables.
func (im *importer) run() error {
	if err := im.expect('{', "file"); err != nil {
		return err
	}
	seen := map[string]bool{}
	for im.dec.More() {
		key, err := im.stringToken("")
		if err != nil {
			return err
		}
		if seen[key] {
			return exErr("duplicate", map[string]any{"Key": key})
		}
		seen[key] = true
		if err := im.header(key, seen); err != nil {
			return err
		}
	}
	if err := im.expect('}', "file"); err != nil {
		return err
	}
	if !seen["tables"] {
		return exErr("no_tables", nil)
	}
	if _, err := im.dec.Token(); err != io.EOF {
		return exErr("trailing", map[string]any{"Offset": im.dec.InputOffset()})
	}
	return nil
}

func (im *importer) header(key string, seen map[string]bool) error {
	switch key {
	case "format":
		f, err := im.stringToken(key)
		if err != nil {
			return err
		}
		if f != ExchangeFormat {
			return exErr("format", map[string]any{"Format": f})
		}
	case "version":
		v, err := im.intToken(key)
		if err != nil {
			return err
		}
		if v != ExchangeVersion {
			return exErr("version", map[string]any{"Version": v, "Know": ExchangeVersion})
		}
	case "schema":
		v, err := im.intToken(key)
		if err != nil {
			return err
		}
		if v != int64(im.schema) {
			return exErr("schema", map[string]any{"Schema": v, "Have": im.schema})
		}
	case "exported_at":
		if _, err := im.stringToken(key); err != nil {
			return err
		}
	case "tables":
		if !seen["format"] || !seen["version"] || !seen["schema"] {
			return exErr("header_first", nil)
		}
		return im.readTables()
	default:
		return exErr("key", map[string]any{"Key": key})
	}
	return nil
}

func (im *importer) readTables() error {
	if err := im.expect('{', "tables"); err != nil {
		return err
	}
	for im.dec.More() {
		name, err := im.stringToken("tables")
		if err != nil {
			return err
		}
		t, ok := im.tables[name]
		if !ok {
			return exErr("table", map[string]any{"Table": name})
		}
		if _, dup := im.sum.Tables[name]; dup {
			return exErr("duplicate", map[string]any{"Key": name})
		}
		n, err := im.readRows(t)
		if err != nil {
			return err
		}
		im.sum.Tables[name] = n
	}
	return im.expect('}', "tables")
}

func (im *importer) readRows(t exTable) (int, error) {
	if err := im.expect('[', t.name); err != nil {
		return 0, err
	}
	n := 0
	for im.dec.More() {
		var row map[string]any
		if err := im.dec.Decode(&row); err != nil {
			var syntax *json.SyntaxError
			switch {
			case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
				return n, exErr("truncated", nil)
			case errors.As(err, &syntax):
				return n, exErr("json", map[string]any{"Offset": syntax.Offset, "Detail": err.Error()})
			}
			return n, exErr("row", map[string]any{"Table": t.name, "Row": n + 1, "Detail": err.Error()})
		}
		if row == nil {
			return n, exErr("row", map[string]any{"Table": t.name, "Row": n + 1, "Detail": "null"})
		}
		if err := im.insert(t, n+1, row); err != nil {
			return n, err
		}
		n++
	}
	return n, im.expect(']', t.name)
}

// insert writes one row; its columns go in the table's order so that rows
// of the same shape share one prepared statement.
func (im *importer) insert(t exTable, n int, row map[string]any) error {
	cols := make([]string, 0, len(row))
	args := make([]any, 0, len(row))
	for _, c := range t.cols {
		v, ok := row[c]
		if !ok {
			continue
		}
		x, err := sqlValue(v)
		if err != nil {
			return exErr("value", map[string]any{"Table": t.name, "Row": n, "Column": c, "Detail": err.Error()})
		}
		cols = append(cols, c)
		args = append(args, x)
	}
	if len(cols) != len(row) {
		for k := range row {
			if !contains(t.cols, k) {
				return exErr("column", map[string]any{"Table": t.name, "Row": n, "Column": k})
			}
		}
	}
	key := t.name + "\x00" + strings.Join(cols, "\x00")
	stmt, ok := im.stmts[key]
	if !ok {
		q := "INSERT INTO " + quoteIdent(t.name) + " DEFAULT VALUES"
		if len(cols) > 0 {
			quoted := make([]string, len(cols))
			for i, c := range cols {
				quoted[i] = quoteIdent(c)
			}
			q = "INSERT INTO " + quoteIdent(t.name) + " (" + strings.Join(quoted, ", ") + ") VALUES (" +
				strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		}
		var err error
		if stmt, err = im.tx.PrepareContext(im.ctx, q); err != nil {
			return err
		}
		im.stmts[key] = stmt
	}
	if _, err := stmt.ExecContext(im.ctx, args...); err != nil {
		if ctxErr := im.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return exErr("insert", map[string]any{"Table": t.name, "Row": n, "Detail": err.Error()})
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sqlValue turns a JSON value of the file into the value to store.
func sqlValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, string:
		return x, nil
	case json.Number:
		s := string(x)
		if strings.ContainsAny(s, ".eE") {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsInf(f, 0) {
				return nil, fmt.Errorf("number %s is out of range", s)
			}
			return f, nil
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("number %s is out of range", s)
		}
		return i, nil
	case map[string]any:
		if len(x) == 1 {
			for k, b := range x {
				s, ok := b.(string)
				if !ok || (k != "base64" && k != "text_base64") {
					break
				}
				data, err := base64.StdEncoding.DecodeString(s)
				if err != nil {
					return nil, errors.New("bad base64")
				}
				if k == "text_base64" {
					return string(data), nil
				}
				return data, nil
			}
		}
		return nil, errors.New(`an object must be {"base64": …} or {"text_base64": …}`)
	}
	return nil, fmt.Errorf("a value must be null, a number, text or {\"base64\": …}, not %T", v)
}
