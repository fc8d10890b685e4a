package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"companion/model"
)

// Many new clients at once (an import, a batch) are written insertBatch
// rows to a statement, with their search keys in the same row, instead of
// a row and then its keys: a list of 20,000 clients goes in within a
// second. The statement is written here by hand (on SQLite the rows travel
// as JSON: sqlite_rows.go), so the columns are those GORM writes for
// model.Client and clientKeys adds; TestTheBatchWritesWhatCreateClientWrites
// holds the two to each other.

// insertBatch is how many clients one statement writes at least, and
// progressSteps how many times progress is told at most. Fewer, larger
// statements are faster on SQLite: each one copies the pages it changes
// aside first and flushes the search indexes at its end.
const (
	insertBatch   = 250
	progressSteps = 20
)

// batchSize is the clients a statement writes out of n: insertBatch, or
// on SQLite n/progressSteps when that is more. PostgreSQL takes 65,535
// parameters at most.
func (d dialect) batchSize(n int) int {
	if d.postgres {
		return insertBatch
	}
	return max(insertBatch, (n+progressSteps-1)/progressSteps)
}

// newClientColumns are the columns of a new client's row.
var newClientColumns = []string{"uuid", "last_name", "first_name", "middle_name", "phone", "email", "birth_date",
	"source", "referrer_id", "pd_consent_at", "health_consent_at", "marketing_consent", "marketing_consent_at",
	"marketing_consent_how", "marketing_withdrawn_at",
	"tags", "notes", "health", "needs_stated", "needs_observed", "goals", "goal_weight_kg", "goal_waist_cm",
	"preferred_days", "preferred_time", "first_visit_on", "last_visit_on", "visit_count", "card_numbers",
	"archived_at", "version", "created_at", "updated_at", "search_key", "name_key", "birth_md"}

// newClientArgs are the values of c for newClientColumns.
func newClientArgs(args []any, c *model.Client) []any {
	keys := clientKeys(c)
	var referrer, archived any
	if c.ReferrerID != nil {
		referrer = int64(*c.ReferrerID)
	}
	if c.ArchivedAt != nil {
		archived = *c.ArchivedAt
	}
	return append(args, c.UUID, c.LastName, c.FirstName, c.MiddleName, c.Phone, c.Email, c.BirthDate,
		c.Source, referrer, c.PDConsentAt, c.HealthConsentAt, c.MarketingConsent, c.MarketingConsentAt,
		c.MarketingConsentHow, c.MarketingWithdrawnAt,
		c.Tags, c.Notes, c.Health, c.NeedsStated, c.NeedsObserved, c.Goals, c.GoalWeightKg, c.GoalWaistCm,
		int64(c.PreferredDays), c.PreferredTime, c.FirstVisitOn, c.LastVisitOn, int64(c.VisitCount), c.CardNumbers,
		archived, int64(c.Version), c.CreatedAt, c.UpdatedAt, keys["search_key"], keys["name_key"], int64(keys["birth_md"].(int)))
}

// clientInserter writes new clients inside one transaction.
type clientInserter struct {
	s     *Store
	ctx   context.Context
	tx    *gorm.DB
	stmts map[int]*sql.Stmt // PostgreSQL: by rows a statement
	work  []string          // SQLite: the work of the triggers set aside
}

// insertClients writes cs (validated) inside tx, batchSize at a time,
// sets their IDs and tells progress after each batch. On SQLite the
// triggers that follow each new row do their work once for all of them,
// right after them (setAsideTriggers), and unless careful a large batch
// sets indexes aside (setAsideIndexes). Each batch's statement is made
// on another goroutine while the batch before it runs (prepare). A batch
// that fails is written again a row at a time, so that the *RowError
// names the client that was refused.
func (s *Store) insertClients(ctx context.Context, tx *gorm.DB, cs []*model.Client, careful bool, progress func(done, total int)) error {
	if len(cs) == 0 {
		return nil
	}
	in := &clientInserter{s: s, ctx: ctx, tx: tx, stmts: map[int]*sql.Stmt{}}
	defer in.close()
	var putBack, indexes []string
	if !s.d.postgres {
		var err error
		if in.work, putBack, err = setAsideTriggers(ctx, tx, s.d); err != nil {
			return err
		}
		if !careful {
			if indexes, err = setAsideIndexes(ctx, tx, len(cs)); err != nil {
				return err
			}
		}
	}
	stop := make(chan struct{})
	batches := in.prepare(cs, stop)
	defer func() { // the goroutine has left cs alone when this returns
		close(stop)
		for range batches {
		}
	}()
	for b := range batches {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := in.batch(b); err != nil {
			return err
		}
		if progress != nil {
			progress(b.start+len(b.part), len(cs))
		}
	}
	if err := in.triggersWork(cs); err != nil { // the search indexes, right after the rows
		return err
	}
	for _, q := range indexes {
		if err := in.exec(q); err != nil {
			return errors.Join(errIndexAgain, err)
		}
	}
	for _, q := range putBack {
		if err := in.exec(q); err != nil {
			return err
		}
	}
	return nil
}

