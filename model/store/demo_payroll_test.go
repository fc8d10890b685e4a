package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/demo"
	"companion/model/payroll"
)

// demoPayroll is a demo salon written, with its payroll month by month
// from the first to the open one.
type demoPayroll struct {
	s      *Store
	d      demo.Data
	open   model.Date
	months []PayrollMonth
	firsts []model.Date    // the months' first days (an approved result keeps no dates)
	staff  map[string]uint // by name
}

func fillDemoPayroll(t *testing.T) demoPayroll {
	t.Helper()
	s := openTest(t)
	ctx := context.Background()
	dp := demoPayroll{s: s, d: demo.Salon(1, s.Today(), demo.DefaultClients), open: model.MonthOf(s.Today()),
		staff: map[string]uint{}}
	if err := s.FillDemo(ctx, dp.d); err != nil {
		t.Fatal(err)
	}
	for m := dp.d.Payroll.From; !m.After(dp.open); m = model.MonthOf(m.AddDays(31)) {
		pm, err := s.Payroll(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		dp.months, dp.firsts = append(dp.months, pm), append(dp.firsts, m)
	}
	staff, err := s.Staff(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range staff {
		dp.staff[st.Name] = st.ID
	}
	return dp
}

// payslip is a person's payslip of the month months back from the open one.
func (dp demoPayroll) payslip(t *testing.T, name string, back int) payroll.Payslip {
	t.Helper()
	p, ok := dp.months[len(dp.months)-1-back].Result.Person(dp.staff[name])
	if !ok {
		t.Fatalf("no payslip of %s %d months back", name, back)
	}
	return p
}

// TestDemoPayroll writes the demo salon and reads its payroll as the
// owner would: a year approved and the current month open, everybody with
// a scheme, the seed's director with her three parts and her tenth of the
// block's profit, a raise from the middle of a month, the entries and
// recognitions, and figures a salon could have.
func TestDemoPayroll(t *testing.T) {
	dp := fillDemoPayroll(t)
	t.Run("schemes", dp.everyoneHasAScheme)
	t.Run("months", dp.aYearApprovedAndOneOpen)
	t.Run("director", dp.directorsShare)
	t.Run("raise", dp.raiseFromTheMiddleOfAMonth)
	t.Run("entries", dp.entriesAndRecognitions)
	t.Run("figures", dp.figuresASalonCouldHave)
	t.Run("cards", dp.cardTypesFeedBlocks)
}

func (dp demoPayroll) everyoneHasAScheme(t *testing.T) {
	comps, err := dp.s.PayComponents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	has := map[uint]bool{}
	for _, c := range comps {
		has[c.StaffID] = true
	}
	for name, id := range dp.staff {
		if !has[id] {
			t.Errorf("%s has no pay scheme", name)
		}
	}
	if len(dp.staff) != len(dp.d.Staff) {
		t.Errorf("%d staff stored, %d made", len(dp.staff), len(dp.d.Staff))
	}
}

func (dp demoPayroll) aYearApprovedAndOneOpen(t *testing.T) {
	approved, err := dp.s.ApprovedMonths(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(approved) != demo.PayrollMonths || len(dp.months) != demo.PayrollMonths+1 {
		t.Fatalf("%d months approved, %d months of payroll", len(approved), len(dp.months))
	}
	for i, pm := range dp.months {
		m := dp.firsts[i]
		if open := i == len(dp.months)-1; pm.Approved == open || open && m != dp.open {
			t.Errorf("%s approved %v", m, pm.Approved)
		}
		if i < len(approved) && approved[i] != m {
			t.Errorf("approved %s, month %s", approved[i], m)
		}
		if len(pm.Result.People) != len(dp.d.Staff) {
			t.Errorf("%s: %d payslips", m, len(pm.Result.People))
		}
	}
	err = dp.s.AddPayEntry(context.Background(), &model.PayEntry{StaffID: dp.staff["Соколов Илья Валерьевич"],
		Month: dp.open.AddDays(-1), Kind: model.EntryBonus, Amount: model.Rub(1000)})
	if err == nil {
		t.Error("an entry went into an approved month")
	}
}

// directorsShare: the cosmetology block's director has her salary, her
// rate and a tenth of the block's profit, in every month the block made
// one.
func (dp demoPayroll) directorsShare(t *testing.T) {
	id := dp.staff["Смирнова Ольга Викторовна"]
	profitable := 0
	for i, pm := range dp.months {
		p, _ := pm.Result.Person(id)
		kinds := map[string]payroll.PayLine{}
		for _, l := range p.Lines {
			kinds[l.Kind] = l
		}
		share, block := kinds[model.PayBlockProfit], blockMonth(pm.Result, "Косметология")
		if kinds[model.PaySalary].Amount <= 0 || kinds[model.PayDirectorRate].Amount <= 0 || share.Rate != 1000 {
			t.Errorf("%s: the director's lines %+v", dp.firsts[i], p.Lines)
		}
		if block.Profit > 0 {
			profitable++
			if share.Base != block.Profit || share.Amount != model.Percent(1000).Of(block.Profit) {
				t.Errorf("%s: share %v of %v, the block's profit %v", dp.firsts[i], share.Amount, share.Base, block.Profit)
			}
		}
	}
	if profitable == 0 {
		t.Error("the cosmetology block never made a profit")
	}
}

func blockMonth(r payroll.Result, name string) payroll.BlockMonth {
	for _, b := range r.Blocks {
		if b.Block.Name == name {
			return b
		}
	}
	return payroll.BlockMonth{}
}

// raiseFromTheMiddleOfAMonth: the esthetician's share rose from the 16th
// two months back; that month has two lines of her services, 15 days and
// the rest.
func (dp demoPayroll) raiseFromTheMiddleOfAMonth(t *testing.T) {
	p := dp.payslip(t, "Белова Екатерина Андреевна", 2)
	var lines []payroll.PayLine
	for _, l := range p.Lines {
		if l.Kind == model.PayOwnServices {
			lines = append(lines, l)
		}
	}
	month := dp.firsts[len(dp.firsts)-3]
	if len(lines) != 2 || lines[0].Days != 15 || lines[1].Days != model.DaysIn(month)-15 ||
		lines[0].Rate != 3000 || lines[1].Rate != 3500 || lines[0].Amount <= 0 || lines[1].Amount <= 0 {
		t.Errorf("%s: her services' lines %+v", month, lines)
	}
	if before := dp.payslip(t, "Белова Екатерина Андреевна", 3); len(before.Lines) < 3 {
		t.Errorf("the month before: %+v", before.Lines)
	}
}

// entriesAndRecognitions: advances on the 20th every month, a deduction
// with its ground, a one-off bonus, an adjustment in the open month of an
// approved one; recognitions so that the owner's list of those without
// one for three months is neither empty nor everybody.
func (dp demoPayroll) entriesAndRecognitions(t *testing.T) {
	ctx := context.Background()
	kinds := map[string]int{}
	for i, pm := range dp.months {
		month := dp.firsts[i]
		entries, err := dp.s.PayEntries(ctx, month)
		if err != nil {
			t.Fatal(err)
		}
		advances := 0
		for _, e := range entries {
			kinds[e.Kind]++
			switch {
			case e.Kind == model.EntryAdvance && e.On.Day() == 20:
				advances++
			case e.Kind == model.EntryDeduction && e.Ground == "":
				t.Errorf("a deduction without its ground: %+v", e)
			case e.Kind == model.EntryAdjustment && (pm.Approved || e.RefMonth != model.MonthOf(dp.open.AddDays(-1))):
				t.Errorf("an adjustment %+v in %s", e, month)
			}
		}
		if advances == 0 {
			t.Errorf("no advances in %s", month)
		}
	}
	if kinds[model.EntryDeduction] != 1 || kinds[model.EntryBonus] != 1 || kinds[model.EntryAdjustment] != 1 {
		t.Errorf("entries %v", kinds)
	}
	none, err := dp.s.Unrecognised(ctx, dp.open)
	if err != nil || len(none) == 0 || len(none) == len(dp.staff) {
		t.Errorf("%d of %d without a recognition for three months, %v", len(none), len(dp.staff), err)
	}
	recognised := 0
	for _, pm := range dp.months {
		for _, p := range pm.Result.People {
			recognised += len(p.Recognition)
		}
	}
	if recognised < len(dp.months) {
		t.Errorf("%d recognitions on the payslips of %d months", recognised, len(dp.months))
	}
}

// figuresASalonCouldHave: the blocks make a profit but in one month of
// one block at most, and everybody takes home 35 000–200 000 ₽ a month.
func (dp demoPayroll) figuresASalonCouldHave(t *testing.T) {
	losses := 0
	for i, pm := range dp.months {
		for _, b := range pm.Result.Blocks {
			if b.Profit <= 0 {
				losses++
				t.Logf("%s %s: a loss of %s", dp.firsts[i], b.Block.Name, (-b.Profit).Format("ru"))
				dp.directorSharesNothing(t, pm.Result, b)
			}
		}
		for _, p := range pm.Result.People {
			if home := p.Gross - p.Tax; home < model.Rub(35000) || home > model.Rub(200000) {
				t.Errorf("%s %s takes home %v: %+v", dp.firsts[i], p.Staff.Name, home, p.Lines)
			}
		}
	}
	if losses > 1 {
		t.Errorf("%d block months at a loss", losses)
	}
}

// directorSharesNothing: the director of a block at a loss is shared
// nothing of it, and the payslip says why.
func (dp demoPayroll) directorSharesNothing(t *testing.T, r payroll.Result, b payroll.BlockMonth) {
	for _, p := range r.People {
		if p.Staff.BlockID == nil || *p.Staff.BlockID != b.Block.ID || p.Staff.Role != "директор блока" {
			continue
		}
		for _, l := range p.Lines {
			if l.Kind == model.PayBlockProfit && (l.Amount != 0 || l.Note != payroll.NoteLoss) {
				t.Errorf("%s shares the loss: %+v", p.Staff.Name, l)
			}
		}
	}
}

// cardTypesFeedBlocks: every card type feeds a block, and an unlimited
// one has the worth of a visit.
func (dp demoPayroll) cardTypesFeedBlocks(t *testing.T) {
	types, err := dp.s.CardTypes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, ct := range types {
		if ct.BlockID == nil || ct.Visits == 0 && ct.VisitValue <= 0 {
			t.Errorf("card type %s: block %v, a visit worth %v", ct.Name, ct.BlockID, ct.VisitValue)
		}
	}
	massage := 0
	for _, ct := range types {
		if ct.Name == "Курс массажа: 10 сеансов" && ct.BlockID != nil && *ct.BlockID == blockMonth(dp.months[0].Result, "СПА").Block.ID {
			massage++
		}
	}
	if massage != 1 {
		t.Error("the massage course does not feed the SPA block")
	}
}
