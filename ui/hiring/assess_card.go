package hiring

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
)

// scoreOptions are the choices of a score.
var scoreOptions = []string{"1", "2", "3", "4", "5"}

// criterionCard is one criterion on the form: how it is tested and what to
// watch, the questions of the bank asked, the signs observed, the score
// with what 1, 3 and 5 look like, and notes.
type criterionCard struct {
	c         string
	questions []hiring.Question
	qChecks   []*widget.Check
	signs     []*widget.Check
	score     *widget.RadioGroup
	notes     *widget.Entry
	extra     *fyne.Container // the working-day test, on the organisation's card
	root      *widget.Card
}

// newCriterionCard builds a criterion's card over the bank's questions and
// what the form holds of it; changed runs after every change.
func newCriterionCard(c string, weight int, bank []hiring.Question, sc hiring.Score, changed func()) *criterionCard {
	g := guides[c]
	k := &criterionCard{c: c, extra: container.NewVBox()}
	asked := splitIDs(sc.Questions)
	var qRows []fyne.CanvasObject
	for _, q := range bank {
		if q.Criterion == c && (q.Active || asked[q.ID]) {
			k.questions = append(k.questions, q)
			ch, row := wrappedCheck(q.Text, changed)
			ch.SetChecked(asked[q.ID])
			k.qChecks = append(k.qChecks, ch)
			qRows = append(qRows, row)
		}
	}
	seen := splitIDs(sc.Signs)
	var signRows []fyne.CanvasObject
	for i, key := range g.signs {
		ch, row := wrappedCheck(i18n.T(key), changed)
		ch.SetChecked(seen[uint(i+1)])
		k.signs = append(k.signs, ch)
		signRows = append(signRows, row)
	}
	k.score = widget.NewRadioGroup(scoreOptions, func(string) { changed() })
	k.score.Horizontal = true
	k.score.Required = true
	if sc.Score > 0 {
		k.score.SetSelected(strconv.Itoa(sc.Score))
	}
	k.notes = widget.NewMultiLineEntry()
	k.notes.Wrapping = fyne.TextWrapWord
	k.notes.SetMinRowsVisible(3)
	k.notes.SetPlaceHolder(i18n.T("hiring.form.notes_hint"))
	k.notes.SetText(sc.Notes)
	k.notes.OnChanged = func(string) { changed() }
	k.root = widget.NewCard("", "", k.body(weight, g, qRows, signRows))
	return k
}

func (k *criterionCard) body(weight int, g guide, qRows, signRows []fyne.CanvasObject) fyne.CanvasObject {
	w := widget.NewLabel(i18n.T("hiring.form.weight", map[string]any{"Weight": weight}))
	w.Importance = widget.LowImportance
	title := container.NewBorder(nil, nil, nil, w, subheading(criterionName(k.c)))
	var questions fyne.CanvasObject = quiet(i18n.T("hiring.form.no_questions"))
	if len(qRows) > 0 {
		questions = container.NewVBox(qRows...)
	}
	anchors := container.NewVBox()
	for i, key := range g.anchors {
		a := wrapped(i18n.T("hiring.form.anchor", map[string]any{"Score": 2*i + 1, "Text": i18n.T(key)}))
		a.TextStyle.Italic = true
		anchors.Add(a)
	}
	grid := container.New(layout.NewFormLayout(),
		heading(i18n.T("hiring.form.how")), wrapped(i18n.T(g.how)),
		heading(i18n.T("hiring.form.watch")), wrapped(i18n.T(g.watch)),
		heading(i18n.T("hiring.form.questions")), questions,
		heading(i18n.T("hiring.form.signs")), container.NewGridWithColumns(2, signRows...),
		heading(i18n.T("hiring.form.score")), container.NewVBox(k.score, anchors),
		heading(i18n.T("hiring.form.notes")), k.notes)
	return container.NewVBox(title, grid, k.extra)
}

// wrappedCheck is a tick box with its words beside it, wrapped: a long
// question of the bank stays within the card.
func wrappedCheck(text string, changed func()) (*widget.Check, fyne.CanvasObject) {
	ch := widget.NewCheck("", func(bool) { changed() })
	return ch, container.NewBorder(nil, nil, ch, nil, wrapped(text))
}

// value is the card as the form stores it.
func (k *criterionCard) value() hiring.Score {
	sc := hiring.Score{Criterion: k.c, Notes: strings.TrimSpace(k.notes.Text)}
	sc.Score, _ = strconv.Atoi(k.score.Selected)
	var asked, seen []uint
	for i, ch := range k.qChecks {
		if ch.Checked {
			asked = append(asked, k.questions[i].ID)
		}
	}
	for i, ch := range k.signs {
		if ch.Checked {
			seen = append(seen, uint(i+1))
		}
	}
	sc.Questions, sc.Signs = joinIDs(asked), joinIDs(seen)
	return sc
}

// setScore chooses a score, as the working-day test's result does.
func (k *criterionCard) setScore(n int) { k.score.SetSelected(strconv.Itoa(n)) }

// disable leaves the card to be read: a sent form, or another's.
func (k *criterionCard) disable() {
	for _, ch := range append(append([]*widget.Check{}, k.qChecks...), k.signs...) {
		ch.Disable()
	}
	k.score.Disable()
	k.notes.Disable()
}
