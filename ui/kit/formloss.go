package kit

import (
	"reflect"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
)

// cancel closes the form dialog, first asking when something was typed or
// chosen since it opened: Esc and Cancel never throw a filled-in form away.
func (fd *FormDialog) askCancel(w fyne.Window, title string) {
	if slices.Equal(fd.opened, formValues(fd.body)) {
		fd.Dialog.Hide()
		return
	}
	AskBeforeLoss(w, i18n.T("form.unsaved.title"), i18n.T("form.unsaved", map[string]any{"Title": title}),
		i18n.T("form.unsaved.keep"), i18n.T("form.unsaved.discard"), fd.Dialog.Hide, nil)
}

// UnsavedForms are the titles of w's form dialogs that hold something
// typed or chosen since they opened, the one on top last: what the person
// would lose if the window went away now.
func UnsavedForms(w fyne.Window) []string {
	var out []string
	for _, d := range openDialogs[w] {
		if fd, ok := forms[d]; ok && !slices.Equal(fd.opened, formValues(fd.body)) {
			out = append(out, fd.title)
		}
	}
	return out
}

// Keeper is a tab that may hold edits not saved yet, outside a dialog (a
// profile being typed into): Unsaved names what they belong to, "" when
// there are none, for the question before they would be lost.
type Keeper interface {
	Unsaved() string
}

// formValues are the values of the entries, choices and ticks within o,
// in order.
func formValues(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case nil:
		case *widget.Entry:
			out = append(out, x.Text)
		case *widget.Select:
			out = append(out, x.Selected)
		case *widget.Check:
			out = append(out, strconv.FormatBool(x.Checked))
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		default:
			if e := embeddedEntry(o); e != nil {
				out = append(out, e.Text)
			}
		}
	}
	walk(o)
	return out
}

// EntryOf is the widget.Entry that o is or is built on (a search box, a
// money or a date entry), or nil: where the typing goes when o has the
// cursor.
func EntryOf(o any) *widget.Entry {
	switch x := o.(type) {
	case nil:
		return nil
	case *widget.Entry:
		return x
	case fyne.CanvasObject:
		return embeddedEntry(x)
	}
	return nil
}

// embeddedEntry is the widget.Entry a widget of ours is built on
// (KeyEntry, a money or a date entry), or nil.
func embeddedEntry(o fyne.CanvasObject) *widget.Entry {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Entry")
	if !f.IsValid() || !f.CanAddr() {
		return nil
	}
	e, _ := f.Addr().Interface().(*widget.Entry)
	return e
}
