package payroll

import (
	"context"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// monthBar is the line over the tab's pages: the month with the previous
// and next ones, its state, the approval and the files.
type monthBar struct {
	t       *Tab
	prev    *widget.Button
	next    *widget.Button
	pick    *widget.Select
	months  []model.Date // what pick offers, newest first
	state   *widget.Label
	approve *widget.Button
	files   *exportButtons
	root    fyne.CanvasObject
}

func newMonthBar(t *Tab) *monthBar {
	b := &monthBar{t: t, state: widget.NewLabel("")}
	b.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { t.show(t.month.AddDays(-1)) })
	b.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { t.show(t.month.AddDays(model.DaysIn(t.month))) })
	b.pick = widget.NewSelect(nil, func(string) {
		if i := b.pick.SelectedIndex(); i >= 0 && i < len(b.months) && b.months[i].ISO() != t.month.ISO() {
			t.show(b.months[i])
		}
	})
	b.state.TextStyle.Bold = true
	b.approve = widget.NewButtonWithIcon(i18n.T("payroll.approve"), theme.ConfirmIcon(), b.askApprove)
	b.approve.Importance = widget.HighImportance
	b.approve.Disable()
	b.files = newExportButtons(t)
	month := container.NewHBox(b.prev, container.NewGridWrap(fyne.NewSize(190, b.pick.MinSize().Height), b.pick), b.next, b.state)
	b.root = container.NewBorder(nil, nil, month, container.NewHBox(b.approve, b.files.root))
	return b
}

// show writes the month's name, its state and what may be done with it.
func (b *monthBar) show(d *monthData) {
	b.months = pickable(d.month, model.MonthOf(b.t.s.Today()), d.months)
	names := make([]string, len(b.months))
	at := 0
	for i, m := range b.months {
		names[i] = monthName(m)
		if m.ISO() == d.month.ISO() {
			at = i
		}
	}
	b.pick.Options = names
	b.pick.SetSelectedIndex(at)
	if d.month.Before(model.MonthOf(b.t.s.Today())) {
		b.next.Enable()
	} else {
		b.next.Disable() // no month ahead of this one is computed yet
	}
	if d.approved {
		b.state.SetText(i18n.T("payroll.state.approved"))
		b.state.Importance = widget.SuccessImportance
		b.approve.Disable()
	} else {
		b.state.SetText(i18n.T("payroll.state.open"))
		b.state.Importance = widget.WarningImportance
		b.approve.Enable()
	}
	b.state.Refresh()
	b.files.show(d)
}

// pickable are the months the picker offers, newest first: this one, the
// approved ones, and the one shown.
func pickable(shown, this model.Date, approved []model.Date) []model.Date {
	seen := map[string]bool{}
	var out []model.Date
	for _, m := range append([]model.Date{this, shown}, approved...) {
		if !seen[m.ISO()] {
			seen[m.ISO()] = true
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].After(out[j]) })
	return out
}

// askApprove says what approving means before it is done: the month is
// read-only afterwards, and a mistake is put right in an open month.
func (b *monthBar) askApprove() {
	d := b.t.d
	if d == nil || d.approved {
		return
	}
	name := monthInText(d.month)
	kit.AskBeforeLoss(b.t.w, i18n.T("payroll.approve.title", map[string]any{"Month": name}),
		i18n.T("payroll.approve.text", map[string]any{"Month": name, "Total": d.result.ToPay, "Cost": d.result.Cost}),
		i18n.T("payroll.approve.keep"), i18n.T("payroll.approve.ok"), func() { b.approveMonth(d.month) }, nil)
}

func (b *monthBar) approveMonth(month model.Date) {
	b.approve.Disable()
	kit.Background(func() {
		_, err := b.t.s.ApprovePayroll(context.Background(), month)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, b.t.w)
			}
			b.t.written()
		})
	})
}
