package store

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"sort"

	"companion/model"
)

// MigrateTo copies this database into the empty PostgreSQL database at
// addr (companion migrate-to): the full export streamed into the full
// import, in one transaction on the server. It returns the rows of every
// table in the source (as exported, from one snapshot) and in the target
// (counted in the import's transaction before it commits). When any count
// differs, or the target holds data, nothing is written: the target stays
// as it was. The photos' files are copied after (migratePhotos).
func (s *Store) MigrateTo(ctx context.Context, addr string) (source, target model.ExchangeSummary, err error) {
	if !model.IsPostgres(addr) {
		return source, target, &model.FieldError{Key: "migrate.err.address", Args: map[string]any{"Address": addr}}
	}
	dst, err := Open(addr, WithClock(s.now))
	if err != nil {
		return source, target, err
	}
	defer dst.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pr, pw := io.Pipe()
	exported := make(chan exportResult, 1)
	go func() {
		sum, err := s.ExportAll(ctx, pw)
		pw.CloseWithError(err) // nil: the import reads to the end
		exported <- exportResult{sum, err}
	}()
	_, err = dst.importAll(ctx, pr, func(tx *sql.Tx, _ model.ExchangeSummary) error {
		res := <-exported // the import has read the export's end
		exported <- res
		if res.err != nil {
			return res.err
		}
		source = res.sum
		if target, err = countRows(ctx, tx, dst.d); err != nil {
			return err
		}
		return sameCounts(source, target)
	})
	pr.CloseWithError(errImportStopped) // an export still writing stops
	if res := <-exported; res.err != nil && err != nil && !errors.Is(res.err, errImportStopped) {
		return source, target, res.err // the import only saw the pipe break
	}
	if err != nil {
		return source, target, migrateError(err)
	}
	return source, target, s.migratePhotos(ctx, dst)
}

// migratePhotos copies the photos' files into the server database's photos
// folder on this computer: the images stay in the salon, as the rows do.
// The source's folder is left as it was.
func (s *Store) migratePhotos(ctx context.Context, dst *Store) error {
	from, err := s.PhotosDir()
	if err != nil {
		return err
	}
	to, err := dst.PhotosDir()
	if err != nil {
		return err
	}
	photos, err := photosWhere(s.ctx(ctx), "1 = 1")
	if err != nil {
		return err
	}
	if _, _, err := copyPhotos(ctx, photos, from, to); err != nil {
		return &model.FieldError{Key: "photo.err.migrate", Args: map[string]any{"From": from, "To": to, "Err": err.Error()}}
	}
	return nil
}

var errImportStopped = errors.New("the import stopped")

type exportResult struct {
	sum model.ExchangeSummary
	err error
}

// countRows counts the rows of every table the exchange carries.
func countRows(ctx context.Context, q querier, d dialect) (model.ExchangeSummary, error) {
	sum := model.ExchangeSummary{Tables: map[string]int{}}
	tables, _, err := exchangeTablesOf(ctx, q, d)
	if err != nil {
		return sum, err
	}
	for _, t := range tables {
		rows, err := q.QueryContext(ctx, "SELECT count(*) FROM "+quoteIdent(t.name))
		if err != nil {
			return sum, err
		}
		var n int
		for rows.Next() {
			err = rows.Scan(&n)
		}
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
		if err != nil {
			return sum, err
		}
		sum.Tables[t.name] = n
	}
	return sum, nil
}

// sameCounts fails on the first table, by name, whose rows differ.
func sameCounts(source, target model.ExchangeSummary) error {
	for _, name := range tableNames(source, target) {
		if source.Tables[name] != target.Tables[name] {
			return &model.FieldError{Key: "migrate.err.counts",
				Args: map[string]any{"Table": name, "Source": source.Tables[name], "Target": target.Tables[name]}}
		}
	}
	return nil
}

// tableNames are the tables of the summaries, in name order.
func tableNames(sums ...model.ExchangeSummary) []string {
	seen := map[string]bool{}
	var names []string
	for _, s := range sums {
		for name := range s.Tables {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}

// migrateError says of a target with data what migrate-to asks for: an
// empty database.
func migrateError(err error) error {
	var fe *model.FieldError
	if errors.As(err, &fe) && fe.Key == "exchange.err.not_empty" {
		return &model.FieldError{Key: "migrate.err.not_empty", Args: fe.Args}
	}
	return err
}
