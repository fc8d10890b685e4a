package store

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"companion/model"
)

// listColumns are the only columns the client list reads.
const listColumns = `c.id, c.last_name, c.first_name, c.middle_name, c.phone, c.birth_date, c.visit_count,
	c.first_visit_on, c.last_visit_on, c.card_numbers, c.archived_at IS NOT NULL AS archived`

// statusSQL is model.ClientStatus written in SQL, so the status filter runs
// in the database; a test holds the two to the same answers.
const statusSQL = `CASE
	WHEN c.visit_count = 0 OR c.last_visit_on IS NULL THEN 'lead'
	WHEN julianday(@today) - julianday(c.last_visit_on) > 90 THEN 'lapsed'
	WHEN julianday(@today) - julianday(c.last_visit_on) > CASE
		WHEN c.visit_count >= 3 AND c.first_visit_on IS NOT NULL
		THEN 1.5 * (julianday(c.last_visit_on) - julianday(c.first_visit_on)) / (c.visit_count - 1)
		ELSE 30 END THEN 'at_risk'
	ELSE 'active' END`

// ListClients returns the rows of the client list that match q, ordered by
// name. Text is matched as typed: words of three letters or more anywhere in
// the name, phone, email or card number; shorter ones as the start of a word;
// a phone typed any way by its digits.
func (s *Store) ListClients(ctx context.Context, q model.ClientQuery) ([]model.ClientRow, error) {
	where := []string{"c.archived_at IS NULL"}
	if q.Archived {
		where[0] = "c.archived_at IS NOT NULL"
	}
	args := map[string]any{"today": s.Today().ISO()}
	tri, words := matchExpressions(q.Text)
	if tri != "" {
		where = append(where, "c.id IN (SELECT rowid FROM client_tri WHERE client_tri MATCH @tri)")
		args["tri"] = tri
	}
	if words != "" {
		where = append(where, "c.id IN (SELECT rowid FROM client_words WHERE client_words MATCH @words)")
		args["words"] = words
	}
	if q.Status != "" {
		where = append(where, "("+statusSQL+") = @status")
		args["status"] = string(q.Status)
	}
	if q.BirthdayDays > 0 {
		where = append(where, "c.birth_md IN @md")
		args["md"] = birthdayKeys(s.Today(), q.BirthdayDays)
	}
	sql := "SELECT " + listColumns + " FROM clients c WHERE " + strings.Join(where, " AND ") + " ORDER BY c.name_key, c.id"
	if q.Limit > 0 {
		sql += " LIMIT @limit"
		args["limit"] = q.Limit
	}
	var rows []model.ClientRow
	db := s.ctx(ctx)
	if strings.Contains(sql, "@") {
		db = db.Raw(sql, args)
	} else {
		db = db.Raw(sql)
	}
	return rows, db.Scan(&rows).Error
}

// matchExpressions turns typed text into FTS5 queries: one for the trigram
// index (words of 3+ characters, as phrases), one for the word-prefix index
// (shorter words, as prefixes). Either may be empty.
func matchExpressions(text string) (tri, words string) {
	var long, short []string
	if d, ok := model.PhoneQuery(text); ok {
		if len(d) >= 3 {
			return `"` + d + `"`, ""
		}
		return "", `"` + d + `"*`
	}
	for _, w := range strings.Fields(model.Fold(text)) {
		if utf8.RuneCountInString(w) >= 3 {
			long = append(long, `"`+w+`"`)
		} else {
			short = append(short, `"`+w+`"*`)
		}
	}
	return strings.Join(long, " AND "), strings.Join(short, " AND ")
}

// birthdayKeys lists the month*100+day keys of the next days, today
// included. A 29 February birthday is kept on 28 February in other years.
func birthdayKeys(today model.Date, days int) []int {
	var keys []int
	for i := 0; i < days; i++ {
		d := today.AddDays(i)
		keys = append(keys, int(d.Month())*100+d.Day())
		if d.Month() == time.February && d.Day() == 28 && !isLeap(d.Year()) {
			keys = append(keys, 229)
		}
	}
	return keys
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
