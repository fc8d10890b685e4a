package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"gorm.io/gorm"

	"companion/model"
)

// ImportAll reads a full export into this database, which must be empty
// (as new: no table holds more rows than a new database has). All of it is
// written in one transaction, or nothing: any problem in the file is a
// *model.FieldError that says what and where. The rows are copied as they
// are, with the triggers set aside meanwhile; foreign keys are checked after
// the last row and the full-text indexes rebuilt.
func (s *Store) ImportAll(ctx context.Context, r io.Reader) (model.ExchangeSummary, error) {
	return s.importAll(ctx, r, nil)
}

// importAll is ImportAll; check, when not nil, runs in the transaction
// after the last row, and its error leaves the database as it was.
func (s *Store) importAll(ctx context.Context, r io.Reader, check func(*sql.Tx, model.ExchangeSummary) error) (model.ExchangeSummary, error) {
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
	im := &importer{ctx: ctx, tx: tx, d: s.d, dec: json.NewDecoder(bufio.NewReaderSize(r, 64<<10)), sum: sum,
		tables: map[string]exTable{}, stmts: map[string]*sql.Stmt{}}
	im.dec.UseNumber()
	if im.schema, err = schemaOf(ctx, tx, s.d); err != nil {
		return sum, err
	}
	tables, fts, err := exchangeTablesOf(ctx, tx, s.d)
	if err != nil {
		return sum, err
	}
	for _, t := range tables {
		im.tables[t.name] = t
	}
	triggers, err := setTriggersAside(ctx, tx, s.d)
	if err != nil {
		return sum, err
	}
	if err := mustBeNew(ctx, tx, s.d, tables, baseline); err != nil {
		return sum, err
	}
	if err := im.run(); err != nil {
		return sum, err
	}
	if err := s.afterImport(ctx, tx, triggers, fts); err != nil {
		return sum, err
	}
	if check != nil {
		if err := check(tx, sum); err != nil {
			return sum, err
		}
	}
	return sum, tx.Commit()
}

// setTriggersAside drops SQLite's triggers, returning what recreates them,
// or disables PostgreSQL's until afterImport.
func setTriggersAside(ctx context.Context, tx *sql.Tx, d dialect) ([]string, error) {
	if !d.postgres {
		return dropTriggers(ctx, tx)
	}
	return nil, setTriggers(ctx, tx, false)
}

// afterImport checks the foreign keys, puts the triggers back, makes again
// what this build's rules keep (rules_sql.go: the file may come from a
// build with other thresholds), rebuilds SQLite's full-text indexes and
// moves PostgreSQL's id sequences past the ids copied.
func (s *Store) afterImport(ctx context.Context, tx *sql.Tx, triggers, fts []string) error {
	if s.d.postgres {
		if err := postgresForeignKeysHold(ctx, tx); err != nil {
			return err
		}
		if err := setTriggers(ctx, tx, true); err != nil {
			return err
		}
	}
	for _, q := range triggers {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("recreate trigger: %w", err)
		}
	}
	for _, q := range refreshOf(s.d.ruleObjects()) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("refresh what the rules keep: %w", err)
		}
	}
	for _, name := range fts {
		q := fmt.Sprintf("INSERT INTO %s(%s) VALUES('rebuild')", quoteIdent(name), quoteIdent(name))
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild %s: %w", name, err)
		}
	}
	if s.d.postgres {
		return resyncIdentities(s.overTx(ctx, tx))
	}
	return foreignKeysHold(ctx, tx)
}

// overTx is the store's GORM over the transaction tx.
func (s *Store) overTx(ctx context.Context, tx *sql.Tx) *gorm.DB {
	db := s.db.Session(&gorm.Session{Context: ctx, NewDB: true})
	db.Statement.ConnPool = tx
	return db
}

// mustBeNew refuses a database that holds more than a new one, then
// empties the tables (of what the migrations put there, which the file
// carries too) with foreign keys checked at the end.
func mustBeNew(ctx context.Context, tx *sql.Tx, d dialect, tables []exTable, baseline map[string]int) error {
	for _, t := range tables {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(t.name)).Scan(&n); err != nil {
			return err
		}
		if n > baseline[t.name] {
			return &model.FieldError{Key: "exchange.err.not_empty", Args: map[string]any{"Table": t.name, "Rows": n}}
		}
	}
	deferKeys := "PRAGMA defer_foreign_keys = ON"
	if d.postgres {
		deferKeys = "SET CONSTRAINTS ALL DEFERRED"
	}
	if _, err := tx.ExecContext(ctx, deferKeys); err != nil {
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
