package payroll

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// tiersEditor takes the bands of a tiered share, a line each: from what
// revenue, and the share from there up. The first band starts at zero.
type tiersEditor struct {
	w     fyne.Window
	lines []tierLine
	box   *fyne.Container
	less  *widget.Button
	root  fyne.CanvasObject
}

type tierLine struct {
	from  *widgets.MoneyEntry
	share *kit.KeyEntry
}

func newTiersEditor(w fyne.Window) *tiersEditor {
	e := &tiersEditor{w: w, box: container.NewVBox()}
	more := widget.NewButtonWithIcon(i18n.T("payroll.tiers.more"), theme.ContentAddIcon(), e.addLine)
	e.less = widget.NewButtonWithIcon(i18n.T("payroll.tiers.less"), theme.ContentRemoveIcon(), e.removeLine)
	e.root = container.NewVBox(e.box, container.NewHBox(more, e.less))
	e.addLine()
	e.addLine()
	return e
}

func (e *tiersEditor) addLine() {
	l := tierLine{from: widgets.NewMoneyEntry(e.w), share: kit.NewDialogEntry(e.w, false)}
	l.share.SetPlaceHolder("10")
	if len(e.lines) == 0 {
		l.from.SetValue(0)
		l.from.Disable() // the first band starts at nothing
	}
	e.lines = append(e.lines, l)
	row := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("payroll.tiers.from")), widget.NewLabel("₽"), l.from),
		container.NewBorder(nil, nil, widget.NewLabel("—"), widget.NewLabel("%"), l.share))
	e.box.Add(row)
	e.follow()
}

func (e *tiersEditor) removeLine() {
	if len(e.lines) <= 1 {
		return
	}
	e.lines = e.lines[:len(e.lines)-1]
	e.box.Remove(e.box.Objects[len(e.box.Objects)-1])
	e.follow()
}

func (e *tiersEditor) follow() {
	if len(e.lines) > 1 {
		e.less.Enable()
	} else {
		e.less.Disable()
	}
}

// value is the bands typed, or the error to show under them; model checks
// their order and range.
func (e *tiersEditor) value() (model.Tiers, *model.FieldError) {
	bad := &model.FieldError{Field: "tiers", Key: "err.pay.tiers"}
	var out model.Tiers
	for _, l := range e.lines {
		from, err := l.from.Value("tiers")
		share, ok := parsePercent(l.share.Text)
		if err != nil || !ok {
			return nil, bad
		}
		out = append(out, model.Tier{From: from, Percent: share})
	}
	return out, nil
}
