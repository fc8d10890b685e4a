package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// TellUpgrade says over w, once, that this program brought the database
// from an older schema to its own, and names the copy kept of it as it was.
func TellUpgrade(w fyne.Window, u model.SchemaUpgrade) {
	text := kit.Wrapped(i18n.UpgradeText(u))
	d := dialog.NewCustom(i18n.T("dist.upgrade.title"), i18n.T("dist.about.close"), text, w)
	d.Resize(fyne.NewSize(560, 0))
	kit.TrackDialog(w, d)
	d.Show()
}

// ShowStartProblem is the window of a start that cannot go on — a
// database made by a newer program, or any error when there is no console
// to print it to (the Windows program): the sentence and a button that
// closes it. It runs the app until the window closes.
func ShowStartProblem(a fyne.App, err error) {
	w := startProblemWindow(a, err)
	w.ShowAndRun()
}

func startProblemWindow(a fyne.App, err error) fyne.Window {
	w := a.NewWindow(i18n.T("dist.start.problem"))
	title := widget.NewLabelWithStyle(i18n.T("dist.start.problem"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	icon := widget.NewIcon(theme.WarningIcon())
	closeButton := widget.NewButton(i18n.T("dist.about.close"), w.Close)
	closeButton.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(container.NewHBox(icon, title), container.NewHBox(closeButton), nil, nil,
		kit.Wrapped(i18n.ErrorText(err)))))
	w.Resize(fyne.NewSize(600, 260))
	w.CenterOnScreen()
	return w
}
