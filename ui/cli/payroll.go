package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"

	"companion/model"
	"companion/model/payroll"
	"companion/model/store"
	"companion/reports"
)

// payrollMonths is the store that reads a month's payroll (the real one):
// as approved, or as it computes now. The payroll is the owner's alone,
// and the store refuses any other role; the command line acts as the
// owner. (store.PayrollMonth is named here because the store's answer is
// that type; the tabs should get it as a model type when it moves there.)
type payrollMonths interface {
	Payroll(ctx context.Context, month model.Date) (store.PayrollMonth, error)
	SalonName(ctx context.Context) (string, error)
}

// monthRe is a month as the command line takes it: 2026-10, or 10.2026.
var monthRe = regexp.MustCompile(`^\s*(?:(\d{4})-(\d{1,2})|(\d{1,2})\.(\d{4}))\s*$`)

// parseMonth reads --month.
func parseMonth(s string) (model.Date, error) {
	m := monthRe.FindStringSubmatch(s)
	bad := &model.FieldError{Key: "payrollcli.bad_month", Args: map[string]any{"Value": s}}
	if m == nil {
		return model.Date{}, bad
	}
	year, month := m[1], m[2]
	if year == "" {
		year, month = m[4], m[3]
	}
	y, _ := strconv.Atoi(year)
	mo, _ := strconv.Atoi(month)
	if mo < 1 || mo > 12 || y < 2000 || y > 2999 {
		return model.Date{}, bad
	}
	return model.NewDate(y, time.Month(mo), 1), nil
}

// monthText writes a month in messages as the payroll's errors do: 10.2026.
func monthText(d model.Date) string { return fmt.Sprintf("%02d.%d", int(d.Month()), d.Year()) }

// readPayroll opens the database named by --db (it must exist) and reads
// the month's payroll and the salon's name from it. Reading only, it runs
// beside an open window.
func (c *commands) readPayroll(db string, month model.Date) (store.PayrollMonth, string, error) {
	path, err := c.existingDB(db)
	if err != nil {
		return store.PayrollMonth{}, "", err
	}
	s, err := c.openDB(path)
	if err != nil {
		return store.PayrollMonth{}, "", err
	}
	defer s.Close()
	ps, ok := s.(payrollMonths)
	if !ok {
		return store.PayrollMonth{}, "", &model.FieldError{Key: "payrollcli.unsupported"}
	}
	ctx := context.Background()
	pm, err := ps.Payroll(ctx, month)
	if err != nil {
		return pm, "", err
	}
	if pm.Result.Month.IsZero() {
		pm.Result.Month = month // an approved month's kept result may not hold its day (model.Date has no JSON form)
	}
	salon, err := ps.SalonName(ctx)
	return pm, salon, err
}

// payrollState says whether the month printed is approved or computed now.
func payrollState(pm store.PayrollMonth) string {
	if pm.Approved {
		return "payrollcli.state.approved"
	}
	return "payrollcli.state.open"
}

// cmdReportPayroll writes the month's payroll as PDF: the owner's summary,
// or with --payslips everyone's payslip, a page each:
// companion report payroll --month 2026-10 [--payslips] --out F.pdf [--db PATH].
func (c *commands) cmdReportPayroll(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("report payroll", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	monthArg := fs.String("month", "", "the month, as 2026-10")
	slips := fs.Bool("payslips", false, "everyone's payslip, a page each, instead of the owner's summary")
	outPath := fs.String("out", "", "the PDF file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *monthArg == "" || *outPath == "" {
		return &model.FieldError{Key: "payrollcli.usage"}
	}
	month, err := parseMonth(*monthArg)
	if err != nil {
		return err
	}
	pm, salon, err := c.readPayroll(*db, month)
	if err != nil {
		return err
	}
	write, done := reports.WritePayrollSummary, "payrollcli.done.summary"
	if *slips {
		write, done = reports.WritePayslips, "payrollcli.done.payslips"
	}
	err = reports.WriteFileAtomic(*outPath, func(w io.Writer) error { return write(w, pm.Result, salon, "") })
	if err != nil {
		return err
	}
	printLine(out, done, map[string]any{"Month": monthText(month), "N": len(pm.Result.People), "Path": *outPath})
	printLine(out, payrollState(pm), nil)
	return nil
}

// payrollWriters are the exports for the accountant, by --format.
var payrollWriters = map[string]func(io.Writer, payroll.Result) error{
	"csv":  reports.WritePayrollCSV,
	"json": reports.WritePayrollJSON,
	"xlsx": reports.WritePayrollXLSX,
}

// cmdPayroll exports the month's payroll for the accountant:
// companion payroll --month 2026-10 [--format csv|json|xlsx] [--out F] [--db PATH].
// Without --out it writes to standard output, except a workbook, which
// needs a file.
func (c *commands) cmdPayroll(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("payroll", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	monthArg := fs.String("month", "", "the month, as 2026-10")
	format := fs.String("format", "csv", "csv, json or xlsx")
	outPath := fs.String("out", "", "the file to write (default: standard output; a workbook needs a file)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *monthArg == "" {
		return &model.FieldError{Key: "payrollcli.export_usage"}
	}
	write, ok := payrollWriters[*format]
	if !ok {
		return &model.FieldError{Key: "payrollcli.bad_format", Args: map[string]any{"Value": *format}}
	}
	if *format == "xlsx" && *outPath == "" {
		return &model.FieldError{Key: "payrollcli.xlsx_out"}
	}
	month, err := parseMonth(*monthArg)
	if err != nil {
		return err
	}
	pm, _, err := c.readPayroll(*db, month)
	if err != nil {
		return err
	}
	if *outPath == "" {
		return write(out, pm.Result)
	}
	if err := reports.WriteFileAtomic(*outPath, func(w io.Writer) error { return write(w, pm.Result) }); err != nil {
		return err
	}
	printLine(out, "payrollcli.done.export", map[string]any{"Month": monthText(month), "Path": *outPath})
	printLine(out, payrollState(pm), nil)
	return nil
}
