package payroll_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui/kit"
	"companion/ui/payroll"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// salon is the payroll tab over a real database: a cosmetology block with
// its director (salary, rate and 10 % of the block's profit) and a
// cosmetologist, a peel and a cream, and a client; the month is November
// 2026 (uitest.Now).
type salon struct {
	s                       *store.Store
	w                       fyne.Window
	tab                     *payroll.Tab
	block                   model.Block
	director, cosmetologist model.Staff
	peel, cream             model.Service
	client                  model.Client
}

// newSalon makes the salon through the store; the cosmetologist gets 20 %
// of her services when share is set.
func newSalon(t *testing.T, share bool) *salon {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	sl := &salon{s: s, block: model.Block{Name: "Косметология"}}
	if err := s.SaveBlock(ctx, &sl.block); err != nil {
		t.Fatal(err)
	}
	sl.director = model.Staff{Name: "Смирнова Ольга", Role: "директор блока", BlockID: &sl.block.ID, Active: true}
	sl.cosmetologist = model.Staff{Name: "Белова Екатерина", Role: "косметолог", BlockID: &sl.block.ID, Active: true}
	sl.peel = model.Service{Name: "Пилинг", Kind: "service", Price: model.Rub(3000), Minutes: 45, Consumables: model.Rub(400),
		BlockID: &sl.block.ID, Active: true}
	sl.cream = model.Service{Name: "Крем SPF", Kind: "product", Price: model.Rub(1500), CostPrice: model.Rub(800), BlockID: &sl.block.ID, Active: true}
	sl.client = model.Client{LastName: "Иванова", FirstName: "Мария"}
	for _, err := range []error{s.SaveStaff(ctx, &sl.director), s.SaveStaff(ctx, &sl.cosmetologist),
		s.SaveService(ctx, &sl.peel), s.SaveService(ctx, &sl.cream), s.CreateClient(ctx, &sl.client)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	jan := model.NewDate(2026, 1, 1)
	comps := []model.PayComponent{
		{StaffID: sl.director.ID, Kind: model.PaySalary, From: jan, Amount: model.Rub(40000)},
		{StaffID: sl.director.ID, Kind: model.PayDirectorRate, From: jan, Amount: model.Rub(20000)},
		{StaffID: sl.director.ID, Kind: model.PayBlockProfit, From: jan, Percent: 1000},
	}
	if share {
		comps = append(comps, model.PayComponent{StaffID: sl.cosmetologist.ID, Kind: model.PayOwnServices, From: jan, Percent: 2000})
	}
	for _, c := range comps {
		if err := s.AddPayComponent(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	return sl
}

// visit records a visit of the client on day: qty peels by the
// cosmetologist, paid in money.
func (sl *salon) visit(day model.Date, qty int) error {
	l := model.VisitLine{ServiceID: &sl.peel.ID, Name: sl.peel.Name, StaffID: &sl.cosmetologist.ID, Qty: qty, Price: sl.peel.Price}
	return sl.s.AddVisit(context.Background(), &model.Visit{ClientID: sl.client.ID, On: day, Lines: []model.VisitLine{l}})
}

// open shows the payroll tab in a window of its own, once it has read the
// month.
func (sl *salon) open(t *testing.T) {
	t.Helper()
	sl.w = uitest.NewWindow(t, "payroll")
	sl.w.Resize(fyne.NewSize(1280, 720))
	uitest.Do(func() {
		sl.tab = payroll.New(sl.w, sl.s, &kit.Changes{})
		sl.w.SetContent(sl.tab.Content())
	})
	uitest.Do(func() { sl.tab.Refresh(context.Background()) })
}

// row is the row of a table headed header that begins with name, its
// cells joined by « | ».
func row(t *testing.T, w fyne.Window, header, name string) string {
	t.Helper()
	for _, r := range uitest.TableRows(uitest.Table(t, w, header)) {
		if len(r) > 0 && r[0] == name {
			return strings.Join(r, " | ")
		}
	}
	t.Fatalf("no row %q under %q", name, header)
	return ""
}

func rub(r int64) string { return model.Rub(r).Format("ru") }