// prepared is a batch of new clients, from cs[start], with the statement
// that writes them (a PostgreSQL statement has no query: it is prepared
// once for its number of rows) or the error that made it fail.
type prepared struct {
	start int
	part  []*model.Client
	query string
	args  []any
	err   error
}

// prepare makes the batches of cs on a goroutine of its own, one ahead of
// the batch being written, until they are all made or stop is closed.
func (in *clientInserter) prepare(cs []*model.Client, stop <-chan struct{}) <-chan prepared {
	out := make(chan prepared, 1)
	now := in.s.moment()
	size := in.s.d.batchSize(len(cs))
	go func() {
		defer close(out)
		for start := 0; start < len(cs); start += size {
			part := cs[start:min(start+size, len(cs))]
			for _, c := range part {
				if c.UUID == "" { // ordered by time: each goes at the end of the index by UUID
					c.UUID = uuid.Must(uuid.NewV7()).String()
				}
				c.Version, c.CreatedAt, c.UpdatedAt = 1, now, now
			}
			b := in.statement(part)
			b.start = start
			select {
			case out <- b:
			case <-stop:
				return
			}
		}
	}()
	return out
}

// batch writes one batch, or, when it fails, its rows one at a time, so
// that the error names the row. A failed statement leaves the transaction
// as it was on SQLite; PostgreSQL needs a savepoint for it.
func (in *clientInserter) batch(b prepared) error {
	pg := in.s.d.postgres
	if pg {
		if err := in.exec("SAVEPOINT clients_batch"); err != nil {
			return err
		}
	}
	err := in.run(b)
	if err == nil && pg {
		return in.exec("RELEASE SAVEPOINT clients_batch")
	}
	if err == nil {
		return nil
	}
	if in.ctx.Err() != nil {
		return in.ctx.Err()
	}
	if pg {
		if err := in.exec("ROLLBACK TO SAVEPOINT clients_batch"); err != nil {
			return err
		}
	}
	for i, c := range b.part {
		if err := in.run(in.statement([]*model.Client{c})); err != nil {
			return &RowError{Index: b.start + i, Err: in.s.clientWriteError(in.tx, c, in.translate(err))}
		}
	}
	if pg {
		return in.exec("RELEASE SAVEPOINT clients_batch")
	}
	return nil
}

// statement makes the statement that writes the rows of part.
func (in *clientInserter) statement(part []*model.Client) prepared {
	b := prepared{part: part}
	if in.s.d.postgres {
		b.args = make([]any, 0, len(part)*len(newClientColumns))
		for _, c := range part {
			b.args = newClientArgs(b.args, c)
		}
		return b
	}
	rows := make([][]any, len(part))
	for i, c := range part {
		rows[i] = newClientArgs(make([]any, 0, len(newClientColumns)), c)
	}
	b.query, b.args, b.err = jsonInsert("clients", newClientColumns, rows)
	return b
}

// run writes the rows of b in one statement and sets their IDs.
func (in *clientInserter) run(b prepared) error {
	if b.err != nil {
		return b.err
	}
	if b.query != "" {
		if err := in.exec(b.query, b.args...); err != nil {
			return err
		}
		return in.sequentialIDs(b.part)
	}
	stmt, err := in.stmt(len(b.part))
	if err != nil {
		return err
	}
	return in.setIDs(stmt.QueryContext(in.ctx, b.args...))(byUUID(b.part))
}

