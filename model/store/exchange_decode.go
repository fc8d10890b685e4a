package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"companion/model"
)

// importer reads the exchange file token by token, so a large salon never
// sits in memory whole, and inserts rows as they come.
type importer struct {
	ctx    context.Context
	tx     *sql.Tx
	d      dialect
	dec    *json.Decoder
	schema int
	tables map[string]exTable
	stmts  map[string]*sql.Stmt
	batch  batch
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
	if err := im.flush(); err != nil {
		return n, err
	}
	return n, im.expect(']', t.name)
}

// insert writes one row, or keeps it for the next batch; its columns go
// in the table's order so that rows of the same shape share a statement.
func (im *importer) insert(t exTable, n int, row map[string]any) error {
	cols := make([]string, 0, len(row))
	args := make([]any, 0, len(row))
	for i, c := range t.cols {
		v, ok := row[c]
		if !ok {
			continue
		}
		x, err := sqlValue(v)
		if err == nil && t.types != nil {
			x, err = columnValue(t.types[i], x)
		}
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
	return im.add(t, n, cols, args)
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

// placeholders are n parameters from the first: ?, ?… on SQLite, $1,
// $2… on PostgreSQL.
func (d dialect) placeholders(first, n int) string {
	p := make([]string, n)
	for i := range p {
		p[i] = "?"
		if d.postgres {
			p[i] = "$" + strconv.Itoa(first+i)
		}
	}
	return strings.Join(p, ", ")
}
