package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
	"companion/ui/kit"
)

// showAbout is Help → About: the version, the database, its schema and the
// data folder with a button that opens it — what `companion --version`
// prints.
func (m *MainWindow) showAbout() {
	lines := i18n.AboutLines(m.opts.About)
	rows := make([]kit.FormRow, 0, len(lines))
	for i, l := range lines {
		value := widget.NewLabel(l[1])
		value.Wrapping = fyne.TextWrapBreak
		var cell fyne.CanvasObject = value
		if i == len(lines)-1 {
			cell = kit.FolderRow(m, l[1])
		}
		rows = append(rows, kit.NewField("about", l[0], cell))
	}
	title := widget.NewLabelWithStyle(i18n.T("app.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(title, kit.Wrapped(i18n.T("dist.about.text")), kit.FormGrid(rows...))
	d := dialog.NewCustom(i18n.T("dist.about.title"), i18n.T("dist.about.close"), body, m)
	d.Resize(fyne.NewSize(620, 0))
	kit.TrackDialog(m, d)
	d.Show()
}
