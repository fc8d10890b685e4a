package payroll

import (
	"sort"

	"companion/model"
)

// segment is a stretch of the month when one component of a kind is in
// force: from its first day to its last, both included.
type segment struct {
	c        model.PayComponent
	from, to model.Date
	days, of int
}

// segments lists, for one person and kind, the stretches of the month
// from first to last (both included) each component is in force, leaving
// out those stopped.
func segments(cs []model.PayComponent, staffID uint, kind string, first, last model.Date) []segment {
	var mine []model.PayComponent
	for _, c := range cs {
		if c.StaffID == staffID && c.Kind == kind {
			mine = append(mine, c)
		}
	}
	sort.SliceStable(mine, func(i, j int) bool { return mine[i].From.Before(mine[j].From) })
	of := last.DaysSince(first) + 1
	var out []segment
	for i, c := range mine {
		from, to := c.From, last
		if i+1 < len(mine) {
			to = mine[i+1].From.AddDays(-1)
		}
		if from.Before(first) {
			from = first
		}
		if to.After(last) {
			to = last
		}
		if c.Stopped || to.Before(from) {
			continue
		}
		out = append(out, segment{c: c, from: from, to: to, days: to.DaysSince(from) + 1, of: of})
	}
	return out
}

// holds reports whether day falls within the segment.
func (s segment) holds(day model.Date) bool { return !day.Before(s.from) && !day.After(s.to) }
