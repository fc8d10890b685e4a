package kit

import (
	"companion/model"
	"companion/model/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// FormDialog shows a form in a dialog with Save and Cancel. save checks the
// form and stores it off the UI goroutine; it calls close only once the
// form was valid and stored, so nothing typed is lost to a wrong field.
// Esc cancels.
type FormDialog struct {
	Dialog dialog.Dialog
	Save   *widget.Button
	body   fyne.CanvasObject
	title  string
	opened []string // the form's values as it opened
	cancel func()
}

// ShowFormDialog shows body in a form dialog titled title; Save (and
// Ctrl+S, see SaveTopDialog) calls save with what closes the dialog.
func ShowFormDialog(w fyne.Window, title string, body fyne.CanvasObject, save func(close func())) *FormDialog {
	fd := &FormDialog{body: body, title: title, opened: formValues(body)}
	fd.cancel = func() { fd.askCancel(w, title) }
	fd.Save = widget.NewButton(i18n.T("form.save"), func() { save(fd.Dialog.Hide) })
	fd.Save.Importance = widget.HighImportance
	cancel := widget.NewButton(i18n.T("form.cancel"), fd.cancel)
	content := container.NewBorder(nil, container.NewHBox(fd.Save, cancel), nil, nil, container.NewVScroll(body))
	fd.Dialog = dialog.NewCustomWithoutButtons(title, content, w)
	fd.Dialog.Resize(fyne.NewSize(620, 560))
	TrackDialog(w, fd.Dialog)
	forms[fd.Dialog] = fd
	fd.Dialog.SetOnClosed(func() { delete(forms, fd.Dialog) })
	fd.Dialog.Show()
	return fd
}

// forms are the form dialogs shown, by their dialog. UI goroutine only.
var forms = map[dialog.Dialog]*FormDialog{}

// SaveTopDialog saves the form dialog on top of w, as its Save button
// does, and reports whether there was one: Ctrl+S saves what is in front.
func SaveTopDialog(w fyne.Window) bool {
	list := openDialogs[w]
	if len(list) == 0 {
		return false
	}
	fd, ok := forms[list[len(list)-1]]
	if ok && !fd.Save.Disabled() {
		fd.Save.OnTapped()
	}
	return ok
}

// writing are the windows with a form being written: one write at a time,
// so that a second tap or Enter stores nothing twice. UI goroutine only.
var writing = map[fyne.Window]bool{}

// Writing reports whether a form of w is being written now.
func Writing(w fyne.Window) bool { return writing[w] }

// topSave is the Save button of the form dialog on top of w, or nil.
func topSave(w fyne.Window) *widget.Button {
	if list := openDialogs[w]; len(list) > 0 {
		if fd, ok := forms[list[len(list)-1]]; ok {
			return fd.Save
		}
	}
	return nil
}

// ShowValidation puts each error under its field in fields; an error of a
// field not on the form is shown in a dialog. It reports whether there
// were none.
func ShowValidation(w fyne.Window, fields map[string]*Field, err error) bool {
	for _, f := range fields {
		f.SetError("")
	}
	if err == nil {
		return true
	}
	errs, ok := AsFieldErrors(err)
	if !ok {
		ShowError(err, w)
		return false
	}
	for _, e := range errs {
		if f := fields[e.Field]; f != nil {
			f.SetError(i18n.T(e.Key, e.Args))
		} else {
			ShowError(e, w)
		}
	}
	return false
}

// SubmitForm finishes a form dialog: the errors of what could not be read,
// or else of validate, go under their fields; a valid form is written off
// the UI goroutine, and only once it is stored the dialog closes and done
// runs. Errors of the write go under their fields too.
func SubmitForm(w fyne.Window, fields map[string]*Field, read model.ValidationErrors, validate, write func() error, close, done func()) {
	if writing[w] {
		return
	}
	if len(read) == 0 && validate != nil {
		if err := validate(); err != nil {
			ShowValidation(w, fields, err)
			return
		}
	}
	if !ShowValidation(w, fields, read.OrNil()) {
		return
	}
	save := topSave(w)
	if save != nil {
		save.Disable()
	}
	writing[w] = true
	Background(func() {
		err := write()
		fyne.Do(func() {
			writing[w] = false
			if save != nil {
				save.Enable()
			}
			if ShowValidation(w, fields, err) {
				close()
				done()
			}
		})
	})
}
