package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"companion/model"
	"companion/model/payroll"
)

func uptr(v uint) *uint { return &v }

// payrollSeed is the seed's wellness centre in October 2026, as
// model/payroll's tests work it by hand: the cosmetology block's director
// has a salary, a director's rate and 10 % of the block's profit; a
// cosmetologist a salary and 20 % of her services after consumables.
// Profit 151 000 ₽; the director is paid 65 337 ₽, the cosmetologist
// 57 420 ₽.
func payrollSeed() payroll.Input {
	cosmo := uptr(1)
	from := model.NewDate(2026, 1, 1)
	day := func(d int) model.Date { return model.NewDate(2026, 10, d) }
	return payroll.Input{
		Month: day(1),
		Staff: []model.Staff{{ID: 10, Name: "Смирнова Ольга", Role: "директор блока", BlockID: cosmo},
			{ID: 11, Name: "Белова Екатерина", Role: "косметолог", BlockID: cosmo}},
		Blocks: []model.Block{{ID: 1, Name: "Косметология"}},
		Components: []model.PayComponent{
			{StaffID: 10, Kind: model.PaySalary, From: from, Amount: model.Rub(40000)},
			{StaffID: 10, Kind: model.PayDirectorRate, From: from, Amount: model.Rub(20000)},
			{StaffID: 10, Kind: model.PayBlockProfit, From: from, Percent: 1000},
			{StaffID: 11, Kind: model.PaySalary, From: from, Amount: model.Rub(30000)},
			{StaffID: 11, Kind: model.PayOwnServices, From: from, Percent: 2000, AfterConsumables: true},
		},
		Lines: []payroll.Line{
			{On: day(5), StaffID: uptr(11), BlockID: cosmo, Qty: 40, Money: model.Rub(200000), Consumables: model.Rub(500)},
			{On: day(6), StaffID: uptr(10), BlockID: cosmo, Qty: 10, Money: model.Rub(50000), Consumables: model.Rub(500)},
			{On: day(7), StaffID: uptr(11), BlockID: cosmo, Product: true, Qty: 20, Money: model.Rub(30000), CostPrice: model.Rub(900)},
		},
		CardSales: []payroll.CardSale{{BlockID: cosmo, Paid: model.Rub(40000)}},
		TaxOn:     true, ContribRate: 3000,
	}
}

// payrollBusy is the seed with all a month may hold besides: a trainer
// whose salary changed mid-month and whose tiered share is retroactive,
// entries of every kind, corrections of the block, and thanks.
func payrollBusy() payroll.Input {
	in := payrollSeed()
	day := func(d int) model.Date { return model.NewDate(2026, 10, d) }
	in.Staff = append(in.Staff, model.Staff{ID: 12, Name: "Орлов Артём", Role: "тренер"})
	in.Components = append(in.Components,
		model.PayComponent{StaffID: 12, Kind: model.PaySalary, From: model.NewDate(2026, 1, 1), Amount: model.Rub(25000)},
		model.PayComponent{StaffID: 12, Kind: model.PaySalary, From: day(16), Amount: model.Rub(31000)},
		model.PayComponent{StaffID: 12, Kind: model.PayTiered, From: model.NewDate(2026, 1, 1), Retroactive: true,
			Tiers: model.Tiers{{From: 0, Percent: 500}, {From: model.Rub(50000), Percent: 750}}},
		model.PayComponent{StaffID: 12, Kind: model.PayBonus, From: model.NewDate(2026, 1, 1), Amount: model.Rub(2000)})
	in.Lines = append(in.Lines, payroll.Line{On: day(9), StaffID: uptr(12), Qty: 30, Money: model.Rub(60000)})
	in.Entries = []model.PayEntry{
		{StaffID: 11, Kind: model.EntryBonus, Amount: model.Rub(5000), Ground: "Лучший отзыв месяца"},
		{StaffID: 11, Kind: model.EntryDeduction, Amount: model.Rub(3000), Ground: "Испорченный аппарат"},
		{StaffID: 11, Kind: model.EntryAdvance, Amount: model.Rub(20000)},
		{StaffID: 12, Kind: model.EntryAdjustment, Amount: -model.Rub(1000), Ground: "Переплата", RefMonth: model.NewDate(2026, 9, 1)},
	}
	in.Corrections = []model.BlockCorrection{
		{BlockID: 1, Month: day(1), Field: model.CorrectTurnover, Amount: -model.Rub(4000), Reason: "Возврат клиентке за пилинг"},
		{BlockID: 1, Month: day(1), Field: model.CorrectConsumables, Amount: model.Rub(2500), Reason: "Новые маски сверх норм"},
	}
	in.Recognition = []model.Recognition{{StaffID: 11, Month: day(1), Text: "Спасибо за терпение с капризной клиенткой", Source: "client"},
		{StaffID: 12, Month: day(1), Text: "Лучший тренер месяца", Source: "owner"}}
	return in
}

