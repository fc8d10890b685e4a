package payroll

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// recognitionPage is the month's recognitions, the owner's words printed
// on the payslips, and who has had none for three months.
type recognitionPage struct {
	t     *Tab
	d     *monthData
	list  *widget.List
	none  *widget.List
	empty kit.EmptyNote
	all   kit.EmptyNote
	root  fyne.CanvasObject
}

func newRecognitionPage(t *Tab) *recognitionPage {
	p := &recognitionPage{t: t}
	p.list = widget.NewList(func() int { return p.count(false) }, func() fyne.CanvasObject { return kit.Wrapped("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := p.d.recs[i]
			o.(*widget.Label).SetText(staffName(p.d.staff, r.StaffID) + " — «" + r.Text + "»" + sourceNote(r))
			p.list.SetItemHeight(i, o.MinSize().Height)
		})
	p.list.OnSelected = func(widget.ListItemID) { p.list.UnselectAll() }
	p.none = widget.NewList(func() int { return p.count(true) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.d.none[i].Name) })
	p.none.OnSelected = func(i widget.ListItemID) {
		p.none.UnselectAll()
		st := p.d.none[i]
		p.t.addRecognition(&st)
	}
	p.empty = kit.NewEmptyNote(i18n.T("payroll.rec.none"))
	p.all = kit.NewEmptyNote(i18n.T("payroll.rec.everyone"))
	add := widget.NewButtonWithIcon(i18n.T("payroll.rec.add"), theme.ContentAddIcon(), func() { t.addRecognition(nil) })
	add.Importance = widget.HighImportance
	left := container.NewBorder(container.NewHBox(heading(i18n.T("payroll.rec.heading")), layout.NewSpacer(), add),
		nil, nil, nil, p.empty.Over(p.list))
	right := container.NewBorder(container.NewVBox(heading(i18n.T("payroll.rec.unrecognised")), how(i18n.T("payroll.rec.unrecognised_hint"))),
		nil, nil, nil, p.all.Over(p.none))
	split := container.NewHSplit(left, right)
	split.Offset = 0.62
	p.root = container.NewPadded(split)
	return p
}

func (p *recognitionPage) count(none bool) int {
	switch {
	case p.d == nil:
		return 0
	case none:
		return len(p.d.none)
	}
	return len(p.d.recs)
}

// sourceNote marks a client's thanks apart from the owner's word.
func sourceNote(r model.Recognition) string {
	if r.Source == "client" {
		return " · " + i18n.T("payroll.rec.client")
	}
	return ""
}

func (p *recognitionPage) show(d *monthData) {
	p.d = d
	p.list.Refresh()
	p.none.Refresh()
	p.empty.Follow(len(d.recs))
	p.all.Follow(len(d.none))
}

// addRecognition shows the form of the owner's word of the month shown
// for a person (st, or one to choose).
func (t *Tab) addRecognition(st *model.Staff) {
	if t.d == nil {
		return
	}
	d := t.d
	who := newPersonSelect(d.staff, st)
	text := kit.NewDialogEntry(t.w, true)
	text.SetMinRowsVisible(4)
	text.SetPlaceHolder(i18n.T("payroll.rec.text_hint"))
	rows := []*kit.Field{kit.NewField("staff", i18n.T("payroll.col.person"), who.Select),
		kit.NewField("text", i18n.T("payroll.rec.text"), text)}
	kit.ShowFormDialog(t.w, i18n.T("payroll.rec.form", map[string]any{"Month": monthInText(d.month)}), kit.FieldGrid(rows...), func(close func()) {
		r := model.Recognition{StaffID: who.ID(), Month: d.month, Text: text.Text, Source: "owner"}
		kit.SubmitForm(t.w, fieldMap(rows), nil, r.Validate, func() error {
			return t.s.AddRecognition(context.Background(), &r)
		}, close, t.written)
	})
}
