// Package widgets holds the small custom widgets the tabs share: charts.
package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is one column of a bar chart.
type Bar struct {
	Label string
	Value float64
}

// BarChart draws labelled columns scaled to the largest value, with the
// value above each column.
type BarChart struct {
	widget.BaseWidget
	bars []Bar
}

// NewBarChart makes a chart of bars.
func NewBarChart(bars []Bar) *BarChart {
	c := &BarChart{bars: bars}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars replaces the data and redraws.
func (c *BarChart) SetBars(bars []Bar) {
	c.bars = bars
	c.Refresh()
}

// Bars returns the data shown.
func (c *BarChart) Bars() []Bar { return c.bars }

// CreateRenderer draws the chart.
func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{chart: c}
	r.build()
	return r
}

type barRenderer struct {
	chart   *BarChart
	rects   []*canvas.Rectangle
	labels  []*canvas.Text
	values  []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *barRenderer) build() {
	r.rects, r.labels, r.values, r.objects = nil, nil, nil, nil
	for _, b := range r.chart.bars {
		rect := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		rect.CornerRadius = 2
		label := canvas.NewText(b.Label, theme.Color(theme.ColorNameForeground))
		label.TextSize = theme.CaptionTextSize()
		label.Alignment = fyne.TextAlignCenter
		value := canvas.NewText(formatValue(b.Value), theme.Color(theme.ColorNameForeground))
		value.TextSize = theme.CaptionTextSize()
		value.Alignment = fyne.TextAlignCenter
		r.rects, r.labels, r.values = append(r.rects, rect), append(r.labels, label), append(r.values, value)
		r.objects = append(r.objects, rect, label, value)
	}
}

func formatValue(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprint(int64(v))
	}
	return fmt.Sprintf("%.1f", v)
}

func (r *barRenderer) Layout(size fyne.Size) {
	n := len(r.chart.bars)
	if n == 0 {
		return
	}
	maxV := 0.0
	for _, b := range r.chart.bars {
		maxV = max(maxV, b.Value)
	}
	textH := theme.CaptionTextSize() + 4
	plotH := size.Height - 2*textH
	slot := size.Width / float32(n)
	barW := slot * 0.7
	for i, b := range r.chart.bars {
		h := float32(0)
		if maxV > 0 {
			h = plotH * float32(b.Value/maxV)
		}
		x := slot*float32(i) + (slot-barW)/2
		r.rects[i].Move(fyne.NewPos(x, textH+plotH-h))
		r.rects[i].Resize(fyne.NewSize(barW, h))
		r.values[i].Move(fyne.NewPos(slot*float32(i), textH+plotH-h-textH))
		r.values[i].Resize(fyne.NewSize(slot, textH))
		r.labels[i].Move(fyne.NewPos(slot*float32(i), size.Height-textH))
		r.labels[i].Resize(fyne.NewSize(slot, textH))
	}
}

func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(float32(len(r.chart.bars))*28, 140) }

func (r *barRenderer) Refresh() {
	r.build()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barRenderer) Destroy() {}
