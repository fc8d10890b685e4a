package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
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
	types []string // PostgreSQL's data_type of each column; nil on SQLite
	order string   // ORDER BY: the primary key, or rowid
}

// exchangeTablesOf lists the tables a full export carries on the backend
// d; on PostgreSQL there are no full-text indexes to rebuild.
func exchangeTablesOf(ctx context.Context, q querier, d dialect) ([]exTable, []string, error) {
	if !d.postgres {
		return exchangeTables(ctx, q)
	}
	tables, err := postgresTables(ctx, q)
	return tables, nil, err
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
