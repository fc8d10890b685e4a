package store

import (
	"strconv"
	"strings"
)

// Rows of the same table and columns are inserted a batch at a time, so
// that a server far away takes one round trip for many rows. A batch that
// fails is undone to its savepoint and its rows inserted one by one, so
// the error names the row that broke it.

// batchParams bounds a batch's parameters (SQLite allows 32766, PostgreSQL
// 65535), batchRows its rows.
const (
	batchParams = 2000
	batchRows   = 250
)

type batch struct {
	key  string
	t    exTable
	cols []string
	args []any
	rows []int // the rows' numbers in the file's table
}

// add keeps a row for the batch, flushing the batch first when the row
// is of another shape or would make it too big.
func (im *importer) add(t exTable, n int, cols []string, args []any) error {
	key := t.name + "\x00" + strings.Join(cols, "\x00")
	b := &im.batch
	if len(cols) == 0 { // DEFAULT VALUES: a row a statement
		if err := im.flush(); err != nil {
			return err
		}
		return im.exec(t, n, cols, 1, nil)
	}
	if b.key != key || len(b.args)+len(args) > batchParams || len(b.rows) >= batchRows {
		if err := im.flush(); err != nil {
			return err
		}
		b.key, b.t, b.cols = key, t, cols
	}
	b.args = append(b.args, args...)
	b.rows = append(b.rows, n)
	return nil
}

// flush inserts the rows kept.
func (im *importer) flush() error {
	b := &im.batch
	defer func() { b.args, b.rows = b.args[:0], b.rows[:0] }()
	switch len(b.rows) {
	case 0:
		return nil
	case 1:
		return im.exec(b.t, b.rows[0], b.cols, 1, b.args)
	}
	if _, err := im.tx.ExecContext(im.ctx, "SAVEPOINT exchange_batch"); err != nil {
		return err
	}
	if err := im.exec(b.t, b.rows[0], b.cols, len(b.rows), b.args); err == nil {
		_, err = im.tx.ExecContext(im.ctx, "RELEASE SAVEPOINT exchange_batch")
		return err
	}
	if _, err := im.tx.ExecContext(im.ctx, "ROLLBACK TO SAVEPOINT exchange_batch"); err != nil {
		return err
	}
	w := len(b.cols)
	for i, n := range b.rows {
		if err := im.exec(b.t, n, b.cols, 1, b.args[i*w:(i+1)*w]); err != nil {
			return err
		}
	}
	_, err := im.tx.ExecContext(im.ctx, "RELEASE SAVEPOINT exchange_batch")
	return err
}

// exec inserts rows rows of cols at once, through a statement prepared
// once for each shape and size.
func (im *importer) exec(t exTable, n int, cols []string, rows int, args []any) error {
	key := strconv.Itoa(rows) + "\x00" + t.name + "\x00" + strings.Join(cols, "\x00")
	stmt, ok := im.stmts[key]
	if !ok {
		var err error
		if stmt, err = im.tx.PrepareContext(im.ctx, im.insertSQL(t, cols, rows)); err != nil {
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

func (im *importer) insertSQL(t exTable, cols []string, rows int) string {
	if len(cols) == 0 {
		return "INSERT INTO " + quoteIdent(t.name) + " DEFAULT VALUES"
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = quoteIdent(c)
	}
	values := make([]string, rows)
	for i := range values {
		values[i] = "(" + im.d.placeholders(i*len(cols)+1, len(cols)) + ")"
	}
	return "INSERT INTO " + quoteIdent(t.name) + " (" + strings.Join(quoted, ", ") + ") VALUES " + strings.Join(values, ", ")
}
