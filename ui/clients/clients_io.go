package clients

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/clientio"
	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
)

// ClientIO is what importing and exporting the client list needs.
type ClientIO interface {
	CheckImport(ctx context.Context, imp *clientio.Import) error
	ImportClients(ctx context.Context, imp *clientio.Import, onlyGood bool) (clientio.Result, error)
	ExportClients(ctx context.Context, q model.ClientQuery) ([]model.Client, error)
}

// ImportCSV asks for a file, shows what would be imported, and imports it
// when the manager agrees.
func (t *Tab) ImportCSV() {
	kit.AskOpenPath(t.w, []string{".csv", ".txt", ".CSV"}, func(path string) {
		kit.Background(func() {
			imp, err := t.readImport(path)
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, t.w)
					return
				}
				t.showImportPreview(filepath.Base(path), imp)
			})
		})
	})
}

// readImport reads and checks a file to import, off the UI goroutine.
func (t *Tab) readImport(path string) (*clientio.Import, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	imp, err := clientio.Parse(io.LimitReader(f, 64<<20), t.s.Today())
	if err == nil {
		err = t.io.CheckImport(context.Background(), imp)
	}
	return imp, err
}

// showImportPreview lists the rows of the file with their problems and asks
// whether to import all, only the good rows, or nothing.
func (t *Tab) showImportPreview(name string, imp *clientio.Import) {
	good, bad := len(imp.Good()), len(imp.Bad())
	summary := widget.NewLabel(i18n.T("clients.import.preview.summary", map[string]any{
		"File": name, "Rows": len(imp.Rows), "Good": good, "Bad": bad,
		"Encoding": imp.Encoding, "Delimiter": imp.Delimiter}))
	summary.Wrapping = fyne.TextWrapWord
	table := importTable(imp)
	var d dialog.Dialog
	all := widget.NewButton(i18n.T("clients.import.all"), func() { d.Hide(); t.runImport(imp, false) })
	all.Importance = widget.HighImportance
	onlyGood := widget.NewButton(i18n.T("clients.import.only_good", map[string]any{"N": good}), func() { d.Hide(); t.runImport(imp, true) })
	if bad > 0 || good == 0 {
		all.Disable()
	}
	if good == 0 || bad == 0 {
		onlyGood.Hide()
	}
	cancel := widget.NewButton(i18n.T("form.cancel"), func() { d.Hide() })
	body := container.NewBorder(summary, container.NewHBox(all, onlyGood, cancel), nil, nil, table)
	d = dialog.NewCustomWithoutButtons(i18n.T("clients.import.preview.title"), body, t.w)
	d.Resize(fyne.NewSize(900, 600))
	kit.TrackDialog(t.w, d)
	d.Show()
}

// importTable shows each row: line, name, phone and what is wrong with it.
func importTable(imp *clientio.Import) *widget.Table {
	rows := imp.Rows
	table := widget.NewTableWithHeaders(func() (int, int) { return len(rows), 4 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(importCell(rows[id.Row], id.Col))
			l.Importance = widget.MediumImportance
			if id.Col == 3 && len(rows[id.Row].Errors) > 0 {
				l.Importance = widget.DangerImportance
			}
			l.Refresh()
		})
	heads := []string{i18n.T("clients.import.col.line"), i18n.T("clients.import.col.name"), i18n.T("clients.import.col.phone"), i18n.T("clients.import.col.check")}
	table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	table.ShowHeaderColumn = false
	for col, w := range []float32{70, 280, 170, 340} {
		table.SetColumnWidth(col, w)
	}
	return table
}

// importCell is the text of one cell of the preview.
func importCell(r clientio.Row, col int) string {
	switch col {
	case 0:
		return fmt.Sprint(r.Line)
	case 1:
		return r.Client.FullName()
	case 2:
		return model.FormatPhone(r.Client.Phone)
	}
	if len(r.Errors) == 0 {
		return i18n.T("clients.import.row.ok")
	}
	msgs := make([]string, len(r.Errors))
	for i, e := range r.Errors {
		msgs[i] = i18n.T(e.Key, e.Args)
	}
	return strings.Join(msgs, "; ")
}

func (t *Tab) runImport(imp *clientio.Import, onlyGood bool) {
	kit.Background(func() {
		res, err := t.io.ImportClients(context.Background(), imp, onlyGood)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.Refresh(context.Background())
			d := dialog.NewInformation(i18n.T("clients.import.done.title"),
				i18n.T("clients.import.done", map[string]any{"Added": res.Added, "Skipped": res.Skipped}), t.w)
			kit.TrackDialog(t.w, d)
			d.Show()
		})
	})
}

// ExportCSV writes the clients the list shows now to a CSV file that Excel opens.
func (t *Tab) ExportCSV() {
	q := t.query()
	q.Limit = 0
	kit.AskSavePath(t.w, "clients-"+t.s.Today().ISO()+".csv", func(path string) {
		kit.Background(func() {
			cs, err := t.io.ExportClients(context.Background(), q)
			if err == nil {
				err = reports.WriteFileAtomic(path, func(w io.Writer) error { return reports.WriteClientsCSV(w, cs, i18n.Lang()) })
			}
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, t.w)
					return
				}
				info(t.w, i18n.T("clients.export.done.title"), i18n.T("clients.export.done", map[string]any{"N": len(cs), "Path": path}))
			})
		})
	})
}
