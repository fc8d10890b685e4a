package today

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// agenda holds the lists of Today: a button for each with its count, all
// in sight at once, and under them the list chosen, with the whole height
// for its rows. Before the manager chooses, the first list with rows shows.
type agenda struct {
	sections []*agendaSection
	pick     *fyne.Container // the buttons, two to a line
	lists    *fyne.Container // the sections' lists, one shown
	chosen   int
	byHand   bool // the manager has chosen a list
}

func newAgenda() *agenda {
	return &agenda{pick: container.NewGridWithColumns(2), lists: container.NewStack()}
}

// content is the buttons above the list shown.
func (a *agenda) content() fyne.CanvasObject {
	return container.NewBorder(a.pick, nil, nil, nil, a.lists)
}

// add puts sec among the lists, with its button.
func (a *agenda) add(sec *agendaSection) {
	i := len(a.sections)
	a.sections = append(a.sections, sec)
	sec.button = widget.NewButton(sec.title, func() { a.byHand = true; a.choose(i) })
	sec.body = container.NewBorder(sec.head, nil, nil, nil, sec.list)
	sec.body.Hidden = i != a.chosen // as choose marks it, without redrawing the others
	if i == a.chosen {
		sec.button.Importance = widget.HighImportance
	}
	a.pick.Add(sec.button)
	a.lists.Add(sec.body)
}

// choose shows the list i and marks its button.
func (a *agenda) choose(i int) {
	a.chosen = i
	for j, sec := range a.sections {
		sec.body.Hidden = j != i
		sec.button.Importance = widget.MediumImportance
		if j == i {
			sec.button.Importance = widget.HighImportance
		}
		sec.button.Refresh()
	}
	a.lists.Refresh()
}

// count shows the whole count of sec on its title and its button; until
// the manager chooses, the first list with rows is the one shown.
func (a *agenda) count(sec *agendaSection, total int) {
	text := fmt.Sprintf("%s · %d", sec.title, total)
	sec.head.SetText(text)
	sec.button.SetText(text)
	sec.total = total
	if a.byHand {
		return
	}
	for i, s := range a.sections {
		if s.total > 0 {
			if i != a.chosen {
				a.choose(i)
			}
			return
		}
	}
}
