package quality

import (
	"context"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// trendMonths is how many months the trend chart shows, the month chosen
// last.
const trendMonths = 6

// scoreRow is one staff member's or service's line of the scores.
type scoreRow struct {
	id   uint
	name string
	rank int // 1 for the best; 0 for a row not ranked (too few answers)
	sc   model.Score
}

// sortKeys are the figures the scores may be ordered by.
var sortKeys = []struct {
	key string
	of  func(model.Score) model.Figure
}{
	{"quality.sort.rating", func(s model.Score) model.Figure { return s.Rating }},
	{"quality.sort.nps", func(s model.Score) model.Figure { return s.NPS }},
	{"quality.sort.kept", func(s model.Score) model.Figure { return s.Kept }},
}

// rankRows orders rows by the figure of: those with enough answers to
// compare first, the best first and numbered; then the others by name,
// never ranked.
func rankRows(rows []scoreRow, of func(model.Score) model.Figure) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := of(rows[i].sc), of(rows[j].sc)
		if a.Enough() != b.Enough() {
			return a.Enough()
		}
		if a.Enough() && a.Value != b.Value {
			return a.Value > b.Value
		}
		return rows[i].name < rows[j].name
	})
	for i := range rows {
		rows[i].rank = 0
		if of(rows[i].sc).Enough() {
			rows[i].rank = i + 1
		}
	}
}

// scoresPage is a month's scores per staff member and per service, and a
// staff member's trend over the months before.
type scoresPage struct {
	p        *Pages
	months   []model.Date
	month    *widget.Select
	order    *widget.Select
	staff    []scoreRow
	services []scoreRow
	staffT   *widget.Table
	servT    *widget.Table
	trend    *trend
	seq      int
	root     fyne.CanvasObject
}

func newScoresPage(p *Pages) *scoresPage {
	sp := &scoresPage{p: p, months: recentMonths(p.s.Today(), pickMonths)}
	sp.month = widget.NewSelect(monthNames(sp.months), nil)
	sp.month.SetSelectedIndex(0)
	sp.month.OnChanged = func(string) { sp.refresh(context.Background()) }
	var orders []string
	for _, k := range sortKeys {
		orders = append(orders, i18n.T(k.key))
	}
	sp.order = widget.NewSelect(orders, nil)
	sp.order.SetSelectedIndex(0)
	sp.order.OnChanged = func(string) { sp.reorder() }
	sp.staffT = scoreTable(i18n.T("quality.col.staff"), &sp.staff)
	sp.servT = scoreTable(i18n.T("quality.col.service"), &sp.services)
	sp.staffT.OnSelected = func(id widget.TableCellID) {
		sp.staffT.UnselectAll()
		if id.Row >= 0 && id.Row < len(sp.staff) {
			sp.trend.choose(sp.staff[id.Row].id)
		}
	}
	sp.trend = newTrend(p.w)
	controls := container.NewHBox(widget.NewLabel(i18n.T("quality.month")),
		container.NewGridWrap(fyne.NewSize(200, sp.month.MinSize().Height), sp.month),
		widget.NewLabel(i18n.T("quality.order")), container.NewGridWrap(fyne.NewSize(200, sp.order.MinSize().Height), sp.order))
	note := kit.Wrapped(i18n.T("quality.scores.note", map[string]any{"N": model.MinAnswers}))
	note.Importance = widget.LowImportance
	tables := container.NewVSplit(container.NewBorder(heading(i18n.T("quality.scores.staff")), nil, nil, nil, sp.staffT),
		container.NewBorder(heading(i18n.T("quality.scores.services")), nil, nil, nil, sp.servT))
	split := container.NewHSplit(tables, sp.trend.root)
	split.Offset = 0.7
	sp.root = container.NewPadded(container.NewBorder(controls, note, nil, nil, split))
	return sp
}

func (sp *scoresPage) content() fyne.CanvasObject { return sp.root }

