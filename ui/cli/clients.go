package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"companion/model"
	"companion/model/clientio"
	"companion/model/i18n"
	"companion/reports"
)

// dataKinds are what import and export know how to move; clients for now.
const dataKinds = "clients"

// cmdImport loads a client list from CSV or an Excel workbook:
// companion import clients [--db PATH] [--dry-run] [--only-good] [--sheet NAME] FILE.csv|FILE.xlsx.
// The file's first bytes tell a workbook, whatever its name. It prints
// what it found in the file before writing anything.
func (c *commands) cmdImport(args []string, out io.Writer) error {
	if firstArg(args) == "interviews" {
		return c.cmdImportInterviews(args[1:], out) // from a laptop: interviews.go
	}
	if isImportAll(args) {
		return c.cmdImportAll(args, out) // a full export: cmd_exchange.go
	}
	if len(args) == 0 || args[0] != "clients" {
		return kindError("import.err.kind", args)
	}
	fs := flag.NewFlagSet("import clients", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	dryRun := fs.Bool("dry-run", false, "check the file and print the report; write nothing")
	onlyGood := fs.Bool("only-good", false, "import the rows without errors and skip the others")
	sheet := fs.String("sheet", "", "the workbook's sheet to read (default: the one with the client columns)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &model.FieldError{Key: "import.err.file"}
	}
	if *dryRun {
		path, err := c.dbPath(*db)
		if err != nil {
			return err
		}
		return c.dryRunImport(path, fs.Arg(0), *sheet, out)
	}
	return c.withDB(*db, func(s Store, _ string) error {
		imp, err := checkedImport(s, fs.Arg(0), *sheet, s.Today(), out)
		if err != nil {
			return err
		}
		res, err := s.ImportClients(context.Background(), imp, *onlyGood)
		if err != nil {
			return err
		}
		printLine(out, "import.report.done", map[string]any{"Added": res.Added, "Skipped": res.Skipped})
		return nil
	})
}

// dryRunImport prints the report of an import without writing anything,
// not even a new database file when there is none yet.
func (c *commands) dryRunImport(path, file, sheet string, out io.Writer) error {
	var s Store
	today := model.DateOf(time.Now())
	if _, err := os.Stat(path); err == nil {
		if s, err = c.openDB(path); err != nil {
			return err
		}
		defer s.Close()
		today = s.Today()
	}
	if _, err := checkedImport(s, file, sheet, today, out); err != nil {
		return err
	}
	printLine(out, "import.report.dry_run", nil)
	return nil
}

// checkedImport reads the file (the sheet of a workbook, "" to find it),
// marks the phones the database already has (when there is a database)
// and prints the report.
func checkedImport(s Store, file, sheet string, today model.Date, out io.Writer) (*clientio.Import, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, &model.FieldError{Key: "import.err.open", Args: map[string]any{"Path": file}}
	}
	defer f.Close()
	imp, err := clientio.ParseFile(f, today, sheet)
	if err != nil {
		return nil, err
	}
	if s != nil {
		if err := s.CheckImport(context.Background(), imp); err != nil {
			return nil, err
		}
	}
	printImportReport(out, imp)
	return imp, nil
}

// delimiterKeys name the field separators in the report.
var delimiterKeys = map[string]string{";": "import.report.delimiter.semicolon",
	",": "import.report.delimiter.comma", "\t": "import.report.delimiter.tab"}

