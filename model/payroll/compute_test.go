package payroll

import (
	"testing"
	"time"

	"companion/model"
)

func ptr(v uint) *uint { return &v }

func d(y, m, day int) model.Date { return model.NewDate(y, timeMonth(m), day) }

// seedSalon is the seed's wellness centre in October 2026 (31 days): the
// cosmetology block's director is a cosmetologist who gets a salary as a
// specialist, a rate as the director and 10 % of the block's profit; a
// cosmetologist gets a salary and 20 % of her services after their
// consumables.
func seedSalon() Input {
	cosmo := ptr(1)
	director := model.Staff{ID: 10, Name: "Смирнова Ольга", Role: "директор блока", BlockID: cosmo}
	cosmetologist := model.Staff{ID: 11, Name: "Белова Екатерина", Role: "косметолог", BlockID: cosmo}
	from := d(2026, 1, 1)
	return Input{
		Month:  d(2026, 10, 1),
		Staff:  []model.Staff{director, cosmetologist},
		Blocks: []model.Block{{ID: 1, Name: "Косметология"}},
		Components: []model.PayComponent{
			{StaffID: 10, Kind: model.PaySalary, From: from, Amount: model.Rub(40000)},
			{StaffID: 10, Kind: model.PayDirectorRate, From: from, Amount: model.Rub(20000)},
			{StaffID: 10, Kind: model.PayBlockProfit, From: from, Percent: 1000},
			{StaffID: 11, Kind: model.PaySalary, From: from, Amount: model.Rub(30000)},
			{StaffID: 11, Kind: model.PayOwnServices, From: from, Percent: 2000, AfterConsumables: true},
		},
		Lines: []Line{
			{On: d(2026, 10, 5), StaffID: ptr(11), BlockID: cosmo, Qty: 40, Money: model.Rub(200000), Consumables: model.Rub(500)},
			{On: d(2026, 10, 6), StaffID: ptr(10), BlockID: cosmo, Qty: 10, Money: model.Rub(50000), Consumables: model.Rub(500)},
			{On: d(2026, 10, 7), StaffID: ptr(11), BlockID: cosmo, Product: true, Qty: 20, Money: model.Rub(30000), CostPrice: model.Rub(900)},
		},
		CardSales: []CardSale{{BlockID: cosmo, Paid: model.Rub(40000)}},
		TaxOn:     true, ContribRate: 3000,
	}
}

func TestTheSeedsDirectorGetsSalaryRateAndAShareOfTheBlocksProfit(t *testing.T) {
	r := Compute(seedSalon())
	// turnover 200 000 + 50 000 + 30 000 (goods) + 40 000 (cards) = 320 000
	// consumables 50 sessions × 500 = 25 000; goods' cost 20 × 900 = 18 000
	// salaries: director 40 000 + 20 000; cosmetologist 30 000 + 20 % × (200 000 − 20 000) = 66 000
	// profit 320 000 − 25 000 − 18 000 − 126 000 = 151 000; the director's 10 % = 15 100
	b := r.Blocks[0]
	if b.Turnover != model.Rub(320000) || b.Consumables != model.Rub(25000) || b.GoodsCost != model.Rub(18000) ||
		b.Salaries != model.Rub(126000) || b.Profit != model.Rub(151000) {
		t.Fatalf("block %+v", b)
	}
	dir, _ := r.Person(10)
	// 75 100 gross; 13 % = 9 763 tax; 65 337 to pay
	if dir.Gross != model.Rub(75100) || dir.Tax != model.Rub(9763) || dir.ToPay != model.Rub(65337) {
		t.Errorf("director %+v", dir)
	}
	if last := dir.Lines[len(dir.Lines)-1]; last.Kind != model.PayBlockProfit || last.Base != model.Rub(151000) || last.Amount != model.Rub(15100) {
		t.Errorf("the share: %+v", last)
	}
	cos, _ := r.Person(11)
	if cos.Gross != model.Rub(66000) || cos.Tax != model.Rub(8580) || cos.ToPay != model.Rub(57420) || cos.Revenue.Goods != model.Rub(30000) {
		t.Errorf("cosmetologist %+v", cos)
	}
	if r.Gross != model.Rub(141100) || r.Tax != model.Rub(18343) || r.ToPay != model.Rub(122757) ||
		r.Contributions != model.Rub(42330) || r.Cost != model.Rub(183430) {
		t.Errorf("totals %+v", r)
	}
}

func TestAShareOfALossIsNothingAndSaysWhy(t *testing.T) {
	in := seedSalon()
	in.Lines, in.CardSales = in.Lines[:1], nil
	in.Lines[0].Money = model.Rub(50000) // 50 000 − 20 000 consumables − 40 000 − 20 000 − 30 000 − 6 000 < 0
	r := Compute(in)
	if r.Blocks[0].Profit >= 0 {
		t.Fatalf("profit %v", r.Blocks[0].Profit)
	}
	dir, _ := r.Person(10)
	share := dir.Lines[len(dir.Lines)-1]
	if share.Amount != 0 || share.Note != NoteLoss || dir.Gross != model.Rub(60000) {
		t.Errorf("a share of a loss: %+v, gross %v", share, dir.Gross)
	}
}