// scoresData is what the page reads: the scores of the trend's months,
// the month chosen last, and the names.
type scoresData struct {
	months    []model.Date
	byStaff   []map[uint]model.Score
	byService map[uint]model.Score
	staff     []model.Staff
	services  []model.Service
}

func (sp *scoresPage) refresh(ctx context.Context) {
	sp.seq++
	seq := sp.seq
	month := sp.months[max(0, sp.month.SelectedIndex())]
	kit.Background(func() {
		d, err := sp.read(ctx, month)
		fyne.Do(func() {
			if seq != sp.seq {
				return
			}
			if err != nil {
				kit.ShowError(err, sp.p.w)
				return
			}
			sp.show(d)
		})
	})
}

func (sp *scoresPage) read(ctx context.Context, month model.Date) (scoresData, error) {
	d := scoresData{}
	for i := trendMonths - 1; i >= 0; i-- {
		m := month
		for range i {
			m = model.MonthOf(m.AddDays(-1))
		}
		byStaff, byService, err := sp.p.s.QualityScores(ctx, m)
		if err != nil {
			return d, err
		}
		d.months, d.byStaff, d.byService = append(d.months, m), append(d.byStaff, byStaff), byService
	}
	var err error
	if d.staff, err = sp.p.s.AllStaff(ctx); err == nil {
		d.services, err = sp.p.s.Services(ctx)
	}
	return d, err
}

func (sp *scoresPage) show(d scoresData) {
	last := d.byStaff[len(d.byStaff)-1]
	sp.staff = sp.staff[:0]
	for _, st := range d.staff {
		if sc, ok := last[st.ID]; ok || st.Active {
			sp.staff = append(sp.staff, scoreRow{id: st.ID, name: st.Name, sc: sc})
		}
	}
	sp.services = sp.services[:0]
	for _, sv := range d.services {
		if sc, ok := d.byService[sv.ID]; ok {
			sp.services = append(sp.services, scoreRow{id: sv.ID, name: sv.Name, sc: sc})
		}
	}
	sp.reorder()
	sp.trend.show(d)
}

// reorder sorts both tables by the figure chosen.
func (sp *scoresPage) reorder() {
	of := sortKeys[max(0, sp.order.SelectedIndex())].of
	rankRows(sp.staff, of)
	rankRows(sp.services, of)
	sp.staffT.Refresh()
	sp.servT.Refresh()
}

// scoreColumns are the columns after the name: their titles, widths and
// what each cell shows.
var scoreColumns = []struct {
	key   string
	width float32
	text  func(model.Score) string
}{
	{"quality.col.rating", 140, func(s model.Score) string { return figureText(s.Rating, ratingText) }},
	{"quality.col.complaints", 85, func(s model.Score) string { return strconv.Itoa(s.Complaints) }},
	{"quality.col.thanks", 130, func(s model.Score) string { return strconv.Itoa(s.Thanks) }},
	{"quality.col.kept", 115, func(s model.Score) string { return figureText(s.Kept, percentText) }},
	{"quality.col.nps", 140, func(s model.Score) string { return figureText(s.NPS, npsText) }},
}

// scoreTable is a table of rows under the name column title.
func scoreTable(title string, rows *[]scoreRow) *widget.Table {
	t := widget.NewTableWithHeaders(func() (int, int) { return len(*rows), len(scoreColumns) + 1 },
		func() fyne.CanvasObject { return truncLabel(false) },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l, r := o.(*widget.Label), (*rows)[id.Row]
			if id.Col == 0 {
				l.SetText(r.name)
				if r.rank > 0 {
					l.SetText(strconv.Itoa(r.rank) + ". " + r.name)
				}
				return
			}
			l.SetText(scoreColumns[id.Col-1].text(r.sc))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return truncLabel(true) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col == 0 {
			o.(*widget.Label).SetText(title)
		} else if id.Col > 0 {
			o.(*widget.Label).SetText(i18n.T(scoreColumns[id.Col-1].key))
		}
	}
	t.SetColumnWidth(0, 220)
	for i, c := range scoreColumns {
		t.SetColumnWidth(i+1, c.width)
	}
	return t
}
