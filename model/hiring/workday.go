package hiring

import (
	"math"
	"sort"
)

// The priorities of a working-day task, the most important first.
const (
	Must   = "must"
	Should = "should"
	Could  = "could"
	Drop   = "drop"
)

// Priorities lists them in order.
var Priorities = []string{Must, Should, Could, Drop}

// The working day's sane length: up to GoodDayMinutes is full marks, from
// BadDayMinutes (8:00 to 22:00) nothing.
const (
	GoodDayMinutes = 10 * 60
	BadDayMinutes  = 14 * 60
)

// Time estimates: a task planned within these ratios of its real duration
// is realistic; one at UnderRatio or less is named.
const (
	LowRatio   = 0.5
	HighRatio  = 2.0
	UnderRatio = 0.25
)

// The four points of the working-day test.
const (
	PointPriorities = "priorities" // the reference priorities kept
	PointDropped    = "dropped"    // unimportant tasks dropped for important ones
	PointTime       = "time"       // time estimated realistically
	PointDay        = "day"        // a day of sane length
)

// Point is one point's score, 0 to 1, with what it was made of and the
// tasks it names.
type Point struct {
	Name  string
	Score float64
	Of    [2]int   // the point's count: pairs in order of pairs, tasks of tasks, minutes of the day
	Named []string // tasks named in the explanation
}

// DayScore is the working-day test's result: the four points and the
// organisation criterion's 1–5 score they make.
type DayScore struct {
	Points       []Point
	Organisation int
}

// ScoreDay scores a candidate's plan of a working day against the task
// set's reference priorities and durations.
func ScoreDay(tasks []DayTask, plan DayPlan) DayScore {
	byID := map[uint]DayTask{}
	for _, t := range tasks {
		byID[t.ID] = t
	}
	var kept []PlanItem
	dropped := map[uint]bool{}
	for _, it := range plan.Items {
		if it.Dropped {
			dropped[it.TaskID] = true
		} else if _, ok := byID[it.TaskID]; ok {
			kept = append(kept, it)
		}
	}
	for _, t := range tasks { // a task left out of the plan is dropped
		if !planned(plan, t.ID) {
			dropped[t.ID] = true
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Order < kept[j].Order })
	pts := []Point{priorities(kept, byID), droppedPoint(tasks, dropped), timePoint(kept, byID), dayPoint(plan, kept)}
	sum := 0.0
	for _, p := range pts {
		sum += p.Score
	}
	return DayScore{Points: pts, Organisation: int(math.Round(1 + 4*sum/float64(len(pts))))}
}

func planned(p DayPlan, id uint) bool {
	for _, it := range p.Items {
		if it.TaskID == id {
			return true
		}
	}
	return false
}

func rank(priority string) int {
	for i, p := range Priorities {
		if p == priority {
			return i
		}
	}
	return len(Priorities)
}

// priorities: of the pairs of kept tasks of different priorities, the share
// done in the reference's order.
func priorities(kept []PlanItem, byID map[uint]DayTask) Point {
	p := Point{Name: PointPriorities, Score: 1}
	agree, pairs := 0, 0
	for i := range kept {
		for j := i + 1; j < len(kept); j++ {
			a, b := rank(byID[kept[i].TaskID].Priority), rank(byID[kept[j].TaskID].Priority)
			if a == b {
				continue
			}
			pairs++
			if a < b {
				agree++
			}
		}
	}
	if pairs > 0 {
		p.Score = float64(agree) / float64(pairs)
	}
	p.Of = [2]int{agree, pairs}
	return p
}

// droppedPoint: the share of the tasks to drop that were dropped, less the
// share of the tasks that must or should be done that were dropped.
func droppedPoint(tasks []DayTask, dropped map[uint]bool) Point {
	p := Point{Name: PointDropped}
	toDrop, droppedRight, important, droppedWrong := 0, 0, 0, 0
	for _, t := range tasks {
		switch t.Priority {
		case Drop:
			toDrop++
			if dropped[t.ID] {
				droppedRight++
			} else {
				p.Named = append(p.Named, t.Title)
			}
		case Must, Should:
			important++
			if dropped[t.ID] {
				droppedWrong++
				p.Named = append(p.Named, t.Title)
			}
		}
	}
	p.Score = 1
	if toDrop > 0 {
		p.Score = float64(droppedRight) / float64(toDrop)
	}
	if important > 0 {
		p.Score -= float64(droppedWrong) / float64(important)
	}
	p.Score = math.Max(0, p.Score)
	p.Of = [2]int{droppedRight, toDrop}
	return p
}

// timePoint: the share of kept tasks planned within LowRatio–HighRatio of
// their real duration; those at UnderRatio or less are named.
func timePoint(kept []PlanItem, byID map[uint]DayTask) Point {
	p := Point{Name: PointTime, Score: 1}
	ok := 0
	for _, it := range kept {
		t := byID[it.TaskID]
		if t.Minutes <= 0 {
			ok++
			continue
		}
		ratio := float64(it.Minutes) / float64(t.Minutes)
		if ratio >= LowRatio && ratio <= HighRatio {
			ok++
		}
		if ratio <= UnderRatio {
			p.Named = append(p.Named, t.Title)
		}
	}
	if len(kept) > 0 {
		p.Score = float64(ok) / float64(len(kept))
	}
	p.Of = [2]int{ok, len(kept)}
	return p
}

// dayPoint: full marks for a day up to GoodDayMinutes long, none from
// BadDayMinutes, in between in proportion; a plan that does not fit its
// own day loses the share that does not fit.
func dayPoint(plan DayPlan, kept []PlanItem) Point {
	length := plan.End - plan.Start
	p := Point{Name: PointDay, Of: [2]int{length, GoodDayMinutes}}
	if length <= 0 {
		return p
	}
	switch {
	case length <= GoodDayMinutes:
		p.Score = 1
	case length < BadDayMinutes:
		p.Score = float64(BadDayMinutes-length) / float64(BadDayMinutes-GoodDayMinutes)
	}
	total := 0
	for _, it := range kept {
		total += it.Minutes
	}
	if total > length {
		p.Score *= float64(length) / float64(total)
	}
	return p
}
