package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/model/payroll"
	"companion/model/store"
	"companion/model/store/storetest"
)

var cmdPayroll = command("payroll")

// payrollSalon is a database (on the test backend) of a small salon with
// last month's pay to print: a cosmetology block with its director
// (salary, rate and 10 % of the block's profit) and a cosmetologist
// (salary and 20 % of her services after consumables), peels and creams
// sold, a card sold, an advance and a client's thanks.
type payrollSalon struct {
	db    string
	month model.Date
}

func newPayrollSalon(t *testing.T) payrollSalon {
	t.Helper()
	f := payrollSalon{db: storetest.Database(t)}
	ctx := context.Background()
	withStore(t, f.db, func(s *store.Store) {
		f.month = model.MonthOf(model.MonthOf(s.Today()).AddDays(-1))
		block := model.Block{Name: "Косметология"}
		check(t, s.SaveBlock(ctx, &block), s.SetSalonName(ctx, "Центр «Гармония»"))
		director := model.Staff{Name: "Смирнова Ольга", Role: "директор блока", BlockID: &block.ID, Active: true}
		cosmetologist := model.Staff{Name: "Белова Екатерина", Role: "косметолог", BlockID: &block.ID, Active: true}
		peel := model.Service{Name: "Пилинг", Kind: "service", Price: model.Rub(3000), Minutes: 45,
			Consumables: model.Rub(400), BlockID: &block.ID, Active: true}
		cream := model.Service{Name: "Крем SPF", Kind: "product", Price: model.Rub(1500), CostPrice: model.Rub(800),
			BlockID: &block.ID, Active: true}
		card := model.CardType{Name: "5 пилингов", ValidDays: 90, Visits: 5, Price: model.Rub(12500), Active: true, BlockID: &block.ID}
		client := model.Client{LastName: "Иванова", FirstName: "Мария"}
		check(t, s.SaveStaff(ctx, &director), s.SaveStaff(ctx, &cosmetologist), s.SaveService(ctx, &peel),
			s.SaveService(ctx, &cream), s.SaveCardType(ctx, &card), s.CreateClient(ctx, &client))
		jan := model.NewDate(f.month.Year()-1, 1, 1)
		for _, c := range []model.PayComponent{
			{StaffID: director.ID, Kind: model.PaySalary, From: jan, Amount: model.Rub(40000)},
			{StaffID: director.ID, Kind: model.PayDirectorRate, From: jan, Amount: model.Rub(20000)},
			{StaffID: director.ID, Kind: model.PayBlockProfit, From: jan, Percent: 1000},
			{StaffID: cosmetologist.ID, Kind: model.PaySalary, From: jan, Amount: model.Rub(30000)},
			{StaffID: cosmetologist.ID, Kind: model.PayOwnServices, From: jan, Percent: 2000, AfterConsumables: true},
		} {
			check(t, s.AddPayComponent(ctx, &c))
		}
		for day, qty := range map[int]int{5: 12, 12: 20, 20: 9} {
			v := model.Visit{ClientID: client.ID, On: f.month.AddDays(day - 1), Lines: []model.VisitLine{
				{ServiceID: &peel.ID, Name: peel.Name, StaffID: &cosmetologist.ID, Qty: qty, Price: peel.Price},
				{ServiceID: &cream.ID, Name: cream.Name, StaffID: &cosmetologist.ID, Qty: 2, Price: cream.Price}}}
			check(t, s.AddVisit(ctx, &v))
		}
		check(t, s.SellCard(ctx, &model.Card{ClientID: client.ID, TypeID: card.ID, SoldOn: f.month.AddDays(2), Paid: model.Rub(12500)}),
			s.AddPayEntry(ctx, &model.PayEntry{StaffID: cosmetologist.ID, Month: f.month, Kind: model.EntryAdvance,
				Amount: model.Rub(15000), On: f.month.AddDays(14)}),
			s.AddRecognition(ctx, &model.Recognition{StaffID: cosmetologist.ID, Month: f.month, Text: "Клиенты просят только к ней"}))
	})
	return f
}

func check(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(i18n.ErrorText(err))
		}
	}
}

