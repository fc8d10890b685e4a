package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"companion/model"
)

// listColumns are the only columns the client list reads.
const listColumns = `c.id, c.last_name, c.first_name, c.middle_name, c.phone, c.birth_date, c.visit_count,
	c.first_visit_on, c.last_visit_on, c.card_numbers, c.archived_at IS NOT NULL AS archived`

// ListClients returns the rows of the client list that match q, ordered by
// name. Text is matched as typed: first every word as the start of a word
// of the name, phone, email or card number; then, while there is room under
// the limit and the text is one word of three letters or more, anywhere in
// them (so "ванов" finds Иванов, and a phone typed any way its digits). With a limit
// and more matches than it, the rows are the first matches the indexes give,
// sorted by name: a search as you type wants another letter, not the whole
// alphabet.
func (s *Store) ListClients(ctx context.Context, q model.ClientQuery) ([]model.ClientRow, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	var rows []model.ClientRow
	plan := listPlan
	if dialectOf(s.db).postgres {
		plan = listPlanPostgres
	}
	for _, step := range plan(s.Today(), q) {
		if q.Limit > 0 && len(rows) >= q.Limit {
			break
		}
		var found []model.ClientRow
		if err := s.ctx(ctx).Raw(step.sql, step.args...).Scan(&found).Error; err != nil {
			return nil, err
		}
		rows = mergeRows(rows, found, q.Limit)
	}
	if q.Text != "" {
		sortByName(rows)
	}
	return rows, nil
}

// listStep is one query of a list: its SQL and arguments.
type listStep struct {
	sql  string
	args []any
}

// listPlan lists the queries of ListClients in order; each adds the rows
// the ones before did not find, up to the limit. The word index answers the
// start of words at once; the trigram index finds the rest anywhere. A list
// without text is read in name order through its index.
func listPlan(today model.Date, q model.ClientQuery) []listStep {
	t := parseSearch(q.Text)
	if len(t.long)+len(t.short) == 0 {
		return []listStep{listSQL(sqliteSQL, today, q, "", "")}
	}
	var plan []listStep
	if p, ok := model.PhonePrefix(q.Text); ok { // «8 916»: the phones that start 7916 first
		plan = append(plan, listSQL(sqliteSQL, today, q, "client_words", ftsExpr([]string{p}, "*")))
	}
	plan = append(plan, listSQL(sqliteSQL, today, q, "client_words", ftsExpr(append(append([]string{}, t.long...), t.short...), "*")))
	if len(t.long) == 1 && len(t.short) == 0 {
		plan = append(plan, listSQL(sqliteSQL, today, q, "client_tri", ftsExpr(t.long, "")))
	}
	return plan
}

// listPlanPostgres is listPlan on PostgreSQL, whose one trigram index
// over " " + the search key answers both kinds of match: a word's start
// is a space and the word, anywhere is the word alone.
func listPlanPostgres(today model.Date, q model.ClientQuery) []listStep {
	t := parseSearch(q.Text)
	if len(t.long)+len(t.short) == 0 {
		return []listStep{listSQL(postgresSQL, today, q, "", "")}
	}
	var plan []listStep
	if p, ok := model.PhonePrefix(q.Text); ok {
		plan = append(plan, listSQL(postgresSQL, today, q, "", "", wordStarts(p)))
	}
	var starts []string
	for _, w := range append(append([]string{}, t.long...), t.short...) {
		starts = append(starts, wordStarts(w))
	}
	plan = append(plan, listSQL(postgresSQL, today, q, "", "", starts...))
	if len(t.long) == 1 && len(t.short) == 0 {
		plan = append(plan, listSQL(postgresSQL, today, q, "", "", "%"+likeText(t.long[0])+"%"))
	}
	return plan
}

// wordStarts is the LIKE pattern of the words of " " + a search key that
// start with w.
func wordStarts(w string) string { return "% " + likeText(w) + "%" }

