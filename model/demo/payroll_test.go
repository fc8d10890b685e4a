package demo

import (
	"testing"

	"companion/model"
)

// TestPayrollOfTheDemo holds the demo's payroll to what the store will
// accept and the owner expects: a year from the first month, every card
// type feeding a block, everybody's scheme valid from the first month or
// their hiring, the raise from the 16th, entries in the year's months,
// goods with their sellers.
func TestPayrollOfTheDemo(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	p := d.Payroll
	open := model.MonthOf(today)
	if p.From != addMonths(open, -PayrollMonths) || len(p.CardBlocks) != len(d.CardTypes) {
		t.Fatalf("from %s, %d card blocks", p.From, len(p.CardBlocks))
	}
	for i, b := range p.CardBlocks {
		if b < 0 || b >= len(d.Blocks) {
			t.Errorf("card type %s feeds block %d", d.CardTypes[i].Name, b)
		}
	}
	schemed := map[int]bool{}
	midMonth := 0
	for _, c := range p.Components {
		mc := c.PayComponent
		mc.StaffID = 1
		if err := mc.Validate(); err != nil || c.From.Before(p.From) || !c.From.Before(open) {
			t.Errorf("%s's %s from %s: %v", d.Staff[c.Staff].Name, c.Kind, c.From, err)
		}
		schemed[c.Staff] = true
		if c.From.Day() == 16 {
			midMonth++
		}
	}
	if len(schemed) != len(d.Staff) || midMonth != 1 {
		t.Errorf("%d of %d staff have a scheme; %d changes from the 16th", len(schemed), len(d.Staff), midMonth)
	}
	for _, e := range append(p.Entries, p.Adjustments...) {
		me := e.PayEntry
		me.StaffID = 1
		if err := me.Validate(); err != nil || me.Month.Before(p.From) || me.Month.After(open) || me.On.After(today) {
			t.Errorf("%+v: %v", e, err)
		}
	}
	for _, v := range d.Visits {
		for _, l := range v.Lines {
			if d.Services[l.Service].Kind == "product" && l.Staff < 0 {
				t.Fatalf("goods sold by nobody on %s", v.On)
			}
		}
	}
}

// TestTillCorrectionsGrowToTheLastMonth: the corrected turnover of each
// block grows from 80 % of the last month's to the last month's, and the
// last month needs none.
func TestTillCorrectionsGrowToTheLastMonth(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	from := d.Payroll.From
	got := turnovers(&d, from, PayrollMonths)
	for _, c := range d.Payroll.Corrections {
		if c.Field != model.CorrectTurnover {
			continue
		}
		k := (c.Month.Year()-from.Year())*12 + int(c.Month.Month()) - int(from.Month())
		last := got[c.Block][PayrollMonths-1]
		if k >= PayrollMonths-1 || c.Amount <= 0 || got[c.Block][k]+c.Amount > last || got[c.Block][k]+c.Amount < last*79/100 {
			t.Errorf("%s block %d: %v + %v, last month %v", c.Month, c.Block, got[c.Block][k], c.Amount, last)
		}
	}
}
