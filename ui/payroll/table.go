package payroll

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// column is a table's column: its heading, its width, and whether it holds
// figures (set right, so that roubles stand under roubles).
type column struct {
	title   string
	width   float32
	figures bool
}

// table is a read-only table of texts with a heading row; a tap on a row
// calls picked with the row's number.
type table struct {
	*widget.Table
	cols   []column
	rows   [][]string
	picked func(row int)
}

func newTable(cols []column, picked func(row int)) *table {
	t := &table{cols: cols, picked: picked}
	t.Table = widget.NewTableWithHeaders(func() (int, int) { return len(t.rows), len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignLeading
			if t.cols[id.Col].figures {
				l.Alignment = fyne.TextAlignTrailing
			}
			if id.Row < len(t.rows) && id.Col < len(t.rows[id.Row]) {
				l.SetText(t.rows[id.Row][id.Col])
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(t.cols) {
			l := o.(*widget.Label)
			l.SetText(t.cols[id.Col].title)
			l.Alignment = fyne.TextAlignLeading
			if t.cols[id.Col].figures {
				l.Alignment = fyne.TextAlignTrailing
			}
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.rows) && t.picked != nil {
			t.picked(id.Row)
		}
	}
	return t
}

// setRows shows rows, each a text per column.
func (t *table) setRows(rows [][]string) {
	t.rows = rows
	t.UnselectAll()
	t.Refresh()
}
