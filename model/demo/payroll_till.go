package demo

import "companion/model"

// tillReason is the reason of the demo's corrections of a block's
// turnover: the demo's clients are those of its last year, so its earlier
// months hold fewer visits than the salon had; the story is that the salon
// moved its clients into Companion over that year, and the owner added
// each block's takings from the till for the visits not yet in it.
const tillReason = "Выручка по кассе за визиты, ещё не перенесённые в Компаньон (за вычетом расходников)"

// tillStart and tillEnd are the share, in percent, of the block's last
// month's turnover the salon took in the first month of payroll and in
// the last: it grew over the year.
const tillStart, tillEnd = 80, 100

// tillCorrections adds to each block's turnover, in the months of payroll
// before today's, what its visits and cards in Companion fall short of the
// salon's takings: a share of the last month's turnover growing from
// tillStart to tillEnd percent. A month within 5 % of it needs none.
func tillCorrections(d *Data, from, open model.Date) []BlockCorrection {
	months := 0
	for m := from; m.Before(open); m = addMonths(m, 1) {
		months++
	}
	if months < 2 {
		return nil
	}
	got := turnovers(d, from, months)
	var out []BlockCorrection
	for b := range d.Blocks {
		last := got[b][months-1]
		for k := range months {
			want := last * model.Money(tillStart*(months-1)+(tillEnd-tillStart)*k) / model.Money(100*(months-1))
			short := (want - got[b][k]) / model.Rub(1000) * model.Rub(1000)
			if short > 0 && short*20 > want {
				out = append(out, BlockCorrection{Block: b, BlockCorrection: model.BlockCorrection{
					Month: addMonths(from, k), Field: model.CorrectTurnover, Amount: short, Reason: tillReason}})
			}
		}
	}
	return out
}

// turnovers is each block's turnover in Companion by month from from: the
// visits' lines paid in money and the cards sold, as payroll counts them.
func turnovers(d *Data, from model.Date, months int) [][]model.Money {
	out := make([][]model.Money, len(d.Blocks))
	for b := range out {
		out[b] = make([]model.Money, months)
	}
	index := func(day model.Date) int {
		return (day.Year()-from.Year())*12 + int(day.Month()) - int(from.Month())
	}
	for _, v := range d.Visits {
		k := index(v.On)
		if k < 0 || k >= months {
			continue
		}
		for _, l := range v.Lines {
			b := d.Services[l.Service].Block
			if l.Card < 0 && b >= 0 && b < len(out) {
				out[b][k] += model.VisitLine{Qty: l.Qty, Price: l.Price, Discount: l.Discount}.Value()
			}
		}
	}
	for _, c := range d.Cards {
		k, b := index(c.SoldOn), d.Payroll.CardBlocks[c.Type]
		if k >= 0 && k < months && b >= 0 && b < len(out) {
			out[b][k] += c.Paid
		}
	}
	return out
}
