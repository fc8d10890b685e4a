package quality

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// monthKeys are the months' names, January first.
var monthKeys = [12]string{"quality.month.1", "quality.month.2", "quality.month.3", "quality.month.4",
	"quality.month.5", "quality.month.6", "quality.month.7", "quality.month.8", "quality.month.9",
	"quality.month.10", "quality.month.11", "quality.month.12"}

// monthName is a month as a picker shows it: «Ноябрь 2026».
func monthName(m model.Date) string {
	return i18n.T(monthKeys[m.Month()-1]) + " " + strconv.Itoa(m.Year())
}

// pickMonths is how far back the month pickers go.
const pickMonths = 12

// recentMonths are the first days of the n months up to today's, this
// month first.
func recentMonths(today model.Date, n int) []model.Date {
	out := make([]model.Date, n)
	m := model.MonthOf(today)
	for i := range out {
		out[i] = m
		m = model.MonthOf(m.AddDays(-1))
	}
	return out
}

// monthNames are the names of months, in order.
func monthNames(months []model.Date) []string {
	out := make([]string, len(months))
	for i, m := range months {
		out[i] = monthName(m)
	}
	return out
}

// figureText is a score as a cell shows it: the value with the number of
// answers behind it, «мало ответов» when there are too few to compare,
// «—» when there are none. format writes the value.
func figureText(f model.Figure, format func(float64) string) string {
	switch {
	case !f.Known():
		return "—"
	case !f.Enough():
		return i18n.T("quality.few", map[string]any{"N": f.N})
	}
	return i18n.T("quality.figure", map[string]any{"Value": format(f.Value), "N": f.N})
}

// ratingText writes an average rating: «4,6».
func ratingText(v float64) string { return i18n.Decimal(v) }

// percentText writes a share: «92 %».
func percentText(v float64) string { return strconv.Itoa(int(v)) + "\u00a0%" }

// npsText writes a net promoter score with its sign: «+45», «−10», «0».
func npsText(v float64) string {
	switch n := int(v); {
	case n > 0:
		return "+" + strconv.Itoa(n)
	case n < 0:
		return "−" + strconv.Itoa(-n)
	}
	return "0"
}

// shortText is s on one line, cut after n letters with an ellipsis.
func shortText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimRight(string([]rune(s)[:n]), " ,.;:—-") + "…"
}

// idSelect is a drop-down of named rows with a first choice for none.
type idSelect struct {
	Select *widget.Select
	ids    []uint
}

// newIDSelect offers names (of ids) after none, and shows current.
func newIDSelect(none string, ids []uint, names []string, current *uint) *idSelect {
	s := &idSelect{ids: ids}
	s.Select = kit.NewSelect(append([]string{none}, names...), nil)
	s.Select.SetSelectedIndex(0)
	for i, id := range ids {
		if current != nil && *current == id {
			s.Select.SetSelectedIndex(i + 1)
		}
	}
	return s
}

// ID is the chosen row, or nil for none.
func (s *idSelect) ID() *uint {
	if i := s.Select.SelectedIndex(); i > 0 {
		id := s.ids[i-1]
		return &id
	}
	return nil
}

// staffChoice offers the staff who work now, and the one of current even
// when they have left.
func staffChoice(none string, staff []model.Staff, current *uint) *idSelect {
	var ids []uint
	var names []string
	for _, st := range staff {
		if st.Active || current != nil && *current == st.ID {
			ids = append(ids, st.ID)
			names = append(names, st.Name+" · "+st.Role)
		}
	}
	return newIDSelect(none, ids, names, current)
}

// serviceChoice offers the services of the catalogue (not the goods) that
// are sold now, and the one of current.
func serviceChoice(none string, services []model.Service, current *uint) *idSelect {
	var ids []uint
	var names []string
	for _, sv := range services {
		if sv.CatalogueKind() != model.KindProduct && sv.Active || current != nil && *current == sv.ID {
			ids = append(ids, sv.ID)
			names = append(names, sv.Name)
		}
	}
	return newIDSelect(none, ids, names, current)
}

// heading is a bold line over a list.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// fieldMap indexes a form's fields by name.
func fieldMap(fields ...*kit.Field) map[string]*kit.Field {
	m := make(map[string]*kit.Field, len(fields))
	for _, f := range fields {
		m[f.Name] = f
	}
	return m
}

// multiLine is a dialog's entry of a few lines.
func multiLine(w fyne.Window, rows int) *kit.KeyEntry {
	e := kit.NewDialogEntry(w, true)
	e.SetMinRowsVisible(rows)
	return e
}

// truncLabel is a label cut with an ellipsis where its row ends.
func truncLabel(bold bool) *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle.Bold = bold
	return l
}

// checkGrid is a choice of several among options, as ticks in columns:
// a long list wraps rather than running off the form.
type checkGrid struct {
	checks []*widget.Check
	root   *fyne.Container
}

func newCheckGrid(cols int, options, selected []string) *checkGrid {
	g := &checkGrid{root: container.NewGridWithColumns(cols)}
	for _, o := range options {
		c := widget.NewCheck(o, nil)
		c.SetChecked(slices.Contains(selected, o))
		g.checks = append(g.checks, c)
		g.root.Add(c)
	}
	return g
}

// chosen are the indexes of the ticked options.
func (g *checkGrid) chosen() []int {
	var out []int
	for i, c := range g.checks {
		if c.Checked {
			out = append(out, i)
		}
	}
	return out
}

// selected are the ticked options.
func (g *checkGrid) selected() []string {
	var out []string
	for _, i := range g.chosen() {
		out = append(out, g.checks[i].Text)
	}
	return out
}
