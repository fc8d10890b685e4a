package hiring

import (
	"math"
	"testing"
)

func TestWeightsMustSumToAHundred(t *testing.T) {
	if err := CheckWeights(DefaultWeights); err != nil {
		t.Errorf("the default weights: %v", err)
	}
	bad := map[string]int{Knowledge: 30, Communicability: 20, Positivity: 15, Organisation: 15, Stress: 15, Responsibility: 15}
	if CheckWeights(bad) == nil {
		t.Error("weights of 110 % accepted")
	}
	delete(bad, Knowledge)
	if CheckWeights(bad) == nil {
		t.Error("a criterion without a weight accepted")
	}
}

func TestWeightedTotalAndRecommendation(t *testing.T) {
	scores := map[string]int{Knowledge: 4, Communicability: 5, Positivity: 4, Organisation: 3, Stress: 3, Responsibility: 4}
	// (4·20 + 5·20 + 4·15 + 3·15 + 3·15 + 4·15) / 100 = 3.9
	total, ok := Weighted(scores, DefaultWeights)
	if !ok || total != 3.9 || Recommend(total, DefaultPass) != Hire {
		t.Errorf("total %v %v", total, ok)
	}
	partial := map[string]int{Knowledge: 3, Communicability: 2}
	if total, _ := Weighted(partial, DefaultWeights); total != 2.5 || Recommend(total, DefaultPass) != Reject {
		t.Errorf("partial total %v", total)
	}
	if Recommend(3.1, DefaultPass) != HireTrain {
		t.Error("a total just under the threshold is not «hire and train»")
	}
	if _, ok := Weighted(nil, DefaultWeights); ok {
		t.Error("a form with no score has a total")
	}
	if d := Disagreements(map[string]int{Stress: 2, Positivity: 4}, map[string]int{Stress: 4, Positivity: 5}); len(d) != 1 || d[0] != Stress {
		t.Errorf("disagreements %v", d)
	}
}

func TestICCAgainstShroutAndFleiss(t *testing.T) {
	// Shrout & Fleiss (1979), table 2: six targets, four judges; ICC(2,1) = .29
	rows := [][]float64{{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}}
	icc, ok := ICC(rows)
	if !ok || math.Abs(icc-0.29) > 0.005 {
		t.Errorf("ICC(2,1) = %.4f, want 0.29", icc)
	}
	if _, ok := ICC(rows[:1]); ok {
		t.Error("one candidate gives an agreement")
	}
	if icc, ok := ICC([][]float64{{3, 3}, {4, 4}, {5, 5}}); !ok || icc != 1 {
		t.Errorf("perfect agreement: %v", icc)
	}
}

// daySet is the seed's working day, shortened: the reference priorities
// and realistic minutes.
var daySet = []DayTask{
	{ID: 1, Title: "Вводная лекция новому клиенту", Priority: Must, Minutes: 60},
	{ID: 2, Title: "Обзвон 10 бывших клиентов об акции", Priority: Should, Minutes: 90},
	{ID: 3, Title: "Документы для годового отчёта", Priority: Should, Minutes: 120},
	{ID: 4, Title: "Обед с подругой", Personal: true, Priority: Drop, Minutes: 90},
	{ID: 5, Title: "Разбор жалобы клиентки", Priority: Must, Minutes: 45},
	{ID: 6, Title: "Обновить стенд с акциями", Priority: Could, Minutes: 30},
}

func TestAGoodDayScoresHigherOnEveryPoint(t *testing.T) {
	good := DayPlan{Start: 9 * 60, End: 18 * 60, Items: []PlanItem{
		{TaskID: 5, Order: 1, Minutes: 45}, {TaskID: 1, Order: 2, Minutes: 60}, {TaskID: 2, Order: 3, Minutes: 90},
		{TaskID: 3, Order: 4, Minutes: 120}, {TaskID: 6, Order: 5, Minutes: 30}, {TaskID: 4, Dropped: true}}}
	bad := DayPlan{Start: 8 * 60, End: 22 * 60, Items: []PlanItem{
		{TaskID: 4, Order: 1, Minutes: 90}, {TaskID: 6, Order: 2, Minutes: 30}, {TaskID: 3, Order: 3, Minutes: 120},
		{TaskID: 1, Order: 4, Minutes: 15}, {TaskID: 2, Order: 5, Minutes: 90}, {TaskID: 5, Order: 6, Minutes: 45}}}
	g, b := ScoreDay(daySet, good), ScoreDay(daySet, bad)
	for i := range g.Points {
		if g.Points[i].Score <= b.Points[i].Score {
			t.Errorf("%s: good %.2f, bad %.2f", g.Points[i].Name, g.Points[i].Score, b.Points[i].Score)
		}
	}
	if g.Organisation != 5 || b.Organisation >= 3 {
		t.Errorf("organisation: good %d, bad %d", g.Organisation, b.Organisation)
	}
	tp := b.Points[2]
	if len(tp.Named) != 1 || tp.Named[0] != "Вводная лекция новому клиенту" {
		t.Errorf("the hour's task planned at 15 minutes is not named: %+v", tp)
	}
	if dp := b.Points[1]; len(dp.Named) != 1 || dp.Named[0] != "Обед с подругой" || dp.Score != 0 {
		t.Errorf("the lunch kept: %+v", dp)
	}
	if b.Points[3].Score != 0 || b.Points[3].Of[0] != 14*60 {
		t.Errorf("8:00 to 22:00 is a minus: %+v", b.Points[3])
	}
}
