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
	objs := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		objs = append(objs, f.label, container.NewVBox(f.input, f.msg))
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

// section is a titled group of fields in a profile.
func section(title string, content fyne.CanvasObject) fyne.CanvasObject {
	h := widget.NewLabel(title)
	h.TextStyle.Bold = true
	h.Importance = widget.HighImportance
	return container.NewVBox(h, content, widget.NewSeparator())
}
