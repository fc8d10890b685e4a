package cli

import (
	"context"
	"errors"
	"flag"
	"io"

	"companion/model"
	"companion/reports"
)

// qualityReports is the store that reads the quality reports (the real
// one).
type qualityReports interface {
	QualityReport(ctx context.Context, month model.Date) (model.QualityMonth, error)
	FeedbackSheet(ctx context.Context, staffID uint, month model.Date) (model.FeedbackSheet, error)
	SalonName(ctx context.Context) (string, error)
}

// qualityKinds are the quality reports the report command writes, by the
// word after it.
func (c *commands) qualityKinds() map[string]func([]string, io.Writer) error {
	return map[string]func([]string, io.Writer) error{"quality": c.cmdReportQuality, "feedback": c.cmdReportFeedback}
}

// withQuality opens the database named by --db, which must exist, and
// hands the quality reports to read. Reading only, it runs beside an open
// window.
func (c *commands) withQuality(db string, read func(qualityReports) error) error {
	path, err := c.existingDB(db)
	if err != nil {
		return err
	}
	s, err := c.openDB(path)
	if err != nil {
		return err
	}
	defer s.Close()
	qs, ok := s.(qualityReports)
	if !ok {
		return &model.FieldError{Key: "qualitycli.unsupported"}
	}
	return read(qs)
}

// qualityArgs are what a quality report is asked for with.
type qualityArgs struct {
	db    string
	month model.Date
	staff uint
	out   string
}

// qualityFlags parses a quality report's flags: --db, --month, --out, and
// --staff when withStaff; usage is the key of the sentence that says how.
func qualityFlags(name string, args []string, out io.Writer, withStaff bool, usage string) (qualityArgs, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	month := fs.String("month", "", "the month, as 2026-10")
	path := fs.String("out", "", "the PDF file to write")
	staff := new(uint)
	if withStaff {
		staff = fs.Uint("staff", 0, "the staff member's number")
	}
	if err := fs.Parse(args); err != nil {
		return qualityArgs{}, err
	}
	if fs.NArg() > 0 || *month == "" || *path == "" || withStaff && *staff == 0 {
		return qualityArgs{}, &model.FieldError{Key: usage}
	}
	m, err := parseMonth(*month)
	return qualityArgs{db: *db, month: m, staff: *staff, out: *path}, err
}

// cmdReportQuality writes the month's quality report as PDF: every staff
// member's figures, the salon's NPS, what the complaints were about, the
// open and overdue complaints and the proposals:
// companion report quality --month 2026-10 --out F.pdf [--db PATH].
func (c *commands) cmdReportQuality(args []string, out io.Writer) error {
	a, err := qualityFlags("report quality", args, out, false, "qualitycli.usage.quality")
	if err != nil {
		return err
	}
	var q model.QualityMonth
	var salon string
	err = c.withQuality(a.db, func(s qualityReports) error {
		ctx := context.Background()
		if q, err = s.QualityReport(ctx, a.month); err != nil {
			return err
		}
		salon, err = s.SalonName(ctx)
		return err
	})
	if err != nil {
		return err
	}
	if err := reports.WriteFileAtomic(a.out, func(w io.Writer) error { return reports.WriteQualityReport(w, q, salon, "") }); err != nil {
		return err
	}
	printLine(out, "qualitycli.done.quality", map[string]any{"Month": monthText(a.month), "Path": a.out,
		"Staff": len(q.Staff), "Open": len(q.Open)})
	return nil
}

// cmdReportFeedback writes a staff member's feedback sheet for a month as
// PDF, what the manager hands over in a one-to-one:
// companion report feedback --staff ID --month 2026-10 --out F.pdf [--db PATH].
func (c *commands) cmdReportFeedback(args []string, out io.Writer) error {
	a, err := qualityFlags("report feedback", args, out, true, "qualitycli.usage.feedback")
	if err != nil {
		return err
	}
	var sh model.FeedbackSheet
	var salon string
	err = c.withQuality(a.db, func(s qualityReports) error {
		ctx := context.Background()
		sh, err = s.FeedbackSheet(ctx, a.staff, a.month)
		if errors.Is(err, model.ErrNotFound) {
			return &model.FieldError{Key: "qualitycli.no_staff", Args: map[string]any{"ID": a.staff}}
		} else if err != nil {
			return err
		}
		salon, err = s.SalonName(ctx)
		return err
	})
	if err != nil {
		return err
	}
	if err := reports.WriteFileAtomic(a.out, func(w io.Writer) error { return reports.WriteFeedbackSheet(w, sh, salon, "") }); err != nil {
		return err
	}
	printLine(out, "qualitycli.done.feedback", map[string]any{"Name": sh.Staff.Name, "Month": monthText(a.month),
		"Path": a.out, "Thanks": len(sh.Thanks), "Complaints": len(sh.Complaints)})
	return nil
}

// firstArg is the first of args, or "" when there is none.
func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}
