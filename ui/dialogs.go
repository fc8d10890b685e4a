package ui

import (
	"companion/model"
	"companion/model/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
	fd.save = widget.NewButton(i18n.T("form.save"), func() { save(fd.d.Hide) })
	fd.save.Importance = widget.HighImportance
	cancel := widget.NewButton(i18n.T("form.cancel"), func() { fd.d.Hide() })
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
			f.setError(i18n.T(e.Key, e.Args))
		} else {
			showError(e, w)
		}
	}
	return false
}

// askOpenPath asks for a file to read, of the given extensions, and hands
// its path to then; nothing happens when the person cancels.
func askOpenPath(w fyne.Window, exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, w)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	trackDialog(w, d)
	d.Show()
}

// askSavePath asks where to write a file, suggesting name, and hands the
// path to then, which writes it whole (atomicfile); nothing happens when the
// person cancels.
func askSavePath(w fyne.Window, name string, then func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(err, w)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		then(path)
	}, w)
	d.SetFileName(name)
	trackDialog(w, d)
	d.Show()
}

// submitForm finishes a form dialog: the errors of what could not be read,
// or else of validate, go under their fields; a valid form is written off
// the UI goroutine, and only once it is stored the dialog closes and done
// runs. Errors of the write go under their fields too.
func submitForm(w fyne.Window, fields map[string]*field, read model.ValidationErrors, validate, write func() error, close, done func()) {
	if len(read) == 0 && validate != nil {
		if err := validate(); err != nil {
			read, _ = asFieldErrors(err)
		}
	}
	if !showValidation(w, fields, read.OrNil()) {
		return
	}
	background(func() {
		err := write()
		fyne.Do(func() {
			if showValidation(w, fields, err) {
				close()
				done()
			}
		})
	})
}
