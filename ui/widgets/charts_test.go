package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestBarHeightsFollowTheValues(t *testing.T) {
	test.NewTempApp(t)
	c := NewBarChart([]Bar{{"янв", 10}, {"фев", 20}, {"мар", 5}})
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(300, 200))
	r := test.WidgetRenderer(c).(*barRenderer)
	h := func(i int) float32 { return r.rects[i].Size().Height }
	if h(1) <= h(0) || h(0) <= h(2) || h(2) <= 0 {
		t.Fatalf("heights %v %v %v do not follow 10, 20, 5", h(0), h(1), h(2))
	}
	if ratio := h(0) / h(1); ratio < 0.49 || ratio > 0.51 {
		t.Errorf("10 is drawn %.2f of 20", ratio)
	}
	if r.values[1].Text != "20" || r.labels[2].Text != "мар" {
		t.Errorf("labels %q %q", r.values[1].Text, r.labels[2].Text)
	}
	c.SetBars([]Bar{{"апр", 3}})
	if len(test.WidgetRenderer(c).Objects()) != 3 {
		t.Error("new data not drawn")
	}
}

func TestLineChartDrawsEveryPointAndTheGoal(t *testing.T) {
	test.NewTempApp(t)
	c := NewLineChart([]Series{{Name: "Вес", X: []float64{0, 30, 60}, Y: []float64{80, 78, 76}, Goal: 75}}, "01.01.2026", "02.03.2026")
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(400, 220))
	var dots, lines int
	var lowest, highest float32 = 1e9, -1
	for _, o := range test.WidgetRenderer(c).Objects() {
		switch x := o.(type) {
		case *canvas.Circle:
			dots++
			lowest, highest = min(lowest, x.Position().Y), max(highest, x.Position().Y)
		case *canvas.Line:
			lines++
		}
	}
	if dots != 3 {
		t.Errorf("%d points drawn, want 3", dots)
	}
	if lines < 3 { // two segments and the dashed goal
		t.Errorf("%d lines drawn", lines)
	}
	if !(lowest < highest) {
		t.Error("falling weight is drawn flat")
	}
}
