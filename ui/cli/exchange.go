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

// photoCopier is the store that copies the photos' files beside a full
// export and back (the real one).
type photoCopier interface {
	ExportPhotos(ctx context.Context, dir string) (model.PhotoCopy, error)
	ImportPhotos(ctx context.Context, dir string) (model.PhotoCopy, error)
}

// cmdExportAll writes the whole database in the exchange format
// (docs/exchange-format.md), atomically:
// companion export --all [--db PATH] [--with-photos] --out F.json (standard
// output without --out). The file carries the photos' rows, never their
// images; --with-photos copies the images of the clients whose consent
// allows it into the folder beside the file (model.PhotosFolderOf).
func (c *commands) cmdExportAll(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("export --all", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	fs.Bool("all", true, "the whole database, every table")
	outPath := fs.String("out", "", "file to write (default: standard output)")
	withPhotos := fs.Bool("with-photos", false, "copy the photos of the clients who agreed to personal and health data into F-photos beside the file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &model.FieldError{Key: "exchange.err.args", Args: map[string]any{"Args": strings.Join(fs.Args(), " ")}}
	}
	if *withPhotos && *outPath == "" {
		return &model.FieldError{Key: "photo.err.export_out"}
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
	if !*withPhotos {
		return nil
	}
	return copyPhotos(s, out, "photo.export.done", func(p photoCopier, dir string) (model.PhotoCopy, error) {
		return p.ExportPhotos(ctx, dir)
	}, model.PhotosFolderOf(*outPath))
}

// copyPhotos copies the photos with run into or out of dir, and says how
// many went and how many stayed.
func copyPhotos(s Store, out io.Writer, done string, run func(photoCopier, string) (model.PhotoCopy, error), dir string) error {
	p, ok := s.(photoCopier)
	if !ok {
		return nil
	}
	sum, err := run(p, dir)
	if err != nil {
		return err
	}
	printLine(out, done, map[string]any{"Copied": sum.Copied, "Withheld": sum.Withheld, "Missing": sum.Missing, "Path": dir})
	return nil
}

// cmdImportAll reads a full export into an empty database, all of it or
// nothing: companion import [--db PATH] F.json. It takes the database's
// lock, so it never writes under an open window. The photos an export
// carried beside the file (model.PhotosFolderOf) go into the photos
// folder.
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
		dir := model.PhotosFolderOf(fs.Arg(0))
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil
		}
		return copyPhotos(s, out, "photo.import.done", func(p photoCopier, dir string) (model.PhotoCopy, error) {
			return p.ImportPhotos(context.Background(), dir)
		}, dir)
	})
}
