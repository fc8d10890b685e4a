// Package programs is the programs page of a client's profile: the
// client's programs of trainings and procedures with their progress, the
// builder that makes one from the client's needs and condition, and the
// specialists' recommendations the manager decides on.
package programs

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// Store is what the programs page needs.
type Store interface {
	Programs(ctx context.Context, clientID uint) ([]model.ProgramView, error)
	ProgramBasis(ctx context.Context, clientID uint) (model.ProgramBasis, error)
	SaveProgram(ctx context.Context, p *model.Program) error
	SaveProgramTemplate(ctx context.Context, t *model.ProgramTemplate) error
	Recommendations(ctx context.Context, clientID uint) ([]model.RecommendationRow, error)
	AddRecommendation(ctx context.Context, r *model.Recommendation) error
	DecideRecommendation(ctx context.Context, r *model.Recommendation, item *model.ProgramItem) error
	ProgramSheet(ctx context.Context, id uint) (model.ProgramSheet, error)
}

// Pane is the programs page of a client's profile.
type Pane struct {
	w       fyne.Window
	s       Store
	today   func() model.Date
	changed func()

	clientID uint
	current  *uint // the client whose rows are wanted; a late answer for another is dropped
	programs []model.ProgramView
	recs     []model.RecommendationRow
	list     *widget.List
	recList  *widget.List
	recPick  int
	decide   *fyne.Container
	empty    kit.EmptyNote
	recEmpty kit.EmptyNote
	root     fyne.CanvasObject
}

// NewPane makes the page; changed runs after anything is stored, so the
// rest of the window can follow.
func NewPane(w fyne.Window, s Store, today func() model.Date, changed func()) *Pane {
	p := &Pane{w: w, s: s, today: today, changed: changed, recPick: -1, current: new(uint)}
	p.list = widget.NewList(func() int { return len(p.programs) }, newProgramRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { showProgramRow(o, p.programs[i], p.today()) })
	p.list.OnSelected = func(i widget.ListItemID) {
		p.list.UnselectAll()
		p.openBuilder(&p.programs[i])
	}
	p.recList = widget.NewList(func() int { return len(p.recs) }, func() fyne.CanvasObject { return kit.Wrapped("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(recText(p.recs[i], p.today()))
		})
	p.recList.OnSelected = p.recSelected
	p.empty = kit.NewEmptyNote(i18n.T("program.none"))
	p.recEmpty = kit.NewEmptyNote(i18n.T("rec.none"))
	newBtn := widget.NewButtonWithIcon(i18n.T("program.new"), theme.ContentAddIcon(), func() { p.openBuilder(nil) })
	newBtn.Importance = widget.HighImportance
	fromTpl := widget.NewButtonWithIcon(i18n.T("program.from_template"), theme.DocumentIcon(), p.askTemplate)
	recBtn := widget.NewButtonWithIcon(i18n.T("rec.new"), theme.ContentAddIcon(), p.newRecommendation)
	p.decide = container.NewHBox(
		widget.NewButton(i18n.T("rec.add_to_program"), func() { p.decideRec(model.RecAdded) }),
		widget.NewButton(i18n.T("rec.decline"), func() { p.decideRec(model.RecDeclined) }),
		widget.NewButton(i18n.T("rec.postpone"), func() { p.decideRec(model.RecPostponed) }))
	p.decide.Hide()
	top := container.NewBorder(nil, nil, nil, container.NewHBox(fromTpl, newBtn), heading(i18n.T("program.heading")))
	recTop := container.NewBorder(nil, nil, nil, recBtn, heading(i18n.T("rec.heading")))
	progs := container.NewBorder(top, nil, nil, nil, p.empty.Over(p.list))
	recs := container.NewBorder(recTop, p.decide, nil, nil, p.recEmpty.Over(p.recList))
	split := container.NewVSplit(progs, recs)
	split.Offset = 0.55
	p.root = split
	return p
}

// Content is the page's widget tree.
func (p *Pane) Content() fyne.CanvasObject { return p.root }

// Load reads the client's programs and recommendations.
func (p *Pane) Load(clientID uint) {
	p.clientID, *p.current = clientID, clientID
	kit.Background(func() {
		ctx := context.Background()
		progs, err := p.s.Programs(ctx, clientID)
		var recs []model.RecommendationRow
		if err == nil {
			recs, err = p.s.Recommendations(ctx, clientID)
		}
		fyne.Do(func() {
			if clientID != *p.current {
				return
			}
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			p.programs, p.recs, p.recPick = progs, recs, -1
			p.decide.Hide()
			p.recList.UnselectAll()
			p.empty.Follow(len(progs))
			p.recEmpty.Follow(len(recs))
			p.list.Refresh()
			p.recList.Refresh()
		})
	})
}

// saved reloads the page and tells the window.
func (p *Pane) saved() {
	p.Load(p.clientID)
	if p.changed != nil {
		p.changed()
	}
}

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func newProgramRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.Truncation = fyne.TextTruncateEllipsis
	bar := widget.NewProgressBar()
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(140, 36), bar), container.NewVBox(title, info))
}

func showProgramRow(o fyne.CanvasObject, v model.ProgramView, today model.Date) {
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	texts[0].(*widget.Label).SetText(v.Program.Title + " · " + i18n.T("program.status."+v.Program.Status))
	texts[1].(*widget.Label).SetText(programLine(v))
	bar := row.Objects[1].(*fyne.Container).Objects[0].(*widget.ProgressBar)
	bar.SetValue(float64(v.Progress.Percent) / 100)
}

// programLine says when a program runs and how far it has come.
func programLine(v model.ProgramView) string {
	lang := i18n.Lang()
	when := v.Program.StartOn.Format(lang)
	if !v.Program.GoalBy.IsZero() {
		when += " – " + v.Program.GoalBy.Format(lang)
	}
	line := when + " · " + i18n.T("program.sessions_done", map[string]any{
		"Done": v.Progress.Done, "N": v.Progress.Planned, "Percent": v.Progress.Percent})
	if v.Progress.Behind {
		line += " · " + i18n.T("program.behind", map[string]any{"Due": v.Progress.Due})
	}
	return line
}

// recText is a recommendation as its row reads.
func recText(r model.RecommendationRow, today model.Date) string {
	lang := i18n.Lang()
	state := i18n.T("rec.decision." + r.Decision)
	switch r.Decision {
	case model.RecDeclined:
		state += ": " + r.Note
	case model.RecPostponed:
		state = i18n.T("rec.postponed_to", map[string]any{"Date": r.PostponedTo.Format(lang)})
		if r.Waiting(today) {
			state += " · " + i18n.T("rec.decision.waiting")
		}
	}
	return fmt.Sprintf("%s · %s · %s: %s — %s", r.On.Format(lang), r.Service, r.Staff, r.Reason, state)
}
