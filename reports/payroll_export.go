package reports

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"companion/model"
	"companion/model/payroll"
)

// The sections of a payroll export's rows: a block's figure, a line of a
// person's pay from the scheme, a sum entered for the month (a bonus or an
// adjustment), a deduction, a person's totals, the month's totals.
const (
	secBlock     = "block"
	secLine      = "line"
	secEntry     = "entry"
	secDeduction = "deduction"
	secPerson    = "person"
	secMonth     = "month"
)

// payrollCSVHeader are the columns of the payroll's CSV: its format, the
// same in every language. Money, base and amount, is in integer kopecks;
// rate in hundredths of a percent (1500 is 15 %).
var payrollCSVHeader = []string{"month", "section", "block_id", "block", "staff_id", "staff", "item", "base", "rate",
	"days", "of_days", "amount", "mode", "note", "ref_month"}

// exportRow is one row of the long table the CSV is, and the XLSX's
// sheet of lines.
type exportRow struct {
	section string
	blockID uint
	block   string
	staffID uint
	staff   string
	item    string
	line    payroll.PayLine // base, rate, days, mode, note, ref; Amount
}

func (e exportRow) cells(month string) []string {
	l := e.line
	id := func(n uint) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatUint(uint64(n), 10)
	}
	num := func(n int64) string { return strconv.FormatInt(n, 10) }
	return []string{month, e.section, id(e.blockID), safe(e.block), id(e.staffID), safe(e.staff), e.item,
		num(int64(l.Base)), num(int64(l.Rate)), num(int64(l.Days)), num(int64(l.Of)), num(int64(l.Amount)), l.Mode,
		safe(l.Note), monthISO(l.Ref)}
}

// monthISO writes a month as 2026-10, "" when unset.
func monthISO(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.ISO()[:7]
}

// blockExportRows are a block's figures as the seed counts its profit,
// each correction with its reason.
func blockExportRows(b payroll.BlockMonth) []exportRow {
	r := func(item string, amount model.Money, note string) exportRow {
		return exportRow{section: secBlock, blockID: b.Block.ID, block: b.Block.Name, item: item,
			line: payroll.PayLine{Amount: amount, Note: note}}
	}
	out := []exportRow{r("sales", b.Sales, ""), r("cards", b.Cards, "")}
	for _, c := range b.Corrections {
		if c.Field == model.CorrectTurnover {
			out = append(out, r("turnover_correction", c.Amount, c.Reason))
		}
	}
	out = append(out, r("turnover", b.Turnover, ""), r("consumables", b.Consumables, ""), r("goods_cost", b.GoodsCost, ""))
	for _, c := range b.Corrections {
		if c.Field == model.CorrectConsumables {
			out = append(out, r("extra", c.Amount, c.Reason))
		}
	}
	return append(out, r("extras", b.Extras, ""), r("salaries", b.Salaries, ""), r("profit", b.Profit, ""))
}

// personExportRows are a person's lines, entries and deductions, then
// their totals.
func personExportRows(p payroll.Payslip, blocks map[uint]string) []exportRow {
	var block uint
	if p.Staff.BlockID != nil {
		block = *p.Staff.BlockID
	}
	r := func(section, item string, l payroll.PayLine) exportRow {
		return exportRow{section: section, blockID: block, block: blocks[block], staffID: p.Staff.ID, staff: p.Staff.Name,
			item: item, line: l}
	}
	var out []exportRow
	for _, l := range p.Lines {
		sec := secLine
		if isEntry(l) {
			sec = secEntry
		}
		out = append(out, r(sec, l.Kind, l))
	}
	for _, d := range p.Deductions {
		out = append(out, r(secDeduction, d.Kind, d))
	}
	for _, t := range []struct {
		item   string
		amount model.Money
	}{{"gross", p.Gross}, {"tax", p.Tax}, {"deductions", p.Deducted()}, {"advances", p.Advances},
		{"to_pay", p.ToPay}, {"year_income", p.YearIncome}} {
		out = append(out, r(secPerson, t.item, payroll.PayLine{Amount: t.amount}))
	}
	return out
}

