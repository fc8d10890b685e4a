package kit

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
	"companion/reports"
)

// ShowRecoveryCode shows the owner's new recovery code, the one time it is
// ever shown (only its hash is kept): in large digits, with buttons that
// copy it and save a page to print, and Continue only once the person
// ticks that they wrote it down. Nothing else closes it, Esc neither;
// done runs after Continue.
func ShowRecoveryCode(w fyne.Window, code string, done func()) {
	shown := widget.NewLabelWithStyle(code, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	shown.SizeName = theme.SizeNameHeadingText
	shown.Selectable = true
	copied := Wrapped("")
	copyButton := widget.NewButtonWithIcon(i18n.T("ownercode.code.copy"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(code)
		copied.SetText(i18n.T("ownercode.code.copied"))
	})
	pdf := widget.NewButtonWithIcon(i18n.T("ownercode.code.pdf"), theme.DocumentPrintIcon(), func() {
		savePDF(w, code, copied)
	})
	var d *dialog.CustomDialog
	next := widget.NewButtonWithIcon(i18n.T("ownercode.code.continue"), theme.NavigateNextIcon(), func() {
		d.Hide()
		if done != nil {
			done()
		}
	})
	next.Importance = widget.HighImportance
	next.Disable()
	written := widget.NewCheck(i18n.T("ownercode.code.written"), func(on bool) {
		if on {
			next.Enable()
		} else {
			next.Disable()
		}
	})
	body := container.NewVBox(Wrapped(i18n.T("ownercode.code.about")), widget.NewCard("", "", shown),
		container.NewHBox(copyButton, pdf), copied, Wrapped(i18n.T("ownercode.code.keep")), written, container.NewHBox(next))
	d = dialog.NewCustomWithoutButtons(i18n.T("ownercode.code.title"), body, w)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// savePDF writes the code's page to print where the person chooses, and
// says where it went (to be deleted once printed) in said.
func savePDF(w fyne.Window, code string, said *widget.Label) {
	AskSavePath(w, "recovery-code.pdf", func(path string) {
		issued := time.Now()
		Background(func() {
			err := reports.WriteFileAtomic(path, func(out io.Writer) error { return reports.WriteRecoveryCode(out, code, issued) })
			fyne.Do(func() {
				if err != nil {
					ShowError(err, w)
					return
				}
				said.SetText(i18n.T("ownercode.code.saved", map[string]any{"Path": path}))
			})
		})
	})
}
