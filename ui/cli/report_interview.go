package cli

import (
	"context"
	"errors"
	"flag"
	"io"

	"companion/model"
	"companion/model/hiring"
	"companion/reports"
)

// interviewReports is the store that reads a candidate's interview report
// (the real one).
type interviewReports interface {
	InterviewReport(ctx context.Context, candidateID uint, interviewer string) (hiring.InterviewReport, error)
	SalonName(ctx context.Context) (string, error)
}

// cmdReportInterview writes a candidate's interview report as PDF: every
// form's scores, the working day, the totals and recommendations, the
// disagreements and the interviewers' agreement:
// companion report interview --candidate ID --out F.pdf [--db PATH].
// Reading only, it runs beside an open window.
func (c *commands) cmdReportInterview(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("report interview", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	id := fs.Uint("candidate", 0, "the candidate's number")
	path := fs.String("out", "", "the PDF file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *id == 0 || *path == "" {
		return &model.FieldError{Key: "hiringcli.usage.interview"}
	}
	var r hiring.InterviewReport
	var salon string
	err := c.withQuality(*db, func(qs qualityReports) error {
		s, ok := qs.(interviewReports)
		if !ok {
			return &model.FieldError{Key: "hiringcli.unsupported"}
		}
		ctx := context.Background()
		var err error
		r, err = s.InterviewReport(ctx, *id, "")
		if errors.Is(err, model.ErrNotFound) {
			return &model.FieldError{Key: "hiringcli.no_candidate", Args: map[string]any{"ID": *id}}
		} else if err != nil {
			return err
		}
		salon, err = s.SalonName(ctx)
		return err
	})
	if err != nil {
		return err
	}
	if err := reports.WriteFileAtomic(*path, func(w io.Writer) error { return reports.WriteInterviewReport(w, r, salon, "") }); err != nil {
		return err
	}
	printLine(out, "hiringcli.done.interview", map[string]any{"Name": r.Candidate.Name, "Path": *path, "Forms": len(r.Forms)})
	return nil
}