// payrollExportRows are the whole month as the long table.
func payrollExportRows(r payroll.Result) []exportRow {
	var out []exportRow
	names := map[uint]string{}
	for _, b := range r.Blocks {
		out = append(out, blockExportRows(b)...)
		names[b.Block.ID] = b.Block.Name
	}
	for _, p := range r.People {
		out = append(out, personExportRows(p, names)...)
	}
	for _, t := range []struct {
		item   string
		amount model.Money
	}{{"gross", r.Gross}, {"tax", r.Tax}, {"to_pay", r.ToPay}, {"contributions", r.Contributions}, {"cost", r.Cost}} {
		out = append(out, exportRow{section: secMonth, item: t.item, line: payroll.PayLine{Amount: t.amount}})
	}
	return out
}

// WritePayrollCSV writes a month's payroll for the accountant as one long
// table Excel opens with a double click (UTF-8 with BOM, ';', CRLF): each
// block's turnover, consumables, salaries and profit; each person's every
// line with its kind, base, rate and amount, their deductions and totals;
// the month's totals. Money is in integer kopecks, rates in hundredths of
// a percent, as everywhere in the data; the columns are payrollCSVHeader.
func WritePayrollCSV(w io.Writer, r payroll.Result) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	cw.Write(payrollCSVHeader)
	month := monthISO(r.Month)
	for _, row := range payrollExportRows(r) {
		cw.Write(row.cells(month))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// payrollJSON is a month's payroll in a JSON export: snake_case names
// that do not change with the Go fields, money in kopecks.
type payrollJSON struct {
	Month  string        `json:"month"`
	Blocks []blockJSON   `json:"blocks"`
	People []payslipJSON `json:"people"`
	Totals totalsJSON    `json:"totals"`
}

type totalsJSON struct {
	Gross         int64 `json:"gross"`
	Tax           int64 `json:"tax"`
	ToPay         int64 `json:"to_pay"`
	Contributions int64 `json:"contributions"`
	Cost          int64 `json:"cost"`
}

type blockJSON struct {
	BlockID     uint             `json:"block_id"`
	Block       string           `json:"block"`
	Sales       int64            `json:"sales"`
	Cards       int64            `json:"cards"`
	Corrections []correctionJSON `json:"corrections"`
	Turnover    int64            `json:"turnover"`
	Consumables int64            `json:"consumables"`
	GoodsCost   int64            `json:"goods_cost"`
	Extras      int64            `json:"extras"`
	Salaries    int64            `json:"salaries"`
	Profit      int64            `json:"profit"`
}

type correctionJSON struct {
	Field  string `json:"field"`
	Amount int64  `json:"amount"`
	Reason string `json:"reason"`
}

type payslipJSON struct {
	StaffID     uint          `json:"staff_id"`
	Name        string        `json:"name"`
	Role        string        `json:"role"`
	BlockID     *uint         `json:"block_id"`
	Lines       []payLineJSON `json:"lines"`
	Gross       int64         `json:"gross"`
	Tax         int64         `json:"tax"`
	Deductions  []payLineJSON `json:"deductions"`
	Deducted    int64         `json:"deducted"`
	Advances    int64         `json:"advances"`
	ToPay       int64         `json:"to_pay"`
	YearIncome  int64         `json:"year_income"`
	Recognition []string      `json:"recognition"`
}

type payLineJSON struct {
	Kind     string  `json:"kind"`
	Entry    bool    `json:"entry"` // a sum entered for the month, not a part of the scheme
	Base     int64   `json:"base"`
	Rate     int64   `json:"rate"` // hundredths of a percent
	Days     int     `json:"days"`
	OfDays   int     `json:"of_days"`
	Amount   int64   `json:"amount"`
	Mode     string  `json:"mode"`
	Note     string  `json:"note"`
	RefMonth *string `json:"ref_month"`
}

func toLineJSON(l payroll.PayLine, entry bool) payLineJSON {
	var ref *string
	if m := monthISO(l.Ref); m != "" {
		ref = &m
	}
	return payLineJSON{Kind: l.Kind, Entry: entry, Base: int64(l.Base), Rate: int64(l.Rate), Days: l.Days, OfDays: l.Of,
		Amount: int64(l.Amount), Mode: l.Mode, Note: l.Note, RefMonth: ref}
}

func toBlockJSON(b payroll.BlockMonth) blockJSON {
	out := blockJSON{BlockID: b.Block.ID, Block: b.Block.Name, Sales: int64(b.Sales), Cards: int64(b.Cards),
		Corrections: []correctionJSON{}, Turnover: int64(b.Turnover), Consumables: int64(b.Consumables),
		GoodsCost: int64(b.GoodsCost), Extras: int64(b.Extras), Salaries: int64(b.Salaries), Profit: int64(b.Profit)}
	for _, c := range b.Corrections {
		out.Corrections = append(out.Corrections, correctionJSON{Field: c.Field, Amount: int64(c.Amount), Reason: c.Reason})
	}
	return out
}

func toPayslipJSON(p payroll.Payslip) payslipJSON {
	out := payslipJSON{StaffID: p.Staff.ID, Name: p.Staff.Name, Role: p.Staff.Role, BlockID: p.Staff.BlockID,
		Lines: []payLineJSON{}, Gross: int64(p.Gross), Tax: int64(p.Tax), Deductions: []payLineJSON{},
		Deducted: int64(p.Deducted()), Advances: int64(p.Advances), ToPay: int64(p.ToPay),
		YearIncome: int64(p.YearIncome), Recognition: []string{}}
	for _, l := range p.Lines {
		out.Lines = append(out.Lines, toLineJSON(l, isEntry(l)))
	}
	for _, d := range p.Deductions {
		out.Deductions = append(out.Deductions, toLineJSON(d, true))
	}
	for _, r := range p.Recognition {
		out.Recognition = append(out.Recognition, r.Text)
	}
	return out
}

// WritePayrollJSON writes a month's payroll as indented JSON for another
// program: each block's figures with its corrections, each person's lines,
// deductions and totals, the month's totals; money in integer kopecks,
// rates in hundredths of a percent.
func WritePayrollJSON(w io.Writer, r payroll.Result) error {
	out := payrollJSON{Month: monthISO(r.Month), Blocks: []blockJSON{}, People: []payslipJSON{},
		Totals: totalsJSON{Gross: int64(r.Gross), Tax: int64(r.Tax), ToPay: int64(r.ToPay),
			Contributions: int64(r.Contributions), Cost: int64(r.Cost)}}
	for _, b := range r.Blocks {
		out.Blocks = append(out.Blocks, toBlockJSON(b))
	}
	for _, p := range r.People {
		out.People = append(out.People, toPayslipJSON(p))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WritePayrollXLSX writes a month's payroll as an Excel workbook for the
// accountant: a sheet of everyone's totals (people), one of each block's
// figures (blocks) and one of every row the CSV has (rows). Money is in
// integer kopecks and rates in hundredths of a percent, as in the CSV.
func WritePayrollXLSX(w io.Writer, r payroll.Result) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "people"); err != nil {
		return err
	}
	var people, blocks, rows [][]any
	for _, p := range r.People {
		var block any
		if p.Staff.BlockID != nil {
			block = *p.Staff.BlockID
		}
		people = append(people, []any{p.Staff.ID, p.Staff.Name, p.Staff.Role, block, int64(p.Gross), int64(p.Tax),
			int64(p.Deducted()), int64(p.Advances), int64(p.ToPay), int64(p.YearIncome)})
	}
	for _, b := range r.Blocks {
		blocks = append(blocks, []any{b.Block.ID, b.Block.Name, int64(b.Sales), int64(b.Cards), int64(b.Turnover),
			int64(b.Consumables), int64(b.GoodsCost), int64(b.Extras), int64(b.Salaries), int64(b.Profit)})
	}
	month := monthISO(r.Month)
	for _, e := range payrollExportRows(r) {
		rows = append(rows, xlsxCells(e.cells(month)))
	}
	for _, sh := range []struct {
		name   string
		header []string
		rows   [][]any
	}{{"people", peopleSheet, people}, {"blocks", blocksSheet, blocks}, {"rows", payrollCSVHeader, rows}} {
		if err := writeSheet(f, sh.name, sh.header, sh.rows); err != nil {
			return err
		}
	}
	return f.Write(w)
}
