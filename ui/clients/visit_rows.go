package clients

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
)

// rowTable is a table of records a person corrects or removes — a
// client's visits, measurements: a double click or Enter opens the row,
// Delete asks to remove it. The row of the selected cell is the row meant,
// and the whole row shows as selected.
type rowTable struct {
	widget.Table
	headers  []string // translation keys
	widths   []float32
	stretch  int // the column that takes the width left
	cell     func(row, col int) string
	rows     func() int
	open     func(row int)
	remove   func(row int)
	selected int // -1 for none
	onSelect func(row int)
}

func newRowTable(headers []string, widths []float32, stretch int, rows func() int, cell func(row, col int) string) *rowTable {
	t := &rowTable{headers: headers, widths: widths, stretch: stretch, rows: rows, cell: cell, selected: -1}
	t.Length = func() (int, int) { return t.rows(), len(t.headers) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
		bg.Hide()
		return container.NewStack(bg, l)
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		c.Objects[0].(*canvas.Rectangle).Hidden = id.Row != t.selected
		c.Objects[1].(*widget.Label).SetText(t.cell(id.Row, id.Col))
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(i18n.T(t.headers[id.Col]))
		}
	}
	t.OnSelected = func(id widget.TableCellID) { t.pick(id.Row) }
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	t.ExtendBaseWidget(t)
	return t
}

// pick makes row the selected one (-1: none) and redraws the rows.
func (t *rowTable) pick(row int) {
	t.selected = row
	t.Refresh()
	if t.onSelect != nil {
		t.onSelect(row)
	}
}

// reset forgets the selection, as when the rows are read anew.
func (t *rowTable) reset() {
	t.UnselectAll()
	t.pick(-1)
}

// Resize gives the stretching column the width the others leave.
func (t *rowTable) Resize(s fyne.Size) {
	t.Table.Resize(s)
	if t.stretch < 0 {
		return
	}
	rest := s.Width - theme.Padding()*float32(len(t.widths)+2)
	for i, w := range t.widths {
		if i != t.stretch {
			rest -= w
		}
	}
	t.SetColumnWidth(t.stretch, max(rest, t.widths[t.stretch]))
}

// DoubleTapped opens the row under the pointer.
func (t *rowTable) DoubleTapped(e *fyne.PointEvent) {
	t.Tapped(e)
	if t.selected >= 0 && t.open != nil {
		t.open(t.selected)
	}
}

// TypedKey opens the highlighted row on Enter and asks to remove it on
// Delete (or Backspace); other keys move as in any table.
func (t *rowTable) TypedKey(k *fyne.KeyEvent) {
	var act func(int)
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		act = t.open
	case fyne.KeyDelete, fyne.KeyBackspace: // Backspace is the Delete of a Mac
		act = t.remove
	default:
		t.Table.TypedKey(k)
		return
	}
	t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // the highlighted row becomes the selected one
	if t.selected >= 0 && t.selected < t.rows() && act != nil {
		act(t.selected)
	}
}

// rowButtons are the buttons that open and remove the selected row of t,
// enabled while a row is selected.
func rowButtons(t *rowTable, edit, remove string) (*widget.Button, *widget.Button) {
	e := widget.NewButtonWithIcon(i18n.T(edit), theme.DocumentCreateIcon(), func() {
		if t.selected >= 0 {
			t.open(t.selected)
		}
	})
	d := widget.NewButtonWithIcon(i18n.T(remove), theme.DeleteIcon(), func() {
		if t.selected >= 0 {
			t.remove(t.selected)
		}
	})
	follow := func(row int) {
		for _, b := range []*widget.Button{e, d} {
			if row >= 0 {
				b.Enable()
			} else {
				b.Disable()
			}
		}
	}
	t.onSelect = follow
	follow(-1)
	return e, d
}

// showIf shows o when on, else hides it: a table with no rows is hidden,
// so the sentence saying so does not lie over its header.
func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}
