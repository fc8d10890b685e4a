package hiring

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// compared is a candidate as the comparison shows one: the mean of each
// criterion over the sent forms, and the mean of their weighted totals.
type compared struct {
	c     hiring.Candidate
	means map[string]float64 // 0 for a criterion nobody scored
	total float64
	forms int
}

// comparePage shows candidates side by side, criterion by criterion, with
// their profiles on a radar chart.
type comparePage struct {
	t      *Tab
	all    []compared
	chosen map[uint]bool
	pass   float64
	picks  *fyne.Container
	radar  *widgets.RadarChart
	table  *fyne.Container
	root   fyne.CanvasObject
}

// compareFirst is how many candidates the comparison shows until the
// person picks others.
const compareFirst = 3

func newComparePage(t *Tab) *comparePage {
	p := &comparePage{t: t, chosen: map[uint]bool{}, picks: container.NewVBox(), table: container.NewVBox()}
	p.radar = widgets.NewRadarChart(names("hiring.criterion.", hiring.Criteria), 5, nil)
	left := container.NewBorder(container.NewVBox(heading(i18n.T("hiring.compare.pick")), quiet(i18n.T("hiring.compare.hint"))),
		nil, nil, nil, container.NewVScroll(p.picks))
	right := container.NewVSplit(p.radar, container.NewVScroll(container.NewPadded(p.table)))
	right.Offset = 0.55
	split := container.NewHSplit(container.NewPadded(left), right)
	split.Offset = 0.25
	p.root = split
	return p
}

func (p *comparePage) content() fyne.CanvasObject { return p.root }

// refresh reads every candidate's sent forms.
func (p *comparePage) refresh(ctx context.Context) {
	who := interviewer()
	kit.Background(func() {
		all, pass, err := readCompared(ctx, p.t.s, who)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			p.all, p.pass = all, pass
			if len(p.chosen) == 0 {
				for i, c := range all {
					p.chosen[c.c.ID] = i < compareFirst
				}
			}
			p.show()
		})
	})
}

// readCompared gathers the candidates with sent forms the interviewer may
// see.
func readCompared(ctx context.Context, s Store, who string) ([]compared, float64, error) {
	weights, pass, err := s.InterviewSettings(ctx)
	if err != nil {
		return nil, 0, err
	}
	cands, err := s.Candidates(ctx)
	if err != nil {
		return nil, 0, err
	}
	var out []compared
	for _, c := range cands {
		forms, err := s.Forms(ctx, c.ID, who)
		if err != nil {
			return nil, 0, err
		}
		if cp, ok := compare(c, forms, weights); ok {
			out = append(out, cp)
		}
	}
	return out, pass, nil
}

// compare averages a candidate's sent forms; ok is false without one.
func compare(c hiring.Candidate, forms []hiring.Form, weights map[string]int) (compared, bool) {
	cp := compared{c: c, means: map[string]float64{}}
	sums, counts := map[string]int{}, map[string]int{}
	totals := 0.0
	for _, f := range forms {
		t, ok := hiring.Weighted(f.ScoreMap(), weights)
		if !f.Submitted || !ok {
			continue
		}
		cp.forms++
		totals += t
		for crit, s := range f.ScoreMap() {
			if s > 0 {
				sums[crit], counts[crit] = sums[crit]+s, counts[crit]+1
			}
		}
	}
	if cp.forms == 0 {
		return cp, false
	}
	for crit, n := range counts {
		cp.means[crit] = float64(sums[crit]) / float64(n)
	}
	cp.total = totals / float64(cp.forms)
	return cp, true
}

// show draws the picks, the radar and the table of the chosen.
func (p *comparePage) show() {
	p.picks.Objects = nil
	var chosen []compared
	for _, cp := range p.all {
		id := cp.c.ID
		ch := widget.NewCheck(cp.c.Name, func(on bool) { p.chosen[id] = on; p.show() })
		ch.Checked = p.chosen[id]
		p.picks.Add(ch)
		if p.chosen[id] {
			chosen = append(chosen, cp)
		}
	}
	if len(p.all) == 0 {
		p.picks.Add(quiet(i18n.T("hiring.compare.none")))
	}
	p.picks.Refresh()
	profiles := make([]widgets.Profile, len(chosen))
	for i, cp := range chosen {
		vals := make([]float64, len(hiring.Criteria))
		for j, c := range hiring.Criteria {
			vals[j] = cp.means[c]
		}
		profiles[i] = widgets.Profile{Name: cp.c.Name, Values: vals}
	}
	p.radar.SetProfiles(profiles)
	p.table.Objects = []fyne.CanvasObject{p.grid(chosen)}
	p.table.Refresh()
}

// grid is the chosen candidates' column each: the criteria's means, the
// total, the recommendation and the forms behind them.
func (p *comparePage) grid(chosen []compared) fyne.CanvasObject {
	if len(chosen) == 0 {
		return quiet(i18n.T("hiring.compare.choose"))
	}
	cells := []fyne.CanvasObject{heading(i18n.T("hiring.others.criterion"))}
	for _, cp := range chosen {
		cells = append(cells, heading(cp.c.Name))
	}
	row := func(title fyne.CanvasObject, value func(compared) string) {
		cells = append(cells, title)
		for _, cp := range chosen {
			cells = append(cells, wrapped(value(cp)))
		}
	}
	for _, c := range hiring.Criteria {
		row(widget.NewLabel(criterionName(c)), func(cp compared) string {
			if cp.means[c] == 0 {
				return "—"
			}
			return decimal2(cp.means[c])
		})
	}
	row(heading(i18n.T("hiring.others.total")), func(cp compared) string { return decimal2(cp.total) })
	row(heading(i18n.T("hiring.compare.rec")), func(cp compared) string { return recName(hiring.Recommend(cp.total, p.pass)) })
	row(widget.NewLabel(i18n.T("hiring.compare.forms")), func(cp compared) string {
		return i18n.T("hiring.compare.forms_n", map[string]any{"N": cp.forms})
	})
	return container.NewGridWithColumns(len(chosen)+1, cells...)
}
