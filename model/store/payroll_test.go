package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

// payrollSalon is a cosmetology block with its director (salary, rate and
// 10 % of the block's profit) and a cosmetologist (20 % of her services),
// a procedure and a cream, and a client.
type payrollSalon struct {
	block                   model.Block
	director, cosmetologist model.Staff
	peel, cream             model.Service
	client                  model.Client
	card                    model.CardType
}

func newPayrollSalon(t *testing.T, s *Store) payrollSalon {
	t.Helper()
	ctx := context.Background()
	ps := payrollSalon{block: model.Block{Name: "Косметология"}}
	if err := s.SaveBlock(ctx, &ps.block); err != nil {
		t.Fatal(err)
	}
	ps.director = model.Staff{Name: "Смирнова Ольга", Role: "директор блока", BlockID: &ps.block.ID, Active: true}
	ps.cosmetologist = model.Staff{Name: "Белова Екатерина", Role: "косметолог", BlockID: &ps.block.ID, Active: true}
	ps.peel = model.Service{Name: "Пилинг", Kind: "service", Price: model.Rub(3000), Minutes: 45, Consumables: model.Rub(400),
		BlockID: &ps.block.ID, Active: true}
	ps.cream = model.Service{Name: "Крем SPF", Kind: "product", Price: model.Rub(1500), CostPrice: model.Rub(800), BlockID: &ps.block.ID, Active: true}
	ps.card = model.CardType{Name: "5 пилингов", ValidDays: 90, Visits: 5, Price: model.Rub(12500), Active: true, BlockID: &ps.block.ID}
	ps.client = model.Client{LastName: "Иванова", FirstName: "Мария"}
	for _, err := range []error{s.SaveStaff(ctx, &ps.director), s.SaveStaff(ctx, &ps.cosmetologist),
		s.SaveService(ctx, &ps.peel), s.SaveService(ctx, &ps.cream), s.SaveCardType(ctx, &ps.card), s.CreateClient(ctx, &ps.client)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	jan := model.NewDate(2026, 1, 1)
	for _, c := range []model.PayComponent{
		{StaffID: ps.director.ID, Kind: model.PaySalary, From: jan, Amount: model.Rub(40000)},
		{StaffID: ps.director.ID, Kind: model.PayDirectorRate, From: jan, Amount: model.Rub(20000)},
		{StaffID: ps.director.ID, Kind: model.PayBlockProfit, From: jan, Percent: 1000},
		{StaffID: ps.cosmetologist.ID, Kind: model.PayOwnServices, From: jan, Percent: 2000},
	} {
		if err := s.AddPayComponent(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	return ps
}

// visit records a visit of the client on day: qty peels by the
// cosmetologist, paid in money or from card, and a cream.
func (ps payrollSalon) visit(t *testing.T, s *Store, day model.Date, qty int, card *model.Card) error {
	t.Helper()
	l := model.VisitLine{ServiceID: &ps.peel.ID, Name: ps.peel.Name, StaffID: &ps.cosmetologist.ID, Qty: qty, Price: ps.peel.Price}
	if card != nil {
		l.PaidBy, l.CardID = model.PaidCard, &card.ID
	}
	cream := model.VisitLine{ServiceID: &ps.cream.ID, Name: ps.cream.Name, StaffID: &ps.cosmetologist.ID, Qty: 1,
		Price: ps.cream.Price, Discount: model.Rub(100)}
	return s.AddVisit(context.Background(), &model.Visit{ClientID: ps.client.ID, On: day, Lines: []model.VisitLine{l, cream}})
}

func TestABlocksTurnoverIsItsMonthsMoneyAndCards(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	card := model.Card{ClientID: ps.client.ID, TypeID: ps.card.ID, SoldOn: model.NewDate(2026, 10, 3), Paid: model.Rub(12500)}
	if err := s.SellCard(ctx, &card); err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		day  int
		qty  int
		card *model.Card
	}{{5, 2, nil}, {12, 1, &card}, {20, 1, nil}} {
		if err := ps.visit(t, s, model.NewDate(2026, 10, v.day), v.qty, v.card); err != nil {
			t.Fatal(err)
		}
	}
	if err := ps.visit(t, s, model.NewDate(2026, 11, 2), 1, nil); err != nil { // another month
		t.Fatal(err)
	}
	pm, err := s.Payroll(ctx, model.NewDate(2026, 10, 15))
	if err != nil || pm.Approved {
		t.Fatalf("payroll: %v %+v", err, pm)
	}
	// the money lines of October, straight from the database
	var sales int64
	err = s.DB().Raw(`SELECT coalesce(sum(l.qty * l.price - l.discount), 0) FROM visit_lines l JOIN visits v ON v.id = l.visit_id
		WHERE v.day BETWEEN '2026-10-01' AND '2026-10-31' AND l.paid_by = 'money'`).Scan(&sales).Error
	if err != nil {
		t.Fatal(err)
	}
	b := pm.Result.Blocks[0]
	if b.Sales != model.Money(sales) || b.Cards != model.Rub(12500) || b.Turnover != model.Money(sales)+model.Rub(12500) {
		t.Errorf("turnover %+v, the lines say %d", b, sales)
	}
	// 4 peels × 400; 3 creams × 800
	if b.Consumables != model.Rub(1600) || b.GoodsCost != model.Rub(2400) {
		t.Errorf("consumables %+v", b)
	}
	cos, _ := pm.Result.Person(ps.cosmetologist.ID)
	// 3 peels for money (9 000) and one from the card at 12 500 ÷ 5
	if cos.Revenue.Services != model.Rub(9000+2500) || cos.Gross != model.Rub(2300) {
		t.Errorf("the cosmetologist's revenue %+v, gross %v", cos.Revenue, cos.Gross)
	}
}

func TestAnApprovedMonthIsLocked(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	oct := model.NewDate(2026, 10, 1)
	if err := ps.visit(t, s, model.NewDate(2026, 10, 5), 2, nil); err != nil {
		t.Fatal(err)
	}
	before, err := s.ApprovePayroll(ctx, oct)
	if err != nil {
		t.Fatal(err)
	}
	locked := func(what string, err error) {
		t.Helper()
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Key != "err.payroll.locked" || fe.Args["Month"] != "10.2026" {
			t.Errorf("%s in an approved month: %v", what, err)
		}
	}
	locked("a visit", ps.visit(t, s, model.NewDate(2026, 10, 30), 1, nil))
	locked("a card sale", s.SellCard(ctx, &model.Card{ClientID: ps.client.ID, TypeID: ps.card.ID, SoldOn: model.NewDate(2026, 10, 30)}))
	locked("a scheme change", s.AddPayComponent(ctx, &model.PayComponent{StaffID: ps.cosmetologist.ID, Kind: model.PaySalary,
		From: model.NewDate(2026, 10, 20), Amount: model.Rub(1000)}))
	locked("a bonus", s.AddPayEntry(ctx, &model.PayEntry{StaffID: ps.cosmetologist.ID, Month: oct, Kind: model.EntryBonus, Amount: 100}))
	locked("a second approval", func() error { _, err := s.ApprovePayroll(ctx, oct); return err }())

	// a change from November on leaves October as approved
	if err := s.AddPayComponent(ctx, &model.PayComponent{StaffID: ps.cosmetologist.ID, Kind: model.PaySalary,
		From: model.NewDate(2026, 11, 1), Amount: model.Rub(30000)}); err != nil {
		t.Fatal(err)
	}
	adj := model.PayEntry{StaffID: ps.cosmetologist.ID, Month: model.NewDate(2026, 11, 1), Kind: model.EntryAdjustment,
		Amount: model.Rub(500), Ground: "Не учтён пилинг 30.10", RefMonth: oct}
	if err := s.AddPayEntry(ctx, &adj); err != nil {
		t.Fatal(err)
	}
	after, err := s.Payroll(ctx, oct)
	if err != nil || !after.Approved || after.Result.Gross != before.Gross || after.Result.ToPay != before.ToPay {
		t.Errorf("an approved month changed: %v %+v, was %+v", err, after.Result, before)
	}
	nov, _ := s.Payroll(ctx, model.NewDate(2026, 11, 1))
	cos, _ := nov.Result.Person(ps.cosmetologist.ID)
	if cos.Gross != model.Rub(30000+500) || cos.YearIncome <= cos.Gross {
		t.Errorf("November: %+v", cos)
	}
}

func TestADeductionOverTheLawsLimitIsRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	nov := model.NewDate(2026, 11, 1)
	// the director's 60 000 less 13 % tax: 52 200; 20 % of it is 10 440
	big := model.PayEntry{StaffID: ps.director.ID, Month: nov, Kind: model.EntryDeduction, Amount: model.Rub(10441), Ground: "Недостача"}
	if key := fieldKey(s.AddPayEntry(ctx, &big), "amount"); key != "err.pay.deduction_limit" {
		t.Errorf("a deduction over 20 %%: %q", key)
	}
	ok := model.PayEntry{StaffID: ps.director.ID, Month: nov, Kind: model.EntryDeduction, Amount: model.Rub(10440), Ground: "Недостача"}
	if err := s.AddPayEntry(ctx, &ok); err != nil {
		t.Fatal(err)
	}
	if entries, _ := s.PayEntries(ctx, nov); len(entries) != 1 {
		t.Errorf("entries %+v", entries)
	}
	if _, err := s.As(model.RoleManager).Payroll(ctx, nov); err == nil {
		t.Error("the manager reads payroll")
	}
}

func TestRecognitionsAndWhoHasHadNone(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	aug, nov := model.NewDate(2026, 8, 1), model.NewDate(2026, 11, 1)
	for _, r := range []model.Recognition{
		{StaffID: ps.director.ID, Month: aug, Text: "Провела обучение"}, // four months back: too long ago
		{StaffID: ps.cosmetologist.ID, Month: model.NewDate(2026, 9, 12), Text: "Благодарность клиентки", Source: "client"},
	} {
		if err := s.AddRecognition(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddRecognition(ctx, &model.Recognition{StaffID: ps.director.ID, Month: nov}); fieldKey(err, "text") != "err.pay.recognition" {
		t.Errorf("an empty recognition: %v", err)
	}
	none, err := s.Unrecognised(ctx, nov)
	if err != nil || len(none) != 1 || none[0].ID != ps.director.ID {
		t.Errorf("without recognition since September: %v %+v", err, none)
	}
	pm, _ := s.Payroll(ctx, model.NewDate(2026, 9, 1))
	if p, _ := pm.Result.Person(ps.cosmetologist.ID); len(p.Recognition) != 1 {
		t.Errorf("the payslip lacks the thanks: %+v", p)
	}
}
