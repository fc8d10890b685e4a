package quality

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/widgets"
)

// ratingColour draws the rating apart from the NPS, which has the
// primary colour.
var ratingColour = color.NRGBA{R: 0xe0, G: 0x8a, B: 0x1e, A: 0xff}

// trend is a staff member's NPS and average rating month by month.
type trend struct {
	data   scoresData
	staff  []model.Staff
	chosen uint
	pick   *widget.Select
	chart  *widgets.LineChart
	note   *widget.Label
	root   fyne.CanvasObject
}

func newTrend(w fyne.Window) *trend {
	tr := &trend{chart: widgets.NewLineChart(nil, "", ""), note: hint("quality.trend.none")}
	tr.pick = widget.NewSelect(nil, func(string) {
		if i := tr.pick.SelectedIndex(); i >= 0 && i < len(tr.staff) {
			tr.chosen = tr.staff[i].ID
			tr.draw()
		}
	})
	tr.pick.PlaceHolder = i18n.T("quality.trend.pick")
	tr.chart.Format = func(v float64) string { return i18n.LocalDecimal(strconv.FormatFloat(v, 'f', -1, 64)) }
	top := container.NewVBox(heading(i18n.T("quality.trend")), tr.pick)
	tr.root = container.NewBorder(top, tr.note, nil, nil, tr.chart)
	return tr
}

// show takes the months read and draws the chosen staff member's.
func (tr *trend) show(d scoresData) {
	tr.data = d
	tr.staff = tr.staff[:0]
	var names []string
	for _, st := range d.staff {
		if st.Active || st.ID == tr.chosen {
			tr.staff = append(tr.staff, st)
			names = append(names, st.Name)
		}
	}
	tr.pick.Options = names
	tr.pick.Refresh()
	tr.draw()
}

// choose shows the trend of staff member id.
func (tr *trend) choose(id uint) {
	tr.chosen = id
	tr.draw()
}

func (tr *trend) draw() {
	at := -1
	for i, st := range tr.staff {
		if st.ID == tr.chosen {
			at = i
		}
	}
	if at < 0 || len(tr.data.months) == 0 {
		tr.chart.SetSeries(nil, "", "")
		tr.note.SetText(i18n.T("quality.trend.none"))
		return
	}
	if tr.pick.SelectedIndex() != at {
		tr.pick.SetSelectedIndex(at)
	}
	nps := widgets.Series{Name: i18n.T("quality.col.nps"), Color: theme.Color(theme.ColorNamePrimary)}
	rating := widgets.Series{Name: i18n.T("quality.col.rating"), Color: ratingColour}
	lo, hi := -1, -1 // the months with a figure: the ends of the x axis
	for i, m := range tr.data.byStaff {
		sc := m[tr.chosen]
		if sc.NPS.Known() {
			nps.X, nps.Y = append(nps.X, float64(i)), append(nps.Y, sc.NPS.Value)
		}
		if sc.Rating.Known() {
			rating.X, rating.Y = append(rating.X, float64(i)), append(rating.Y, sc.Rating.Value)
		}
		if !sc.NPS.Known() && !sc.Rating.Known() {
			continue
		}
		if lo < 0 {
			lo = i
		}
		hi = i
	}
	if lo < 0 {
		tr.chart.SetSeries(nil, "", "")
		tr.note.SetText(i18n.T("quality.trend.empty"))
		return
	}
	name := func(m model.Date) string { return i18n.MonthShort(int(m.Month()), m.Year()) }
	tr.chart.SetSeries([]widgets.Series{nps, rating}, name(tr.data.months[lo]), name(tr.data.months[hi]))
	tr.note.SetText(i18n.T("quality.trend.note", map[string]any{"N": trendMonths}))
}
