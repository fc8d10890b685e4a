package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"companion/model"
)

// The exchange format on PostgreSQL: the same file as SQLite's for the same
// data. A value is written as SQLite stores it (booleans 0/1, moments as
// the SQLite driver's text), and read back into the column's own type.

// sqliteTime is how the SQLite driver stores a moment (in UTC, as the
// store's clock gives it); an export from PostgreSQL writes the same text.
const sqliteTime = "2006-01-02 15:04:05.999999999-07:00"

// sqliteTimes are the texts a moment may have in a file: the driver's, and
// the other forms SQLite's driver reads; one without a zone is in UTC.
var sqliteTimes = []string{
	sqliteTime,
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// postgresInternal are PostgreSQL's own tables: SQLite has no such tables,
// and the file carries none of them.
var postgresInternal = map[string]bool{"schema_version": true, "schema_rules": true}

// postgresTables lists the ordinary tables of the current schema, in name
// order as SQLite's binary collation has it, without postgresInternal,
// with their columns, types and primary keys (one query: the catalogue's
// views are slow).
func postgresTables(ctx context.Context, q querier) ([]exTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.table_name, c.column_name, c.data_type, coalesce(k.ordinal_position, 0)
		FROM information_schema.columns AS c
		JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
			AND t.table_type = 'BASE TABLE'
		LEFT JOIN information_schema.table_constraints AS tc ON tc.table_schema = c.table_schema
			AND tc.table_name = c.table_name AND tc.constraint_type = 'PRIMARY KEY'
		LEFT JOIN information_schema.key_column_usage AS k ON k.constraint_schema = tc.constraint_schema
			AND k.constraint_name = tc.constraint_name AND k.column_name = c.column_name
		WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byName := map[string]*pgTable{}
	for rows.Next() {
		var table, name, typ string
		var pos int
		if err := rows.Scan(&table, &name, &typ, &pos); err != nil {
			return nil, err
		}
		if postgresInternal[table] {
			continue
		}
		if byName[table] == nil {
			byName[table] = &pgTable{exTable: exTable{name: table}, pk: map[int]string{}}
		}
		byName[table].column(name, typ, pos)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	tables := make([]exTable, 0, len(byName))
	for _, t := range byName {
		tables = append(tables, t.done())
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].name < tables[j].name }) // bytes, as SQLite
	return tables, nil
}

// pgTable is a table whose columns are being read.
type pgTable struct {
	exTable
	pk  map[int]string
	all []string
}

// column adds a column. Text keys are ordered by bytes (COLLATE "C"), as
// SQLite's are.
func (t *pgTable) column(name, typ string, pkPos int) {
	t.cols, t.types = append(t.cols, name), append(t.types, typ)
	key := quoteIdent(name)
	if typ == "text" {
		key += ` COLLATE "C"`
	}
	t.all = append(t.all, key)
	if pkPos > 0 {
		t.pk[pkPos] = key
	}
}

// done orders the table by its primary key, or by all its columns when it
// has none.
func (t *pgTable) done() exTable {
	if len(t.pk) == 0 {
		t.order = strings.Join(t.all, ", ")
		return t.exTable
	}
	ordered := make([]string, len(t.pk))
	for pos, key := range t.pk {
		ordered[pos-1] = key
	}
	t.order = strings.Join(ordered, ", ")
	return t.exTable
}

// exportForm is a value read from PostgreSQL as SQLite stores it.
func exportForm(v any) any {
	switch x := v.(type) {
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	case time.Time:
		// A day (model.Date) is stored in a moment's column as ISO text on
		// SQLite, and as its midnight in UTC on PostgreSQL.
		if x = x.UTC(); x.Equal(x.Truncate(24 * time.Hour)) {
			return x.Format(time.DateOnly)
		}
		return x.Format(sqliteTime)
	case int32:
		return int64(x)
	case float32:
		return float64(x)
	}
	return v
}

