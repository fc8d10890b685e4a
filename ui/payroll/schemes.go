package payroll

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	calc "companion/model/payroll"
	"companion/ui/kit"
)

// schemesPage is the pay schemes: per staff member the history of the
// components of their pay, and the form that adds one from a day on.
type schemesPage struct {
	t       *Tab
	d       *monthData
	list    *widget.List
	picked  int
	title   *widget.Label
	history *fyne.Container
	empty   kit.EmptyNote
	add     *widget.Button
	root    fyne.CanvasObject
}

func newSchemesPage(t *Tab) *schemesPage {
	p := &schemesPage{t: t, picked: -1, title: heading(""), history: container.NewVBox()}
	p.list = widget.NewList(func() int { return p.count() }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.staffLine(i)) })
	p.list.OnSelected = func(i widget.ListItemID) { p.picked = i; p.showHistory() }
	p.empty = kit.NewEmptyNote(i18n.T("payroll.scheme.empty"))
	p.add = widget.NewButtonWithIcon(i18n.T("payroll.scheme.add"), theme.ContentAddIcon(), func() { p.t.addComponent(p.person()) })
	p.add.Importance = widget.HighImportance
	left := container.NewBorder(heading(i18n.T("payroll.people")), nil, nil, nil, p.list)
	right := container.NewBorder(container.NewBorder(nil, nil, nil, p.add, p.title), nil, nil, nil,
		p.empty.Over(container.NewVScroll(p.history)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.25
	p.root = container.NewPadded(split)
	return p
}

func (p *schemesPage) count() int {
	if p.d == nil {
		return 0
	}
	return len(p.d.staff)
}

func (p *schemesPage) staffLine(i int) string {
	st := p.d.staff[i]
	if !st.Active {
		return st.Name + " · " + i18n.T("staff.left")
	}
	return st.Name
}

// person is the staff member picked, or nil.
func (p *schemesPage) person() *model.Staff {
	if p.d == nil || p.picked < 0 || p.picked >= len(p.d.staff) {
		return nil
	}
	return &p.d.staff[p.picked]
}

func (p *schemesPage) show(d *monthData) {
	var was uint
	if st := p.person(); st != nil {
		was = st.ID
	}
	p.d, p.picked = d, -1
	for i, st := range d.staff {
		if st.ID == was {
			p.picked = i
		}
	}
	if p.picked < 0 && len(d.staff) > 0 {
		p.picked = 0
	}
	p.list.UnselectAll() // the heading names who is shown
	p.list.Refresh()
	p.showHistory()
}

// showHistory lists the components of the person picked, oldest first,
// marking those in force today.
func (p *schemesPage) showHistory() {
	p.history.RemoveAll()
	st := p.person()
	if st == nil {
		p.title.SetText(i18n.T("payroll.scheme.pick"))
		p.empty.Follow(1)
		return
	}
	p.title.SetText(i18n.T("payroll.scheme.of", map[string]any{"Name": st.Name}))
	now := map[uint]bool{}
	today := p.t.s.Today()
	for _, c := range inForce(p.d.comps, st.ID, today) {
		if !c.From.After(today) {
			now[c.ID] = true
		}
	}
	n := 0
	for _, c := range p.d.comps {
		if c.StaffID == st.ID {
			p.history.Add(componentRow(c, p.d.blocks, now[c.ID]))
			n++
		}
	}
	p.history.Refresh()
	p.empty.Follow(n)
}

// componentRow is a component as the history lists it: its kind and sum
// or share, and under them from which day, the block and its terms.
func componentRow(c model.PayComponent, blocks []model.Block, current bool) fyne.CanvasObject {
	value := percent(c.Percent)
	switch {
	case c.Stopped:
		value = i18n.T("payroll.scheme.stopped")
	case amountKind(c.Kind):
		value = money(c.Amount)
	case c.Kind == model.PayTiered:
		value = ""
	}
	parts := []string{i18n.T("payroll.scheme.from_day", map[string]any{"From": c.From})}
	if current {
		parts = append(parts, i18n.T("payroll.scheme.current"))
	}
	if c.Kind == model.PayBlockProfit && !c.Stopped {
		block := blockName(blocks, c.BlockID)
		if block == "" {
			block = i18n.T("payroll.scheme.own_block")
		}
		parts = append(parts, i18n.T("payroll.scheme.block_is", map[string]any{"Block": block}))
	}
	if terms := componentTerms(c); terms != "" {
		parts = append(parts, terms)
	}
	name := widget.NewLabelWithStyle(i18n.T("pay.kind."+c.Kind), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sum := widget.NewLabelWithStyle(value, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	return container.NewVBox(container.NewBorder(nil, nil, nil, sum, name), how(strings.Join(parts, " · ")), widget.NewSeparator())
}

// componentTerms are a component's conditions in words: after the
// consumables, the tiers and their mode, stopped, the note.
func componentTerms(c model.PayComponent) string {
	var terms []string
	if c.Kind == model.PayOwnServices && !c.Stopped {
		if c.AfterConsumables {
			terms = append(terms, i18n.T("payroll.scheme.after_consumables"))
		} else {
			terms = append(terms, i18n.T("payroll.scheme.before_consumables"))
		}
	}
	if c.Kind == model.PayTiered && !c.Stopped {
		terms = append(terms, tiersText(c.Tiers))
		mode := calc.ModeProgressive
		if c.Retroactive {
			mode = calc.ModeRetroactive
		}
		terms = append(terms, i18n.T("pay.mode."+mode))
	}
	if c.Note != "" {
		terms = append(terms, c.Note)
	}
	return strings.Join(terms, " · ")
}

// tiersText writes the bands: «от 0 ₽ — 10 %; от 100 000 ₽ — 15 %».
func tiersText(tiers model.Tiers) string {
	parts := make([]string, len(tiers))
	for i, t := range tiers {
		parts[i] = i18n.T("payroll.scheme.tier", map[string]any{"From": t.From, "Rate": percent(t.Percent)})
	}
	return strings.Join(parts, "; ")
}
