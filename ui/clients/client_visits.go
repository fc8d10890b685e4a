package clients

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// visitsPane lists a client's visits, newest first, records a new one in a
// few keystrokes, and corrects or removes one entered by mistake.
type visitsPane struct {
	w       fyne.Window
	s       VisitStore
	today   func() model.Date
	changed func()

	clientID uint
	visits   []model.Visit
	form     *visitForm      // the form shown last
	dialog   *kit.FormDialog // and its dialog
	table    *rowTable
	summary  *widget.Label
	empty    kit.EmptyNote
	root     fyne.CanvasObject
}

// visitColumns are the visits table's columns, as translation keys.
var visitColumns = []string{"visit.col.on", "visit.col.what", "visit.col.total"}

func newVisitsPane(w fyne.Window, s VisitStore, today func() model.Date, changed func()) *visitsPane {
	p := &visitsPane{w: w, s: s, today: today, changed: changed, summary: widget.NewLabel("")}
	p.table = newRowTable(visitColumns, []float32{100, 300, 110}, 1, func() int { return len(p.visits) }, p.cell)
	p.table.open = func(row int) { p.showForm(&p.visits[row]) }
	p.table.remove = func(row int) { p.askDelete(p.visits[row]) }
	add := widget.NewButtonWithIcon(i18n.T("visit.new"), theme.ContentAddIcon(), func() { p.showForm(nil) })
	add.Importance = widget.HighImportance
	edit, del := rowButtons(p.table, "visit.edit", "visit.delete")
	p.empty = kit.NewEmptyNote(i18n.T("visit.none"))
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(edit, del, add), p.summary)
	p.root = container.NewBorder(bar, nil, nil, nil, p.empty.Over(p.table))
	return p
}

func (p *visitsPane) content() fyne.CanvasObject { return p.root }

func (p *visitsPane) cell(row, col int) string {
	v := p.visits[row]
	switch col {
	case 0:
		return v.On.Format(i18n.Lang())
	case 1:
		return visitLines(v)
	}
	return v.Total().Format(i18n.Lang())
}

func (p *visitsPane) load(clientID uint) {
	loadFor(p.w, &p.clientID, clientID, p.s.Visits, func(vs []model.Visit) {
		p.visits = vs
		p.empty.Follow(len(vs))
		showIf(p.table, len(vs) > 0)
		var sum model.Money
		for _, v := range vs {
			sum += v.Total()
		}
		p.summary.SetText(i18n.T("visit.summary", map[string]any{"N": len(vs), "Sum": sum.Format(i18n.Lang())}))
		p.table.reset()
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

// showForm opens the visit form, empty for a new visit or filled with old,
// with what it needs from the store.
func (p *visitsPane) showForm(old *model.Visit) {
	id := p.clientID
	kit.Background(func() {
		ctx := context.Background()
		services, err := p.s.Services(ctx)
		var staff []model.Staff
		var cards []model.CardView
		var promos []model.Promotion
		if err == nil {
			staff, err = p.s.Staff(ctx)
		}
		if err == nil {
			cards, err = p.s.Cards(ctx, id)
		}
		if err == nil {
			promos, err = p.s.Promotions(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			title := i18n.T("visit.new")
			services = slices.DeleteFunc(services, func(s model.Service) bool { return !s.Active })
			var v model.Visit
			if old != nil {
				v = *old
				title = i18n.T("visit.edit.title", map[string]any{"Day": v.On.Format(i18n.Lang())})
				services, staff = withLineServices(services, v), withLineStaff(staff, v)
			}
			f := newVisitForm(p.w, p.today(), services, staff, cardsFor(cards, v))
			f.promos = promos
			if old != nil {
				f.fill(v)
			}
			p.form = f
			p.dialog = kit.ShowFormDialog(p.w, title, f.content(), func(close func()) { p.save(id, v, f, close) })
		})
	})
}

// cardsFor are the cards a visit may be paid by: those in use, and those
// the visit v already took its visits from, whatever their state now.
func cardsFor(cs []model.CardView, v model.Visit) []model.CardView {
	used := cardIDsOf(v)
	var out []model.CardView
	for _, c := range cs {
		if c.State.Status == model.CardActive || c.State.Status == model.CardNotActivated || used[c.Card.ID] {
			out = append(out, c)
		}
	}
	return out
}

func cardIDsOf(v model.Visit) map[uint]bool {
	out := map[uint]bool{}
	for _, l := range v.Lines {
		if l.CardID != nil {
			out[*l.CardID] = true
		}
	}
	return out
}

// save checks the form and stores the visit (a new one when old has no ID;
// else old as it was read, whose version the save must still find); the
// dialog closes only then.
func (p *visitsPane) save(clientID uint, old model.Visit, f *visitForm, close func()) {
	v, errs := f.visit(clientID)
	v.ID, v.Version = old.ID, old.Version
	write := func() error { return f.formErrors(p.s.AddVisit(context.Background(), &v)) }
	if v.ID != 0 {
		write = func() error { return f.formErrors(p.s.UpdateVisit(context.Background(), &v)) }
	}
	kit.SubmitForm(p.w, f.fields, errs, func() error { return f.formErrors(v.Validate(p.today())) }, write, close, p.changed)
}
