package settings

import (
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// BackupFailureText tells an automatic backup that failed as a person
// reads it: when, and why in words of the language, with what to do.
func BackupFailureText(f *model.BackupFailure) string {
	args := maps.Clone(f.Args)
	if args == nil {
		args = map[string]any{}
	}
	args["Detail"] = f.Detail
	return i18n.T("backup.failed.text", map[string]any{
		"Moment": i18n.T(momentKeys[f.Moment]),
		"When":   i18n.FormatDateTime(f.Time),
		"Reason": i18n.T(f.Key, args),
	})
}

// momentKeys name when an automatic backup was made.
var momentKeys = map[model.BackupMoment]string{
	model.BackupAtStart: "backup.failed.at.start",
	model.BackupAtExit:  "backup.failed.at.exit",
}

// WarnBackupFailure shows over w that an automatic backup failed; nothing
// when f is nil.
func WarnBackupFailure(w fyne.Window, f *model.BackupFailure) {
	if f == nil {
		return
	}
	d := dialog.NewInformation(i18n.T("backup.failed.title"), BackupFailureText(f), w)
	kit.TrackDialog(w, d)
	d.Show()
}

// showFailure puts the last failed automatic backup at the top of the
// page, in red, until a backup succeeds.
func (v *backupView) showFailure(f *model.BackupFailure) {
	if f == nil {
		v.failure.Hide()
		return
	}
	v.failure.SetText(i18n.T("backup.failed.title") + ". " + BackupFailureText(f))
	v.failure.Show()
}
