package catalogue

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

// showContraindications shows the salon's one list of contraindications;
// a name is added or renamed here, and a rename reaches every service.
func (t *Tab) showContraindications() {
	list := widget.NewList(func() int { return len(t.tags) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.tags[i].Name) })
	list.OnSelected = func(i widget.ListItemID) { list.UnselectAll(); t.editContraindication(t.tags[i], list) }
	add := widget.NewButtonWithIcon(i18n.T("catalogue.contra.add"), theme.ContentAddIcon(),
		func() { t.editContraindication(model.Contraindication{}, list) })
	hint := widget.NewLabel(i18n.T("catalogue.contra.list_hint"))
	hint.Importance = widget.LowImportance
	d := dialog.NewCustom(i18n.T("catalogue.contra"), i18n.T("staff.close"),
		container.NewBorder(hint, container.NewHBox(add), nil, nil, list), t.w)
	d.Resize(fyne.NewSize(480, 460))
	kit.TrackDialog(t.w, d)
	d.Show()
}

func (t *Tab) editContraindication(c model.Contraindication, list *widget.List) {
	name := kit.NewDialogEntry(t.w, false)
	name.SetText(c.Name)
	f := kit.NewField("name", i18n.T("catalogue.name"), name)
	kit.ShowFormDialog(t.w, i18n.T("catalogue.contra.title"), kit.FieldGrid(f), func(close func()) {
		n := c
		n.Name = name.Text
		kit.SubmitForm(t.w, map[string]*kit.Field{"name": f}, nil, n.Validate,
			func() error { return t.s.SaveContraindication(context.Background(), &n) }, close, func() {
				t.afterRefresh = list.Refresh
				t.saved()
			})
	})
}
