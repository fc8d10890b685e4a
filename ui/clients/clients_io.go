package clients

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

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
