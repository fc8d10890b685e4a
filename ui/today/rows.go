package today

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// FollowUpStore is what Today needs to close a follow-up or move it.
type FollowUpStore interface {
	SetFollowUpDone(ctx context.Context, contactID uint, done bool) error
	UpdateContact(ctx context.Context, c *model.Contact) error
}

// rowItem is one line of a list: the name on a line of its own, so that
// it reads whole, and under it why the client is there; a follow-up has
// two small buttons beside it: done (✓) and move to another day (calendar).
type rowItem struct {
	widget.BaseWidget
	name, why  *widget.Label
	done, move *widget.Button
	box        fyne.CanvasObject
}

func newRowItem() fyne.CanvasObject {
	r := &rowItem{name: widget.NewLabel(""), why: widget.NewLabel("")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.name.TextStyle.Bold = true
	r.why.Truncation = fyne.TextTruncateEllipsis
	r.done = widget.NewButtonWithIcon("", theme.ConfirmIcon(), nil)
	r.move = widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	r.done.Importance, r.move.Importance = widget.LowImportance, widget.LowImportance
	r.box = container.NewVBox(r.name, container.NewBorder(nil, nil, nil, container.NewHBox(r.done, r.move), r.why))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's box.
func (r *rowItem) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// showRow fills an item with row; a follow-up's buttons act on its contact.
func (t *Tab) showRow(it *rowItem, row agendaRow) {
	it.name.SetText(row.name)
	it.why.SetText(row.why)
	it.why.Importance = widget.MediumImportance
	if row.urgent {
		it.why.Importance = widget.DangerImportance
	}
	it.why.Refresh()
	if row.followUp == nil {
		it.done.Hide()
		it.move.Hide()
		return
	}
	c := *row.followUp
	it.done.OnTapped = func() { t.closeFollowUp(c) }
	it.move.OnTapped = func() { t.moveFollowUp(c) }
	it.done.Show()
	it.move.Show()
}

// closeFollowUp marks the follow-up done, as the manager says.
func (t *Tab) closeFollowUp(c model.Contact) {
	kit.Background(func() {
		err := t.s.SetFollowUpDone(context.Background(), c.ID, true)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.changes.Notify(kit.ChangeContacts)
		})
	})
}

// moveFollowUp asks for the follow-up's new day (tomorrow unless changed)
// and stores it.
func (t *Tab) moveFollowUp(c model.Contact) {
	on := widgets.NewDateEntry(t.w)
	on.SetValue(t.s.Today().AddDays(1))
	field := kit.NewField("next_on", i18n.T("today.followup.move.on"), on)
	fields := map[string]*kit.Field{"next_on": field}
	title := i18n.T("today.followup.move.title")
	fd := kit.ShowFormDialog(t.w, title, kit.FieldGrid(field), func(close func()) {
		d, ferr := on.Value("next_on")
		moved := c
		moved.NextOn, moved.NextDone = d, false
		kit.SubmitForm(t.w, fields, model.ValidationErrors{}.Add(ferr),
			func() error { return moved.Validate(t.s.Today()) },
			func() error { return t.s.UpdateContact(context.Background(), &moved) },
			close, func() { t.changes.Notify(kit.ChangeContacts) })
	})
	fd.Dialog.Resize(fyne.NewSize(460, 240))
	t.w.Canvas().Focus(on)
}
