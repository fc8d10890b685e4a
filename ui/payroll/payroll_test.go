package payroll_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

func TestAComponentAddedThroughTheFormPaysThePerson(t *testing.T) {
	sl := newSalon(t, false)
	ctx := context.Background()
	if err := sl.visit(model.NewDate(2026, 11, 5), 2); err != nil {
		t.Fatal(err)
	}
	if _, err := sl.s.ApprovePayroll(ctx, model.NewDate(2026, 10, 1)); err != nil {
		t.Fatal(err)
	}
	sl.open(t)
	w := sl.w
	if got := row(t, w, "К выплате", "Смирнова Ольга"); !strings.Contains(got, rub(60000)) {
		t.Errorf("the director's row: %q", got)
	}
	uitest.TapTab(t, w, "Схемы оплаты")
	uitest.TapRow(t, w, "Белова Екатерина")
	if !uitest.Shows(w, "У сотрудника пока нет схемы оплаты") {
		t.Errorf("the cosmetologist's empty scheme: %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Добавить условие")
	uitest.Choose(t, w, "Вид", "% от своих услуг")
	uitest.Type(t, w, "С какого дня", "15.10.2026")
	uitest.Type(t, w, "Процент", "20")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "С какого дня"); !strings.HasPrefix(msg, "Зарплата за 10.2026 утверждена") {
		t.Errorf("a day in an approved month: %q", msg)
	}
	uitest.Type(t, w, "Процент", "120")
	uitest.Type(t, w, "С какого дня", "01.11.2026")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Процент"); msg != "Процент: больше 0 и не больше 100" {
		t.Errorf("120 %%: %q", msg)
	}
	uitest.Type(t, w, "Процент", "20")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the form stays open: %q", uitest.DialogTexts(w))
	}
	comps, _ := sl.s.PayComponents(ctx)
	if len(comps) != 4 || comps[3].StaffID != sl.cosmetologist.ID || comps[3].Percent != 2000 ||
		comps[3].From != model.NewDate(2026, 11, 1) {
		t.Fatalf("components %+v", comps)
	}
	if !uitest.Shows(w, "с 01.11.2026 · действует сейчас · от всей суммы услуг") {
		t.Errorf("the history: %q", uitest.Texts(w))
	}
	uitest.TapTab(t, w, "Расчёт")
	// 20 % of two peels at 3 000
	if got := row(t, w, "К выплате", "Белова Екатерина"); !strings.HasPrefix(got, "Белова Екатерина | "+rub(1200)+" | ") {
		t.Errorf("the cosmetologist's pay: %q", got)
	}
	uitest.TapCell(t, w, "Белова Екатерина")
	if !uitest.Shows(w, "20\u00a0% от "+rub(6000)) {
		t.Errorf("her payslip: %q", uitest.Texts(w))
	}
}

func TestWhatIfChangesTheFiguresShownButNothingStored(t *testing.T) {
	sl := newSalon(t, true)
	ctx := context.Background()
	if err := sl.visit(model.NewDate(2026, 11, 5), 2); err != nil {
		t.Fatal(err)
	}
	sl.open(t)
	w := sl.w
	uitest.TapTab(t, w, "Что если")
	if got := row(t, w, "Было к выплате", "Белова Екатерина"); !strings.HasPrefix(got, "Белова Екатерина | "+rub(1200)+" | ") {
		t.Fatalf("before any change: %q", got)
	}
	uitest.Choose(t, w, "Сотрудник", "Белова Екатерина")
	uitest.Type(t, w, "% от своих услуг", "25")
	if got := row(t, w, "Было к выплате", "Белова Екатерина"); !strings.HasPrefix(got, "Белова Екатерина | "+rub(1500)+" | ") {
		t.Errorf("at 25 %%: %q", got)
	}
	if got := row(t, w, "Прибыль была", "Косметология"); !strings.HasSuffix(got, " | −300\u00a0₽") {
		t.Errorf("the block's profit at 25 %%: %q", got)
	}
	if !uitest.Shows(w, "Несохранённые цифры: изменено 1 значение") {
		t.Errorf("no mark of unsaved figures: %q", uitest.Texts(w))
	}
	// a turnover that leaves a profit gives the director her share
	uitest.Type(t, w, "Косметология, ₽", "200 000")
	if got := row(t, w, "Было к выплате", "Смирнова Ольга"); strings.HasPrefix(got, "Смирнова Ольга | "+rub(60000)+" | ") {
		t.Errorf("the director's share of a profit: %q", got)
	}

	comps, _ := sl.s.PayComponents(ctx)
	for _, c := range comps {
		if c.StaffID == sl.cosmetologist.ID && c.Percent != 2000 {
			t.Errorf("the what-if was stored: %+v", c)
		}
	}
	pm, err := sl.s.Payroll(ctx, model.NewDate(2026, 11, 1))
	if p, _ := pm.Result.Person(sl.cosmetologist.ID); err != nil || p.Gross != model.Rub(1200) || len(pm.Result.Blocks[0].Corrections) != 0 {
		t.Errorf("the month in the store: %v %+v", err, pm.Result)
	}

	uitest.Tap(t, w, "Сбросить изменения")
	if got := row(t, w, "Было к выплате", "Белова Екатерина"); !strings.HasSuffix(got, " | ") || !strings.Contains(got, rub(1200)) {
		t.Errorf("after dropping the changes: %q", got)
	}
	if uitest.Shows(w, "Несохранённые цифры") {
		t.Error("the mark of unsaved figures stays after dropping them")
	}
	uitest.TapTab(t, w, "Расчёт")
	if got := row(t, w, "К выплате", "Белова Екатерина"); !strings.HasPrefix(got, "Белова Екатерина | "+rub(1200)+" | ") {
		t.Errorf("the computation shows the what-if: %q", got)
	}
}

