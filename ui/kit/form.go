package kit

import (
	"companion/model/i18n"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Field is one labelled input of a form with its message underneath.
type Field struct {
	Name  string // the model's field name, as in model.FieldError.Field
	label *widget.Label
	Input fyne.CanvasObject
	Msg   *widget.Label
}

func NewField(name, label string, input fyne.CanvasObject) *Field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	l := widget.NewLabel(label)
	l.TextStyle.Bold = true
	return &Field{Name: name, label: l, Input: input, Msg: msg}
}

// SetError shows text under the input, or hides the message when text is "".
func (f *Field) SetError(text string) {
	f.Msg.SetText(text)
	if text == "" {
		f.Msg.Hide()
	} else {
		f.Msg.Show()
	}
}

// FieldGrid lays fields out as label | input, with each message under its input.
func FieldGrid(fields ...*Field) *fyne.Container {
	rows := make([]FormRow, len(fields))
	for i, f := range fields {
		rows[i] = f
	}
	return FormGrid(rows...)
}

// FormRow is a line of a form: a field, or a heading that starts a section.
type FormRow interface {
	Cells() (left, right fyne.CanvasObject)
}

func (f *Field) Cells() (fyne.CanvasObject, fyne.CanvasObject) {
	return f.label, container.NewVBox(f.Input, f.Msg)
}

type headingRow struct{ label *widget.Label }

func (h headingRow) Cells() (fyne.CanvasObject, fyne.CanvasObject) {
	return h.label, layout.NewSpacer()
}

// Heading starts a section of a form; every section shares one label column.
func Heading(title string) FormRow {
	l := widget.NewLabel(title)
	l.TextStyle.Bold = true
	l.Importance = widget.HighImportance
	return headingRow{l}
}

// FormGrid lays rows out in two aligned columns.
func FormGrid(rows ...FormRow) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(rows))
	for _, r := range rows {
		left, right := r.Cells()
		objs = append(objs, left, right)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// KeyEntry is an Entry that hands some keys (Esc, arrows), which a plain
// Entry swallows, to handlers of its own.
type KeyEntry struct {
	widget.Entry
	Keys map[fyne.KeyName]func()
}

func NewKeyEntry(keys map[fyne.KeyName]func()) *KeyEntry {
	e := &KeyEntry{Keys: keys}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs the entry's handler for the key, or types it.
func (e *KeyEntry) TypedKey(k *fyne.KeyEvent) {
	if h := e.Keys[k.Name]; h != nil {
		h()
		return
	}
	e.Entry.TypedKey(k)
}

// NewDialogEntry is an entry for a form in a dialog: Esc closes the dialog,
// as it does when no entry has the cursor.
func NewDialogEntry(w fyne.Window, multiLine bool) *KeyEntry {
	e := NewKeyEntry(map[fyne.KeyName]func(){fyne.KeyEscape: func() { CloseTopDialog(w) }})
	if multiLine {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
	}
	return e
}

// EmptyNote is a quiet sentence shown over an empty list.
type EmptyNote struct{ label *widget.Label }

func NewEmptyNote(text string) EmptyNote {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	return EmptyNote{l}
}

// Over stacks the note on top of content.
func (e EmptyNote) Over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, container.NewVBox(layout.NewSpacer(), e.label, layout.NewSpacer()))
}

// Follow shows the note when n is 0.
func (e EmptyNote) Follow(n int) {
	if n == 0 {
		e.label.Show()
	} else {
		e.label.Hide()
	}
}

// NewSelect is a drop-down whose empty choice asks, in the language,
// «(Выберите)»: Fyne's own placeholder is English in every language.
func NewSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = i18n.T("form.select.placeholder")
	return s
}
