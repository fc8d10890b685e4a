package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Series is one line of a line chart: values at points along the x axis
// (days, say), and an optional goal drawn as a dashed level.
type Series struct {
	Name  string
	X     []float64
	Y     []float64
	Goal  float64 // 0: no goal line
	Color color.Color
}

// LineChart draws series over a shared x axis, each scaled to its own
// range, with the first and last x labels below.
type LineChart struct {
	widget.BaseWidget
	series        []Series
	firstX, lastX string
}

// NewLineChart makes a chart; firstX and lastX label the ends of the x axis.
func NewLineChart(series []Series, firstX, lastX string) *LineChart {
	c := &LineChart{series: series, firstX: firstX, lastX: lastX}
	c.ExtendBaseWidget(c)
	return c
}

// SetSeries replaces the data and redraws.
func (c *LineChart) SetSeries(series []Series, firstX, lastX string) {
	c.series, c.firstX, c.lastX = series, firstX, lastX
	c.Refresh()
}

// Series returns the data shown.
func (c *LineChart) Series() []Series { return c.series }

// CreateRenderer draws the chart.
func (c *LineChart) CreateRenderer() fyne.WidgetRenderer {
	r := &lineRenderer{chart: c}
	r.Refresh()
	return r
}

type lineRenderer struct {
	chart   *LineChart
	objects []fyne.CanvasObject
}

func (r *lineRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 160) }

func (r *lineRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *lineRenderer) Destroy() {}

func (r *lineRenderer) Refresh() {
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Layout rebuilds the lines for size: a chart is small, so it is drawn anew.
func (r *lineRenderer) Layout(size fyne.Size) {
	r.objects = nil
	textH := theme.CaptionTextSize() + 4
	plot := fyne.NewSize(size.Width, size.Height-2*textH)
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, s := range r.chart.series {
		for _, x := range s.X {
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		}
	}
	if maxX <= minX {
		maxX = minX + 1
	}
	for i, s := range r.chart.series {
		r.drawSeries(s, plot, textH, minX, maxX, i)
	}
	first := canvas.NewText(r.chart.firstX, theme.Color(theme.ColorNamePlaceHolder))
	first.TextSize = theme.CaptionTextSize()
	first.Move(fyne.NewPos(0, size.Height-textH))
	last := canvas.NewText(r.chart.lastX, theme.Color(theme.ColorNamePlaceHolder))
	last.TextSize = theme.CaptionTextSize()
	last.Alignment = fyne.TextAlignTrailing
	last.Move(fyne.NewPos(size.Width-fyne.MeasureText(r.chart.lastX, last.TextSize, last.TextStyle).Width, size.Height-textH))
	r.objects = append(r.objects, first, last)
}

func (r *lineRenderer) drawSeries(s Series, plot fyne.Size, top float32, minX, maxX float64, index int) {
	if len(s.Y) == 0 {
		return
	}
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, y := range s.Y {
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	if s.Goal > 0 {
		minY, maxY = math.Min(minY, s.Goal), math.Max(maxY, s.Goal)
	}
	pad := math.Max((maxY-minY)*0.1, 1)
	minY, maxY = minY-pad, maxY+pad
	pos := func(x, y float64) fyne.Position {
		return fyne.NewPos(float32((x-minX)/(maxX-minX))*(plot.Width-8)+4,
			top+plot.Height-float32((y-minY)/(maxY-minY))*plot.Height)
	}
	col := s.Color
	if col == nil {
		col = theme.Color(theme.ColorNamePrimary)
	}
	if s.Goal > 0 {
		for x := float32(0); x < plot.Width; x += 12 {
			l := canvas.NewLine(col)
			l.StrokeWidth = 1
			y := pos(minX, s.Goal).Y
			l.Position1, l.Position2 = fyne.NewPos(x, y), fyne.NewPos(min(x+6, plot.Width), y)
			r.objects = append(r.objects, l)
		}
	}
	for i := range s.Y {
		p := pos(s.X[i], s.Y[i])
		if i > 0 {
			l := canvas.NewLine(col)
			l.StrokeWidth = 2
			l.Position1, l.Position2 = pos(s.X[i-1], s.Y[i-1]), p
			r.objects = append(r.objects, l)
		}
		dot := canvas.NewCircle(col)
		dot.Move(p.SubtractXY(3, 3))
		dot.Resize(fyne.NewSize(6, 6))
		r.objects = append(r.objects, dot)
	}
	name := canvas.NewText(s.Name, col)
	name.TextSize = theme.CaptionTextSize()
	name.TextStyle.Bold = true
	name.Move(fyne.NewPos(4+float32(index)*140, 0))
	r.objects = append(r.objects, name)
}
