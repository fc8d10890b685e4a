package demo

import (
	"math/rand/v2"
	"time"

	"companion/model"
)

// Payroll is the demo salon's pay: the block each card type's sales feed,
// everybody's pay scheme, and the months' entries, corrections and
// recognitions. The store approves every month from From to the one before
// Today's, oldest first, each once its own entries are in; Adjustments
// then go into the open month, correcting approved ones.
type Payroll struct {
	From         model.Date // the first month of payroll: the schemes start then, or at hiring
	CardBlocks   []int      // by Data.CardTypes: the index in Data.Blocks of the block its sales feed, -1 none
	Components   []PayComponent
	Entries      []PayEntry // bonuses, deductions and advances, by month
	Corrections  []BlockCorrection
	Recognitions []Recognition
	Adjustments  []PayEntry // in the open month, for approved ones
}

// PayComponent is a part of Data.Staff[Staff]'s scheme; a share of a
// block's profit is of Data.Blocks[Block] (-1: the person's own block).
type PayComponent struct {
	model.PayComponent
	Staff, Block int
}

// PayEntry is a sum of a month for Data.Staff[Staff].
type PayEntry struct {
	model.PayEntry
	Staff int
}

// BlockCorrection corrects a month's figure of Data.Blocks[Block].
type BlockCorrection struct {
	model.BlockCorrection
	Block int
}

// Recognition is a month's thanks to Data.Staff[Staff].
type Recognition struct {
	model.Recognition
	Staff int
}

// PayrollMonths is how many months before today's the demo's payroll
// covers: a year of approved months.
const PayrollMonths = 12

// payroll gives the salon made so far its pay: card types' blocks, the
// goods' sellers, the schemes and a year of entries and recognitions.
func payroll(d *Data, seed int64) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9a7011))
	p := &d.Payroll
	open := model.MonthOf(d.Today)
	p.From = addMonths(open, -PayrollMonths)
	for _, k := range cardKinds {
		p.CardBlocks = append(p.CardBlocks, k.block)
	}
	sellGoods(d)
	p.Corrections = tillCorrections(d, p.From, open)
	p.Components = schemesOf(d.Staff, p.From, open)
	pe := payEntries{r: r, d: d, p: p, open: open}
	for m := p.From; m.Before(open); m = addMonths(m, 1) {
		pe.month(m)
	}
	pe.month(open)
	pe.once()
}

// addMonths is the first day of the month n months from month's.
func addMonths(month model.Date, n int) model.Date {
	return model.NewDate(month.Year(), month.Month()+time.Month(n), 1)
}

// sellGoods gives each product sold a seller: the specialist of the
// visit's service in the same block, who recommended it, or else the
// administrator at the desk.
func sellGoods(d *Data) {
	desk := -1
	for i, s := range d.Staff {
		if s.Role == "администратор" {
			desk = i
		}
	}
	for _, v := range d.Visits {
		for k := range v.Lines {
			l := &v.Lines[k]
			if l.Staff >= 0 || d.Services[l.Service].Kind != "product" {
				continue
			}
			l.Staff = desk
			for _, o := range v.Lines {
				if o.Staff >= 0 && d.Services[o.Service].Kind != "product" &&
					d.Services[o.Service].Block == d.Services[l.Service].Block {
					l.Staff = o.Staff
					break
				}
			}
		}
	}
}
