package clients

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
)

// referrerPicker shows who brought the client and lets the manager choose
// another client from a search, or clear it.
type referrerPicker struct {
	w         fyne.Window
	s         ClientStore
	id        *uint
	name      *widget.Label
	clear     *widget.Button
	onChanged func()
	root      fyne.CanvasObject
}

func newReferrerPicker(w fyne.Window, s ClientStore) *referrerPicker {
	p := &referrerPicker{w: w, s: s, name: widget.NewLabel("")}
	p.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { p.choose(nil, "") })
	choose := widget.NewButtonWithIcon(i18n.T("client.referrer.choose"), theme.SearchIcon(), p.showDialog)
	p.root = container.NewBorder(nil, nil, nil, container.NewHBox(choose, p.clear), p.name)
	return p
}

func (p *referrerPicker) content() fyne.CanvasObject { return p.root }

// set shows the referrer with this ID (nil for none), reading the name.
func (p *referrerPicker) set(id *uint) {
	p.id = id
	p.showName("")
	if id == nil {
		return
	}
	ref := *id
	kit.Background(func() {
		c, err := p.s.Client(context.Background(), ref)
		fyne.Do(func() {
			if p.id != nil && *p.id == ref && err == nil {
				p.showName(c.FullName())
			}
		})
	})
}

func (p *referrerPicker) showName(name string) {
	if p.id == nil {
		p.name.SetText(i18n.T("client.referrer.none"))
		p.clear.Hide()
		return
	}
	p.name.SetText(name)
	p.clear.Show()
}

func (p *referrerPicker) choose(id *uint, name string) {
	p.id = id
	p.showName(name)
	if p.onChanged != nil {
		p.onChanged()
	}
}

// showDialog lets the manager find the referring client by name or phone.
func (p *referrerPicker) showDialog() {
	var rows []model.ClientRow
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(rows[i].FullName() + "  " + model.FormatPhone(rows[i].Phone))
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
		id := rows[i].ID
		p.choose(&id, rows[i].FullName())
		d.Hide()
	}
	body := container.NewBorder(search, nil, nil, nil, list)
	d = dialog.NewCustom(i18n.T("client.referrer.title"), i18n.T("form.cancel"), body, p.w)
	d.Resize(fyne.NewSize(480, 420))
	kit.TrackDialog(p.w, d)
	d.Show()
	p.w.Canvas().Focus(search)
	search.OnChanged("")
}
