package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"companion/model"
)

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
	if err := s.Checked(ctx); err != nil {
		return sum, err // the whole salon is copied from a file that has passed its check
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return sum, err
	}
	opts := &sql.TxOptions{ReadOnly: true}
	if s.d.postgres {
		opts.Isolation = sql.LevelRepeatableRead // one snapshot
	}
	tx, err := sqlDB.BeginTx(ctx, opts)
	if err != nil {
		return sum, err
	}
	defer tx.Rollback()
	schema, err := schemaOf(ctx, tx, s.d)
	if err != nil {
		return sum, err
	}
	tables, _, err := exchangeTablesOf(ctx, tx, s.d)
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
		n, err := exportTable(ctx, tx, s.d, t, bw)
		if err != nil {
			return sum, fmt.Errorf("export %s: %w", t.name, err)
		}
		sum.Tables[t.name] = n
	}
	bw.WriteString("\n  }\n}\n")
	return sum, bw.Flush()
}

// schemaOf is the database's schema version: SQLite's user_version, or
// PostgreSQL's schema_version.
func schemaOf(ctx context.Context, q querier, d dialect) (int, error) {
	query := "PRAGMA user_version"
	if d.postgres {
		query = "SELECT version FROM schema_version WHERE id = 1"
	}
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var v int
	if rows.Next() {
		err = rows.Scan(&v)
	}
	if err == nil {
		err = rows.Err()
	}
	return v, err
}

func exportTable(ctx context.Context, q querier, d dialect, t exTable, w *bufio.Writer) (int, error) {
	rows, err := q.QueryContext(ctx, selectAll(d, t))
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
			if d.postgres {
				v = exportForm(v)
			}
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

// selectAll reads a table's rows in key order. On SQLite the unary plus
// hides the declared type, so the driver hands the stored value as it is
// instead of parsing DATETIME text; PostgreSQL's values are turned into
// SQLite's by exportForm.
func selectAll(d dialect, t exTable) string {
	sel := make([]string, len(t.cols))
	for i, c := range t.cols {
		sel[i] = "+" + quoteIdent(c)
		if d.postgres {
			sel[i] = quoteIdent(c)
		}
	}
	return "SELECT " + strings.Join(sel, ", ") + " FROM " + quoteIdent(t.name) + " ORDER BY " + t.order
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
