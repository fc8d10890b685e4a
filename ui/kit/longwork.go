package kit

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
)

// LongWork runs work off the UI goroutine behind a dialog with a progress
// bar and Cancel, which cancels work's context, then hands work's error to
// done on the UI goroutine: context.Canceled when the person cancelled.
func LongWork(w fyne.Window, title string, work func(ctx context.Context) error, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustom(title, i18n.T("backup.cancel"), bar, w)
	d.SetOnClosed(cancel)
	TrackDialog(w, d)
	d.Show()
	Background(func() {
		err := work(ctx)
		fyne.Do(func() {
			if ctx.Err() != nil && err != nil {
				err = context.Canceled // the person cancelled: what failed is the cancel
			}
			d.Hide() // cancels the context, which the work no longer uses
			done(err)
		})
	})
}
