package cli

import (
	"bufio"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"companion/model"
	"companion/reports"
)

// isExportAll reports whether an export command asks for the whole
// database (--all) rather than the client list.
func isExportAll(args []string) bool {
	for _, a := range args {
		if a == "--all" || a == "-all" || a == "--all=true" || a == "-all=true" {
			return true
		}
	}
	return false
}

// isImportAll reports whether an import command names a full export:
// flags or a .json file where "clients" would stand.
func isImportAll(args []string) bool {
	if len(args) == 0 || args[0] == "clients" {
		return false
	}
	return strings.HasPrefix(args[0], "-") || strings.HasSuffix(strings.ToLower(args[0]), ".json")
}

// cmdExportAll writes the whole database in the exchange format
// (docs/exchange-format.md), atomically:
// companion export --all [--db PATH] --out F.json (standard output without --out).
func (c *commands) cmdExportAll(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("export --all", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	fs.Bool("all", true, "the whole database, every table")
	outPath := fs.String("out", "", "file to write (default: standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &model.FieldError{Key: "exchange.err.args", Args: map[string]any{"Args": strings.Join(fs.Args(), " ")}}
	}
	path, err := c.existingDB(*db)
	if err != nil {
		return err
	}
	s, err := c.openDB(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if *outPath == "" {
		_, err := s.ExportAll(ctx, out)
		return err
	}
	var sum model.ExchangeSummary
	err = reports.WriteFileAtomic(*outPath, func(w io.Writer) (err error) {
		sum, err = s.ExportAll(ctx, w)
		return err
	})
	if err != nil {
		return err
	}
	printLine(out, "export.all.done", map[string]any{"Rows": sum.Rows(), "Tables": len(sum.Tables), "Path": *outPath})
	return nil
}

// cmdImportAll reads a full export into an empty database, all of it or
// nothing: companion import [--db PATH] F.json. It takes the database's
// lock, so it never writes under an open window.
func (c *commands) cmdImportAll(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &model.FieldError{Key: "exchange.err.file"}
	}
	if ext := strings.ToLower(filepath.Ext(fs.Arg(0))); ext == ".csv" || ext == ".txt" || ext == ".xlsx" || ext == ".xls" {
		return &model.FieldError{Key: "exchange.err.csv", Args: map[string]any{"Path": fs.Arg(0)}}
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return &model.FieldError{Key: "exchange.err.open", Args: map[string]any{"Path": fs.Arg(0)}}
	}
	defer f.Close()
	return c.withDB(*db, func(s Store, path string) error {
		sum, err := s.ImportAll(context.Background(), bufio.NewReader(f))
		if err != nil {
			return err
		}
		printLine(out, "import.all.done", map[string]any{"Rows": sum.Rows(), "Tables": len(sum.Tables), "Path": path})
		return nil
	})
}
