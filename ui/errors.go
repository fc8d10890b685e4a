package ui

import (
	"companion/model"
	"companion/model/i18n"
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showError tells the person what went wrong, in words they understand, and
// logs the detail. It is safe to call from any goroutine.
func showError(err error, w fyne.Window) {
	if err == nil {
		return
	}
	log.Printf("error: %v", err)
	fyne.Do(func() {
		d := dialog.NewError(&personError{i18n.ErrorText(err)}, w)
		trackDialog(w, d)
		d.Show()
	})
}

type personError struct{ text string }

func (e *personError) Error() string { return e.text }

// openDialogs are the dialogs shown in each window, newest last, so that
// Esc closes the one on top.
var openDialogs = map[fyne.Window][]dialog.Dialog{}

// trackDialog remembers d until it is closed. Call on the UI goroutine.
func trackDialog(w fyne.Window, d dialog.Dialog) {
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

// closeTopDialog hides the newest dialog of w, if any.
func closeTopDialog(w fyne.Window) {
	if list := openDialogs[w]; len(list) > 0 {
		list[len(list)-1].Hide()
	}
}

// asFieldErrors unpacks the field errors of err, whether one or many.
func asFieldErrors(err error) (model.ValidationErrors, bool) {
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
