package payroll

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
	calc "companion/model/payroll"
	"companion/ui/kit"
)

// figuresPage is the month's computation: everyone's pay, the blocks'
// profit and the totals, with the calculation of the person or block
// picked on the right.
type figuresPage struct {
	t      *Tab
	d      *monthData
	people *table
	blocks *table
	totals *widget.Label
	empty  kit.EmptyNote
	detail *container.Scroll
	root   fyne.CanvasObject
}

func newFiguresPage(t *Tab) *figuresPage {
	p := &figuresPage{t: t, totals: kit.Wrapped("")}
	p.people = newTable(peopleColumns(), func(i int) {
		p.blocks.UnselectAll()
		p.showDetail(personDetail(p.d.result.People[i], p.d))
	})
	p.blocks = newTable(blockColumns(), func(i int) {
		p.people.UnselectAll()
		p.showDetail(blockDetail(p.d.result.Blocks[i], p.d.result.People))
	})
	p.empty = kit.NewEmptyNote(i18n.T("payroll.people.empty"))
	p.detail = container.NewVScroll(widget.NewLabel(""))
	peopleBox := container.NewBorder(heading(i18n.T("payroll.people")), nil, nil, nil, p.empty.Over(p.people.Table))
	blocksBox := container.NewBorder(heading(i18n.T("payroll.blocks")), nil, nil, nil, p.blocks.Table)
	tables := container.NewVSplit(peopleBox, blocksBox)
	tables.Offset = 0.6
	left := container.NewBorder(nil, p.totals, nil, nil, tables)
	split := container.NewHSplit(left, p.detail)
	split.Offset = 0.62
	p.root = container.NewPadded(split)
	return p
}

func peopleColumns() []column {
	return []column{{i18n.T("payroll.col.person"), 235, false}, {i18n.T("payroll.col.gross"), 105, true},
		{i18n.T("payroll.col.tax"), 95, true}, {i18n.T("payroll.col.deductions"), 100, true},
		{i18n.T("payroll.col.advances"), 90, true}, {i18n.T("payroll.col.to_pay"), 110, true}}
}

func blockColumns() []column {
	return []column{{i18n.T("payroll.col.block"), 180, false}, {i18n.T("payroll.col.turnover"), 120, true},
		{i18n.T("payroll.col.costs"), 120, true}, {i18n.T("payroll.col.salaries"), 120, true},
		{i18n.T("payroll.col.profit"), 120, true}}
}

// show writes the month's figures; the detail shows the totals until a
// row is picked.
func (p *figuresPage) show(d *monthData) {
	p.d = d
	r := d.result
	p.people.setRows(peopleRows(r))
	p.blocks.setRows(blockRows(r))
	p.empty.Follow(len(r.People))
	p.totals.SetText(totalsLine(r))
	p.showDetail(totalsDetail(d))
}

func (p *figuresPage) showDetail(o fyne.CanvasObject) {
	p.detail.Content = container.NewPadded(o)
	p.detail.ScrollToTop()
	p.detail.Refresh()
}

func peopleRows(r calc.Result) [][]string {
	rows := make([][]string, len(r.People))
	for i, ps := range r.People {
		rows[i] = []string{ps.Staff.Name, money(ps.Gross), money(ps.Tax), money(ps.Deducted()),
			money(ps.Advances), money(ps.ToPay)}
	}
	return rows
}

func blockRows(r calc.Result) [][]string {
	rows := make([][]string, len(r.Blocks))
	for i, b := range r.Blocks {
		rows[i] = []string{b.Block.Name, money(b.Turnover), money(b.Consumables + b.GoodsCost + b.Extras),
			money(b.Salaries), money(b.Profit)}
	}
	return rows
}

// totalsLine is the month's totals in one sentence under the tables.
func totalsLine(r calc.Result) string {
	return i18n.T("payroll.totals.line", map[string]any{"Gross": r.Gross, "ToPay": r.ToPay, "Cost": r.Cost})
}