// printImportReport says how the file was read and what is wrong in it, a
// line per problem, with the file's line numbers (a workbook's: the
// sheet's rows).
func printImportReport(out io.Writer, imp *clientio.Import) {
	bad := imp.Bad()
	if imp.Sheet != "" {
		printLine(out, "xlsx.report.sheet", map[string]any{"Sheet": imp.Sheet, "Row": imp.HeaderRow})
	} else {
		printLine(out, "import.report.encoding", map[string]any{"Encoding": imp.Encoding})
		printLine(out, "import.report.delimiter", map[string]any{"Delimiter": i18n.T(delimiterKeys[imp.Delimiter])})
	}
	if len(imp.Ignored) > 0 {
		printLine(out, "import.report.ignored", map[string]any{"Columns": strings.Join(imp.Ignored, ", ")})
	}
	printLine(out, "import.report.rows", map[string]any{"Count": len(imp.Rows)})
	printLine(out, "import.report.good", map[string]any{"Count": len(imp.Rows) - len(bad)})
	printLine(out, "import.report.bad", map[string]any{"Count": len(bad)})
	for _, r := range bad {
		for _, e := range r.Errors {
			printLine(out, "import.report.line", map[string]any{"Line": r.Line, "Message": i18n.ErrorText(e)})
		}
	}
}

// cmdExport writes the client list, or the clients a search finds, as CSV
// for Excel, as an Excel workbook or as JSON:
// companion export clients [--db PATH] [--search Q] [--format csv|json|xlsx] [--out F].
// Without --format, a file named .xlsx is a workbook. Without --out it
// writes to standard output, except a workbook, which needs a file.
func (c *commands) cmdExport(args []string, out io.Writer) error {
	if firstArg(args) == "interviews" {
		return c.cmdExportInterviews(args[1:], out) // for a laptop: interviews.go
	}
	if isExportAll(args) {
		return c.cmdExportAll(args, out) // the whole database: cmd_exchange.go
	}
	if len(args) == 0 || args[0] != "clients" {
		return kindError("export.err.kind", args)
	}
	fs := flag.NewFlagSet("export clients", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	search := fs.String("search", "", "only the clients this text finds, as in the client list")
	format := fs.String("format", "csv", "csv (for Excel), xlsx (an Excel workbook) or json")
	outPath := fs.String("out", "", "file to write (default: standard output; a workbook needs a file)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &model.FieldError{Key: "export.err.args", Args: map[string]any{"Args": strings.Join(fs.Args(), " ")}}
	}
	if !flagSet(fs, "format") && strings.EqualFold(filepath.Ext(*outPath), ".xlsx") {
		*format = "xlsx"
	}
	if strings.EqualFold(*format, "xlsx") && *outPath == "" {
		return &model.FieldError{Key: "xlsx.err.out"}
	}
	write, err := clientsWriter(*format)
	if err != nil {
		return err
	}
	path, err := c.dbPath(*db)
	if err != nil {
		return err
	}
	s, err := c.openDB(path)
	if err != nil {
		return err
	}
	defer s.Close()
	cs, err := s.ExportClients(context.Background(), model.ClientQuery{Text: *search})
	if err != nil {
		return err
	}
	if *outPath == "" {
		return write(out, cs)
	}
	if err := reports.WriteFileAtomic(*outPath, func(w io.Writer) error { return write(w, cs) }); err != nil {
		return err
	}
	printLine(out, "export.report.done", map[string]any{"Count": len(cs), "Path": *outPath})
	return nil
}

// clientsWriter picks the writer of an export format.
func clientsWriter(format string) (func(io.Writer, []model.Client) error, error) {
	switch strings.ToLower(format) {
	case "csv":
		return func(w io.Writer, cs []model.Client) error { return reports.WriteClientsCSV(w, cs, i18n.Lang()) }, nil
	case "xlsx":
		return func(w io.Writer, cs []model.Client) error { return reports.WriteClientsXLSX(w, cs, i18n.Lang()) }, nil
	case "json":
		return reports.WriteClientsJSON, nil
	}
	return nil, &model.FieldError{Key: "export.err.format", Args: map[string]any{"Format": format}}
}

// kindError says that the first word names nothing import or export knows.
func kindError(key string, args []string) error {
	kind := ""
	if len(args) > 0 {
		kind = args[0]
	}
	return &model.FieldError{Key: key, Args: map[string]any{"Kind": kind, "Kinds": dataKinds}}
}

func printLine(out io.Writer, key string, args map[string]any) {
	fmt.Fprintln(out, i18n.T(key, args))
}

// flagSet reports whether the command line gave the flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
