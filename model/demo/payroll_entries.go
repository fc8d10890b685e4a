package demo

import (
	"math/rand/v2"

	"companion/model"
)

// praise are the owner's words of a month; thanks the clients'.
var (
	praise = []string{"Лучшие отзывы клиентов за месяц", "Ни одной жалобы за месяц", "Спасибо за помощь новым коллегам",
		"Спасибо за подмену в праздничные дни", "Лучшие допродажи месяца", "Спасибо за идею акции «Приведи друга»",
		"Мастер-класс для команды — спасибо!", "Образцовый порядок на рабочем месте"}
	thanks = []string{"Благодарность клиентки в отзыве на Яндекс Картах",
		"Клиент передал благодарность через администратора"}
)

// payEntries makes up the months' entries and recognitions.
type payEntries struct {
	r    *rand.Rand
	d    *Data
	p    *Payroll
	open model.Date
}

// staff is the index of the member of staff of that name.
func (e *payEntries) staff(name string) int {
	for i, s := range e.d.Staff {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// month adds a month's advances, paid on the 20th to a few of those on a
// salary of 40 000 ₽ or more, and the month's recognitions: two or three,
// now and then a client's among them.
func (e *payEntries) month(m model.Date) {
	r, day := e.r, m.AddDays(19)
	for i, s := range e.d.Staff {
		if !day.After(e.d.Today) && salaryOf(s.Name) >= model.Rub(40000) && chance(r, 0.6) {
			e.entry(i, m, model.EntryAdvance, model.Rub(int64(15+5*r.IntN(2))*1000), "", day)
		}
	}
	n := 2 + r.IntN(2)
	if m == e.open {
		n = 1 // the month has just begun
	}
	for _, who := range r.Perm(len(e.d.Staff))[:min(n, len(e.d.Staff))] {
		rec := model.Recognition{Month: m, Text: praise[r.IntN(len(praise))], Source: "owner"}
		if chance(r, 0.2) {
			rec.Text, rec.Source = thanks[r.IntN(len(thanks))], "client"
		}
		e.p.Recognitions = append(e.p.Recognitions, Recognition{Recognition: rec, Staff: who})
	}
}

// once adds what happens once in the year: a deduction with its ground, a
// one-off bonus, a correction of a block's consumables, and in the open
// month an adjustment of the month before, approved by then.
func (e *payEntries) once() {
	at := func(back, day int) model.Date { return addMonths(e.open, -back).AddDays(day - 1) }
	if i := e.staff("Новикова Юлия Сергеевна"); i >= 0 {
		e.entry(i, at(5, 1), model.EntryDeduction, model.Rub(1200),
			"Недостача в кассе за смену 14-го, с письменного согласия сотрудника", at(5, 28))
	}
	if i := e.staff("Громов Денис Александрович"); i >= 0 {
		e.entry(i, at(2, 1), model.EntryBonus, model.Rub(15000), "Премия за перевыполнение плана продаж абонементов", at(2, 28))
	}
	e.p.Corrections = append(e.p.Corrections, BlockCorrection{Block: cosmetology, BlockCorrection: model.BlockCorrection{
		Month: at(4, 1), Field: model.CorrectConsumables, Amount: model.Rub(6500),
		Reason: "Списаны препараты с истёкшим сроком годности"}},
		BlockCorrection{Block: spa, BlockCorrection: model.BlockCorrection{ // the year's one loss
			Month: at(6, 1), Field: model.CorrectConsumables, Amount: model.Rub(95000),
			Reason: "Закупка масел и средств для обёртываний на квартал вперёд"}})
	if i := e.staff("Соколов Илья Валерьевич"); i >= 0 {
		e.p.Adjustments = append(e.p.Adjustments, PayEntry{Staff: i, PayEntry: model.PayEntry{Month: e.open,
			Kind: model.EntryAdjustment, Amount: model.Rub(1890), RefMonth: at(1, 1), On: min2(at(0, 5), e.d.Today),
			Ground: "Не учтён сеанс лимфодренажного массажа: запись внесена после утверждения месяца"}})
	}
}

func (e *payEntries) entry(staff int, month model.Date, kind string, amount model.Money, ground string, on model.Date) {
	e.p.Entries = append(e.p.Entries, PayEntry{Staff: staff, PayEntry: model.PayEntry{Month: month, Kind: kind,
		Amount: amount, Ground: ground, On: on}})
}

// salaryOf is the salary of a scheme.
func salaryOf(name string) model.Money {
	for _, c := range schemes[name] {
		if c.Kind == model.PaySalary {
			return c.Amount
		}
	}
	return 0
}
