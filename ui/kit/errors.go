package kit

import (
	"companion/model"
	"companion/model/i18n"
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowError tells the person what went wrong, in words they understand, and
// logs the detail. It is safe to call from any goroutine.
func ShowError(err error, w fyne.Window) {
	if err == nil {
		return
	}
	log.Printf("error: %v", err)
	fyne.Do(func() { showErrorDialog(err, w) })
}

// showErrorDialog shows the sentence and, for the system's errors, their
// detail with a button that copies it.
func showErrorDialog(err error, w fyne.Window) {
	sentence := widget.NewLabel(i18n.ErrorSentence(err))
	sentence.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(sentence)
	if detail := i18n.ErrorDetail(err); detail != "" {
		text := widget.NewLabel(detail)
		text.Wrapping = fyne.TextWrapWord
		text.SizeName = theme.SizeNameCaptionText
		copyDetail := widget.NewButtonWithIcon(i18n.T("err.copy_detail"), theme.ContentCopyIcon(), func() {
			fyne.CurrentApp().Clipboard().SetContent(detail)
		})
		body.Add(container.NewBorder(nil, nil, nil, copyDetail, text))
	}
	d := dialog.NewCustom(i18n.T("err.title"), i18n.T("err.ok"), body, w)
	TrackDialog(w, d)
	d.Resize(errorDialogSize)
	d.Show()
}

// errorDialogSize keeps an error's sentence on a few readable lines.
var errorDialogSize = fyne.NewSize(500, 240)

// openDialogs are the dialogs shown in each window, newest last, so that
// Esc closes the one on top.
var openDialogs = map[fyne.Window][]dialog.Dialog{}

// TrackDialog remembers d until it is closed. Call on the UI goroutine.
func TrackDialog(w fyne.Window, d dialog.Dialog) {
	openDialogs[w] = append(openDialogs[w], d)
	d.SetOnClosed(func() {
		list := openDialogs[w]
		for i, x := range list {
			if x == d {
				openDialogs[w] = append(list[:i], list[i+1:]...)
				break
			}
		}
	})
}

// CloseTopDialog hides the newest dialog of w, if any, as Esc does: a
// form dialog asks first when something was typed in it.
func CloseTopDialog(w fyne.Window) {
	if list := openDialogs[w]; len(list) > 0 {
		top := list[len(list)-1]
		if fd, ok := forms[top]; ok {
			fd.cancel()
			return
		}
		top.Hide()
	}
}

// AsFieldErrors unpacks the field errors of err, whether one or many.
func AsFieldErrors(err error) (model.ValidationErrors, bool) {
	var v model.ValidationErrors
	if errors.As(err, &v) {
		return v, true
	}
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return model.ValidationErrors{fe}, true
	}
	return nil, false
}