// result is the month as the store computes it.
func (f payrollSalon) result(t *testing.T) payroll.Result {
	t.Helper()
	var r payroll.Result
	withStore(t, f.db, func(s *store.Store) {
		pm, err := s.Payroll(context.Background(), f.month)
		check(t, err)
		r = pm.Result
	})
	if len(r.People) != 2 || r.Blocks[0].Profit <= 0 {
		t.Fatalf("the salon's month: %+v", r)
	}
	return r
}

func (f payrollSalon) monthArg() string {
	return fmt.Sprintf("%d-%02d", f.month.Year(), int(f.month.Month()))
}

func pdfPageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return 0
}

func TestReportPayrollPrintsEveryonesPay(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newPayrollSalon(t)
	r := f.result(t)
	dir := t.TempDir()
	summary, slips := filepath.Join(dir, "зарплата.pdf"), filepath.Join(dir, "листки.pdf")
	var out bytes.Buffer
	check(t, cmdReport([]string{"payroll", "--db", f.db, "--month", f.monthArg(), "--out", summary}, &out))
	check(t, cmdReport([]string{"payroll", "--db", f.db, "--month", f.monthArg(), "--payslips", "--out", slips}, &out))
	mm := fmt.Sprintf("%02d.%d", int(f.month.Month()), f.month.Year())
	wantLines(t, out.String(), "Сводка по зарплате за "+mm+" записана в "+summary,
		"Расчётные листки за "+mm+" (2 сотрудника) записаны в "+slips,
		"Месяц ещё не утверждён: цифры посчитаны по данным на сейчас и могут измениться.")
	for _, path := range []string{summary, slips} {
		text := readPDF(t, path)
		want := []string{"Центр «Гармония»", "Прибыль блока " + r.Blocks[0].Profit.Format("ru")}
		for _, p := range r.People {
			want = append(want, p.Staff.Name, "Всего начислено "+p.Gross.Format("ru"), "К выплате "+p.ToPay.Format("ru"))
		}
		for _, w := range want {
			if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("%s lacks %q:\n%s", filepath.Base(path), w, text)
			}
		}
	}
	if n := pdfPageCount(t, slips); n != len(r.People) {
		t.Errorf("%d pages of payslips for %d people", n, len(r.People))
	}
	if text := readPDF(t, slips); !strings.Contains(text, "Клиенты просят только к ней") {
		t.Errorf("the thanks are not on the payslip:\n%s", text)
	}

	// approved, the month prints what was kept, and says so
	withStore(t, f.db, func(s *store.Store) {
		_, err := s.ApprovePayroll(context.Background(), f.month)
		check(t, err)
	})
	out.Reset()
	check(t, cmdReport([]string{"payroll", "--db", f.db, "--month", mm, "--out", summary}, &out))
	wantLines(t, out.String(), "Месяц утверждён: напечатано то, что было посчитано при утверждении.")
	title := "Зарплата за " + []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
		"сентябрь", "октябрь", "ноябрь", "декабрь"}[f.month.Month()-1] + " " + strconv.Itoa(f.month.Year()) + " г."
	if text := readPDF(t, summary); !strings.Contains(text, title) || !strings.Contains(text, "К выплате "+
		strings.Join(strings.Fields(r.People[0].ToPay.Format("ru")), " ")) {
		t.Errorf("the approved month's summary lacks %q or the pay:\n%s", title, text)
	}
}

// csvTotals reads the payroll's CSV: each person's lines added up, and
// their totals by item.
func csvTotals(t *testing.T, data string) (lines map[string]int64, totals map[string]map[string]int64) {
	t.Helper()
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\uFEFF")))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil || len(recs) < 2 || recs[0][11] != "amount" {
		t.Fatalf("CSV %v:\n%s", err, data)
	}
	lines, totals = map[string]int64{}, map[string]map[string]int64{}
	for _, rec := range recs[1:] {
		amount, err := strconv.ParseInt(rec[11], 10, 64)
		if err != nil {
			t.Fatalf("amount %q", rec[11])
		}
		switch rec[1] {
		case "line", "entry":
			lines[rec[5]] += amount
		case "person", "month", "block":
			key := rec[5]
			if rec[1] != "person" {
				key = rec[1]
			}
			if totals[key] == nil {
				totals[key] = map[string]int64{}
			}
			totals[key][rec[6]] = amount
		}
	}
	return lines, totals
}

