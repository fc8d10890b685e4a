package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formDialog shows a form in a dialog with Save and Cancel. save checks the
// form and stores it off the UI goroutine; it calls close only once the
// form was valid and stored, so nothing typed is lost to a wrong field.
// Esc cancels.
type formDialog struct {
	d    dialog.Dialog
	save *widget.Button
}

func showFormDialog(w fyne.Window, title string, body fyne.CanvasObject, save func(close func())) *formDialog {
	fd := &formDialog{}
	fd.save = widget.NewButton(T("form.save"), func() { save(fd.d.Hide) })
	fd.save.Importance = widget.HighImportance
	cancel := widget.NewButton(T("form.cancel"), func() { fd.d.Hide() })
	content := container.NewBorder(nil, container.NewHBox(fd.save, cancel), nil, nil, container.NewVScroll(body))
	fd.d = dialog.NewCustomWithoutButtons(title, content, w)
	fd.d.Resize(fyne.NewSize(620, 560))
	trackDialog(w, fd.d)
	fd.d.Show()
	return fd
}

// showValidation puts each error under its field in fields; an error of a
// field not on the form is shown in a dialog. It reports whether there
// were none.
func showValidation(w fyne.Window, fields map[string]*field, err error) bool {
	for _, f := range fields {
		f.setError("")
	}
	if err == nil {
		return true
	}
	errs, ok := asFieldErrors(err)
	if !ok {
		showError(err, w)
		return false
	}
	for _, e := range errs {
		if f := fields[e.Field]; f != nil {
			f.setError(T(e.Key, e.Args))
		} else {
			showError(e, w)
		}
	}
	return false
}
