package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// field is one labelled input of a form with its message underneath.
type field struct {
	name  string // the model's field name, as in model.FieldError.Field
	label *widget.Label
	input fyne.CanvasObject
	msg   *widget.Label
}

func newField(name, label string, input fyne.CanvasObject) *field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	l := widget.NewLabel(label)
	l.TextStyle.Bold = true
	return &field{name: name, label: l, input: input, msg: msg}
}

// setError shows text under the input, or hides the message when text is "".
func (f *field) setError(text string) {
	f.msg.SetText(text)
	if text == "" {
		f.msg.Hide()
	} else {
		f.msg.Show()
	}
}

// fieldGrid lays fields out as label | input, with each message under its input.
func fieldGrid(fields ...*field) *fyne.Container {
	rows := make([]formRow, len(fields))
	for i, f := range fields {
		rows[i] = f
	}
	return formGrid(rows...)
}

// formRow is a line of a form: a field, or a heading that starts a section.
type formRow interface {
	cells() (left, right fyne.CanvasObject)
}

func (f *field) cells() (fyne.CanvasObject, fyne.CanvasObject) {
	return f.label, container.NewVBox(f.input, f.msg)
}

type headingRow struct{ label *widget.Label }

func (h headingRow) cells() (fyne.CanvasObject, fyne.CanvasObject) {
	return h.label, layout.NewSpacer()
}

// heading starts a section of a form; every section shares one label column.
func heading(title string) formRow {
	l := widget.NewLabel(title)
	l.TextStyle.Bold = true
	l.Importance = widget.HighImportance
	return headingRow{l}
}

// formGrid lays rows out in two aligned columns.
func formGrid(rows ...formRow) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(rows))
	for _, r := range rows {
		left, right := r.cells()
		objs = append(objs, left, right)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// keyEntry is an Entry that hands some keys (Esc, arrows), which a plain
// Entry swallows, to handlers of its own.
type keyEntry struct {
	widget.Entry
	keys map[fyne.KeyName]func()
}

func newKeyEntry(keys map[fyne.KeyName]func()) *keyEntry {
	e := &keyEntry{keys: keys}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs the entry's handler for the key, or types it.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if h := e.keys[k.Name]; h != nil {
		h()
		return
	}
	e.Entry.TypedKey(k)
}

// newDialogEntry is an entry for a form in a dialog: Esc closes the dialog,
// as it does when no entry has the cursor.
func newDialogEntry(w fyne.Window, multiLine bool) *keyEntry {
	e := newKeyEntry(map[fyne.KeyName]func(){fyne.KeyEscape: func() { closeTopDialog(w) }})
	if multiLine {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
	}
	return e
}

// emptyNote is a quiet sentence shown over an empty list.
type emptyNote struct{ label *widget.Label }

func newEmptyNote(text string) emptyNote {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	return emptyNote{l}
}

// over stacks the note on top of content.
func (e emptyNote) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, container.NewVBox(layout.NewSpacer(), e.label, layout.NewSpacer()))
}

// follow shows the note when n is 0.
func (e emptyNote) follow(n int) {
	if n == 0 {
		e.label.Show()
	} else {
		e.label.Hide()
	}
}
