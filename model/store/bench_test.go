package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"companion/model"
	"companion/model/demo"
	"companion/model/store/storetest"
)

// benchClients is the size of the salon the benchmarks search: far more
// than any one salon will have, so the figures are an upper bound.
const benchClients = 100_000

var (
	benchOnce  sync.Once
	benchStore *Store
	benchErr   error
)

// openBench opens the benchmark database, building it on the first run and
// keeping it in the temp folder, keyed by schema version, size and a
// fingerprint of the demo data, so later runs reuse it until one changes.
func openBench(b *testing.B) *Store {
	b.Helper()
	benchOnce.Do(func() {
		name := fmt.Sprintf("companion-bench-v%d-%d-%s.db", SchemaVersion(), benchClients, demoFingerprint())
		path := filepath.Join(os.TempDir(), name)
		if testServer != "" {
			path, benchErr = serverBench(strings.ReplaceAll(strings.TrimSuffix(name, ".db"), "-", "_"))
		} else if _, err := os.Stat(path); err != nil {
			benchErr = buildBench(path)
		}
		if benchErr == nil {
			benchStore, benchErr = Open(path, WithClock(func() time.Time { return fixedNow }))
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// demoFingerprint changes when the demo generator does.
func demoFingerprint() string {
	h := fnv.New32a()
	fmt.Fprint(h, demo.Salon(1, model.DateOf(fixedNow), 50))
	return fmt.Sprintf("%08x", h.Sum32())
}

// buildBench writes the demo salon into a new file and renames it into
// place only when complete, so an interrupted build is never reused.
func buildBench(path string) error {
	tmp := path + ".building"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	start := time.Now()
	s, err := Open(tmp, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		return err
	}
	err = s.FillDemo(context.Background(), demo.Salon(1, s.Today(), benchClients))
	if err == nil {
		err = s.DB().Exec("PRAGMA optimize").Error
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "built %s with %d clients in %v\n", path, benchClients, time.Since(start).Round(time.Millisecond))
	return os.Rename(tmp, path)
}

// serverBench is buildBench on the test server: the database name, built
// under another name and renamed when complete, kept for later runs.
func serverBench(name string) (string, error) {
	admin, err := sql.Open("pgx", testServer)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	at := storetest.At
	var n int
	if err := admin.QueryRow("SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil || n == 1 {
		return at(name), err
	}
	tmp := name + "_building"
	for _, q := range []string{"DROP DATABASE IF EXISTS " + tmp, "CREATE DATABASE " + tmp} {
		if _, err := admin.Exec(q); err != nil {
			return "", err
		}
	}
	start := time.Now()
	s, err := Open(at(tmp), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		return "", err
	}
	err = s.FillDemo(context.Background(), demo.Salon(1, s.Today(), benchClients))
	if err == nil {
		err = s.DB().Exec("VACUUM ANALYZE").Error
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	if _, err := admin.Exec("ALTER DATABASE " + tmp + " RENAME TO " + name); err != nil {
		return "", err
	}
	fmt.Fprintf(os.Stderr, "built %s with %d clients in %v\n", name, benchClients, time.Since(start).Round(time.Millisecond))
	return at(name), nil
}

// keystrokes are what a manager types into the search box, one call per
// key: a common surname, a rarer one, a first name, a phone number and a
// surname followed by a first name, all taken from the benchmark data.
func keystrokes(b *testing.B, s *Store) [][]string {
	b.Helper()
	var common string
	err := s.DB().Raw(`SELECT last_name FROM clients WHERE middle_name <> ''
		GROUP BY last_name ORDER BY count(*) DESC LIMIT 1`).Scan(&common).Error
	if err != nil {
		b.Fatal(err)
	}
	var namesake model.Client // someone with the common surname
	if err := s.DB().Where("last_name = ?", common).Order("id").Take(&namesake).Error; err != nil {
		b.Fatal(err)
	}
	var last uint
	if err := s.DB().Raw("SELECT max(id) FROM clients").Scan(&last).Error; err != nil {
		b.Fatal(err)
	}
	rare, err := s.Client(context.Background(), last*54/100)
	if err != nil {
		b.Fatal(err)
	}
	someone, err := s.Client(context.Background(), last*12/100)
	if err != nil {
		b.Fatal(err)
	}
	surname := model.Fold(common)
	twoWords := prefixes(surname + " " + model.Fold(namesake.FirstName))
	return [][]string{
		prefixes(surname),
		prefixes(model.Fold(rare.LastName)),
		prefixes(model.Fold(someone.FirstName)),
		prefixes(strings.TrimPrefix(someone.Phone, "+7")),
		twoWords[len([]rune(surname))+1:],
	}
}

// prefixes lists what the search box holds after each key of s.
func prefixes(s string) []string {
	r := []rune(s)
	out := make([]string, len(r))
	for i := range r {
		out[i] = string(r[:i+1])
	}
	return out
}

// BenchmarkSearchAsYouType replays keystrokes through ListClients and, for
// each, the same query over database/sql without GORM (raw) and the plain
// full-text query written by hand (fts: every match from the index, sorted
// by name), and reports the percentiles of each in milliseconds.
func BenchmarkSearchAsYouType(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	seqs := keystrokes(b, s)
	sqlDB, err := s.DB().DB()
	if err != nil {
		b.Fatal(err)
	}
	for _, seq := range seqs { // they must agree before their times mean anything
		for _, q := range seq {
			checkSameRows(b, s, sqlDB, q, model.SearchLimit)
		}
	}
	ways := []struct {
		name string
		list func(q string) error
	}{
		{"store", func(q string) error {
			_, err := s.ListClients(ctx, model.ClientQuery{Text: q, Limit: model.SearchLimit})
			return err
		}},
		{"raw", func(q string) error { _, err := rawList(ctx, sqlDB, s.Today(), q, model.SearchLimit); return err }},
		{"fts", func(q string) error { _, err := ftsSearch(ctx, sqlDB, q, model.SearchLimit); return err }},
	}
	times := make([][]time.Duration, len(ways))
	slowest := map[string]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, seq := range seqs {
			for _, q := range seq {
				for w, way := range ways {
					start := time.Now()
					if err := way.list(q); err != nil {
						b.Fatal(err)
					}
					d := time.Since(start)
					times[w] = append(times[w], d)
					if w == 0 {
						slowest[q] = max(slowest[q], d)
					}
				}
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(percentile(times[0], 50), "p50-ms")
	b.ReportMetric(percentile(times[0], 95), "p95-ms")
	b.ReportMetric(percentile(times[1], 50), "raw-p50-ms")
	b.ReportMetric(percentile(times[1], 95), "raw-p95-ms")
	b.ReportMetric(percentile(times[0], 95)/percentile(times[1], 95), "store/raw-p95")
	b.ReportMetric(percentile(times[2], 50), "fts-p50-ms")
	b.ReportMetric(percentile(times[2], 95), "fts-p95-ms")
	keys := make([]string, 0, len(slowest))
	for q := range slowest {
		keys = append(keys, q)
	}
	slices.SortFunc(keys, func(x, y string) int { return int(slowest[y] - slowest[x]) })
	for _, q := range keys[:min(5, len(keys))] {
		b.Logf("slowest in the store: %-22q %v", q, slowest[q].Round(10*time.Microsecond))
	}
}

// percentile returns the p-th percentile of ds in milliseconds.
func percentile(ds []time.Duration, p int) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[(len(s)-1)*p/100]) / float64(time.Millisecond)
}

// rawList runs the query ListClients builds over database/sql, scanning by
// hand: what the list costs without GORM. GORM only writes each query in
// the backend's own placeholders, beforehand.
func rawList(ctx context.Context, db *sql.DB, today model.Date, text string, limit int) ([]model.ClientRow, error) {
	q := model.ClientQuery{Text: text, Limit: limit}
	plan, queries := listPlan(today, q), rawSQLite
	if testServer != "" {
		plan, queries = listPlanPostgres(today, q), rawPostgres
	}
	var out []model.ClientRow
	for _, step := range plan {
		if len(out) >= limit {
			break
		}
		query, args := queries(step)
		rows, err := scanRows(db.QueryContext(ctx, query, args...))
		if err != nil {
			return nil, err
		}
		out = mergeRows(out, rows, limit)
	}
	sortByName(out)
	return out, nil
}

func rawSQLite(step listStep) (string, []any) { return step.sql, step.args }

// rawPostgres writes a step's named arguments as $1, $2, …, as GORM does.
func rawPostgres(step listStep) (string, []any) {
	query := step.sql
	args := make([]any, len(step.args))
	order := make([]int, len(step.args))
	for i, a := range step.args {
		args[i], order[i] = a.(sql.NamedArg).Value, i
	}
	name := func(i int) string { return step.args[i].(sql.NamedArg).Name }
	slices.SortFunc(order, func(a, b int) int { return len(name(b)) - len(name(a)) }) // @like10 before @like1
	for _, i := range order {
		query = strings.ReplaceAll(query, "@"+name(i), "$"+strconv.Itoa(i+1))
	}
	return query, args
}

// ftsSearch is the search written by hand the plain way: every match from
// the full-text indexes, sorted by name, up to limit (0: all). It is the
// reference for what a search must find.
func ftsSearch(ctx context.Context, db *sql.DB, text string, limit int) ([]model.ClientRow, error) {
	if testServer != "" {
		return likeSearch(ctx, db, text, limit)
	}
	q := `SELECT c.id, c.last_name, c.first_name, c.middle_name, c.phone, c.birth_date, c.visit_count,
		c.first_visit_on, c.last_visit_on, c.card_numbers, c.archived_at IS NOT NULL
		FROM clients c WHERE c.archived_at IS NULL`
	var args []any
	t := parseSearch(text)
	tri, words := ftsExpr(t.long, ""), "" // one long word: anywhere
	if len(t.long)+len(t.short) > 1 || len(t.short) > 0 {
		tri, words = "", ftsExpr(append(t.long, t.short...), "*") // else every word at a word's start
	}
	if tri != "" {
		q += " AND c.id IN (SELECT rowid FROM client_tri WHERE client_tri MATCH ?)"
		args = append(args, tri)
	}
	if words != "" {
		q += " AND c.id IN (SELECT rowid FROM client_words WHERE client_words MATCH ?)"
		args = append(args, words)
	}
	q += " ORDER BY c.name_key, c.id"
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return scanRows(db.QueryContext(ctx, q, args...))
}

// likeSearch is ftsSearch on PostgreSQL: one query with every word at a
// word's start, or one long word anywhere.
func likeSearch(ctx context.Context, db *sql.DB, text string, limit int) ([]model.ClientRow, error) {
	q := "SELECT " + listColumns + " FROM clients c WHERE c.archived_at IS NULL"
	var args []any
	t := parseSearch(text)
	if len(t.long) == 1 && len(t.short) == 0 {
		args = append(args, "%"+likeText(t.long[0])+"%")
	} else {
		for _, w := range append(t.long, t.short...) {
			args = append(args, wordStarts(w))
		}
	}
	for i := range args {
		q += " AND (' ' || c.search_key) LIKE $" + strconv.Itoa(i+1)
	}
	q += " ORDER BY c.name_key, c.id"
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return scanRows(db.QueryContext(ctx, q, args...))
}

func scanRows(rows *sql.Rows, err error) ([]model.ClientRow, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.ClientRow
	for rows.Next() {
		var r model.ClientRow
		if err := rows.Scan(&r.ID, &r.LastName, &r.FirstName, &r.MiddleName, &r.Phone, &r.BirthDate, &r.VisitCount,
			&r.FirstVisitOn, &r.LastVisitOn, &r.CardNumbers, &r.Archived); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// checkSameRows fails when the store and the raw query disagree, or when
// the store's rows are not matches of the plain full-text search: all of
// them when they fit in the limit, else limit of them.
func checkSameRows(tb testing.TB, s *Store, db *sql.DB, q string, limit int) {
	tb.Helper()
	ctx := context.Background()
	got, err := s.ListClients(ctx, model.ClientQuery{Text: q, Limit: limit})
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := rawList(ctx, db, s.Today(), q, limit)
	if err != nil {
		tb.Fatal(err)
	}
	all, err := ftsSearch(ctx, db, q, 0)
	if err != nil {
		tb.Fatal(err)
	}
	matches := map[uint]bool{}
	for _, r := range all {
		matches[r.ID] = true
	}
	for _, r := range got {
		if !matches[r.ID] {
			tb.Fatalf("search %q: the store finds %s, which does not match", q, r.FullName())
		}
	}
	if !slices.Equal(got, raw) || len(got) != min(limit, len(all)) || len(all) <= limit && !slices.Equal(got, all) {
		tb.Fatalf("search %q: the store finds %d rows, the raw query %d, the full-text indexes %d",
			q, len(got), len(raw), len(all))
	}
}

// BenchmarkLoadList reads the whole working list, and the first screenful
// of it, as the clients tab does when it opens.
func BenchmarkLoadList(b *testing.B) {
	s := openBench(b)
	for _, bc := range []struct {
		name  string
		limit int
	}{{"all", 0}, {"limit500", model.SearchLimit}} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			for i := 0; i < b.N; i++ {
				rows, err := s.ListClients(context.Background(), model.ClientQuery{Limit: bc.limit})
				if err != nil {
					b.Fatal(err)
				}
				n = len(rows)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(n), "rows")
		})
	}
}
