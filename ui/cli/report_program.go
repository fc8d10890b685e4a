package cli

import (
	"context"
	"errors"
	"flag"
	"io"

	"companion/model"
	"companion/reports"
)

// programSheets is the store that can print a client's programs (the
// real one).
type programSheets interface {
	Client(ctx context.Context, id uint) (model.Client, error)
	Programs(ctx context.Context, clientID uint) ([]model.ProgramView, error)
	ProgramSheet(ctx context.Context, programID uint) (model.ProgramSheet, error)
}

// cmdReport writes a report as PDF: a client's program, or a month's
// payroll (cmdReportPayroll):
// companion report program --client ID [--program ID] --out F.pdf [--db PATH].
// Without --program it prints the client's newest open program (active or
// draft), else the newest. It only reads, so it runs beside an open window.
func (c *commands) cmdReport(args []string, out io.Writer) error {
	if run, ok := c.qualityKinds()[firstArg(args)]; ok {
		return run(args[1:], out)
	}
	if len(args) > 0 && args[0] == "payroll" {
		return c.cmdReportPayroll(args[1:], out)
	}
	if firstArg(args) == "interview" {
		return c.cmdReportInterview(args[1:], out) // report_interview.go
	}
	if len(args) == 0 || args[0] != "program" {
		return &model.FieldError{Key: "payrollcli.report_usage"}
	}
	fs := flag.NewFlagSet("report program", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	clientID := fs.Uint("client", 0, "the client's number")
	programID := fs.Uint("program", 0, "the program's number (default: the client's newest open program, else the newest)")
	outPath := fs.String("out", "", "the PDF file to write")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 || *clientID == 0 || *outPath == "" {
		return &model.FieldError{Key: "programpdf.cli.usage"}
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
	ps, ok := s.(programSheets)
	if !ok {
		return &model.FieldError{Key: "programpdf.cli.unsupported"}
	}
	sh, err := programSheet(context.Background(), ps, uint(*clientID), uint(*programID))
	if err != nil {
		return err
	}
	if err := reports.WriteFileAtomic(*outPath, func(w io.Writer) error { return reports.WriteProgram(w, sh, "") }); err != nil {
		return err
	}
	printLine(out, "programpdf.cli.done", map[string]any{"Title": sh.View.Program.Title,
		"Name": sh.Client.FullName(), "Path": *outPath})
	return nil
}

// programSheet reads what the client's program prints: the program named,
// which must be the client's, or else the first the store lists (open ones
// first, the newest start first).
func programSheet(ctx context.Context, s programSheets, clientID, programID uint) (model.ProgramSheet, error) {
	client, err := s.Client(ctx, clientID)
	if errors.Is(err, model.ErrNotFound) {
		return model.ProgramSheet{}, &model.FieldError{Key: "programpdf.cli.no_client", Args: map[string]any{"ID": clientID}}
	} else if err != nil {
		return model.ProgramSheet{}, err
	}
	if programID == 0 {
		list, err := s.Programs(ctx, clientID)
		if err != nil {
			return model.ProgramSheet{}, err
		}
		if len(list) == 0 {
			return model.ProgramSheet{}, &model.FieldError{Key: "programpdf.cli.no_programs",
				Args: map[string]any{"Name": client.FullName(), "ID": clientID}}
		}
		programID = list[0].Program.ID
	}
	sh, err := s.ProgramSheet(ctx, programID)
	if errors.Is(err, model.ErrNotFound) || err == nil && sh.Client.ID != clientID {
		return model.ProgramSheet{}, &model.FieldError{Key: "programpdf.cli.no_program",
			Args: map[string]any{"Program": programID, "Name": client.FullName(), "ID": clientID}}
	}
	return sh, err
}
