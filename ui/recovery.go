package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// Recovery is what the program can do about a database that failed its
// check on open, for AskRecovery.
type Recovery struct {
	DBPath  string
	Problem string            // what the check found
	Backup  *model.BackupInfo // the newest good backup; nil when there is none
	// Restore moves the damaged file aside and restores Backup (or, without
	// one, only moves it aside); it returns where the damaged file went.
	Restore func() (damaged string, err error)
	// WhileWorking says that the damage was found while the window worked
	// (ShowRecovery), not before it opened.
	WhileWorking bool
}

// recoveryWindow asks the person what to do about a damaged database.
type recoveryWindow struct {
	w        fyne.Window
	r        Recovery
	msg      *widget.Label
	restore  *widget.Button
	quit     *widget.Button
	progress *widget.ProgressBarInfinite
	busy     bool
	restored bool
}

// AskRecovery tells the person that the database is damaged and was not
// written to, offers its newest good backup with its date, and restores it
// only if they agree. It runs the app until its window closes, so the
// caller opens no other window afterwards: after a restore the person opens
// Companion again. It reports whether the database was restored.
func AskRecovery(a fyne.App, r Recovery) bool {
	rw := newRecoveryWindow(a, r)
	rw.w.ShowAndRun()
	return rw.restored
}

// ShowRecovery is AskRecovery in a running app, for a damaged database
// found while the window worked: the recovery window takes the place of
// every other window, whose work can no longer be saved.
func ShowRecovery(a fyne.App, r Recovery) { showRecovery(a, r) }

func showRecovery(a fyne.App, r Recovery) *recoveryWindow {
	r.WhileWorking = true
	rw := newRecoveryWindow(a, r)
	rw.w.Show()
	for _, w := range slices.Clone(a.Driver().AllWindows()) { // closing one changes the list
		if w != rw.w {
			w.Close()
		}
	}
	return rw
}

func newRecoveryWindow(a fyne.App, r Recovery) *recoveryWindow {
	rw := &recoveryWindow{w: a.NewWindow(i18n.T("recovery.title")), r: r}
	text := []string{i18n.T("recovery.damaged", map[string]any{"Path": r.DBPath})}
	if r.Problem != "" {
		text = append(text, i18n.T("recovery.detail", map[string]any{"Problem": r.Problem}))
	}
	if r.WhileWorking {
		text = append(text, i18n.T("recovery.while_working"))
	}
	if r.Backup != nil {
		text = append(text, i18n.T("recovery.offer", map[string]any{"Date": i18n.FormatDateTime(r.Backup.Time), "Size": i18n.FormatSize(r.Backup.Size)}))
		rw.restore = widget.NewButton(i18n.T("recovery.restore", map[string]any{"Date": i18n.FormatDateTime(r.Backup.Time)}), rw.doRestore)
	} else {
		text = append(text, i18n.T("recovery.no_backup"))
		rw.restore = widget.NewButton(i18n.T("recovery.start_empty"), rw.doRestore)
	}
	rw.restore.Importance = widget.HighImportance
	rw.msg = widget.NewLabel(strings.Join(text, "\n\n"))
	rw.msg.Wrapping = fyne.TextWrapWord
	rw.quit = widget.NewButton(i18n.T("recovery.quit"), rw.w.Close)
	rw.progress = widget.NewProgressBarInfinite()
	rw.progress.Hide()
	rw.w.SetContent(container.NewPadded(container.NewBorder(nil,
		container.NewVBox(rw.progress, container.NewHBox(rw.restore, rw.quit)), nil, nil, rw.msg)))
	rw.w.SetCloseIntercept(func() {
		if !rw.busy { // a restore half done must not be cut short
			rw.w.Close()
		}
	})
	rw.w.Resize(fyne.NewSize(640, 360))
	return rw
}

func (rw *recoveryWindow) doRestore() {
	rw.busy = true
	rw.restore.Disable()
	rw.quit.Disable()
	rw.progress.Show()
	rw.msg.SetText(i18n.T("recovery.working"))
	kit.Background(func() {
		damaged, err := rw.r.Restore()
		fyne.Do(func() {
			rw.busy = false
			rw.progress.Hide()
			rw.quit.Enable()
			if err != nil {
				rw.msg.SetText(i18n.ErrorText(err))
				return
			}
			rw.restored = true
			rw.restore.Hide()
			rw.quit.SetText(i18n.T("recovery.close"))
			rw.msg.SetText(i18n.T("recovery.done", map[string]any{"Damaged": damaged}))
		})
	})
}

// WarnNetworkShare tells the person that the database is on a network
// share, where SQLite's locks are not safe, and where to read about
// PostgreSQL for several PCs.
func WarnNetworkShare(w fyne.Window, path, kind string) {
	fyne.Do(func() {
		d := dialog.NewInformation(i18n.T("netshare.title"), i18n.NetworkShareText(path, kind), w)
		kit.TrackDialog(w, d)
		d.Show()
	})
}
