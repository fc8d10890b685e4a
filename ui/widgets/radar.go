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

// Profile is one shape of a radar chart: a value on each axis (0 for none)
// and a name for the legend.
type Profile struct {
	Name   string
	Values []float64
	Color  color.Color // nil: the chart's palette
}

// RadarPalette are the colours profiles take in turn when they bring none.
var RadarPalette = []color.Color{
	color.NRGBA{R: 0x1e, G: 0x88, B: 0xe5, A: 0xff}, color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0xff},
	color.NRGBA{R: 0x43, G: 0xa0, B: 0x47, A: 0xff}, color.NRGBA{R: 0xfb, G: 0x8c, B: 0x00, A: 0xff},
	color.NRGBA{R: 0x8e, G: 0x24, B: 0xaa, A: 0xff}, color.NRGBA{R: 0x00, G: 0x89, B: 0x7b, A: 0xff},
}

// RadarChart draws profiles over axes that spread from the middle like
// spokes, each scaled from 0 in the middle to Max at the rim, with a ring
// at every whole step, the axes' names around and a legend above: several
// candidates' criteria at a glance.
type RadarChart struct {
	widget.BaseWidget
	axes     []string
	max      float64
	profiles []Profile
}

// NewRadarChart makes a chart of axes from 0 to top.
func NewRadarChart(axes []string, top float64, profiles []Profile) *RadarChart {
	c := &RadarChart{axes: axes, max: top, profiles: profiles}
	c.ExtendBaseWidget(c)
	return c
}

// SetProfiles replaces the shapes and redraws.
func (c *RadarChart) SetProfiles(profiles []Profile) {
	c.profiles = profiles
	c.Refresh()
}

// Profiles returns the shapes drawn.
func (c *RadarChart) Profiles() []Profile { return c.profiles }

// CreateRenderer draws the chart.
func (c *RadarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &radarRenderer{chart: c}
	r.Refresh()
	return r
}

type radarRenderer struct {
	chart   *RadarChart
	objects []fyne.CanvasObject
	vertex  [][]fyne.Position // each profile's points, for tests
}

func (r *radarRenderer) MinSize() fyne.Size { return fyne.NewSize(320, 280) }

func (r *radarRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *radarRenderer) Destroy() {}

func (r *radarRenderer) Refresh() {
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// radarFrame is where the chart goes: its middle and the rim's radius.
type radarFrame struct {
	mid    fyne.Position
	radius float32
	n      int
}

// at is the point of value v on axis i.
func (f radarFrame) at(i int, share float64) fyne.Position {
	a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(f.n)
	d := float64(f.radius) * share
	return fyne.NewPos(f.mid.X+float32(d*math.Cos(a)), f.mid.Y+float32(d*math.Sin(a)))
}

// Layout draws the chart anew for size: it is small.
func (r *radarRenderer) Layout(size fyne.Size) {
	r.objects, r.vertex = nil, nil
	c := r.chart
	if len(c.axes) < 3 || c.max <= 0 {
		return
	}
	textH := theme.TextSize() + 6
	legendH := textH + 4
	labelW := r.widestAxis() + 8
	f := radarFrame{n: len(c.axes)}
	f.radius = max(10, min((size.Width-2*labelW)/2, (size.Height-legendH-2*textH)/2))
	f.mid = fyne.NewPos(size.Width/2, legendH+textH+(size.Height-legendH-2*textH)/2)
	r.drawGrid(f)
	for i, p := range c.profiles {
		r.drawProfile(f, p, r.color(i, p))
	}
	r.drawLegend(textH)
}

func (r *radarRenderer) color(i int, p Profile) color.Color {
	if p.Color != nil {
		return p.Color
	}
	return RadarPalette[i%len(RadarPalette)]
}

// text is a name of the chart, in the text's size: the axes and the legend.
func (r *radarRenderer) text(s string, col color.Color) *canvas.Text {
	t := canvas.NewText(s, col)
	t.TextSize = theme.TextSize()
	return t
}

func (r *radarRenderer) widestAxis() float32 {
	w := float32(0)
	for _, a := range r.chart.axes {
		w = max(w, fyne.MeasureText(a, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w
}

// drawGrid draws a ring at every whole step, the spokes, and the axes'
// names beyond the rim.
func (r *radarRenderer) drawGrid(f radarFrame) {
	grid := theme.Color(theme.ColorNameSeparator)
	steps := int(math.Ceil(r.chart.max))
	for s := 1; s <= steps; s++ {
		share := math.Min(1, float64(s)/r.chart.max)
		for i := 0; i < f.n; i++ {
			r.line(f.at(i, share), f.at((i+1)%f.n, share), grid, 1)
		}
	}
	fg := theme.Color(theme.ColorNameForeground)
	for i, name := range r.chart.axes {
		r.line(f.mid, f.at(i, 1), grid, 1)
		t := r.text(name, fg)
		sz := t.MinSize()
		p := f.at(i, 1)
		dx := float64(p.X - f.mid.X)
		switch {
		case math.Abs(dx) < 1:
			p.X -= sz.Width / 2
		case dx < 0:
			p.X -= sz.Width + 4
		default:
			p.X += 4
		}
		if p.Y < f.mid.Y-1 {
			p.Y -= sz.Height + theme.CaptionTextSize()/2 + 2
		}
		t.Move(p)
		r.objects = append(r.objects, t)
	}
	for s := 1; s <= steps; s++ { // the scale beside the first spoke
		t := r.text(strconv.Itoa(s), theme.Color(theme.ColorNamePlaceHolder))
		t.TextSize = theme.CaptionTextSize()
		p := f.at(0, math.Min(1, float64(s)/r.chart.max))
		sz := t.MinSize()
		t.Move(fyne.NewPos(p.X-sz.Width-4, p.Y-sz.Height/2))
		r.objects = append(r.objects, t)
	}
}

// drawProfile joins a profile's points round the axes, with a dot at each
// value given.
func (r *radarRenderer) drawProfile(f radarFrame, p Profile, col color.Color) {
	pts := make([]fyne.Position, f.n)
	for i := 0; i < f.n; i++ {
		v := 0.0
		if i < len(p.Values) {
			v = math.Max(0, math.Min(p.Values[i], r.chart.max))
		}
		pts[i] = f.at(i, v/r.chart.max)
	}
	for i := range pts {
		r.line(pts[i], pts[(i+1)%f.n], col, 2)
	}
	for i, pt := range pts {
		if i < len(p.Values) && p.Values[i] > 0 {
			dot := canvas.NewCircle(col)
			dot.Move(pt.SubtractXY(3, 3))
			dot.Resize(fyne.NewSize(6, 6))
			r.objects = append(r.objects, dot)
		}
	}
	r.vertex = append(r.vertex, pts)
}

// drawLegend writes each profile's name in its colour along the top.
func (r *radarRenderer) drawLegend(textH float32) {
	x := float32(0)
	for i, p := range r.chart.profiles {
		col := r.color(i, p)
		box := canvas.NewRectangle(col)
		box.Move(fyne.NewPos(x, textH/2-4))
		box.Resize(fyne.NewSize(10, 8))
		t := r.text(p.Name, col)
		t.TextStyle.Bold = true
		t.Move(fyne.NewPos(x+14, 0))
		r.objects = append(r.objects, box, t)
		x += 14 + t.MinSize().Width + 16
	}
}

func (r *radarRenderer) line(a, b fyne.Position, col color.Color, width float32) {
	l := canvas.NewLine(col)
	l.StrokeWidth = width
	l.Position1, l.Position2 = a, b
	r.objects = append(r.objects, l)
}