func TestAnApprovedMonthRefusesAVisitAndShowsApproved(t *testing.T) {
	sl := newSalon(t, true)
	ctx := context.Background()
	if err := sl.visit(model.NewDate(2026, 11, 5), 2); err != nil {
		t.Fatal(err)
	}
	sl.open(t)
	w := sl.w
	if !uitest.Shows(w, "Месяц открыт") {
		t.Errorf("the month's state: %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Утвердить месяц")
	if !uitest.DialogShows(w, "только для чтения") || !uitest.DialogShows(w, "корректировкой в открытом месяце") {
		t.Fatalf("the confirmation does not say what approving means: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Утвердить")
	months, _ := sl.s.ApprovedMonths(ctx)
	if len(months) != 1 || months[0] != model.NewDate(2026, 11, 1) {
		t.Fatalf("approved months: %v", months)
	}
	var fe *model.FieldError
	if err := sl.visit(model.NewDate(2026, 11, 20), 1); !errors.As(err, &fe) || fe.Key != "err.payroll.locked" {
		t.Errorf("a visit in the approved month: %v", err)
	}
	if !uitest.Shows(w, "Месяц утверждён") || !uitest.Button(t, w, "Утвердить месяц").Disabled() {
		t.Errorf("the tab does not show the month approved: %q", uitest.Texts(w))
	}
	uitest.TapTab(t, w, "Начисления и удержания")
	if !uitest.Shows(w, "Месяц утверждён и больше не меняется") || !uitest.Button(t, w, "Добавить").Disabled() {
		t.Errorf("the approved month's entries may change: %q", uitest.Texts(w))
	}
}

func TestADeductionOverTheLimitSaysSo(t *testing.T) {
	sl := newSalon(t, true)
	ctx := context.Background()
	sl.open(t)
	w := sl.w
	uitest.TapTab(t, w, "Начисления и удержания")
	uitest.Tap(t, w, "Добавить")
	uitest.Choose(t, w, "Сотрудник", "Смирнова Ольга")
	uitest.Choose(t, w, "Вид", "Удержание")
	// 60 000 less 13 % tax is 52 200; 20 % of it is 10 440
	uitest.Type(t, w, "Сумма, ₽", "10 441")
	uitest.Type(t, w, "Основание", "Недостача")
	uitest.Tap(t, w, "Сохранить")
	msg := uitest.Message(t, w, "Сумма, ₽")
	if !strings.HasPrefix(msg, "Удержания за месяц не могут превышать 20 %") || !strings.Contains(msg, rub(10440)) {
		t.Errorf("a deduction over the limit: %q", msg)
	}
	if entries, _ := sl.s.PayEntries(ctx, model.NewDate(2026, 11, 1)); len(entries) != 0 {
		t.Fatalf("stored: %+v", entries)
	}
	uitest.Type(t, w, "Сумма, ₽", "10 440")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the form stays open: %q", uitest.DialogTexts(w))
	}
	if got := row(t, w, "Основание", "Смирнова Ольга"); got != "Смирнова Ольга | Удержание | "+rub(10440)+" | Недостача" {
		t.Errorf("the entry: %q", got)
	}
}