func TestPayrollExportsAddUp(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newPayrollSalon(t)
	r := f.result(t)
	var out bytes.Buffer
	check(t, cmdPayroll([]string{"--db", f.db, "--month", f.monthArg()}, &out))
	lines, totals := csvTotals(t, out.String())
	for _, p := range r.People {
		got := totals[p.Staff.Name]
		if lines[p.Staff.Name] != int64(p.Gross) || got["gross"] != int64(p.Gross) || got["to_pay"] != int64(p.ToPay) ||
			got["gross"]-got["tax"]-got["deductions"]-got["advances"] != got["to_pay"] {
			t.Errorf("%s: lines %d, totals %v; computed %+v", p.Staff.Name, lines[p.Staff.Name], got, p)
		}
	}
	if totals["month"]["to_pay"] != int64(r.ToPay) || totals["block"]["profit"] != int64(r.Blocks[0].Profit) {
		t.Errorf("month %v, block %v", totals["month"], totals["block"])
	}

	dir := t.TempDir()
	for _, format := range []string{"json", "xlsx"} {
		path := filepath.Join(dir, "зарплата."+format)
		out.Reset()
		check(t, cmdPayroll([]string{"--db", f.db, "--month", f.monthArg(), "--format", format, "--out", path}, &out))
		if !strings.Contains(out.String(), "выгружена в "+path+"\n") {
			t.Errorf("%s: %q", format, out.String())
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "зарплата.json"))
	if err != nil || !strings.Contains(string(data), fmt.Sprintf(`"to_pay": %d`, r.ToPay)) {
		t.Errorf("JSON %v:\n%s", err, data)
	}
	book, err := excelize.OpenFile(filepath.Join(dir, "зарплата.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, err := book.GetRows("people")
	if err != nil || len(rows) != 3 || rows[1][8] != strconv.FormatInt(int64(r.People[0].ToPay), 10) {
		t.Errorf("the workbook's people %v %v", rows, err)
	}
}

// What the command cannot do is said in a sentence, and no file is left.
func TestPayrollRefusesInASentence(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newPayrollSalon(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "зарплата.pdf")
	for _, tc := range []struct {
		cmd  func([]string, io.Writer) error
		args []string
		says string
	}{
		{cmdReport, []string{"payroll", "--month", "2026-13", "--out", pdf}, "Месяц «2026-13» не понят: укажите его как ГГГГ-ММ, например 2026-10."},
		{cmdReport, []string{"payroll", "--month", "октябрь", "--out", pdf}, "Месяц «октябрь» не понят"},
		{cmdReport, []string{"payroll", "--out", pdf}, "companion report payroll --month ГГГГ-ММ"},
		{cmdReport, []string{"payroll", "--month", "2026-10"}, "companion report payroll --month ГГГГ-ММ"},
		{cmdPayroll, []string{"--month", "10/2026"}, "Месяц «10/2026» не понят"},
		{cmdPayroll, []string{"--month", "2026-10", "--format", "ods"}, "Формат «ods» не знаком: укажите csv, json или xlsx."},
		{cmdPayroll, []string{"--month", "2026-10", "--format", "xlsx"}, "Книгу Excel нельзя вывести в терминал"},
		{cmdPayroll, nil, "companion payroll --month ГГГГ-ММ"},
		{cmdReport, []string{"payslips"}, "companion report payroll --month ГГГГ-ММ [--payslips]"},
	} {
		err := tc.cmd(append(tc.args, "--db", f.db), &bytes.Buffer{})
		if msg := i18n.ErrorText(err); err == nil || !strings.Contains(msg, tc.says) {
			t.Errorf("%q: got %q, want %q", tc.args, msg, tc.says)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refusal left %v behind", entries)
	}
	// a database that is not there is not made
	missing := filepath.Join(dir, "нет.db")
	err := cmdPayroll([]string{"--db", missing, "--month", "2026-10"}, &bytes.Buffer{})
	if msg := i18n.ErrorText(err); err == nil || !strings.Contains(msg, "нет.db") {
		t.Errorf("a missing database: %q", msg)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the export made a new database")
	}
}
