package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"companion/model/payroll"
)

// sums are what a payroll export adds up to: each person's lines and
// totals, each block's figures, the month's totals; all in kopecks.
type sums struct {
	lines  map[string]int64            // staff id → lines and entries added up
	person map[string]map[string]int64 // staff id → item → amount
	block  map[string]map[string]int64 // block id → item → amount
	month  map[string]int64
}

func newSums() sums {
	return sums{lines: map[string]int64{}, person: map[string]map[string]int64{}, block: map[string]map[string]int64{},
		month: map[string]int64{}}
}

// add reads a row of the long table (payrollCSVHeader's columns).
func (s sums) add(t *testing.T, rec []string) {
	t.Helper()
	amount, err := strconv.ParseInt(rec[11], 10, 64)
	if err != nil {
		t.Fatalf("amount %q: %v", rec[11], err)
	}
	in := func(m map[string]map[string]int64, key string) map[string]int64 {
		if m[key] == nil {
			m[key] = map[string]int64{}
		}
		return m[key]
	}
	switch rec[1] {
	case secLine, secEntry:
		s.lines[rec[4]] += amount
	case secPerson:
		in(s.person, rec[4])[rec[6]] = amount
	case secBlock:
		in(s.block, rec[2])[rec[6]] += amount
	case secMonth:
		s.month[rec[6]] = amount
	}
}

// check holds the sums to the computation: every line adds up to the
// person's gross, gross less what is withheld is what is paid, the block's
// figures give its profit, and the month's totals are the computation's.
func (s sums) check(t *testing.T, r payroll.Result) {
	t.Helper()
	for _, p := range r.People {
		id := strconv.FormatUint(uint64(p.Staff.ID), 10)
		got := s.person[id]
		if s.lines[id] != int64(p.Gross) || got["gross"] != int64(p.Gross) || got["to_pay"] != int64(p.ToPay) ||
			got["gross"]-got["tax"]-got["deductions"]-got["advances"] != got["to_pay"] {
			t.Errorf("%s: lines %d, totals %v; computed gross %d, to pay %d", p.Staff.Name, s.lines[id], got, p.Gross, p.ToPay)
		}
	}
	for _, b := range r.Blocks {
		got := s.block[strconv.FormatUint(uint64(b.Block.ID), 10)]
		if got["sales"]+got["cards"]+got["turnover_correction"] != got["turnover"] ||
			got["turnover"]-got["consumables"]-got["goods_cost"]-got["extras"]-got["salaries"] != got["profit"] ||
			got["extra"] != got["extras"] || got["profit"] != int64(b.Profit) || got["turnover"] != int64(b.Turnover) {
			t.Errorf("block %s: %v, computed %+v", b.Block.Name, got, b)
		}
	}
	if s.month["gross"] != int64(r.Gross) || s.month["to_pay"] != int64(r.ToPay) || s.month["cost"] != int64(r.Cost) {
		t.Errorf("month %v, computed %+v", s.month, r)
	}
}

func TestPayrollCSVAddsUp(t *testing.T) {
	r := payroll.Compute(payrollBusy())
	var b bytes.Buffer
	if err := WritePayrollCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	text, ok := strings.CutPrefix(b.String(), "\uFEFF")
	if !ok || !strings.Contains(text, "\r\n") {
		t.Fatal("not Excel's CSV: a BOM and CRLF")
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ";") != strings.Join(payrollCSVHeader, ";") {
		t.Errorf("header %q", recs[0])
	}
	s := newSums()
	for _, rec := range recs[1:] {
		if rec[0] != "2026-10" {
			t.Errorf("month %q", rec[0])
		}
		s.add(t, rec)
	}
	s.check(t, r)
	for _, want := range []string{"2026-10;line;1;Косметология;10;Смирнова Ольга;block_profit;13950000;1000;31;31;1395000;;;",
		"2026-10;entry;;;12;Орлов Артём;adjustment;0;0;0;0;-100000;;Переплата;2026-09",
		"2026-10;line;;;12;Орлов Артём;tiered;6000000;750;0;0;450000;retroactive;;",
		"2026-10;deduction;1;Косметология;11;Белова Екатерина;deduction;0;0;0;0;300000;;Испорченный аппарат;",
		"2026-10;block;1;Косметология;;;extra;0;0;0;0;250000;;Новые маски сверх норм;"} {
		if !strings.Contains(text, want+"\r\n") {
			t.Errorf("no row %q in\n%s", want, text)
		}
	}
}

func TestPayrollJSONAddsUp(t *testing.T) {
	r := payroll.Compute(payrollBusy())
	var b bytes.Buffer
	if err := WritePayrollJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var got payrollJSON
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Month != "2026-10" || len(got.People) != len(r.People) || len(got.Blocks) != 1 {
		t.Fatalf("%+v", got)
	}
	var gross, pay int64
	for i, p := range got.People {
		var sum, deducted int64
		for _, l := range p.Lines {
			sum += l.Amount
		}
		for _, d := range p.Deductions {
			deducted += d.Amount
		}
		want := r.People[i]
		if sum != p.Gross || p.Gross != int64(want.Gross) || p.ToPay != int64(want.ToPay) ||
			p.Gross-p.Tax-deducted-p.Advances != p.ToPay || p.Deducted != deducted {
			t.Errorf("%s: %+v", p.Name, p)
		}
		gross, pay = gross+p.Gross, pay+p.ToPay
	}
	bl := got.Blocks[0]
	if bl.Turnover-bl.Consumables-bl.GoodsCost-bl.Extras-bl.Salaries != bl.Profit || bl.Profit != int64(r.Blocks[0].Profit) ||
		len(bl.Corrections) != 2 || bl.Corrections[0].Reason != "Возврат клиентке за пилинг" {
		t.Errorf("block %+v", bl)
	}
	if gross != got.Totals.Gross || pay != got.Totals.ToPay || got.Totals.Cost != int64(r.Cost) {
		t.Errorf("totals %+v: gross %d, to pay %d", got.Totals, gross, pay)
	}
	if !strings.Contains(b.String(), `"ref_month": "2026-09"`) || !strings.Contains(b.String(), "Лучший тренер месяца") {
		t.Errorf("JSON:\n%s", b.String())
	}
}

func TestPayrollXLSXAddsUp(t *testing.T) {
	r := payroll.Compute(payrollBusy())
	var b bytes.Buffer
	if err := WritePayrollXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "people,blocks,rows" {
		t.Errorf("sheets %s", got)
	}
	rows, err := f.GetRows("rows")
	if err != nil {
		t.Fatal(err)
	}
	s := newSums()
	for _, rec := range rows[1:] {
		for len(rec) < len(payrollCSVHeader) {
			rec = append(rec, "") // GetRows leaves off the empty cells at a row's end
		}
		s.add(t, rec)
	}
	s.check(t, r)
	people, err := f.GetRows("people")
	if err != nil || len(people) != len(r.People)+1 {
		t.Fatalf("people %v %v", people, err)
	}
	for i, p := range r.People {
		if people[i+1][1] != p.Staff.Name || people[i+1][8] != strconv.FormatInt(int64(p.ToPay), 10) {
			t.Errorf("people row %v, want %s paid %d", people[i+1], p.Staff.Name, p.ToPay)
		}
	}
	blocks, _ := f.GetRows("blocks")
	if blocks[1][9] != strconv.FormatInt(int64(r.Blocks[0].Profit), 10) {
		t.Errorf("blocks %v", blocks)
	}
	// the money is a number, not text, so that Excel adds it up
	if typ, _ := f.GetCellType("people", "I2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("to pay is %v", typ)
	}
}
