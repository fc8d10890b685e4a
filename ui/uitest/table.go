package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// eachShown calls fn for o and for everything that shows within it, parents
// before children, with the objects that hold it (outermost first). What is
// hidden is skipped with all it holds, as a person does not see it. Widgets
// are walked through the renderers they are drawn with, in the UI's turn
// (asUI), so that no background work draws while the test reads.
func eachShown(o fyne.CanvasObject, holders []fyne.CanvasObject, fn func(o fyne.CanvasObject, holders []fyne.CanvasObject)) {
	asUI(func() { walkShown(o, holders, fn) })
}

func walkShown(o fyne.CanvasObject, holders []fyne.CanvasObject, fn func(o fyne.CanvasObject, holders []fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o, holders)
	holders = append(holders[:len(holders):len(holders)], o)
	switch x := o.(type) {
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkShown(c, holders, fn)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			walkShown(c, holders, fn)
		}
	}
}

// layers are what shows in w: its content, then the dialogs over it,
// newest last.
func layers(w fyne.Window) []fyne.CanvasObject {
	return append([]fyne.CanvasObject{w.Canvas().Content()}, w.Canvas().Overlays().List()...)
}

// labelTexts are the texts of the labels that show in o, in order.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	eachShown(o, nil, func(x fyne.CanvasObject, _ []fyne.CanvasObject) {
		if l, ok := x.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

// Table is the last shown table in w with a column headed header.
func Table(t testing.TB, w fyne.Window, header string) *widget.Table {
	t.Helper()
	var found *widget.Table
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			if tb, ok := o.(*widget.Table); ok && hasHeader(tb, header) {
				found = tb
			}
		})
	}
	if found == nil {
		t.Fatalf("no table with a column %q; the window shows %q", header, Texts(w))
	}
	return found
}

func hasHeader(tb *widget.Table, header string) bool {
	if !tb.ShowHeaderRow || tb.CreateHeader == nil || tb.UpdateHeader == nil || tb.Length == nil {
		return false
	}
	_, cols := tb.Length()
	for col := 0; col < cols; col++ {
		h := tb.CreateHeader()
		tb.UpdateHeader(widget.TableCellID{Row: -1, Col: col}, h)
		for _, s := range labelTexts(h) {
			if s == header {
				return true
			}
		}
	}
	return false
}

// TableRows are the rows of tb as it draws them, every row including those
// scrolled out of sight: the text of each cell, its labels joined by a space.
func TableRows(tb *widget.Table) [][]string {
	rows, cols := tb.Length()
	out := make([][]string, rows)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			cell := tb.CreateCell()
			tb.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
			out[r] = append(out[r], strings.Join(labelTexts(cell), " "))
		}
	}
	return out
}

// List is the last shown list in w titled title: the list in the cell
// beside the label title on a form, or just before or after that label in
// the same box.
func List(t testing.TB, w fyne.Window, title string) *widget.List {
	t.Helper()
	var found *widget.List
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			c, ok := o.(*fyne.Container)
			if !ok {
				return
			}
			for i, x := range c.Objects {
				if l, ok := x.(*widget.Label); !ok || !l.Visible() || l.Text != title {
					continue
				}
				for _, j := range []int{i + 1, i - 1} {
					if j >= 0 && j < len(c.Objects) {
						if list := firstList(c.Objects[j]); list != nil {
							found = list
							break
						}
					}
				}
			}
		})
	}
	if found == nil {
		t.Fatalf("no list titled %q; the window shows %q", title, Texts(w))
	}
	return found
}

func firstList(o fyne.CanvasObject) *widget.List {
	var found *widget.List
	eachShown(o, nil, func(x fyne.CanvasObject, _ []fyne.CanvasObject) {
		if l, ok := asList(x); ok && found == nil {
			found = l
		}
	})
	return found
}

// ListRows are the rows of l as it draws them, every row including those
// scrolled out of sight: the texts of the labels of each row.
func ListRows(l *widget.List) [][]string {
	n := l.Length()
	out := make([][]string, n)
	for i := 0; i < n; i++ {
		item := l.CreateItem()
		l.UpdateItem(i, item)
		out[i] = labelTexts(item)
	}
	return out
}

// TapRow taps, through the test driver, the row that shows a label whose
// text is text — a row of a list, a file in a file chooser: the innermost
// tappable that holds the label, the last such in w (in the dialog on top,
// when a dialog has one) — and waits for what the tap started.
func TapRow(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	row := findRow(layers(w), text)
	if row == nil {
		t.Fatalf("no row shows %q; the window shows %q", text, Texts(w))
	}
	Do(func() { test.Tap(row) })
}

// TapRowIn is TapRow within one part of the window, such as one list of
// several that show the same name.
func TapRowIn(t testing.TB, in fyne.CanvasObject, text string) {
	t.Helper()
	row := findRow([]fyne.CanvasObject{in}, text)
	if row == nil {
		t.Fatalf("no row shows %q; there show %q", text, labelTexts(in))
	}
	Do(func() { test.Tap(row) })
}

// findRow is the innermost tappable that holds a shown label whose text is
// one of texts, the last such within roots.
func findRow(roots []fyne.CanvasObject, texts ...string) fyne.Tappable {
	var found fyne.Tappable
	for _, root := range roots {
		eachShown(root, nil, func(o fyne.CanvasObject, holders []fyne.CanvasObject) {
			l, ok := o.(*widget.Label)
			if !ok || !matchesAny(l.Text, texts) {
				return
			}
			for i := len(holders) - 1; i >= 0; i-- {
				if tp, ok := holders[i].(fyne.Tappable); ok {
					found = tp
					return
				}
			}
		})
	}
	return found
}

func matchesAny(s string, texts []string) bool {
	for _, x := range texts {
		if s == x {
			return true
		}
	}
	return false
}
