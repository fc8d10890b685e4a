package store

import (
	"bytes"
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// Many rows into SQLite in one statement. The driver binds a statement's
// parameters by searching all of them for each one, and prepares the
// statement again at every run, so a statement of many rows of
// placeholders costs more the more rows it has. The rows go instead as
// one JSON array, the statement's only parameter, which SQLite takes
// apart itself: one short statement, one parameter, however many rows.

// The triggers that follow a new client row by row — the search indexes
// (clients_ai) and the visit summary's columns (clients_risk_ai) — cost
// more than the row itself: each fires for each row, and the search
// indexes are flushed and merged at the end of every statement. A batch
// sets them aside inside its transaction and does their work once for all
// its rows, right after them, with their own SQL, then puts them back as
// they were, before the transaction ends: no other connection ever sees
// the schema without them. It does so only when they are the triggers
// this build knows; otherwise they do the work themselves.

// insertTriggers are clients' triggers on insert that a batch does the
// work of, with the statements that do it for the new clients, whose IDs
// lie between the two parameters.
func (d dialect) insertTriggers() []struct{ name, ddl, work string } {
	return []struct{ name, ddl, work string }{
		{"clients_ai", clientsSearchInsertDDL, `INSERT INTO client_tri(rowid, search_key)
			SELECT id, search_key FROM clients WHERE id BETWEEN ?1 AND ?2;
			INSERT INTO client_words(rowid, search_key)
			SELECT id, search_key FROM clients WHERE id BETWEEN ?1 AND ?2`},
		// Without a visit, risk_on, first_day and last_day stay NULL.
		{"clients_risk_ai", d.clientsRiskInsertDDL(), "UPDATE clients SET " + d.visitDaysSQL("") +
			" WHERE id BETWEEN ?1 AND ?2 AND (first_visit_on IS NOT NULL OR last_visit_on IS NOT NULL)"},
	}
}

// setAsideTriggers drops clients' triggers on insert inside tx, when they
// are the ones this build knows, and returns the statements that do their
// work for the new rows and those that put them back. When they are not,
// it drops nothing and returns none.
func setAsideTriggers(ctx context.Context, tx *gorm.DB, d dialect) (work, putBack []string, err error) {
	have, err := schemaSQL(tx.WithContext(ctx))
	if err != nil {
		return nil, nil, err
	}
	for _, t := range d.insertTriggers() {
		if !sameSQL(have["trigger "+t.name], t.ddl) {
			return nil, nil, nil
		}
	}
	for _, t := range d.insertTriggers() {
		if err := tx.WithContext(ctx).Exec("DROP TRIGGER " + t.name).Error; err != nil {
			return nil, nil, err
		}
		work = append(work, t.work)
		putBack = append(putBack, have["trigger "+t.name])
	}
	return work, putBack, nil
}

// jsonInsert is the statement that inserts rows (each the values of cols
// in order, and in the order of rows) into table, with its two
// parameters: the values of the columns that differ from row to row, as a
// JSON array of arrays, and those of the columns that are the same in
// every row, once, as one array. Each row's array is taken out of the
// whole once (MATERIALIZED) and its values out of it; the values that are
// the same come out of theirs once for the statement.
func jsonInsert(table string, cols []string, rows [][]any) (string, []any, error) {
	var enc []byte
	spans := make([][2]int, 0, len(rows)*len(cols)) // row by row, column by column
	for _, row := range rows {
		for _, v := range row {
			start := len(enc)
			var err error
			if enc, err = appendJSONValue(enc, v); err != nil {
				return "", nil, err
			}
			spans = append(spans, [2]int{start, len(enc)})
		}
	}
	value := func(i, j int) []byte { sp := spans[i*len(cols)+j]; return enc[sp[0]:sp[1]] }
	var varying, same []byte
	exprs := make([]string, len(cols))
	var vary []int
	nSame := 0
	for j := range cols {
		constant := true
		for i := 1; i < len(rows) && constant; i++ {
			constant = bytes.Equal(value(i, j), value(0, j))
		}
		if constant {
			same = append(append(same, ','), value(0, j)...)
			exprs[j] = "?2 ->> " + strconv.Itoa(nSame)
			nSame++
			continue
		}
		exprs[j] = "r ->> " + strconv.Itoa(len(vary))
		vary = append(vary, j)
	}
	varying = append(varying, '[')
	for i := range rows {
		if i > 0 {
			varying = append(varying, ',')
		}
		varying = append(varying, '[')
		for k, j := range vary {
			if k > 0 {
				varying = append(varying, ',')
			}
			varying = append(varying, value(i, j)...)
		}
		varying = append(varying, ']')
	}
	varying = append(varying, ']')
	if len(same) == 0 {
		same = []byte{','}
	}
	q := "WITH rows(r) AS MATERIALIZED (SELECT value FROM json_each(?1)) INSERT INTO " + table +
		" (" + strings.Join(cols, ", ") + ") SELECT " + strings.Join(exprs, ", ") + " FROM rows"
	return q, []any{string(varying), "[" + string(same[1:]) + "]"}, nil
}

// appendJSONValue appends v as JSON, written as the driver would bind it:
// text, integer, real, NULL, a boolean as 1 or 0, a time in the driver's
// format (sqliteTime), so that a row written here reads back as one GORM
// wrote.
func appendJSONValue(b []byte, v any) ([]byte, error) {
	if dv, ok := v.(driver.Valuer); ok {
		var err error
		if v, err = dv.Value(); err != nil {
			return nil, err
		}
	}
	switch x := v.(type) {
	case nil:
		b = append(b, "null"...)
	case string:
		b = appendJSONText(b, x)
	case int64:
		b = strconv.AppendInt(b, x, 10)
	case float64:
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	case bool:
		b = append(b, "01"[btoi(x)])
	case time.Time:
		b = appendJSONText(b, x.Format(sqliteTime))
	default:
		return nil, fmt.Errorf("a value for JSON: %T", v)
	}
	return b, nil
}

func btoi(x bool) int {
	if x {
		return 1
	}
	return 0
}

// appendJSONText appends s as a JSON string. Bytes that are not UTF-8
// become U+FFFD, as encoding/json writes them.
func appendJSONText(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, "\ufffd"...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
		i++
	}
	return append(b, '"')
}
