package uitest

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tableOf is the table o is, or the widget.Table a widget of its own is
// built on (embeds); nil for anything else.
func tableOf(o fyne.CanvasObject) *widget.Table {
	if t, ok := o.(*widget.Table); ok {
		return t
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Table")
	if !f.IsValid() || f.Type() != reflect.TypeOf(widget.Table{}) {
		return nil
	}
	return f.Addr().Interface().(*widget.Table)
}

// RowTable is the last shown table in w with a column headed header, as
// the window holds it: a widget.Table or a widget built on one, whose own
// keys and double taps a person uses. Its rows: TableRows(TableOf(…)).
func RowTable(t testing.TB, w fyne.Window, header string) fyne.Focusable {
	t.Helper()
	var found fyne.Focusable
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			if tb := tableOf(o); tb != nil && hasHeader(tb, header) {
				found = o.(fyne.Focusable)
			}
		})
	}
	if found == nil {
		t.Fatalf("no table with a column %q; the window shows %q", header, Texts(w))
	}
	return found
}

// TableOf is the widget.Table that o, found by RowTable, is built on.
func TableOf(o fyne.Focusable) *widget.Table { return tableOf(o.(fyne.CanvasObject)) }

// cellAt finds the shown label reading text within the last shown object
// in w that match accepts, and where the label's middle is within it.
func cellAt(w fyne.Window, text string, match func(fyne.CanvasObject) bool) (fyne.CanvasObject, fyne.Position) {
	var holder, label fyne.CanvasObject
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, holders []fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == text {
				for i := len(holders) - 1; i >= 0; i-- {
					if match(holders[i]) {
						holder, label = holders[i], l
						return
					}
				}
			}
		})
	}
	if holder == nil {
		return nil, fyne.Position{}
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(label).Subtract(d.AbsolutePositionForObject(holder))
	return holder, pos.Add(fyne.NewPos(label.Size().Width/2, label.Size().Height/2))
}

// TapCell taps, with the pointer on it, the cell of a table (or a row of
// a list) that shows text, and waits for what the tap started.
func TapCell(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	o, pos := cellAt(w, text, func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Tappable); return ok })
	if o == nil {
		t.Fatalf("no cell shows %q; the window shows %q", text, Texts(w))
	}
	Do(func() { o.(fyne.Tappable).Tapped(&fyne.PointEvent{Position: pos}) })
}

// DoubleTapCell double-clicks the cell (or row) that shows text, as a
// person opens a row, and waits for what it started.
func DoubleTapCell(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	o, pos := cellAt(w, text, func(o fyne.CanvasObject) bool { _, ok := o.(fyne.DoubleTappable); return ok })
	if o == nil {
		t.Fatalf("nothing that opens on a double click shows %q; the window shows %q", text, Texts(w))
	}
	Do(func() { o.(fyne.DoubleTappable).DoubleTapped(&fyne.PointEvent{Position: pos}) })
}

// PressKeyIn presses key in o with the cursor in it, as PressKey does for
// a widget that is not an entry: a table, a list.
func PressKeyIn(o fyne.Focusable, key fyne.KeyName) {
	Do(func() {
		if c := fyne.CurrentApp().Driver().CanvasForObject(o.(fyne.CanvasObject)); c != nil {
			c.Focus(o)
		}
		o.TypedKey(&fyne.KeyEvent{Name: key})
	})
}