// payrollPDF writes a month with write, keeps it where PAYROLL_PDF names
// a folder, and reads it back as flat text and its number of pages.
func payrollPDF(t *testing.T, write func(*bytes.Buffer) error, name string) (string, int) {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PAYROLL_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+".pdf"), b.Bytes(), 0o644)
	}
	return flat(pdfText(t, b.Bytes())), pdfPages(t, b.Bytes())
}

// pdfPages counts a PDF's pages with pdfinfo (poppler-utils).
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pages.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatal("pdfinfo gave no page count")
	return 0
}

func wantText(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
}

func TestPayrollSummaryHasTheSeedsFigures(t *testing.T) {
	r := payroll.Compute(payrollSeed())
	text, _ := payrollPDF(t, func(b *bytes.Buffer) error { return WritePayrollSummary(b, r, "Центр «Гармония»", "ru") }, "summary-seed")
	wantText(t, text, "Центр «Гармония»", "Зарплата за октябрь 2026 г.",
		// everyone's row: gross, tax, deducted, advance, to pay
		"Смирнова Ольга директор блока 75 100 ₽ 9 763 ₽ 0 ₽ 0 ₽ 65 337 ₽",
		"Белова Екатерина косметолог 66 000 ₽ 8 580 ₽ 0 ₽ 0 ₽ 57 420 ₽",
		"Итого 141 100 ₽ 18 343 ₽ 0 ₽ 0 ₽ 122 757 ₽",
		// the lines, with base and rate
		"Оклад специалиста 40 000 ₽ 31 из 31 дн. 40 000 ₽", "Ставка директора 20 000 ₽ 31 из 31 дн. 20 000 ₽",
		"% от прибыли блока 151 000 ₽ 10 % 15 100 ₽", "% от своих услуг 180 000 ₽ 20 % 36 000 ₽",
		// the block's profit as the seed counts it
		"Блок «Косметология»", "Продажи услуг и товаров 280 000 ₽", "Проданные карты 40 000 ₽", "Выручка блока 320 000 ₽",
		"Расходные материалы −25 000 ₽", "Себестоимость проданных товаров −18 000 ₽",
		"Зарплата сотрудников блока (без долей в прибыли) −126 000 ₽", "Прибыль блока 151 000 ₽",
		"Смирнова Ольга: 10 % от прибыли блока 15 100 ₽",
		// the month
		"Начислено всего 141 100 ₽", "К выплате всего 122 757 ₽",
		"Страховые взносы работодателя (сверх начисленного) 42 330 ₽", "Расходы на оплату труда за месяц 183 430 ₽",
		"Составил(а)", "Утверждаю, руководитель", "Стр. 1")
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

// Every figure the computation gives is in both documents: each person's
// gross and pay, each line, each block's profit; every correction and
// ground is named; the payslips have a page each.
func TestPayrollPDFsHoldWhatWasComputed(t *testing.T) {
	r := payroll.Compute(payrollBusy())
	if len(r.People) != 3 {
		t.Fatalf("people %d", len(r.People))
	}
	summary, _ := payrollPDF(t, func(b *bytes.Buffer) error { return WritePayrollSummary(b, r, "Центр «Гармония»", "ru") }, "summary-busy")
	slips, pages := payrollPDF(t, func(b *bytes.Buffer) error { return WritePayslips(b, r, "Центр «Гармония»", "ru") }, "payslips-busy")
	if pages != len(r.People) {
		t.Errorf("%d pages of payslips for %d people", pages, len(r.People))
	}
	for _, text := range []string{summary, slips} {
		for _, p := range r.People {
			wantText(t, text, p.Staff.Name, "Всего начислено "+p.Gross.Format("ru"), "К выплате "+p.ToPay.Format("ru"))
			for _, l := range p.Lines {
				wantText(t, text, l.Amount.Format("ru"))
			}
		}
		wantText(t, text, "Прибыль блока "+r.Blocks[0].Profit.Format("ru"), "Корректировка выручки: Возврат клиентке за пилинг −4 000 ₽",
			"Прочие расходы: Новые маски сверх норм −2 500 ₽", "Лучший отзыв месяца", "Испорченный аппарат",
			"Корректировка за сентябрь 2026 г.", "Переплата", "25 000 ₽ 15 из 31 дн.", "31 000 ₽ 16 из 31 дн.",
			"7,5 %", "ретроактивная: достигнутая ставка на всю выручку", "Ежемесячная премия 2 000 ₽")
	}
	wantText(t, summary, "Итого "+r.Gross.Format("ru"), r.ToPay.Format("ru"), r.Contributions.Format("ru"), r.Cost.Format("ru"))
	wantText(t, slips, "Расчётный листок за октябрь 2026 г.", "Как посчитана прибыль блока", "Ваша доля: 10 % от прибыли блока",
		"«Спасибо за терпение с капризной клиенткой» — от клиента", "«Лучший тренер месяца» — от руководителя",
		"Удержание Испорченный аппарат 3 000 ₽", "Аванс выплачен в течение месяца 20 000 ₽", "С расчётом ознакомлен(а)",
		"Белова Е.", "Другие суммы")
	// the profit's calculation is only on the page of whoever has a share
	if n := strings.Count(slips, "Как посчитана прибыль блока"); n != 1 {
		t.Errorf("the block's calculation is on %d payslips, want the director's alone", n)
	}
	if t.Failed() {
		t.Logf("summary:\n%s\npayslips:\n%s", summary, slips)
	}
}

func TestAShareOfALossSaysWhyOnThePayslip(t *testing.T) {
	in := payrollSeed()
	in.Lines, in.CardSales = in.Lines[:1], nil
	in.Lines[0].Money = model.Rub(50000)
	r := payroll.Compute(in)
	if r.Blocks[0].Profit >= 0 {
		t.Fatalf("profit %v", r.Blocks[0].Profit)
	}
	text, _ := payrollPDF(t, func(b *bytes.Buffer) error { return WritePayslips(b, r, "", "ru") }, "payslips-loss")
	wantText(t, text, "Убыток блока "+r.Blocks[0].Profit.Format("ru"),
		"Ваша доля: блок в убытке: доля от убытка не начисляется")
}

func TestPayrollPDFsInEnglish(t *testing.T) {
	r := payroll.Compute(payrollBusy())
	summary, _ := payrollPDF(t, func(b *bytes.Buffer) error { return WritePayrollSummary(b, r, "Harmony", "en") }, "summary-en")
	slips, _ := payrollPDF(t, func(b *bytes.Buffer) error { return WritePayslips(b, r, "Harmony", "en") }, "payslips-en")
	wantText(t, summary, "Payroll for October 2026", "The block's profit", "Page 1")
	wantText(t, slips, "Payslip for October 2026", "Adjustment for September 2026", "7.5%", "from a client")
	for _, p := range r.People {
		wantText(t, slips, "To pay "+p.ToPay.Format("en"))
	}
}

// The same month gives the same file.
func TestPayrollPDFsAreDeterministic(t *testing.T) {
	r := payroll.Compute(payrollBusy())
	for _, write := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return WritePayrollSummary(b, r, "Гармония", "ru") },
		func(b *bytes.Buffer) error { return WritePayslips(b, r, "Гармония", "ru") },
	} {
		var a, b bytes.Buffer
		if err := write(&a); err != nil {
			t.Fatal(err)
		}
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Error("two writes of one month differ")
		}
	}
}