// likeText escapes LIKE's wildcards in s (the backslash is PostgreSQL's
// escape character by default).
func likeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// mergeRows adds to rows those of more it does not hold yet, up to limit
// (0: no limit).
func mergeRows(rows, more []model.ClientRow, limit int) []model.ClientRow {
	seen := make(map[uint]bool, len(rows))
	for _, r := range rows {
		seen[r.ID] = true
	}
	for _, r := range more {
		if limit > 0 && len(rows) >= limit {
			break
		}
		if !seen[r.ID] {
			seen[r.ID] = true
			rows = append(rows, r)
		}
	}
	return rows
}

// listSQL builds one query of a list: driven by the full-text table with
// expr, whose matches stream in and stop at the limit; or, with none, in
// name order — with the LIKE patterns like, the trigram index's matches.
func listSQL(d dialect, today model.Date, q model.ClientQuery, table, expr string, like ...string) listStep {
	where := []string{"c.archived_at IS NULL"}
	if q.Archived {
		where[0] = "c.archived_at IS NOT NULL"
	}
	var args []any
	from, order := "clients c", " ORDER BY c.name_key, c.id"
	if table != "" {
		from, order = table+" JOIN clients c ON c.id = "+table+".rowid", ""
		where = append(where, table+" MATCH @match")
		args = append(args, sql.Named("match", expr))
	}
	for i, p := range like {
		name := "like" + strconv.Itoa(i)
		where = append(where, "(' ' || c.search_key) LIKE @"+name)
		args = append(args, sql.Named(name, p))
	}
	if q.Status != "" || q.Trust != "" {
		args = append(args, sql.Named("today", today.ISO()))
	}
	if q.Status != "" {
		where = append(where, "("+d.statusSQL()+") = @status")
		args = append(args, sql.Named("status", string(q.Status)))
	}
	if q.Trust != "" {
		where = append(where, "("+d.trustSQL()+") = @trust")
		args = append(args, sql.Named("trust", string(q.Trust)))
	}
	if q.BirthdayDays > 0 {
		var keys []string
		for _, k := range birthdayKeys(today, q.BirthdayDays) {
			keys = append(keys, strconv.Itoa(k))
		}
		where = append(where, "c.birth_md IN ("+strings.Join(keys, ", ")+")")
	}
	if len(like) > 0 && q.Limit > 0 {
		return listStep{firstMatchesSQL(strings.Join(where, " AND "), q.Limit), args}
	}
	query := "SELECT " + listColumns + " FROM " + from + " WHERE " + strings.Join(where, " AND ") + order
	if q.Limit > 0 {
		query += " LIMIT " + strconv.Itoa(q.Limit)
	}
	return listStep{query, args}
}

// firstMatchesSQL finds on PostgreSQL the first limit clients in name
// order that meet where, reading the clients_name_search index alone
// (the name and the search key), then only their rows: reading each row
// a search passes over would cost ten times more.
func firstMatchesSQL(where string, limit int) string {
	return "SELECT " + listColumns + " FROM (SELECT c.id AS mid, c.name_key AS mkey FROM clients c WHERE " + where +
		" ORDER BY c.name_key, c.id LIMIT " + strconv.Itoa(limit) + ") AS m JOIN clients c ON c.id = m.mid ORDER BY m.mkey, m.mid"
}

// sortByName orders rows as the list shows them: by folded name, then ID.
func sortByName(rows []model.ClientRow) {
	keys := make(map[uint]string, len(rows))
	for _, r := range rows {
		keys[r.ID] = model.Fold(r.FullName())
	}
	slices.SortFunc(rows, func(a, b model.ClientRow) int {
		return cmp.Or(strings.Compare(keys[a.ID], keys[b.ID]), cmp.Compare(a.ID, b.ID))
	})
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

// ftsExpr joins words as FTS5 phrases, each followed by suffix ("*" for a
// prefix). Fold has left no quotes in them.
func ftsExpr(words []string, suffix string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = `"` + w + `"` + suffix
	}
	return strings.Join(parts, " AND ")
}

// birthdayKeys lists the birth_md keys of the birthdays of the next days,
// today included (model.BirthdayKeys), in the order they come.
func birthdayKeys(today model.Date, days int) []int {
	var keys []int
	for i := 0; i < days; i++ {
		keys = append(keys, model.BirthdayKeys(today.AddDays(i))...)
	}
	return keys
}
