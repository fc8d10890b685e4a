package widgets

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// drawnTexts are the texts the chart draws, with where they are.
func drawnTexts(c *LineChart) map[string]fyne.Position {
	out := map[string]fyne.Position{}
	for _, o := range test.WidgetRenderer(c).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out[t.Text] = t.Position()
		}
	}
	return out
}

func TestLineChartHasAValueScaleAndNamesItsGoal(t *testing.T) {
	test.NewTempApp(t)
	weight := Series{Name: "Вес", X: []float64{0, 30, 60}, Y: []float64{80, 72.5, 70}, Goal: 65, GoalLabel: "цель 65 кг"}
	waist := Series{Name: "Талия", X: []float64{0, 60}, Y: []float64{95, 88}}
	c := NewLineChart([]Series{weight, waist}, "01.01.2026", "02.03.2026")
	c.Format = func(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1) }
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(500, 240))
	texts := drawnTexts(c)
	if _, ok := texts["цель 65 кг"]; !ok {
		t.Errorf("the goal line is not labelled; the chart writes %v", keys(texts))
	}
	// the weight runs 63.5…81.5: its scale is written every 5 kg on the left
	for _, v := range []string{"65", "70", "75", "80"} {
		p, ok := texts[v]
		if !ok {
			t.Fatalf("no %s on the value axis; the chart writes %v", v, keys(texts))
		}
		if p.X > 40 {
			t.Errorf("the weight's %s is written at x=%v, not on the left", v, p.X)
		}
	}
	if texts["80"].Y >= texts["65"].Y {
		t.Error("80 is not above 65 on the value axis")
	}
	if p, ok := texts["90"]; !ok || p.X < 400 {
		t.Errorf("the waist's scale is not on the right: %v", keys(texts))
	}
}

func keys(m map[string]fyne.Position) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
