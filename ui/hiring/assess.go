package hiring

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// sideWidth is the form's side, wide enough for «Стрессоустойчивость: 4»
// and the recommendation on a line or two; the criteria get the rest of a
// laptop's 1366 points.
const sideWidth = 270

// assessView is one interviewer's assessment form of a candidate at one
// interview, in the candidates page's place: the criteria one under the
// other with the working-day test on the organisation's card, the scores
// with the weighted total and the recommendation at the side, stored as
// they are typed. Once sent, it shows the other interviewers' scores.
type assessView struct {
	t       *Tab
	cand    hiring.Candidate
	formID  uint // the form asked for, 0 for a new one
	onClose func()

	form      hiring.Form   // as read, or new
	others    []hiring.Form // the candidate's other forms, as the store lets this interviewer see them
	weights   map[string]int
	pass      float64
	questions []hiring.Question
	sets      []hiring.TaskSet
	plan      *hiring.DayPlan // the form's plan, nil for none yet
	editable  bool
	filling   bool // the view is being filled from what was read: no change to store

	who    *kit.KeyEntry
	fields map[string]*kit.Field
	notes  *widget.Entry
	cards  map[string]*criterionCard
	day    *dayTest
	side   *sidePanel
	body   *fyne.Container
	scroll *container.Scroll
	saver  *autosave
	root   *fyne.Container
}

func newAssessView(t *Tab, c hiring.Candidate, formID uint, onClose func()) *assessView {
	v := &assessView{t: t, cand: c, formID: formID, onClose: onClose, fields: map[string]*kit.Field{}, cards: map[string]*criterionCard{}}
	v.root = container.NewStack(quiet(i18n.T("hiring.form.loading")))
	return v
}

// load reads the form and what it is filled against, then shows it.
func (v *assessView) load() {
	who := interviewer()
	kit.Background(func() {
		ctx := context.Background()
		var forms []hiring.Form
		var err error
		steps := []func() error{
			func() (err error) { forms, err = v.t.s.Forms(ctx, v.cand.ID, who); return },
			func() (err error) { v.weights, v.pass, err = v.t.s.InterviewSettings(ctx); return },
			func() (err error) { v.questions, err = v.t.s.Questions(ctx); return },
			func() (err error) { v.sets, err = v.t.s.TaskSets(ctx); return },
		}
		for _, step := range steps {
			if err = step(); err != nil {
				break
			}
		}
		form := hiring.Form{CandidateID: v.cand.ID, Interviewer: who, On: v.t.s.Today()}
		var others []hiring.Form
		for _, f := range forms {
			if f.ID == v.formID && v.formID != 0 {
				form = f
			} else {
				others = append(others, f)
			}
		}
		var plan *hiring.DayPlan
		if err == nil && form.ID != 0 {
			p, ok, perr := v.t.s.DayPlanOf(ctx, form.ID)
			err = perr
			if ok {
				plan = &p
			}
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, v.t.w)
				return
			}
			v.form, v.others, v.plan = form, others, plan
			v.editable = !form.Submitted && (form.ID == 0 || form.Interviewer == who)
			v.build()
		})
	})
}

