package payroll

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	calc "companion/model/payroll"
	"companion/ui/kit"
)

// whatIfPage lets the owner change a person's rate or share, or a block's
// turnover, and see at once what everyone would be paid and what each
// block would earn. It reads the month's facts once and computes them in
// memory: nothing is stored.
type whatIfPage struct {
	t        *Tab
	month    string     // the month of base, "" when none is read
	base     calc.Input // the facts as read; never changed
	was      calc.Result
	comps    map[uint]model.PayComponent // the components changed, by ID
	turnover map[uint]model.Money        // the blocks' turnover wanted, by block ID
	reading  bool

	banner  *widget.Label
	drop    *widget.Button
	person  *widget.Select
	offered []model.Staff
	fields  *fyne.Container
	blocksF *fyne.Container
	people  *table
	blocks  *table
	totals  *widget.Label
	root    fyne.CanvasObject
}

func newWhatIfPage(t *Tab) *whatIfPage {
	p := &whatIfPage{t: t, comps: map[uint]model.PayComponent{}, turnover: map[uint]model.Money{}}
	p.banner = warnRow("")
	p.drop = widget.NewButtonWithIcon(i18n.T("payroll.what_if.drop"), theme.ContentUndoIcon(), p.dropChanges)
	p.person = kit.NewSelect(nil, func(string) { p.showPerson() })
	p.fields = container.NewVBox()
	p.blocksF = container.NewVBox()
	p.people = newTable([]column{{i18n.T("payroll.col.person"), 235, false}, {i18n.T("payroll.col.gross"), 105, true},
		{i18n.T("payroll.col.to_pay"), 105, true}, {i18n.T("payroll.col.was_to_pay"), 130, true}, {i18n.T("payroll.col.diff"), 100, true}}, nil)
	p.blocks = newTable([]column{{i18n.T("payroll.col.block"), 235, false}, {i18n.T("payroll.col.turnover"), 105, true},
		{i18n.T("payroll.col.profit"), 105, true}, {i18n.T("payroll.col.was_profit"), 130, true}, {i18n.T("payroll.col.diff"), 100, true}}, nil)
	p.totals = kit.Wrapped("")
	editor := container.NewVBox(p.banner, container.NewHBox(p.drop),
		heading(i18n.T("payroll.what_if.rates")), kit.FormGrid(kit.NewField("person", i18n.T("payroll.col.person"), p.person)),
		p.fields, heading(i18n.T("payroll.what_if.turnover")), p.blocksF)
	tables := container.NewVSplit(
		container.NewBorder(heading(i18n.T("payroll.people")), nil, nil, nil, p.people.Table),
		container.NewBorder(heading(i18n.T("payroll.blocks")), nil, nil, nil, p.blocks.Table))
	tables.Offset = 0.6
	split := container.NewHSplit(container.NewVScroll(editor), container.NewBorder(nil, p.totals, nil, nil, tables))
	split.Offset = 0.36
	p.root = container.NewPadded(split)
	p.showBanner()
	return p
}

// opened reads the month's facts when the page comes forward, unless it
// has them already.
func (p *whatIfPage) opened() {
	if p.reading || p.month == p.t.month.ISO() {
		return
	}
	month := p.t.month
	p.reading = true
	kit.Background(func() {
		in, err := p.t.s.PayrollInput(context.Background(), month)
		fyne.Do(func() {
			p.reading = false
			switch {
			case month.ISO() != p.t.month.ISO(): // another month was asked for meanwhile
				if p.inFront() {
					p.opened()
				}
			case err != nil:
				kit.ShowError(err, p.t.w)
			default:
				p.load(in)
			}
		})
	})
}

// show follows a new reading of the month: changes of the owner's stay;
// without any, the facts are read again when the page is next in front.
func (p *whatIfPage) show(*monthData) {
	if p.changed() > 0 {
		return
	}
	p.month = ""
	if p.inFront() {
		p.opened()
	}
}

// inFront reports whether the page is the one shown.
func (p *whatIfPage) inFront() bool {
	return p.t.pages != nil && p.t.pages.Selected() != nil && p.t.pages.Selected().Content == p.root
}

// reset forgets the facts and the changes: another month is shown.
func (p *whatIfPage) reset() {
	p.month = ""
	p.comps, p.turnover = map[uint]model.PayComponent{}, map[uint]model.Money{}
}

