package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"time"

	"companion/model"
	"companion/model/i18n"
)

// migrator is the store that can copy itself to a server (the real one).
type migrator interface {
	MigrateTo(ctx context.Context, addr string) (source, target model.ExchangeSummary, err error)
}

// cmdMigrateTo copies the salon's SQLite database into an empty
// PostgreSQL database in one transaction, then prints every table's rows
// on both sides and the time taken; any difference leaves the server's
// database empty: companion migrate-to [--db FILE] postgres://….
func (c *commands) cmdMigrateTo(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("migrate-to", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &model.FieldError{Key: "migrate.err.usage"}
	}
	addr := fs.Arg(0)
	if !model.IsPostgres(addr) {
		return &model.FieldError{Key: "migrate.err.address", Args: map[string]any{"Address": addr}}
	}
	path, err := c.existingDB(*db)
	if err != nil {
		return err
	}
	return c.withDB(path, func(s Store, path string) error {
		m, ok := s.(migrator)
		if !ok {
			return &model.FieldError{Key: "migrate.err.unsupported"}
		}
		start := time.Now()
		source, target, err := m.MigrateTo(context.Background(), addr)
		took := time.Since(start)
		printCounts(out, source, target)
		if err != nil {
			return err
		}
		shown, _ := model.ServerAddress(addr)
		printLine(out, "migrate.done", map[string]any{"Rows": source.Rows(), "Tables": len(source.Tables),
			"Path": path, "Address": shown, "Seconds": fmt.Sprintf("%.1f", took.Seconds()),
			"PerSecond": fmt.Sprintf("%.0f", float64(source.Rows())/max(took.Seconds(), 1e-3))})
		return nil
	})
}

// printCounts prints a line a table, in name order: its name, its rows in
// the source and in the target.
func printCounts(out io.Writer, source, target model.ExchangeSummary) {
	names := map[string]bool{}
	for _, sum := range []model.ExchangeSummary{source, target} {
		for name := range sum.Tables {
			names[name] = true
		}
	}
	if len(names) == 0 {
		return
	}
	sorted := make([]string, 0, len(names))
	for name := range names {
		sorted = append(sorted, name)
	}
	sort.Strings(sorted)
	fmt.Fprintln(out, i18n.T("migrate.head", nil))
	for _, name := range sorted {
		fmt.Fprintf(out, "  %-28s %9d %9d\n", name, source.Tables[name], target.Tables[name])
	}
}
