package widgets

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestRadarPutsEachValueOnItsSpokeAtItsShareOfTheRim(t *testing.T) {
	test.NewTempApp(t)
	axes := []string{"Знания", "Общение", "Позитив", "Порядок", "Стресс", "Ответственность"}
	c := NewRadarChart(axes, 5, []Profile{{Name: "Кузнецова", Values: []float64{5, 4, 3, 2, 1, 5}}, {Name: "Орлова", Values: []float64{3, 0, 3, 3, 3, 3}}})
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(480, 400))
	r := test.WidgetRenderer(c).(*radarRenderer)
	if len(r.vertex) != 2 || len(r.vertex[0]) != len(axes) {
		t.Fatalf("drawn %d profiles of %v points", len(r.vertex), r.vertex)
	}
	mid := r.vertex[1][1] // Орлова has no value of «Общение»: the middle
	dist := func(p fyne.Position) float64 { return math.Hypot(float64(p.X-mid.X), float64(p.Y-mid.Y)) }
	rim := dist(r.vertex[0][0])
	for i, want := range []float64{1, 0.8, 0.6, 0.4, 0.2, 1} {
		if got := dist(r.vertex[0][i]) / rim; math.Abs(got-want) > 0.01 {
			t.Errorf("%s: %.2f of the rim, want %.2f", axes[i], got, want)
		}
	}
	if r.vertex[0][0].Y >= mid.Y || math.Abs(float64(r.vertex[0][0].X-mid.X)) > 0.5 {
		t.Errorf("the first axis does not point up: %v from %v", r.vertex[0][0], mid)
	}
	var names, dots int
	for _, o := range r.Objects() {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text == "Ответственность" || x.Text == "Кузнецова" {
				names++
			}
		case *canvas.Circle:
			dots++
		}
	}
	if names != 2 || dots != 11 {
		t.Errorf("%d of the axis and legend names, %d dots (want 2, 11)", names, dots)
	}
	c.SetProfiles(nil)
	if r := test.WidgetRenderer(c).(*radarRenderer); len(r.vertex) != 0 {
		t.Error("the profiles stay after they were taken away")
	}
}
