package clients

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// visitsPane lists a client's visits, newest first, and records a new one
// in a few keystrokes.
type visitsPane struct {
	w       fyne.Window
	s       VisitStore
	today   func() model.Date
	changed func()

	clientID uint
	visits   []model.Visit
	form     *visitForm      // the form shown last
	dialog   *kit.FormDialog // and its dialog
	list     *widget.List
	summary  *widget.Label
	empty    kit.EmptyNote
	root     fyne.CanvasObject
}

func newVisitsPane(w fyne.Window, s VisitStore, today func() model.Date, changed func()) *visitsPane {
	p := &visitsPane{w: w, s: s, today: today, changed: changed, summary: widget.NewLabel("")}
	p.list = widget.NewList(func() int { return len(p.visits) },
		func() fyne.CanvasObject {
			what := widget.NewLabel("")
			what.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewLabel(""), widget.NewLabel(""), what)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			v := p.visits[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(visitLines(v))
			c.Objects[1].(*widget.Label).SetText(v.On.Format(i18n.Lang()))
			c.Objects[2].(*widget.Label).SetText(v.Total().Format(i18n.Lang()))
		})
	add := widget.NewButtonWithIcon(i18n.T("visit.new"), theme.ContentAddIcon(), p.showNew)
	add.Importance = widget.HighImportance
	p.empty = kit.NewEmptyNote(i18n.T("visit.none"))
	p.root = container.NewBorder(container.NewBorder(nil, nil, nil, add, p.summary), nil, nil, nil, p.empty.Over(p.list))
	return p
}

func (p *visitsPane) content() fyne.CanvasObject { return p.root }

func (p *visitsPane) load(clientID uint) {
	loadFor(p.w, &p.clientID, clientID, p.s.Visits, func(vs []model.Visit) {
		p.visits = vs
		p.empty.Follow(len(vs))
		var sum model.Money
		for _, v := range vs {
			sum += v.Total()
		}
		p.summary.SetText(i18n.T("visit.summary", map[string]any{"N": len(vs), "Sum": sum.Format(i18n.Lang())}))
		p.list.Refresh()
	})
}

// visitLines names what the client had: "Массаж спины ×2, Крем (карта)".
func visitLines(v model.Visit) string {
	parts := make([]string, len(v.Lines))
	for i, l := range v.Lines {
		parts[i] = l.Name
		if l.Qty > 1 {
			parts[i] += fmt.Sprintf(" ×%d", l.Qty)
		}
		if l.PaidBy == "card" {
			parts[i] += " (" + i18n.T("visit.by_card") + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// showNew opens the visit form with what it needs from the store.
func (p *visitsPane) showNew() {
	id := p.clientID
	kit.Background(func() {
		ctx := context.Background()
		services, err := p.s.Services(ctx)
		var staff []model.Staff
		var cards []model.CardView
		if err == nil {
			staff, err = p.s.Staff(ctx)
		}
		if err == nil {
			cards, err = p.s.Cards(ctx, id)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			f := newVisitForm(p.w, p.today(), services, staff, usableCards(cards))
			p.form = f
			p.dialog = kit.ShowFormDialog(p.w, i18n.T("visit.new"), f.content(), func(close func()) { p.save(id, f, close) })
		})
	})
}

func usableCards(cs []model.CardView) []model.CardView {
	var out []model.CardView
	for _, c := range cs {
		if c.State.Status == model.CardActive || c.State.Status == model.CardNotActivated {
			out = append(out, c)
		}
	}
	return out
}

// save checks the form and stores the visit; the dialog closes only then.
func (p *visitsPane) save(clientID uint, f *visitForm, close func()) {
	v, errs := f.visit(clientID)
	kit.SubmitForm(p.w, f.fields, errs, func() error { return f.formErrors(v.Validate(p.today())) },
		func() error { return f.formErrors(p.s.AddVisit(context.Background(), &v)) }, close, p.changed)
}
