package payroll_test

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

func TestEntriesCorrectionsRecognitionAndSettings(t *testing.T) {
	sl := newSalon(t, true)
	ctx := context.Background()
	nov := model.NewDate(2026, 11, 1)
	if err := sl.s.AddPayEntry(ctx, &model.PayEntry{StaffID: sl.cosmetologist.ID, Month: nov, Kind: model.EntryBonus,
		Amount: model.Rub(3000)}); err != nil {
		t.Fatal(err)
	}
	sl.open(t)
	w := sl.w
	uitest.TapTab(t, w, "Начисления и удержания")
	uitest.TapCell(t, w, "Премия")
	uitest.Tap(t, w, "Удалить")
	if !uitest.DialogShows(w, "внесена по ошибке") {
		t.Fatalf("no question before deleting: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Удалить")
	if entries, _ := sl.s.PayEntries(ctx, nov); len(entries) != 0 {
		t.Errorf("the bonus stays: %+v", entries)
	}

	uitest.Tap(t, w, "Добавить корректировку")
	uitest.Choose(t, w, "Блок", "Косметология")
	uitest.Choose(t, w, "Что исправить", "Расходники")
	uitest.Type(t, w, "Сумма, ₽", "1 500")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Причина"); msg != "Укажите основание" {
		t.Errorf("a correction without a reason: %q", msg)
	}
	uitest.Type(t, w, "Причина", "Списан просроченный пилинг")
	uitest.Tap(t, w, "Сохранить")
	if got := row(t, w, "Причина", "Косметология"); got != "Косметология | Расходники | +"+rub(1500)+" | Списан просроченный пилинг" {
		t.Errorf("the correction: %q", got)
	}

	uitest.TapTab(t, w, "Признание")
	if rows := uitest.ListRows(uitest.ListNear(t, w, "Нажмите на имя")); len(rows) != 2 {
		t.Errorf("without recognition: %q", rows)
	}
	uitest.TapRow(t, w, "Белова Екатерина")
	uitest.Type(t, w, "За что", "Клиентка написала благодарность")
	uitest.Tap(t, w, "Сохранить")
	if recs, _ := sl.s.Recognitions(ctx, nov); len(recs) != 1 || recs[0].StaffID != sl.cosmetologist.ID {
		t.Errorf("recognitions %+v", recs)
	}
	if !uitest.Shows(w, "Белова Екатерина — «Клиентка написала благодарность»") {
		t.Errorf("the month's recognitions: %q", uitest.Texts(w))
	}

	uitest.TapTab(t, w, "Настройки зарплаты")
	uitest.Toggle(t, w, "Удерживать НДФЛ в расчётных листках")
	uitest.Type(t, w, "Взносы работодателя, %", "30,2")
	uitest.Tap(t, w, "Сохранить")
	if taxOn, rate, _ := sl.s.PayrollSettings(ctx); taxOn || rate != 3020 {
		t.Errorf("settings: tax %v, rate %d", taxOn, rate)
	}
	uitest.TapTab(t, w, "Расчёт")
	if got := row(t, w, "К выплате", "Смирнова Ольга"); !strings.Contains(got, " | "+rub(0)+" | ") {
		t.Errorf("no tax withheld: %q", got)
	}
}
