package hiring

import (
	"math"
	"strings"

	"fyne.io/fyne/v2/container"

	"companion/model/hiring"
	"companion/model/i18n"
)

// pointNames are the four points' names, in ScoreDay's order.
var pointNames = map[string]string{
	hiring.PointPriorities: "hiring.point.priorities",
	hiring.PointDropped:    "hiring.point.dropped",
	hiring.PointTime:       "hiring.point.time",
	hiring.PointDay:        "hiring.point.day",
}

// follow scores the plan the test shows and explains each point.
func (d *dayTest) follow() {
	d.points.Objects = nil
	plan := d.planNow()
	switch {
	case d.set == nil:
		d.points.Add(quiet(i18n.T("hiring.day.pick_set")))
	case plan == nil:
		d.points.Add(quiet(i18n.T("hiring.day.need_times")))
	default:
		sc := hiring.ScoreDay(d.set.Tasks, *plan)
		for _, p := range sc.Points {
			d.points.Add(heading(i18n.T(pointNames[p.Name], map[string]any{"Percent": int(math.Round(p.Score * 100))})))
			for _, line := range pointWhy(p, plan) {
				d.points.Add(wrapped(line))
			}
		}
		d.taken = sc.Organisation
		d.take.SetText(i18n.T("hiring.day.take", map[string]any{"Score": sc.Organisation}))
		d.points.Add(container.NewHBox(heading(i18n.T("hiring.day.result", map[string]any{"Score": sc.Organisation})), d.take))
	}
	d.points.Refresh()
}

// pointWhy explains a point: what it was made of, and the tasks it names.
func pointWhy(p hiring.Point, plan *hiring.DayPlan) []string {
	a, b := p.Of[0], p.Of[1]
	var out []string
	switch p.Name {
	case hiring.PointPriorities:
		if b == 0 {
			out = append(out, i18n.T("hiring.why.priorities_none"))
		} else {
			out = append(out, i18n.T("hiring.why.priorities", map[string]any{"A": a, "N": b}))
		}
	case hiring.PointDropped:
		out = append(out, i18n.T("hiring.why.dropped", map[string]any{"A": a, "N": b}))
		if len(p.Named) > 0 {
			out = append(out, i18n.T("hiring.why.dropped_named", map[string]any{"Tasks": quoted(p.Named)}))
		}
	case hiring.PointTime:
		out = append(out, i18n.T("hiring.why.time", map[string]any{"A": a, "N": b}))
		if len(p.Named) > 0 {
			out = append(out, i18n.T("hiring.why.time_named", map[string]any{"Tasks": quoted(p.Named)}))
		}
	case hiring.PointDay:
		out = append(out, i18n.T("hiring.why.day", map[string]any{"Length": dayLength(max(0, a)),
			"Good": dayLength(hiring.GoodDayMinutes), "Bad": dayLength(hiring.BadDayMinutes)}))
		if planned := plannedMinutes(plan); planned > a && a > 0 {
			out = append(out, i18n.T("hiring.why.day_overfull", map[string]any{"Planned": dayLength(planned)}))
		}
	}
	return out
}

func plannedMinutes(p *hiring.DayPlan) int {
	total := 0
	for _, it := range p.Items {
		if !it.Dropped {
			total += it.Minutes
		}
	}
	return total
}

// quoted lists task titles in quotes: «Обед с подругой», «Отчёт».
func quoted(titles []string) string {
	q := make([]string, len(titles))
	for i, t := range titles {
		q[i] = "«" + t + "»"
	}
	return strings.Join(q, ", ")
}
