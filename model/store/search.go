package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
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
	db := s.ctx(ctx)
	query, args, err := listSQL(s.Today(), q, func(query string, args ...any) (int, error) {
		var n int
		err := db.Raw(query, args...).Scan(&n).Error
		return n, err
	})
	if err != nil {
		return nil, err
	}
	var rows []model.ClientRow
	return rows, db.Raw(query, args...).Scan(&rows).Error
}

// counter runs a query that returns one number.
type counter func(query string, args ...any) (int, error)

// listSQL builds the query of ListClients and its named arguments. Text is
// found one of two ways. Few matches: the full-text index gives them all,
// and they are sorted by name. Many, with a limit: the list is read in name
// order through the name index and stops at the limit, each row checked on
// its search key, which finds the same rows without gathering thousands of
// matches only to keep the first few hundred.
func listSQL(today model.Date, q model.ClientQuery, count counter) (string, []any, error) {
	where := []string{"c.archived_at IS NULL"}
	if q.Archived {
		where[0] = "c.archived_at IS NOT NULL"
	}
	var args []any
	from := "clients c"
	if t := parseSearch(q.Text); len(t.long)+len(t.short) > 0 {
		byName := false
		if q.Limit > 0 && !q.Archived && q.Status == "" && q.BirthdayDays == 0 && !t.phone {
			var err error
			if byName, err = t.manyMatches(q.Limit, count); err != nil {
				return "", nil, err
			}
		}
		if byName {
			from = "clients c INDEXED BY clients_name"
			where = append(where, keyFilters(t.long, t.short, &args)...)
		} else {
			// the trigram index serves the long words, the row the short ones
			table, expr, rest := "client_tri", ftsExpr(t.long, ""), t.short
			if len(t.long) == 0 {
				table, expr, rest = "client_words", ftsExpr(t.short, "*"), nil
			}
			where = append(where, "c.id IN (SELECT rowid FROM "+table+" WHERE "+table+" MATCH @match)")
			args = append(args, sql.Named("match", expr))
			where = append(where, keyFilters(nil, rest, &args)...)
		}
	}
	if q.Status != "" {
		where = append(where, "("+statusSQL+") = @status")
		args = append(args, sql.Named("today", today.ISO()), sql.Named("status", string(q.Status)))
	}
	if q.BirthdayDays > 0 {
		var keys []string
		for _, k := range birthdayKeys(today, q.BirthdayDays) {
			keys = append(keys, strconv.Itoa(k))
		}
		where = append(where, "c.birth_md IN ("+strings.Join(keys, ", ")+")")
	}
	query := "SELECT " + listColumns + " FROM " + from + " WHERE " + strings.Join(where, " AND ") + " ORDER BY c.name_key, c.id"
	if q.Limit > 0 {
		query += " LIMIT " + strconv.Itoa(q.Limit)
	}
	return query, args, nil
}

// searchText is typed text split the way the indexes serve it.
type searchText struct {
	long  []string // words of 3+ characters, found anywhere (trigram index)
	short []string // shorter words, found at the start of a word (word index)
	phone bool     // the digits of a phone number being typed
}

func parseSearch(text string) searchText {
	if d, ok := model.PhoneQuery(text); ok {
		if len(d) >= 3 {
			return searchText{long: []string{d}, phone: true}
		}
		return searchText{short: []string{d}, phone: true}
	}
	var t searchText
	for _, w := range strings.Fields(model.Fold(text)) {
		if utf8.RuneCountInString(w) >= 3 {
			t.long = append(t.long, w)
		} else {
			t.short = append(t.short, w)
		}
	}
	return t
}

// matchExpressions turns typed text into FTS5 queries: one for the trigram
// index (words of 3+ characters, as phrases), one for the word-prefix index
// (shorter words, as prefixes). Either may be empty.
func matchExpressions(text string) (tri, words string) {
	t := parseSearch(text)
	return ftsExpr(t.long, ""), ftsExpr(t.short, "*")
}

// ftsExpr joins words as FTS5 phrases, each followed by suffix ("*" for a
// prefix). Fold has left no quotes in them.
func ftsExpr(words []string, suffix string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = `"` + w + `"` + suffix
	}
	return strings.Join(parts, " AND ")
}

// keyFilters checks words on the row's search key the way the indexes match
// them: a long word anywhere, a short one at the start of a word.
func keyFilters(long, short []string, args *[]any) []string {
	var out []string
	add := func(expr, value string) {
		name := fmt.Sprintf("k%d", len(*args))
		*args = append(*args, sql.Named(name, value))
		out = append(out, fmt.Sprintf(expr, "@"+name))
	}
	for _, w := range long {
		add("instr(c.search_key, %s) > 0", w)
	}
	for _, w := range short {
		add("instr(' ' || c.search_key, %s) > 0", " "+w)
	}
	return out
}

// manyMatches tells whether reading the list in name order is the cheaper
// way. Gathering the matches costs about one row per match; reading in name
// order about limit × clients / matches rows: the two meet at √(limit ×
// clients) matches. The probe counts up to there in the word index, every
// word taken as a prefix — never more than really match, so a wrong guess
// only costs the way that was already cheap. (Matches bunched in one part
// of the alphabet make the name-order read longer than this estimate; a
// prefix shared by that many clients is a first name or a patronymic,
// spread all over the list.) An index on (name_key, search_key) would make
// a row read in name order about ten times cheaper than a match gathered,
// and the meeting point √(limit × clients / 10).
func (t searchText) manyMatches(limit int, count counter) (bool, error) {
	clients, err := count("SELECT coalesce(max(rowid), 0) FROM clients")
	if err != nil {
		return false, err
	}
	enough := max(1, int(math.Sqrt(float64(limit)*float64(clients))))
	probe := ftsExpr(append(append([]string{}, t.long...), t.short...), "*")
	n, err := count("SELECT count(*) FROM (SELECT rowid FROM client_words WHERE client_words MATCH @probe LIMIT @enough)",
		sql.Named("probe", probe), sql.Named("enough", enough))
	return n >= enough, err
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
