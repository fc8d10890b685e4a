package clients

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
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
	ImportClientsProgress(ctx context.Context, imp *clientio.Import, onlyGood bool, progress func(done, total int)) (clientio.Result, error)
	ExportClients(ctx context.Context, q model.ClientQuery) ([]model.Client, error)
}

// importExts are the files the import's chooser lists: client lists as CSV
// and as Excel workbooks. An old .xls is listed too, so that the person
// who picks it is told how to save it.
var importExts = []string{".csv", ".txt", ".CSV", ".xlsx", ".XLSX", ".xls", ".XLS"}

// ImportList asks for a file, a CSV list or an Excel workbook, shows what
// would be imported, and imports it when the manager agrees.
func (t *Tab) ImportList() {
	kit.AskOpenPath(t.w, importExts, func(path string) { t.checkImportFile(path, "") })
}

// checkImportFile reads and checks a file off the UI goroutine (sheet is the
// workbook's sheet, "" to find it) and shows the preview, or asks which
// sheet to read when several hold clients.
func (t *Tab) checkImportFile(path, sheet string) {
	kit.Background(func() {
		imp, err := t.readImport(path, sheet)
		fyne.Do(func() {
			if sheets := sheetsToChoose(err); len(sheets) > 0 {
				t.askSheet(path, sheets)
				return
			}
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.showImportPreview(filepath.Base(path), imp)
		})
	})
}

// readImport reads and checks a file to import, off the UI goroutine.
func (t *Tab) readImport(path, sheet string) (*clientio.Import, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	imp, err := clientio.ParseFile(io.LimitReader(f, 64<<20), t.s.Today(), sheet)
	if err == nil {
		err = t.io.CheckImport(context.Background(), imp)
	}
	return imp, err
}

// sheetsToChoose are the sheets a workbook holds clients on, when err says
// that there are several.
func sheetsToChoose(err error) []string {
	var fe *model.FieldError
	if errors.As(err, &fe) && fe.Key == clientio.KeySheetChoice {
		sheets, _ := fe.Args["Sheets"].([]string)
		return sheets
	}
	return nil
}

// askSheet asks which of a workbook's sheets to import, then checks it.
func (t *Tab) askSheet(path string, sheets []string) {
	text := widget.NewLabel(i18n.T("xlsx.choose.text", map[string]any{"File": filepath.Base(path)}))
	text.Wrapping = fyne.TextWrapWord
	choice := widget.NewSelect(sheets, nil)
	choice.SetSelected(sheets[0])
	body := container.NewVBox(text, container.New(layout.NewFormLayout(), widget.NewLabel(i18n.T("xlsx.choose.sheet")), choice))
	d := dialog.NewCustomConfirm(i18n.T("xlsx.choose.title"), i18n.T("xlsx.choose.next"), i18n.T("form.cancel"), body,
		func(ok bool) {
			if ok {
				t.checkImportFile(path, choice.Selected)
			}
		}, t.w)
	d.Resize(fyne.NewSize(480, 0))
	kit.TrackDialog(t.w, d)
	d.Show()
}

// ExportList writes the clients the list shows now to a file Excel opens: a
// workbook, or CSV when the name the person gives does not end in .xlsx.
func (t *Tab) ExportList() {
	q := t.query()
	q.Limit = 0
	kit.AskSavePath(t.w, "clients-"+t.s.Today().ISO()+".xlsx", func(path string) {
		write := reports.WriteClientsCSV
		if strings.EqualFold(filepath.Ext(path), ".xlsx") {
			write = reports.WriteClientsXLSX
		}
		kit.Background(func() {
			cs, err := t.io.ExportClients(context.Background(), q)
			if err == nil {
				err = reports.WriteFileAtomic(path, func(w io.Writer) error { return write(w, cs, i18n.Lang()) })
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
