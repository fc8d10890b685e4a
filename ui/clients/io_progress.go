package clients

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model/clientio"
	"companion/model/i18n"
	"companion/ui/kit"
)

// runImport writes the import behind a dialog with a progress bar and
// Cancel; a cancelled import writes nothing (one transaction) and says so.
func (t *Tab) runImport(imp *clientio.Import, onlyGood bool) {
	ctx, cancel := context.WithCancel(context.Background())
	total := len(imp.Good())
	bar := widget.NewProgressBar()
	counted := widget.NewLabel(i18n.T("import.progress", map[string]any{"Done": 0, "Total": total}))
	d := dialog.NewCustom(i18n.T("import.progress.title"), i18n.T("form.cancel"), container.NewVBox(counted, bar), t.w)
	d.SetOnClosed(cancel)
	d.Resize(fyne.NewSize(440, 0))
	kit.TrackDialog(t.w, d)
	d.Show()
	shown := 0.0
	progress := func(done, all int) {
		if f := float64(done) / float64(max(all, 1)); f-shown >= 0.01 || done == all {
			shown = f
			fyne.Do(func() {
				bar.SetValue(f)
				counted.SetText(i18n.T("import.progress", map[string]any{"Done": done, "Total": all}))
			})
		}
	}
	kit.Background(func() {
		res, err := t.io.ImportClientsProgress(ctx, imp, onlyGood, progress)
		fyne.Do(func() {
			cancelled := ctx.Err() != nil && errors.Is(err, context.Canceled)
			d.Hide()
			t.importDone(res, err, cancelled)
		})
	})
}

// importDone tells how the import ended: written, cancelled, or refused.
func (t *Tab) importDone(res clientio.Result, err error, cancelled bool) {
	switch {
	case cancelled:
		info(t.w, i18n.T("import.cancelled.title"), i18n.T("import.cancelled"))
	case err != nil:
		kit.ShowError(err, t.w)
	default:
		t.Refresh(context.Background())
		info(t.w, i18n.T("clients.import.done.title"),
			i18n.T("clients.import.done", map[string]any{"Added": res.Added, "Skipped": res.Skipped}))
	}
}
