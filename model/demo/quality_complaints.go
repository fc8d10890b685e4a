package demo

import (
	"slices"

	"companion/model"
)

// complaint is a complaint about visit vi received on day on. One older
// than model.OverdueDays has been dealt with: passed on, answered,
// resolved, and mostly closed with the client contacted again a week on.
func (g *fbGen) complaint(vi int, on model.Date) Feedback {
	f := g.make(vi, model.FeedbackComplaint, on)
	on, today := f.On, g.d.Today
	if today.DaysSince(on) <= model.OverdueDays {
		return f
	}
	end := closing[g.turn%len(closing)]
	g.turn++
	if end == model.StateWithdrawn {
		f.State, f.Withdrawn = model.StateWithdrawn, withdrawals[g.r.IntN(len(withdrawals))]
		return f
	}
	f.PassedOn, f.PassedBy = on.AddDays(1), g.director(f.Staff)
	f.Answer, f.AnsweredOn = answers[g.r.IntN(len(answers))], on.AddDays(2)
	k := g.r.IntN(len(resolutions))
	f.Resolution, f.Compensation, f.ResolvedOn = resolutions[k], compensations[k], min2(on.AddDays(3), today)
	f.State = model.StateResolved
	if contacted := f.ResolvedOn.AddDays(7); end != model.StateResolved && !contacted.After(today) {
		f.State, f.ContactedOn, f.Satisfied = model.StateClosed, contacted, end == "sat"
		f.ContactNote = contactNotes[g.r.IntN(2)]
		if !f.Satisfied {
			f.ContactNote = contactNotes[2+g.r.IntN(2)]
		}
	}
	return f
}

// recent are the complaints still open: two overdue, one new and one
// passed on, and two of the last days, one answered already.
func (g *fbGen) recent() []Feedback {
	today := g.d.Today
	near := func(from, to int) int { // the latest visit between from and to days ago
		for i := len(g.d.Visits) - 1; i >= 0; i-- {
			v := g.d.Visits[i]
			if age := today.DaysSince(v.On); age >= from && age <= to && g.line(v) >= 0 {
				return i
			}
		}
		return -1
	}
	var out []Feedback
	for _, c := range []struct {
		from, to, late int
		state          string
	}{{5, 10, 0, model.StateNew}, {9, 16, 1, model.StatePassed}, {0, 12, 100, model.StateNew}, {1, 20, 100, model.StateAnswered}} {
		vi := near(c.from, c.to)
		if vi < 0 {
			continue
		}
		on := g.d.Visits[vi].On.AddDays(c.late)
		if c.late == 100 {
			on = today.AddDays(-len(out) % 2)
		}
		f := g.make(vi, model.FeedbackComplaint, on)
		f.State = c.state
		if c.state != model.StateNew {
			f.PassedOn, f.PassedBy = f.On, g.director(f.Staff)
		}
		if c.state == model.StateAnswered {
			f.Answer, f.AnsweredOn = answers[0], f.On
		}
		out = append(out, f)
	}
	return out
}

// sortFeedback puts the feedback in the order it came.
func sortFeedback(fs []Feedback) {
	slices.SortStableFunc(fs, func(a, b Feedback) int { return a.On.Time().Compare(b.On.Time()) })
}
