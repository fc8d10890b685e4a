package model

// BehindPercent: an active program whose sessions done are fewer than this
// share of the sessions due by today is behind its schedule (Today shows it).
const BehindPercent = 75

// SessionDone is a service the client received: a visit line's day,
// service and quantity.
type SessionDone struct {
	On        Date
	ServiceID uint
	Qty       int
}

// GoalProgress is one measure against the program's target change.
type GoalProgress struct {
	Known  bool    // a target is set and the measure was taken
	Start  float64 // at the start: the last measurement on or before it, else the first after
	Latest float64
	Target float64 // Start plus the target change
	Share  float64 // of the target change reached: 1 is the goal, more is past it
}

// ProgramProgress is how far a program has come by a day.
type ProgramProgress struct {
	Planned int   // sessions in all
	Done    int   // sessions the client had, within each item's count
	Due     int   // sessions scheduled by today
	PerItem []int // sessions done, by item
	Percent int   // Done of Planned, rounded down
	Behind  bool
	Weight  GoalProgress
	Waist   GoalProgress
}

// ProgressOf measures a program on day today: the client's sessions of
// the program's services from its start to today (each item taking what
// it still lacks, in item order), against the schedule and the plan, and
// the measurements against the goal.
func ProgressOf(p Program, sched []Session, done []SessionDone, assessments []Assessment, today Date) ProgramProgress {
	pr := ProgramProgress{Planned: p.Planned(), PerItem: make([]int, len(p.Items))}
	for _, d := range done {
		if d.On.Before(p.StartOn) || d.On.After(today) {
			continue
		}
		qty := d.Qty
		for i, it := range p.Items {
			if qty == 0 {
				break
			}
			if it.ServiceID == d.ServiceID && pr.PerItem[i] < it.Sessions {
				n := min(qty, it.Sessions-pr.PerItem[i])
				pr.PerItem[i] += n
				qty -= n
			}
		}
	}
	for _, n := range pr.PerItem {
		pr.Done += n
	}
	for _, s := range sched {
		if !s.On.After(today) {
			pr.Due++
		}
	}
	if pr.Planned > 0 {
		pr.Percent = pr.Done * 100 / pr.Planned
	}
	pr.Behind = p.Status == ProgramActive && pr.Due > 0 && pr.Done*100 < pr.Due*BehindPercent
	pr.Weight = goalProgress(p.StartOn, p.WeightChangeKg, assessments, func(a Assessment) float64 { return a.WeightKg })
	pr.Waist = goalProgress(p.StartOn, p.WaistChangeCm, assessments, func(a Assessment) float64 { return a.WaistCm })
	return pr
}

// goalProgress follows one measure from the start to the latest
// measurement; the assessments may come in any order.
func goalProgress(start Date, change float64, as []Assessment, measure func(Assessment) float64) GoalProgress {
	var g GoalProgress
	if change == 0 {
		return g
	}
	var before, after, last *Assessment // the last on or before the start, the first after it, the latest
	for i := range as {
		a := &as[i]
		if measure(*a) <= 0 {
			continue
		}
		if !a.On.After(start) && (before == nil || a.On.After(before.On)) {
			before = a
		}
		if a.On.After(start) && (after == nil || a.On.Before(after.On)) {
			after = a
		}
		if last == nil || a.On.After(last.On) {
			last = a
		}
	}
	base := before
	if base == nil {
		base = after
	}
	if base == nil {
		return g
	}
	g.Known, g.Start, g.Latest = true, measure(*base), measure(*last)
	g.Target = g.Start + change
	g.Share = (g.Latest - g.Start) / change
	return g
}