// build lays the form out from what was read.
func (v *assessView) build() {
	v.filling = true
	defer func() { v.filling = false }()
	v.saver = newAutosave(v.t.s, v.form.ID, v.saved)
	scores := map[string]hiring.Score{}
	for _, sc := range v.form.Scores {
		scores[sc.Criterion] = sc
	}
	v.body = container.NewVBox(v.othersCard())
	for _, c := range hiring.Criteria {
		k := newCriterionCard(c, v.weights[c], v.questions, scores[c], v.changed)
		v.cards[c] = k
		v.body.Add(k.root)
	}
	v.day = newDayTest(v, v.sets, v.plan)
	v.cards[hiring.Organisation].extra.Add(v.day.root)
	v.notes = widget.NewMultiLineEntry()
	v.notes.Wrapping = fyne.TextWrapWord
	v.notes.SetMinRowsVisible(3)
	v.notes.SetText(v.form.Notes)
	v.notes.OnChanged = func(string) { v.changed() }
	v.body.Add(widget.NewCard("", "", container.NewVBox(subheading(i18n.T("hiring.form.general_notes")), v.notes)))
	v.scroll = container.NewVScroll(container.NewPadded(v.body))
	v.side = newSidePanel(v)
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(sideWidth, 0))
	side := container.NewBorder(nil, nil, nil, widget.NewSeparator(), container.NewStack(width, container.NewVScroll(v.side.root)))
	v.root.Objects = []fyne.CanvasObject{container.NewBorder(v.topBar(), nil, side, nil, v.scroll)}
	v.root.Refresh()
	if !v.editable {
		v.disable()
	}
	v.side.follow()
}

// topBar is the way back, whose form this is, and who fills it in.
func (v *assessView) topBar() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(i18n.T("hiring.form.back"), theme.NavigateBackIcon(), v.close)
	v.who = kit.NewKeyEntry(nil)
	v.who.SetText(v.form.Interviewer)
	v.who.SetPlaceHolder(i18n.T("hiring.form.interviewer_hint"))
	v.who.OnChanged = func(s string) {
		if v.editable && !v.filling {
			setInterviewer(strings.TrimSpace(s))
		}
		v.changed()
	}
	whoField := kit.NewField("interviewer", i18n.T("hiring.form.interviewer"), container.NewGridWrap(fyne.NewSize(260, v.who.MinSize().Height), v.who))
	v.fields["interviewer"] = whoField
	title := subheading(i18n.T("hiring.form.title", map[string]any{"Name": v.cand.Name, "Date": v.form.On}))
	return container.NewPadded(container.NewBorder(nil, nil, back, kit.FieldGrid(whoField), title))
}

// changed follows a change: the totals at the side, and the store.
func (v *assessView) changed() {
	if v.filling || v.side == nil {
		return
	}
	v.side.follow()
	if v.editable {
		v.side.state.SetText(i18n.T("hiring.form.saving"))
		v.saver.put(v.draft())
	}
}

// draft is what the form holds now.
func (v *assessView) draft() draft {
	f := v.form
	f.Interviewer = strings.TrimSpace(v.who.Text)
	f.Notes = strings.TrimSpace(v.notes.Text)
	f.Scores = nil
	for _, c := range hiring.Criteria {
		f.Scores = append(f.Scores, v.cards[c].value())
	}
	return draft{form: f, plan: v.day.plan()}
}

// scores are the form's scores by criterion, 0 for those not scored.
func (v *assessView) scores() map[string]int {
	out := map[string]int{}
	for c, k := range v.cards {
		out[c] = k.value().Score
	}
	return out
}

// saved shows how the last write went; it runs off the UI goroutine.
func (v *assessView) saved(formID uint, err error) {
	fyne.Do(func() {
		if err == nil {
			v.form.ID = formID
		}
		v.side.showSaved(err)
	})
}

// disable leaves the form to be read.
func (v *assessView) disable() {
	for _, k := range v.cards {
		k.disable()
	}
	v.who.Disable()
	v.notes.Disable()
	v.day.disable()
}

// close stores what waits to be stored and gives the page back.
func (v *assessView) close() {
	if v.saver == nil {
		v.onClose()
		return
	}
	kit.Background(func() {
		_, err := v.saver.flush()
		fyne.Do(func() {
			if err != nil && v.editable {
				v.side.showSaved(err)
				return
			}
			v.onClose()
		})
	})
}

// scrollTo brings a criterion's card into view.
func (v *assessView) scrollTo(c string) {
	k := v.cards[c]
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(k.root).Y - d.AbsolutePositionForObject(v.body).Y
	v.scroll.Offset = fyne.NewPos(0, y)
	v.scroll.Refresh()
}