// load takes the month's facts and shows them unchanged.
func (p *whatIfPage) load(in calc.Input) {
	p.base, p.month = in, in.Month.ISO()
	p.comps, p.turnover = map[uint]model.PayComponent{}, map[uint]model.Money{}
	p.was = calc.Compute(in)
	p.offered = nil
	var names []string
	for _, ps := range p.was.People {
		if len(inForce(in.Components, ps.Staff.ID, in.Month)) > 0 {
			p.offered = append(p.offered, ps.Staff)
			names = append(names, ps.Staff.Name)
		}
	}
	p.person.Options = names
	p.person.ClearSelected()
	if len(names) > 0 {
		p.person.SetSelectedIndex(0)
	}
	p.showPerson()
	p.showBlocks()
	p.compute()
}

// dropChanges puts every figure back as the month has it.
func (p *whatIfPage) dropChanges() {
	if p.month == "" {
		return
	}
	at := p.person.SelectedIndex()
	p.load(p.base)
	if at >= 0 && at < len(p.offered) {
		p.person.SetSelectedIndex(at)
	}
}

// changed is how many figures differ from the month's.
func (p *whatIfPage) changed() int {
	n := 0
	for id, c := range p.comps {
		if i := slices.IndexFunc(p.base.Components, func(b model.PayComponent) bool { return b.ID == id }); i >= 0 &&
			(p.base.Components[i].Amount != c.Amount || p.base.Components[i].Percent != c.Percent) {
			n++
		}
	}
	for id, want := range p.turnover {
		for _, b := range p.was.Blocks {
			if b.Block.ID == id && b.Turnover != want {
				n++
			}
		}
	}
	return n
}

func (p *whatIfPage) showBanner() {
	if n := p.changed(); n > 0 {
		p.banner.SetText(i18n.T("payroll.what_if.unsaved", map[string]any{"N": n}))
		p.banner.Importance = widget.DangerImportance
		p.drop.Enable()
	} else {
		p.banner.SetText(i18n.T("payroll.what_if.hint"))
		p.banner.Importance = widget.WarningImportance
		p.drop.Disable()
	}
	p.banner.Refresh()
}

// compute works the month out with the owner's changes and shows it
// beside the month as it is.
func (p *whatIfPage) compute() {
	in := p.base
	in.Components = slices.Clone(p.base.Components)
	for i, c := range in.Components {
		if ch, ok := p.comps[c.ID]; ok {
			in.Components[i] = ch
		}
	}
	in.Corrections = slices.Clone(p.base.Corrections)
	for _, b := range p.was.Blocks {
		if want, ok := p.turnover[b.Block.ID]; ok && want != b.Turnover {
			in.Corrections = append(in.Corrections, model.BlockCorrection{BlockID: b.Block.ID, Month: in.Month,
				Field: model.CorrectTurnover, Amount: want - b.Turnover})
		}
	}
	now := calc.Compute(in)
	p.people.setRows(whatIfPeople(now, p.was))
	p.blocks.setRows(whatIfBlocks(now, p.was))
	p.totals.SetText(totalsLine(now) + "\n" + i18n.T("payroll.what_if.was", map[string]any{"ToPay": p.was.ToPay, "Cost": p.was.Cost}))
	p.showBanner()
}

func whatIfPeople(now, was calc.Result) [][]string {
	rows := make([][]string, 0, len(now.People))
	for _, ps := range now.People {
		before, _ := was.Person(ps.Staff.ID)
		rows = append(rows, []string{ps.Staff.Name, money(ps.Gross), money(ps.ToPay), money(before.ToPay), diff(ps.ToPay - before.ToPay)})
	}
	return rows
}

func whatIfBlocks(now, was calc.Result) [][]string {
	rows := make([][]string, 0, len(now.Blocks))
	for i, b := range now.Blocks {
		var before model.Money
		if i < len(was.Blocks) {
			before = was.Blocks[i].Profit
		}
		rows = append(rows, []string{b.Block.Name, money(b.Turnover), money(b.Profit), money(before), diff(b.Profit - before)})
	}
	return rows
}

// diff is a change as the table shows it; nothing when there is none.
func diff(m model.Money) string {
	if m == 0 {
		return ""
	}
	return signed(m)
}
