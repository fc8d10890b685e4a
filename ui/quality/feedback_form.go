package quality

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// desk receives feedback and takes it through its steps, wherever the
// manager is: the feedback page or the client's profile.
type desk struct {
	w    fyne.Window
	s    FeedbackStore
	done func() // after anything is stored
}

// receive opens the form of a client's feedback; client is the client it
// is about when the form opens from the profile (its name shown, no
// choice), nil to choose one.
func (d *desk) receive(client *model.ClientRow) {
	kit.Background(func() {
		ctx := context.Background()
		staff, err := d.s.Staff(ctx)
		var services []model.Service
		if err == nil {
			services, err = d.s.Services(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, d.w)
				return
			}
			d.showForm(client, staff, services)
		})
	})
}

func (d *desk) showForm(client *model.ClientRow, staff []model.Staff, services []model.Service) {
	picker := newClientPicker(d.w, d.s)
	if client != nil {
		picker.fix(*client)
	}
	kind := kit.NewSelect(kindNames(), nil)
	who := staffChoice(i18n.T("feedback.staff.none"), staff, nil)
	what := serviceChoice(i18n.T("feedback.service.none"), services, nil)
	rating := kit.NewSelect(ratingOptions(), nil)
	rating.SetSelectedIndex(0)
	words := multiLine(d.w, 4)
	words.SetPlaceHolder(i18n.T("feedback.words.hint"))
	on := widgets.NewDateEntry(d.w)
	on.SetValue(d.s.Today())
	fields := fieldMap(kit.NewField("client", i18n.T("feedback.client"), picker.root),
		kit.NewField("kind", i18n.T("feedback.kind"), kind), kit.NewField("staff", i18n.T("feedback.staff"), who.Select),
		kit.NewField("service", i18n.T("feedback.service"), what.Select), kit.NewField("rating", i18n.T("feedback.rating"), rating),
		kit.NewField("words", i18n.T("feedback.words"), words), kit.NewField("on", i18n.T("feedback.on"), on))
	body := kit.FieldGrid(fields["client"], fields["kind"], fields["staff"], fields["service"], fields["rating"],
		fields["words"], fields["on"])
	kit.ShowFormDialog(d.w, i18n.T("feedback.new"), body, func(close func()) {
		f := model.Feedback{StaffID: who.ID(), ServiceID: what.ID(), Rating: max(0, rating.SelectedIndex()), Words: words.Text}
		if picker.id != nil {
			f.ClientID = *picker.id
		}
		if i := kind.SelectedIndex(); i >= 0 {
			f.Kind = model.FeedbackKinds[i]
		}
		var ferr *model.FieldError
		f.On, ferr = on.Value("on")
		kit.SubmitForm(d.w, fields, model.ValidationErrors{}.Add(ferr), func() error { return f.Validate(d.s.Today()) },
			func() error { return d.s.AddFeedback(context.Background(), &f) }, close, d.done)
	}).Dialog.Resize(fyne.NewSize(680, 600))
}

// clientPicker shows the client feedback is from and lets the manager
// find another by name or phone.
type clientPicker struct {
	w      fyne.Window
	s      FeedbackStore
	id     *uint
	name   *widget.Label
	choose *widget.Button
	root   fyne.CanvasObject
}

func newClientPicker(w fyne.Window, s FeedbackStore) *clientPicker {
	p := &clientPicker{w: w, s: s, name: widget.NewLabel(i18n.T("feedback.client.none"))}
	p.choose = widget.NewButtonWithIcon(i18n.T("feedback.client.choose"), theme.SearchIcon(), p.showDialog)
	p.root = container.NewBorder(nil, nil, nil, p.choose, p.name)
	return p
}

// fix names the client and offers no other.
func (p *clientPicker) fix(c model.ClientRow) {
	p.set(c)
	p.choose.Hide()
}

func (p *clientPicker) set(c model.ClientRow) {
	id := c.ID
	p.id = &id
	p.name.SetText(c.FullName())
}

// showDialog lets the manager find the client by name or phone.
func (p *clientPicker) showDialog() {
	var rows []model.ClientRow
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject {
			phone := widget.NewLabel("")
			phone.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, phone, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(rows[i].FullName())
			box.Objects[1].(*widget.Label).SetText(model.FormatPhone(rows[i].Phone))
		})
	search := kit.NewKeyEntry(map[fyne.KeyName]func(){fyne.KeyEscape: func() { d.Hide() }, fyne.KeyDown: func() { p.w.Canvas().Focus(list) }})
	search.SetPlaceHolder(i18n.T("clients.search.placeholder"))
	search.OnChanged = func(text string) {
		kit.Background(func() {
			found, err := p.s.ListClients(context.Background(), model.ClientQuery{Text: text, Limit: 50})
			fyne.Do(func() {
				if err != nil || search.Text != text {
					return
				}
				rows = found
				list.Refresh()
			})
		})
	}
	list.OnSelected = func(i widget.ListItemID) {
		p.set(rows[i])
		d.Hide()
	}
	d = dialog.NewCustom(i18n.T("feedback.client.choose"), i18n.T("form.cancel"), container.NewBorder(search, nil, nil, nil, list), p.w)
	d.Resize(fyne.NewSize(520, 440))
	kit.TrackDialog(p.w, d)
	d.Show()
	p.w.Canvas().Focus(search)
	search.OnChanged("")
}
