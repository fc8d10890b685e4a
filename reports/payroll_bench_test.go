package reports

import (
	"fmt"
	"io"
	"testing"
	"time"

	"companion/model"
	"companion/model/payroll"
)

// bigMonth is a month of a large salon: 50 staff in five blocks (each
// block's first a director with a share of its profit, the others on a
// salary and a share of their services, every fifth on a tiered share),
// 20 000 visit lines, 200 cards sold, an entry and a thanks for some.
func bigMonth() payroll.Input {
	const staff, lines = 50, 20000
	in := payroll.Input{Month: model.NewDate(2026, 10, 1), TaxOn: true, ContribRate: 3000}
	from := model.NewDate(2026, 1, 1)
	for b := uint(1); b <= 5; b++ {
		in.Blocks = append(in.Blocks, model.Block{ID: b, Name: fmt.Sprintf("Блок %d", b)})
	}
	for i := uint(1); i <= staff; i++ {
		block := uptr(1 + (i-1)%5)
		st := model.Staff{ID: i, Name: fmt.Sprintf("Сотрудникова-%02d Анна", i), Role: "косметолог", BlockID: block}
		in.Staff = append(in.Staff, st)
		in.Components = append(in.Components, model.PayComponent{StaffID: i, Kind: model.PaySalary, From: from,
			Amount: model.Rub(30000 + int64(i)*100)})
		switch {
		case i <= 5:
			in.Components = append(in.Components, model.PayComponent{StaffID: i, Kind: model.PayBlockProfit, From: from, Percent: 1000})
		case i%5 == 0:
			in.Components = append(in.Components, model.PayComponent{StaffID: i, Kind: model.PayTiered, From: from,
				Tiers: model.Tiers{{From: 0, Percent: 500}, {From: model.Rub(100000), Percent: 1000}}})
		default:
			in.Components = append(in.Components, model.PayComponent{StaffID: i, Kind: model.PayOwnServices, From: from,
				Percent: 1500, AfterConsumables: true})
		}
		if i%7 == 0 {
			in.Entries = append(in.Entries, model.PayEntry{StaffID: i, Kind: model.EntryBonus, Amount: model.Rub(3000), Ground: "План месяца"})
			in.Recognition = append(in.Recognition, model.Recognition{StaffID: i, Text: "Спасибо за работу", Source: "client"})
		}
	}
	for k := 0; k < lines; k++ {
		who := uint(1 + k%staff)
		in.Lines = append(in.Lines, payroll.Line{On: model.NewDate(2026, 10, 1+k%31), StaffID: uptr(who),
			BlockID: uptr(1 + (who-1)%5), Product: k%10 == 0, Qty: 1, Money: model.Rub(int64(1500 + k%7*500)),
			Consumables: model.Rub(300), CostPrice: model.Rub(700)})
	}
	for k := 0; k < 200; k++ {
		in.CardSales = append(in.CardSales, payroll.CardSale{BlockID: uptr(uint(1 + k%5)), Paid: model.Rub(20000)})
	}
	return in
}

// BenchmarkPayrollMonth computes a month of 50 staff and 20 000 visit
// lines and prints everyone's payslip: the target is 300 ms.
func BenchmarkPayrollMonth(b *testing.B) {
	in := bigMonth()
	var total time.Duration
	for b.Loop() {
		start := time.Now()
		r := payroll.Compute(in)
		if err := WritePayslips(io.Discard, r, "Центр «Гармония»", "ru"); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
	}
	ms := float64(total.Microseconds()) / 1000 / float64(b.N)
	b.ReportMetric(ms, "ms/month")
	b.Logf("a month of 50 staff and 20 000 lines, computed and printed: %.1f ms (target 300 ms)", ms)
}
