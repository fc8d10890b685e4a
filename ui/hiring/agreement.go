package hiring

import (
	"context"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// How an intraclass correlation reads (Koo and Li, 2016): below .5 poor,
// .5 to .75 moderate, .75 to .9 good, above excellent. They only word the
// figure; no rule of the salon's depends on them.
const (
	iccModerate  = 0.5
	iccGood      = 0.75
	iccExcellent = 0.9
)

// agreementPage tells how far two interviewers agree over the candidates
// both assessed: the intraclass correlation with the number of candidates
// behind it, and that it is too few when it is.
type agreementPage struct {
	t      *Tab
	a, b   *widget.Select
	result *widget.Label
	root   fyne.CanvasObject
}

func newAgreementPage(t *Tab) *agreementPage {
	p := &agreementPage{t: t, result: wrapped("")}
	p.result.TextStyle.Bold = true
	p.a = kit.NewSelect(nil, func(string) { p.count() })
	p.b = kit.NewSelect(nil, func(string) { p.count() })
	rows := kit.FieldGrid(kit.NewField("a", i18n.T("hiring.agree.a"), p.a), kit.NewField("b", i18n.T("hiring.agree.b"), p.b))
	p.root = container.NewVScroll(container.NewPadded(container.NewVBox(
		subheading(i18n.T("hiring.page.agreement")), quiet(i18n.T("hiring.agree.intro")), rows, p.result)))
	return p
}

func (p *agreementPage) content() fyne.CanvasObject { return p.root }

// refresh reads who has interviewed: the names on the forms.
func (p *agreementPage) refresh(ctx context.Context) {
	who := interviewer()
	kit.Background(func() {
		names, err := interviewers(ctx, p.t.s, who)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			a, b := p.a.Selected, p.b.Selected
			p.a.SetOptions(names)
			p.b.SetOptions(names)
			p.a.Selected, p.b.Selected = a, b
			p.a.Refresh()
			p.b.Refresh()
			if len(names) < 2 {
				p.result.SetText(i18n.T("hiring.agree.alone"))
				return
			}
			p.count()
		})
	})
}

// interviewers are the names on the forms of every candidate, in order,
// as who may see them.
func interviewers(ctx context.Context, s Store, who string) ([]string, error) {
	cands, err := s.Candidates(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range cands {
		forms, err := s.Forms(ctx, c.ID, who)
		if err != nil {
			return nil, err
		}
		for _, f := range forms {
			if !seen[f.Interviewer] {
				seen[f.Interviewer] = true
				out = append(out, f.Interviewer)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// count asks the store how far the two chosen agree.
func (p *agreementPage) count() {
	a, b := p.a.Selected, p.b.Selected
	if a == "" || b == "" || a == b {
		p.result.SetText(i18n.T("hiring.agree.pick"))
		return
	}
	kit.Background(func() {
		icc, n, ok, err := p.t.s.Agreement(context.Background(), a, b)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			if a == p.a.Selected && b == p.b.Selected {
				p.result.SetText(agreementText(icc, n, ok))
			}
		})
	})
}

// agreementText words the agreement over n candidates.
func agreementText(icc float64, n int, ok bool) string {
	switch {
	case n < hiring.MinRated:
		return i18n.T("hiring.agree.few", map[string]any{"N": n, "Min": hiring.MinRated})
	case !ok:
		return i18n.T("hiring.agree.flat", map[string]any{"N": n})
	}
	level := "hiring.agree.poor"
	switch {
	case icc >= iccExcellent:
		level = "hiring.agree.excellent"
	case icc >= iccGood:
		level = "hiring.agree.good"
	case icc >= iccModerate:
		level = "hiring.agree.moderate"
	}
	return i18n.T("hiring.agree.result", map[string]any{"ICC": decimal2(icc), "N": n, "Level": i18n.T(level)})
}