func TestAMidMonthChangeSplitsTheMonthByDays(t *testing.T) {
	in := seedSalon()
	in.Components = []model.PayComponent{
		{StaffID: 11, Kind: model.PaySalary, From: d(2026, 1, 1), Amount: model.Rub(30000)},
		{StaffID: 11, Kind: model.PaySalary, From: d(2026, 10, 16), Amount: model.Rub(36000)},
		{StaffID: 11, Kind: model.PayOwnServices, From: d(2026, 1, 1), Percent: 1000},
		{StaffID: 11, Kind: model.PayOwnServices, From: d(2026, 10, 16), Percent: 1500},
	}
	in.Lines = []Line{
		{On: d(2026, 10, 10), StaffID: ptr(11), Qty: 1, Money: model.Rub(10000)},
		{On: d(2026, 10, 20), StaffID: ptr(11), Qty: 1, Money: model.Rub(20000)},
	}
	p, _ := Compute(in).Person(11)
	want := []model.Money{1451613, 1858065, model.Rub(1000), model.Rub(3000)} // 30 000 × 15/31, 36 000 × 16/31
	if len(p.Lines) != len(want) {
		t.Fatalf("lines %+v", p.Lines)
	}
	for i, w := range want {
		if p.Lines[i].Amount != w {
			t.Errorf("line %d: %v, want %v (%+v)", i, p.Lines[i].Amount, w, p.Lines[i])
		}
	}
	if p.Lines[0].Days != 15 || p.Lines[1].Days != 16 || p.Gross != 1451613+1858065+model.Rub(4000) {
		t.Errorf("days or gross: %+v", p)
	}
}

func TestTieredShareBothWays(t *testing.T) {
	tiers := model.Tiers{{From: 0, Percent: 500}, {From: model.Rub(100000), Percent: 700}, {From: model.Rub(200000), Percent: 1000}}
	tests := []struct {
		revenue     model.Money
		retroactive bool
		want        model.Money
		rate        model.Percent
	}{
		{model.Rub(250000), false, model.Rub(5000 + 7000 + 5000), 1000},
		{model.Rub(250000), true, model.Rub(25000), 1000},
		{model.Rub(100000), false, model.Rub(5000), 500}, // the band starts above its From
		{model.Rub(150000), true, model.Rub(10500), 700},
		{0, false, 0, 0},
	}
	for _, tt := range tests {
		if got, rate := Tiered(tt.revenue, tiers, tt.retroactive); got != tt.want || rate != tt.rate {
			t.Errorf("%v retroactive %v: %v at %v, want %v at %v", tt.revenue, tt.retroactive, got, rate, tt.want, tt.rate)
		}
	}
}

func TestIncomeTaxIsCumulativeOverTheYearsBands(t *testing.T) {
	tests := []struct {
		income, want model.Money
	}{
		{model.Rub(100000), model.Rub(13000)},
		{123456, model.Rub(160)}, // 1 234,56 × 13 % = 160,49: the kopecks dropped
		{123500, model.Rub(161)}, // 160,55: up
		{model.Rub(2_450_000), model.Rub(312000 + 7500)},
		{model.Rub(60_000_000), model.Rub(312000 + 390000 + 2_700_000 + 6_000_000 + 2_200_000)},
	}
	for _, tt := range tests {
		if got := TaxOn(tt.income); got != tt.want {
			t.Errorf("tax on %v: %v, want %v", tt.income, got, tt.want)
		}
	}
	in := seedSalon()
	in.Components = in.Components[3:4] // the cosmetologist's salary alone
	in.Components[0].Amount = model.Rub(100000)
	in.Lines, in.CardSales = nil, nil
	in.YearBefore = map[uint]YearToDate{11: {Income: model.Rub(2_350_000), Tax: model.Rub(305_500)}}
	p, _ := Compute(in).Person(11)
	// the year reaches 2 450 000: 312 000 + 7 500 due in all, 305 500 withheld
	if p.Tax != model.Rub(14000) || p.YearIncome != model.Rub(2_450_000) {
		t.Errorf("crossing 2.4 million: tax %v, year %v", p.Tax, p.YearIncome)
	}
}

func TestEntriesAndTheDeductionsLimit(t *testing.T) {
	in := seedSalon()
	in.Entries = []model.PayEntry{
		{StaffID: 11, Kind: model.EntryBonus, Amount: model.Rub(5000), Ground: "Лучший отзыв месяца"},
		{StaffID: 11, Kind: model.EntryDeduction, Amount: model.Rub(3000), Ground: "Испорченный аппарат"},
		{StaffID: 11, Kind: model.EntryAdvance, Amount: model.Rub(20000)},
		{StaffID: 11, Kind: model.EntryAdjustment, Amount: -model.Rub(1000), Ground: "Переплата", RefMonth: d(2026, 9, 1)},
	}
	p, _ := Compute(in).Person(11)
	gross := model.Rub(66000 + 5000 - 1000)
	tax := model.Rub(9100) // 13 % of 70 000
	if p.Gross != gross || p.Tax != tax || p.ToPay != gross-tax-model.Rub(3000)-model.Rub(20000) {
		t.Errorf("payslip %+v", p)
	}
	if p.Limit != model.Rub(12180) || p.Deducted() != model.Rub(3000) {
		t.Errorf("limit %v, deducted %v", p.Limit, p.Deducted())
	}
}

func TestRoundingStillAddsUp(t *testing.T) {
	in := seedSalon()
	for i := range in.Components {
		in.Components[i].Amount += 1 // odd kopecks everywhere
	}
	in.Components = append(in.Components, model.PayComponent{StaffID: 11, Kind: model.PaySalary, From: d(2026, 10, 11), Amount: 3333333})
	r := Compute(in)
	var gross, tax, pay model.Money
	for _, p := range r.People {
		var sum model.Money
		for _, l := range p.Lines {
			sum += l.Amount
		}
		if sum != p.Gross || p.Gross-p.Tax-p.Advances-p.Deducted() != p.ToPay {
			t.Errorf("%s does not add up: %+v", p.Staff.Name, p)
		}
		gross, tax, pay = gross+p.Gross, tax+p.Tax, pay+p.ToPay
	}
	if gross != r.Gross || tax != r.Tax || pay != r.ToPay || r.Tax%100 != 0 {
		t.Errorf("totals %+v", r)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }
