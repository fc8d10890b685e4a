package widgets

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Series is one line of a line chart: values at points along the x axis
// (days, say), and an optional goal drawn as a dashed level.
type Series struct {
	Name      string
	X         []float64
	Y         []float64
	Goal      float64 // 0: no goal line
	GoalLabel string  // written over the goal line: «цель 65 кг»
	Color     color.Color
}

// LineChart draws series over a shared x axis, each scaled to its own
// range, with the first and last x labels below. The first series has its
// value axis on the left, the second on the right, each in its colour.
type LineChart struct {
	widget.BaseWidget
	series        []Series
	firstX, lastX string
	// Format writes a value of an axis, in the language's way; nil writes
	// it with a point.
	Format func(float64) string
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

// plotArea is where the lines go within the chart: left of the right
// axis, right of the left one, between the names and the x labels.
type plotArea struct {
	left, top, width, height float32
	minX, maxX               float64
}

// Layout rebuilds the lines for size: a chart is small, so it is drawn anew.
func (r *lineRenderer) Layout(size fyne.Size) {
	r.objects = nil
	textH := theme.CaptionTextSize() + 4
	axisW := r.axisWidth()
	area := plotArea{left: axisW[0], top: textH, width: size.Width - axisW[0] - axisW[1], height: size.Height - 2*textH,
		minX: math.Inf(1), maxX: math.Inf(-1)}
	for _, s := range r.chart.series {
		for _, x := range s.X {
			area.minX, area.maxX = math.Min(area.minX, x), math.Max(area.maxX, x)
		}
	}
	if area.maxX <= area.minX {
		area.maxX = area.minX + 1
	}
	for i, s := range r.chart.series {
		r.drawSeries(s, area, i)
	}
	first := r.text(r.chart.firstX, theme.Color(theme.ColorNamePlaceHolder))
	first.Move(fyne.NewPos(area.left, size.Height-textH))
	last := r.text(r.chart.lastX, theme.Color(theme.ColorNamePlaceHolder))
	last.Move(fyne.NewPos(area.left+area.width-r.textWidth(r.chart.lastX), size.Height-textH))
	r.objects = append(r.objects, first, last)
}

func (r *lineRenderer) text(s string, col color.Color) *canvas.Text {
	t := canvas.NewText(s, col)
	t.TextSize = theme.CaptionTextSize()
	return t
}

func (r *lineRenderer) textWidth(s string) float32 {
	return fyne.MeasureText(s, theme.CaptionTextSize(), fyne.TextStyle{}).Width
}

// axisWidth is the room the left and the right value axes take.
func (r *lineRenderer) axisWidth() [2]float32 {
	var out [2]float32
	for i, s := range r.chart.series {
		if i > 1 || len(s.Y) == 0 {
			continue
		}
		lo, hi := valueRange(s)
		for _, v := range ticks(lo, hi) {
			out[i] = max(out[i], r.textWidth(r.format(v))+6)
		}
	}
	return out
}

func (r *lineRenderer) format(v float64) string {
	if r.chart.Format != nil {
		return r.chart.Format(v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// valueRange is the span of a series' values and goal, padded a little.
func valueRange(s Series) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, y := range s.Y {
		lo, hi = math.Min(lo, y), math.Max(hi, y)
	}
	if s.Goal > 0 {
		lo, hi = math.Min(lo, s.Goal), math.Max(hi, s.Goal)
	}
	pad := math.Max((hi-lo)*0.1, 1)
	return lo - pad, hi + pad
}

// ticks are round values within lo…hi, three to six of them.
func ticks(lo, hi float64) []float64 {
	step := math.Pow(10, math.Floor(math.Log10((hi-lo)/3)))
	for _, m := range []float64{1, 2, 5, 10} {
		if (hi-lo)/(step*m) <= 5 {
			step *= m
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	return out
}

func (r *lineRenderer) drawSeries(s Series, a plotArea, index int) {
	if len(s.Y) == 0 {
		return
	}
	minY, maxY := valueRange(s)
	pos := func(x, y float64) fyne.Position {
		return fyne.NewPos(a.left+float32((x-a.minX)/(a.maxX-a.minX))*(a.width-8)+4,
			a.top+a.height-float32((y-minY)/(maxY-minY))*a.height)
	}
	col := s.Color
	if col == nil {
		col = theme.Color(theme.ColorNamePrimary)
	}
	if index < 2 {
		r.drawAxis(a, index, col, minY, maxY, func(y float64) float32 { return pos(a.minX, y).Y })
	}
	if s.Goal > 0 {
		r.drawGoal(s, a, col, pos(a.minX, s.Goal).Y)
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
	name := r.text(s.Name, col)
	name.TextStyle.Bold = true
	name.Move(fyne.NewPos(a.left+4+float32(index)*140, 0))
	r.objects = append(r.objects, name)
}

// drawAxis writes the round values of a series beside the plot: on the
// left for the first series, with faint lines across; on the right for
// the second.
func (r *lineRenderer) drawAxis(a plotArea, index int, col color.Color, minY, maxY float64, y func(float64) float32) {
	for _, v := range ticks(minY, maxY) {
		label := r.text(r.format(v), col)
		h := label.MinSize().Height
		x := a.left - r.textWidth(label.Text) - 4
		if index == 1 {
			x = a.left + a.width + 4
		} else {
			grid := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
			grid.StrokeWidth = 1
			grid.Position1, grid.Position2 = fyne.NewPos(a.left, y(v)), fyne.NewPos(a.left+a.width, y(v))
			r.objects = append(r.objects, grid)
		}
		label.Move(fyne.NewPos(x, y(v)-h/2))
		r.objects = append(r.objects, label)
	}
}

// drawGoal draws the goal as a dashed level with its label over its start.
func (r *lineRenderer) drawGoal(s Series, a plotArea, col color.Color, y float32) {
	for x := a.left; x < a.left+a.width; x += 12 {
		l := canvas.NewLine(col)
		l.StrokeWidth = 1
		l.Position1, l.Position2 = fyne.NewPos(x, y), fyne.NewPos(min(x+6, a.left+a.width), y)
		r.objects = append(r.objects, l)
	}
	if s.GoalLabel == "" {
		return
	}
	label := r.text(s.GoalLabel, col)
	label.TextStyle.Italic = true
	h := label.MinSize().Height
	label.Move(fyne.NewPos(a.left+4, max(y-h, a.top))) // the oldest values are furthest from the goal
	r.objects = append(r.objects, label)
}
