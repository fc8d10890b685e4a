package hiring

import (
	"context"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// planData is what the development plans page and its form read: the
// plans, the staff, the competencies of the profile, the pass threshold
// and the forms of the candidates who are (or became) staff.
type planData struct {
	plans   []hiring.DevPlan
	staff   []model.Staff
	comps   []hiring.Competency
	weights map[string]int
	pass    float64
	forms   map[uint][]hiring.Form // by staff member
	byForm  map[uint]hiring.Form
}

// plansPage lists the staff's development plans with the one picked open
// beside the list.
type plansPage struct {
	t      *Tab
	d      *planData
	list   *widget.List
	empty  kit.EmptyNote
	editor *fyne.Container
	open   *planForm
	root   fyne.CanvasObject
}

func newPlansPage(t *Tab) *plansPage {
	p := &plansPage{t: t, editor: container.NewStack(quiet(i18n.T("hiring.plans.pick")))}
	p.list = widget.NewList(func() int { return p.count() }, newCandidateRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		pl := p.d.plans[i]
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(p.staffName(pl.StaffID) + " · " + pl.Title)
		box.Objects[1].(*widget.Label).SetText(planState(pl))
	})
	p.list.OnSelected = func(i widget.ListItemID) { p.edit(p.d.plans[i]) }
	p.empty = kit.NewEmptyNote(i18n.T("hiring.plans.empty"))
	add := widget.NewButtonWithIcon(i18n.T("hiring.plans.new"), theme.ContentAddIcon(), func() {
		p.list.UnselectAll()
		p.edit(hiring.DevPlan{})
	})
	add.Importance = widget.HighImportance
	printPlan := widget.NewButtonWithIcon(i18n.T("hiring.files.plan"), theme.DocumentPrintIcon(), p.print)
	left := container.NewBorder(container.NewBorder(nil, nil, heading(i18n.T("hiring.page.plans")), add), printPlan, nil, nil, p.empty.Over(p.list))
	split := container.NewHSplit(left, p.editor)
	split.Offset = 0.3
	p.root = split
	return p
}

func (p *plansPage) content() fyne.CanvasObject { return p.root }

func (p *plansPage) count() int {
	if p.d == nil {
		return 0
	}
	return len(p.d.plans)
}

// refresh reads the plans and what their form offers.
func (p *plansPage) refresh(ctx context.Context) {
	who := interviewer()
	kit.Background(func() {
		d, err := readPlans(ctx, p.t.s, who)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			p.d = d
			p.empty.Follow(len(d.plans))
			p.list.Refresh()
		})
	})
}

func readPlans(ctx context.Context, s Store, who string) (*planData, error) {
	d := &planData{forms: map[uint][]hiring.Form{}, byForm: map[uint]hiring.Form{}}
	var cands []hiring.Candidate
	steps := []func() error{
		func() (err error) { d.plans, err = s.DevPlans(ctx, 0); return },
		func() (err error) { d.staff, err = s.AllStaff(ctx); return },
		func() (err error) { d.comps, err = s.Competencies(ctx); return },
		func() (err error) { d.weights, d.pass, err = s.InterviewSettings(ctx); return },
		func() (err error) { cands, err = s.Candidates(ctx); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	for _, c := range cands {
		if c.StaffID == nil {
			continue
		}
		forms, err := s.Forms(ctx, c.ID, who)
		if err != nil {
			return nil, err
		}
		for _, f := range forms {
			if len(f.Scores) > 0 {
				d.forms[*c.StaffID] = append(d.forms[*c.StaffID], f)
				d.byForm[f.ID] = f
			}
		}
	}
	return d, nil
}

func (p *plansPage) staffName(id uint) string {
	for _, s := range p.d.staff {
		if s.ID == id {
			return s.Name
		}
	}
	return "?"
}

// planState says whether a plan is in force and how far it has come.
func planState(pl hiring.DevPlan) string {
	done := 0
	for _, it := range pl.Items {
		if it.Done {
			done++
		}
	}
	progress := i18n.T("hiring.plans.progress", map[string]any{"Done": done, "N": len(pl.Items),
		"Percent": int(math.Round(pl.Progress() * 100))})
	if !pl.Counts() {
		return i18n.T("hiring.plans.not_agreed") + " · " + progress
	}
	return i18n.T("hiring.plans.agreed", map[string]any{"Date": pl.AgreedOn}) + " · " + progress
}

// edit opens a plan beside the list, new when pl.ID is 0.
func (p *plansPage) edit(pl hiring.DevPlan) {
	if p.d == nil {
		return
	}
	p.open = newPlanForm(p, pl)
	p.editor.Objects = []fyne.CanvasObject{p.open.root}
	p.editor.Refresh()
}

// print writes the plan open beside the list as PDF, as stored.
func (p *plansPage) print() {
	if p.open == nil || p.open.pl.ID == 0 {
		kit.ShowError(&model.FieldError{Key: "hiring.files.plan_pick"}, p.t.w)
		return
	}
	for _, st := range p.d.staff {
		if st.ID == p.open.pl.StaffID {
			p.t.printPlan(p.open.pl, st)
		}
	}
}

// saved reads the plans again after one was stored, and shows it.
func (p *plansPage) saved(pl hiring.DevPlan) {
	who := interviewer()
	kit.Background(func() {
		d, err := readPlans(context.Background(), p.t.s, who)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			p.d = d
			p.empty.Follow(len(d.plans))
			p.list.Refresh()
			for _, x := range d.plans {
				if x.ID == pl.ID {
					p.edit(x)
				}
			}
		})
	})
}
