package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// AskBeforeLoss asks before something that would lose what the person
// did. The safe choice (keep, go back) is the highlighted default and comes
// first; the risky one is marked as dangerous and runs risky. Esc keeps;
// kept (if not nil) runs whenever the person keeps.
func AskBeforeLoss(w fyne.Window, title, text, safe, riskyLabel string, risky, kept func()) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	keep := widget.NewButton(safe, func() { d.Hide() })
	keep.Importance = widget.HighImportance
	lost := false
	lose := widget.NewButton(riskyLabel, func() { lost = true; d.Hide(); risky() })
	lose.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, container.NewHBox(keep, lose)), w)
	d.Resize(fyne.NewSize(480, 0))
	TrackDialog(w, d)
	d.SetOnClosed(func() {
		if !lost && kept != nil {
			kept()
		}
	})
	d.Show()
	w.Canvas().Focus(keep)
}
