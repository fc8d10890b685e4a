package payroll

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// entriesPage is the month's sums entered by hand — bonuses, deductions,
// advances, adjustments — and the blocks' corrections.
type entriesPage struct {
	t       *Tab
	d       *monthData
	entries *table
	corrs   *table
	picked  int
	add     *widget.Button
	remove  *widget.Button
	addCorr *widget.Button
	locked  *widget.Label
	noEntry kit.EmptyNote
	noCorr  kit.EmptyNote
	said    *widget.Label // the row picked, whole
	root    fyne.CanvasObject
}

func newEntriesPage(t *Tab) *entriesPage {
	p := &entriesPage{t: t, picked: -1}
	p.entries = newTable([]column{{i18n.T("payroll.col.person"), 250, false}, {i18n.T("payroll.entry.kind"), 140, false},
		{i18n.T("payroll.entry.amount"), 115, true}, {i18n.T("payroll.entry.ground"), 700, false}}, func(i int) {
		p.picked = i
		p.follow()
	})
	p.corrs = newTable([]column{{i18n.T("payroll.col.block"), 250, false}, {i18n.T("payroll.corr.field"), 140, false},
		{i18n.T("payroll.entry.amount"), 115, true}, {i18n.T("payroll.corr.reason"), 700, false}}, func(i int) {
		p.said.SetText(strings.Join(p.corrs.rows[i], " · "))
	})
	p.said = how("")
	p.add = widget.NewButtonWithIcon(i18n.T("payroll.entry.add"), theme.ContentAddIcon(), t.addEntry)
	p.add.Importance = widget.HighImportance
	p.remove = widget.NewButtonWithIcon(i18n.T("payroll.entry.delete"), theme.DeleteIcon(), p.askDelete)
	p.addCorr = widget.NewButtonWithIcon(i18n.T("payroll.corr.add"), theme.ContentAddIcon(), t.addCorrection)
	p.locked = warnRow(i18n.T("payroll.entry.locked"))
	p.locked.Hide()
	p.noEntry = kit.NewEmptyNote(i18n.T("payroll.entry.none"))
	p.noCorr = kit.NewEmptyNote(i18n.T("payroll.corr.none"))
	top := container.NewBorder(container.NewVBox(p.locked,
		container.NewHBox(heading(i18n.T("payroll.entry.heading")), layout.NewSpacer(), p.remove, p.add)),
		p.said, nil, nil, p.noEntry.Over(p.entries.Table))
	bottom := container.NewBorder(container.NewHBox(heading(i18n.T("payroll.corr.heading")), layout.NewSpacer(), p.addCorr),
		nil, nil, nil, p.noCorr.Over(p.corrs.Table))
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.6
	p.root = container.NewPadded(split)
	return p
}

func (p *entriesPage) show(d *monthData) {
	p.d, p.picked = d, -1
	p.said.SetText("")
	rows := make([][]string, len(d.entries))
	for i, e := range d.entries {
		rows[i] = []string{staffName(d.staff, e.StaffID), i18n.T("pay.entry." + e.Kind), money(e.Amount), entryGround(e)}
	}
	p.entries.setRows(rows)
	p.noEntry.Follow(len(rows))
	var corrs [][]string
	for _, b := range d.result.Blocks {
		for _, c := range b.Corrections {
			field := i18n.T("payroll.corr.turnover")
			if c.Field == model.CorrectConsumables {
				field = i18n.T("payroll.corr.consumables")
			}
			corrs = append(corrs, []string{b.Block.Name, field, signed(c.Amount), c.Reason})
		}
	}
	p.corrs.setRows(corrs)
	p.noCorr.Follow(len(corrs))
	p.locked.Hidden = !d.approved
	p.locked.Refresh()
	p.follow()
}

// entryGround is what an entry's row says of it: its ground, and the
// month an adjustment corrects.
func entryGround(e model.PayEntry) string {
	if e.Kind == model.EntryAdjustment {
		return i18n.T("payroll.line.adjustment", map[string]any{"Month": monthInText(e.RefMonth), "Note": e.Ground})
	}
	return e.Ground
}

// follow lets the sums change while the month is open; an entry is
// deleted once picked.
func (p *entriesPage) follow() {
	open := p.t.open()
	for _, b := range []*widget.Button{p.add, p.addCorr} {
		if open {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if p.picked >= 0 && p.picked < len(p.entries.rows) {
		p.said.SetText(strings.Join(p.entries.rows[p.picked], " · "))
	}
	if open && p.picked >= 0 {
		p.remove.Enable()
	} else {
		p.remove.Disable()
	}
}

// askDelete removes the entry picked, made by mistake, once the owner
// agrees.
func (p *entriesPage) askDelete() {
	if p.d == nil || p.picked < 0 || p.picked >= len(p.d.entries) {
		return
	}
	e := p.d.entries[p.picked]
	text := i18n.T("payroll.entry.delete.text", map[string]any{"Kind": i18n.T("pay.entry." + e.Kind),
		"Amount": e.Amount, "Name": staffName(p.d.staff, e.StaffID)})
	kit.AskBeforeLoss(p.t.w, i18n.T("payroll.entry.delete.title"), text, i18n.T("payroll.entry.delete.keep"),
		i18n.T("payroll.entry.delete"), func() {
			kit.Background(func() {
				err := p.t.s.DeletePayEntry(context.Background(), e.ID)
				fyne.Do(func() {
					if err != nil {
						kit.ShowError(err, p.t.w)
					}
					p.t.written()
				})
			})
		}, nil)
}
