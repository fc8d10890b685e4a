package cli

import (
	"bufio"
	"context"
	"flag"
	"io"
	"os"

	"companion/model"
	"companion/model/hiring"
	"companion/reports"
)

// interviewsExchange is the store that carries interviews between the
// office and an interviewer's laptop (the real one).
type interviewsExchange interface {
	ExportInterviews(ctx context.Context, w io.Writer, since model.Date) error
	ImportInterviews(ctx context.Context, r io.Reader) (hiring.InterviewsImport, error)
}

// cmdExportInterviews writes the candidates with their forms, working-day
// plans and the question bank for another PC, atomically:
// companion export interviews [--since DATE] --out F.json [--db PATH].
// Reading only, it runs beside an open window.
func (c *commands) cmdExportInterviews(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("export interviews", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	since := fs.String("since", "", "only the candidates changed on or after this day, as 2026-11-01")
	outPath := fs.String("out", "", "the file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *outPath == "" {
		return &model.FieldError{Key: "hiringcli.usage.export"}
	}
	var day model.Date
	if *since != "" {
		d, err := model.ParseDate(*since)
		if err != nil {
			return model.DateError("since", err)
		}
		day = d
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
	ex, ok := s.(interviewsExchange)
	if !ok {
		return &model.FieldError{Key: "hiringcli.unsupported"}
	}
	err = reports.WriteFileAtomic(*outPath, func(w io.Writer) error {
		return ex.ExportInterviews(context.Background(), w, day)
	})
	if err != nil {
		return err
	}
	printLine(out, "hiringcli.exported", map[string]any{"Path": *outPath})
	return nil
}

// cmdImportInterviews reads an interviews file from another PC, all of it
// or nothing, and says what it added, updated and left, and which forms
// were edited on both sides: companion import interviews [--db PATH] F.json.
func (c *commands) cmdImportInterviews(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("import interviews", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &model.FieldError{Key: "hiringcli.usage.import"}
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return &model.FieldError{Key: "exchange.err.open", Args: map[string]any{"Path": fs.Arg(0)}}
	}
	defer f.Close()
	return c.withDB(*db, func(s Store, _ string) error {
		ex, ok := s.(interviewsExchange)
		if !ok {
			return &model.FieldError{Key: "hiringcli.unsupported"}
		}
		res, err := ex.ImportInterviews(context.Background(), bufio.NewReader(f))
		if err != nil {
			return err
		}
		printImport(out, res)
		return nil
	})
}

func printImport(out io.Writer, res hiring.InterviewsImport) {
	for _, k := range []struct {
		key string
		n   hiring.Counts
	}{{"hiringcli.import.candidates", res.Candidates}, {"hiringcli.import.forms", res.Forms},
		{"hiringcli.import.questions", res.Questions}, {"hiringcli.import.task_sets", res.TaskSets}} {
		printLine(out, k.key, map[string]any{"Added": k.n.Added, "Updated": k.n.Updated, "Unchanged": k.n.Unchanged})
	}
	if len(res.Conflicts) == 0 {
		printLine(out, "hiringcli.import.no_conflicts", nil)
		return
	}
	printLine(out, "hiringcli.import.conflicts", map[string]any{"N": len(res.Conflicts)})
	for _, cf := range res.Conflicts {
		key := "hiringcli.conflict.here"
		if cf.Won == hiring.WonFile {
			key = "hiringcli.conflict.file"
		}
		printLine(out, key, map[string]any{"Candidate": cf.Candidate, "Interviewer": cf.Interviewer, "Day": cf.On})
	}
}