// columnValue turns a value of the file into one of the PostgreSQL column
// type typ, as SQLite's column affinity would have taken it.
func columnValue(typ string, v any) (any, error) {
	switch typ {
	case "boolean":
		switch v {
		case nil:
			return nil, nil
		case int64(0):
			return false, nil
		case int64(1):
			return true, nil
		}
		return nil, fmt.Errorf("a boolean is 0 or 1, not %v", v)
	case "timestamp with time zone", "timestamp without time zone":
		s, ok := v.(string)
		if !ok {
			return v, nil
		}
		for _, layout := range sqliteTimes {
			if t, err := time.Parse(layout, s); err == nil {
				return t.UTC(), nil
			}
		}
		return nil, fmt.Errorf("%q is not a moment", s)
	case "bigint", "integer", "smallint":
		if f, ok := v.(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<63 {
			return int64(f), nil
		}
	case "double precision", "real", "numeric":
		if i, ok := v.(int64); ok {
			return float64(i), nil
		}
	case "text":
		switch x := v.(type) {
		case int64:
			return strconv.FormatInt(x, 10), nil
		case float64:
			b, err := appendValue(nil, x)
			return string(b), err
		}
	}
	return v, nil
}

// setTriggers disables (or enables again) the triggers of every table that
// has any: the rows are copied as they were, the summaries the triggers
// keep too. Enabling waits for the foreign keys checked first: PostgreSQL
// alters no table with checks pending.
func setTriggers(ctx context.Context, tx *sql.Tx, on bool) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT c.relname FROM pg_trigger AS t
		JOIN pg_class AS c ON c.oid = t.tgrelid
		WHERE NOT t.tgisinternal AND c.relnamespace = CAST(current_schema() AS regnamespace) ORDER BY 1`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	verb := "DISABLE"
	if on {
		verb = "ENABLE"
	}
	for _, name := range tables {
		if _, err := tx.ExecContext(ctx, "ALTER TABLE "+quoteIdent(name)+" "+verb+" TRIGGER USER"); err != nil {
			return fmt.Errorf("%s triggers of %s: %w", strings.ToLower(verb), name, err)
		}
	}
	return nil
}

// postgresForeignKeysHold fails with the first row whose reference leads
// nowhere, as PRAGMA foreign_key_check finds it on SQLite, then has the
// server check its deferred keys now.
func postgresForeignKeysHold(ctx context.Context, tx *sql.Tx) error {
	keys, err := postgresForeignKeys(ctx, tx)
	if err != nil {
		return err
	}
	for _, k := range keys {
		var id sql.NullInt64
		err := tx.QueryRowContext(ctx, k.orphanQuery()).Scan(&id)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return err
		}
		return &model.FieldError{Key: "exchange.err.foreign_key",
			Args: map[string]any{"Table": k.table, "RowID": id.Int64, "Parent": k.parent}}
	}
	_, err = tx.ExecContext(ctx, "SET CONSTRAINTS ALL IMMEDIATE")
	return err
}

// foreignKey is one reference: table's cols to parent's keys.
type foreignKey struct {
	table, parent string
	cols, keys    []string
	hasID         bool
}

func (k foreignKey) orphanQuery() string {
	id := "0"
	if k.hasID {
		id = "t.id"
	}
	var set, match []string
	for i, c := range k.cols {
		set = append(set, "t."+quoteIdent(c)+" IS NOT NULL")
		match = append(match, "p."+quoteIdent(k.keys[i])+" = t."+quoteIdent(c))
	}
	return "SELECT " + id + " FROM " + quoteIdent(k.table) + " AS t WHERE " + strings.Join(set, " AND ") +
		" AND NOT EXISTS (SELECT 1 FROM " + quoteIdent(k.parent) + " AS p WHERE " + strings.Join(match, " AND ") +
		") ORDER BY 1 LIMIT 1"
}

// postgresForeignKeys lists the references of the current schema, in
// table and constraint name order.
func postgresForeignKeys(ctx context.Context, tx *sql.Tx) ([]foreignKey, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
			array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS u(n, i)
				JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = u.n ORDER BY u.i), ','),
			array_to_string(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS u(n, i)
				JOIN pg_attribute AS a ON a.attrelid = c.confrelid AND a.attnum = u.n ORDER BY u.i), ','),
			EXISTS (SELECT 1 FROM pg_attribute AS a WHERE a.attrelid = c.conrelid AND a.attname = 'id' AND NOT a.attisdropped)
		FROM pg_constraint AS c
		WHERE c.contype = 'f' AND c.connamespace = CAST(current_schema() AS regnamespace)
		ORDER BY 1, c.conname`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []foreignKey
	for rows.Next() {
		var k foreignKey
		var cols, refs string
		if err := rows.Scan(&k.table, &k.parent, &cols, &refs, &k.hasID); err != nil {
			return nil, err
		}
		k.table, k.parent = strings.Trim(k.table, `"`), strings.Trim(k.parent, `"`)
		k.cols, k.keys = strings.Split(cols, ","), strings.Split(refs, ",")
		keys = append(keys, k)
	}
	return keys, rows.Err()
}