// sequentialIDs gives the clients of part, just written on SQLite in one
// statement, their IDs. SQLite gives a statement's rows the IDs after the
// largest, one by one in the order they come, so the last is
// last_insert_rowid(): the count of the rows between and the first and
// last rows' UUIDs confirm it. Should they not, the IDs are read by UUID.
func (in *clientInserter) sequentialIDs(part []*model.Client) error {
	db := in.tx.Statement.ConnPool
	var last, n int64
	var a, z string
	if err := db.QueryRowContext(in.ctx, "SELECT last_insert_rowid()").Scan(&last); err != nil {
		return err
	}
	first := last - int64(len(part)) + 1
	err := db.QueryRowContext(in.ctx, `SELECT count(*), coalesce(min(CASE WHEN id = ?1 THEN uuid END), ''),
		coalesce(min(CASE WHEN id = ?2 THEN uuid END), '') FROM clients WHERE id BETWEEN ?1 AND ?2`, first, last).Scan(&n, &a, &z)
	if err != nil {
		return err
	}
	if n != int64(len(part)) || a != part[0].UUID || z != part[len(part)-1].UUID {
		uuids := make([]string, len(part))
		for i, c := range part {
			uuids[i] = c.UUID
		}
		list, err := json.Marshal(uuids)
		if err != nil {
			return err
		}
		q := "SELECT c.id, c.uuid FROM " + in.s.d.textsOf("u") + " " + in.s.d.crossJoin() + " clients AS c ON c.uuid = u.value"
		return in.setIDs(db.QueryContext(in.ctx, q, string(list)))(byUUID(part))
	}
	for i, c := range part {
		c.ID = uint(first + int64(i))
	}
	return nil
}

// byUUID is the clients of part by UUID.
func byUUID(part []*model.Client) map[string]*model.Client {
	m := make(map[string]*model.Client, len(part))
	for _, c := range part {
		m[c.UUID] = c
	}
	return m
}

// setIDs gives each client of byUUID the ID of the row of rows (id, uuid)
// with its UUID.
func (in *clientInserter) setIDs(rows *sql.Rows, err error) func(byUUID map[string]*model.Client) error {
	return func(byUUID map[string]*model.Client) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				return err
			}
			if c := byUUID[key]; c != nil {
				c.ID = uint(id)
			}
		}
		return rows.Err()
	}
}

// stmt is the insert of n rows on PostgreSQL, prepared once in the
// transaction.
func (in *clientInserter) stmt(n int) (*sql.Stmt, error) {
	if st, ok := in.stmts[n]; ok {
		return st, nil
	}
	values := make([]string, n)
	for i := range values {
		values[i] = "(" + in.s.d.placeholders(i*len(newClientColumns)+1, len(newClientColumns)) + ")"
	}
	q := "INSERT INTO clients (" + strings.Join(newClientColumns, ", ") + ") VALUES " +
		strings.Join(values, ", ") + " RETURNING id, uuid"
	st, err := in.tx.Statement.ConnPool.PrepareContext(in.ctx, q)
	if err != nil {
		return nil, err
	}
	in.stmts[n] = st
	return st, nil
}

func (in *clientInserter) exec(q string, args ...any) error {
	_, err := in.tx.Statement.ConnPool.ExecContext(in.ctx, q, args...)
	return err
}

// triggersWork does for the clients of cs, just written, the work of the
// triggers set aside.
func (in *clientInserter) triggersWork(cs []*model.Client) error {
	if len(in.work) == 0 {
		return nil
	}
	first, last := cs[0].ID, cs[0].ID
	for _, c := range cs {
		first, last = min(first, c.ID), max(last, c.ID)
	}
	for _, q := range in.work {
		if err := in.exec(q, int64(first), int64(last)); err != nil {
			return err
		}
	}
	return nil
}

// translate makes a driver's error GORM's typed one (a duplicate key), as
// the store's GORM calls get them.
func (in *clientInserter) translate(err error) error {
	if t, ok := in.tx.Dialector.(gorm.ErrorTranslator); ok {
		return t.Translate(err)
	}
	return err
}

func (in *clientInserter) close() {
	for _, st := range in.stmts {
		st.Close()
	}
}
