package settings

import (
	"context"
	"errors"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
)

// BackupStore is what the backups section of Settings needs: the owner's
// tools for keeping the data safe and moving it whole.
type BackupStore interface {
	OnServer() bool
	BackupFolder() string
	BackupByHand(ctx context.Context) (string, error)
	Backups() ([]model.BackupInfo, error)
	BackupFailure() (*model.BackupFailure, error)
	BackupEncrypted(ctx context.Context, dest, passphrase string) (string, error)
	RestoreOnExit(backupPath, passphrase string) error
	ExportAll(ctx context.Context, w io.Writer) (model.ExchangeSummary, error)
	ImportAll(ctx context.Context, r io.Reader) (model.ExchangeSummary, error)
}

// maxBackupRows is how many backups the list shows; rotation keeps 17.
const maxBackupRows = 20

// backupView is the backups section of Settings: make a backup now, the
// list of backups with their dates and sizes, restore, an encrypted copy,
// and the full export and import. Only the owner sees it.
type backupView struct {
	w       fyne.Window
	s       BackupStore
	changed func()
	quit    func() // closes the program once a restore is chosen

	where, failure                *widget.Label
	list                          *fyne.Container
	now, encrypted, fromFile      *widget.Button
	exportAll, importAll          *widget.Button
	head, listRow, exchangeRow    kit.FormRow
	headLabel, listLabel, exLabel *widget.Label
	listContent, exchangeContent  fyne.CanvasObject
	rowButtons                    []*widget.Button // Restore… of each listed backup, in list order
}

func newBackupView(w fyne.Window, s BackupStore, changed func()) *backupView {
	v := &backupView{w: w, s: s, changed: changed, quit: func() { fyne.CurrentApp().Quit() }}
	v.where = widget.NewLabel(i18n.T("backup.where", map[string]any{"Dir": s.BackupFolder()}))
	v.where.Wrapping = fyne.TextWrapWord
	v.failure = widget.NewLabel("")
	v.failure.Wrapping = fyne.TextWrapWord
	v.failure.Importance = widget.DangerImportance
	v.failure.Hide()
	v.list = container.NewVBox()
	v.now = widget.NewButton(i18n.T("backup.now"), v.backupNow)
	v.now.Importance = widget.HighImportance
	v.fromFile = widget.NewButton(i18n.T("backup.restore_file"), v.restoreFromFile)
	v.encrypted = widget.NewButton(i18n.T("backup.encrypted"), v.saveEncrypted)
	v.exportAll = widget.NewButton(i18n.T("backup.export_all"), v.chooseExport)
	v.importAll = widget.NewButton(i18n.T("backup.import_all"), v.chooseImport)
	exHint := widget.NewLabel(i18n.T("backup.exchange.hint"))
	exHint.Wrapping = fyne.TextWrapWord
	exHint.Importance = widget.LowImportance

	v.headLabel = widget.NewLabel(i18n.T("backup.section"))
	v.headLabel.TextStyle.Bold = true
	v.headLabel.Importance = widget.HighImportance
	v.listLabel = widget.NewLabel(i18n.T("backup.list"))
	v.listLabel.TextStyle.Bold = true
	v.exLabel = widget.NewLabel(i18n.T("backup.exchange"))
	v.exLabel.TextStyle.Bold = true
	v.listContent = container.NewVBox(v.failure, v.where, container.NewHBox(v.now, v.fromFile, v.encrypted), v.list)
	if s.OnServer() { // the server keeps its own backups
		v.where.SetText(i18n.T("backup.on_server"))
		v.listContent = container.NewVBox(v.where)
	}
	v.exchangeContent = container.NewVBox(container.NewHBox(v.exportAll, v.importAll), exHint)
	v.head = rowOf{v.headLabel, widget.NewLabel("")}
	v.listRow = rowOf{v.listLabel, v.listContent}
	v.exchangeRow = rowOf{v.exLabel, v.exchangeContent}
	return v
}

// rowOf is a form row of two given cells, which the view can hide.
type rowOf struct{ left, right fyne.CanvasObject }

func (r rowOf) Cells() (fyne.CanvasObject, fyne.CanvasObject) { return r.left, r.right }

// setVisible shows the section to the owner and hides it from the others.
func (v *backupView) setVisible(on bool) {
	for _, o := range []fyne.CanvasObject{v.headLabel, v.listLabel, v.exLabel, v.listContent, v.exchangeContent} {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

func (v *backupView) refresh(ctx context.Context) {
	kit.Background(func() {
		list, err := v.s.Backups()
		failed, _ := v.s.BackupFailure() // an unreadable note tells nothing more than the list's error
		fyne.Do(func() {
			var forbidden *model.ErrForbidden
			if errors.As(err, &forbidden) {
				v.setVisible(false)
				return
			}
			v.setVisible(true)
			if v.s.OnServer() {
				return // the server's backups are its own
			}
			v.showFailure(failed)
			if err != nil && failed == nil {
				v.fail(err)
			}
			if err != nil {
				return // the failure on the page already says why the folder cannot be read
			}
			v.showList(list)
		})
	})
}

// backupKindKeys name why a backup was made.
var backupKindKeys = map[model.BackupKind]string{
	model.BackupRegular:       "backup.kind.regular",
	model.BackupUpgrade:       "backup.kind.upgrade",
	model.BackupBeforeRestore: "backup.kind.before-restore",
	model.BackupManual:        "backup.kind.manual",
}

// backupKindText names why a backup was made.
func backupKindText(k model.BackupKind) string { return i18n.T(backupKindKeys[k]) }

func (v *backupView) showList(list []model.BackupInfo) {
	v.list.RemoveAll()
	v.rowButtons = nil
	if len(list) == 0 {
		v.list.Add(widget.NewLabel(i18n.T("backup.none")))
	}
	for i, b := range list {
		if i == maxBackupRows {
			break
		}
		b := b
		text := i18n.T("backup.row", map[string]any{"Date": i18n.FormatDateTime(b.Time), "Size": i18n.FormatSize(b.Size), "Kind": backupKindText(b.Kind)})
		restore := widget.NewButton(i18n.T("backup.restore"), func() {
			v.confirm(i18n.T("backup.restore.confirm", map[string]any{"Date": i18n.FormatDateTime(b.Time)}), func() { v.chooseRestore(b.Path, "") })
		})
		v.rowButtons = append(v.rowButtons, restore)
		v.list.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(text)))
	}
	v.list.Refresh()
}

// longWork is kit.LongWork; a cancelled work needs no word.
func (v *backupView) longWork(title string, work func(ctx context.Context) error, done func(error)) {
	kit.LongWork(v.w, title, work, func(err error) {
		if !errors.Is(err, context.Canceled) {
			done(err)
		}
	})
}

func (v *backupView) info(title, text string) {
	d := dialog.NewInformation(title, text, v.w)
	kit.TrackDialog(v.w, d)
	d.Show()
}

func (v *backupView) fail(err error) {
	kit.ShowError(err, v.w)
}

// confirm asks before something that cannot be taken back.
func (v *backupView) confirm(text string, ok func()) {
	d := dialog.NewConfirm(i18n.T("backup.confirm.title"), text, func(yes bool) {
		if yes {
			ok()
		}
	}, v.w)
	d.SetConfirmText(i18n.T("backup.confirm.ok"))
	d.SetDismissText(i18n.T("backup.cancel"))
	kit.TrackDialog(v.w, d)
	d.Show()
}

func (v *backupView) backupNow() {
	var path string
	v.now.Disable()
	v.longWork(i18n.T("backup.working"), func(ctx context.Context) (err error) {
		path, err = v.s.BackupByHand(ctx)
		return err
	}, func(err error) {
		v.now.Enable()
		if err != nil {
			v.fail(err)
			return
		}
		v.info(i18n.T("backup.now.title"), i18n.T("backup.now.done", map[string]any{"Path": path}))
		v.refresh(context.Background())
	})
}

// chooseRestore checks the backup and, when it is good, closes the program,
// which then backs the current data up and restores (RestoreOnExit).
func (v *backupView) chooseRestore(path, passphrase string) {
	kit.Background(func() {
		err := v.s.RestoreOnExit(path, passphrase)
		fyne.Do(func() {
			var fe *model.FieldError
			if errors.As(err, &fe) && fe.Key == "backup.err.passphrase_empty" {
				v.askPassphrase(false, func(p string) { v.chooseRestore(path, p) })
				return
			}
			if err != nil {
				v.fail(err)
				return
			}
			d := dialog.NewInformation(i18n.T("backup.restore.title"), i18n.T("backup.restore.closing"), v.w)
			d.SetOnClosed(v.quit)
			d.Show()
		})
	})
}

func (v *backupView) restoreFromFile() {
	kit.AskOpenPath(v.w, []string{".db", ".age"}, func(path string) {
		v.confirm(i18n.T("backup.restore.confirm_file", map[string]any{"Path": path}), func() { v.chooseRestore(path, "") })
	})
}

// askPassphrase asks for a passphrase, twice when it is a new one.
func (v *backupView) askPassphrase(twice bool, ok func(string)) {
	pass := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(i18n.T("backup.passphrase"), pass)}
	if twice {
		pass.Validator = func(s string) error {
			if s == "" {
				return errors.New(i18n.T("backup.err.passphrase_empty"))
			}
			return nil
		}
		again.Validator = func(s string) error {
			if s != pass.Text {
				return errors.New(i18n.T("backup.passphrase.mismatch"))
			}
			return nil
		}
		items = append(items, widget.NewFormItem(i18n.T("backup.passphrase.again"), again))
		hint := widget.NewLabel(i18n.T("backup.encrypted.hint"))
		hint.Wrapping = fyne.TextWrapWord
		items = append(items, widget.NewFormItem("", hint))
	}
	d := dialog.NewForm(i18n.T("backup.passphrase.title"), i18n.T("backup.confirm.ok"), i18n.T("backup.cancel"), items, func(yes bool) {
		if yes {
			ok(pass.Text)
		}
	}, v.w)
	d.Resize(fyne.NewSize(520, 0))
	kit.TrackDialog(v.w, d)
	d.Show()
}

func (v *backupView) saveEncrypted() {
	v.askPassphrase(true, func(pass string) {
		kit.AskSavePath(v.w, "companion-backup.db.age", func(path string) { v.encryptTo(path, pass) })
	})
}

func (v *backupView) encryptTo(path, pass string) {
	v.longWork(i18n.T("backup.working"), func(ctx context.Context) error {
		_, err := v.s.BackupEncrypted(ctx, path, pass)
		return err
	}, func(err error) {
		if err != nil {
			v.fail(err)
			return
		}
		v.info(i18n.T("backup.now.title"), i18n.T("backup.encrypted.done", map[string]any{"Path": path}))
	})
}

func (v *backupView) chooseExport() {
	kit.AskSavePath(v.w, "companion-export.json", v.exportTo)
}

// exportTo writes the whole database to path, atomically.
func (v *backupView) exportTo(path string) {
	var sum model.ExchangeSummary
	v.longWork(i18n.T("backup.exporting"), func(ctx context.Context) error {
		return reports.WriteFileAtomic(path, func(w io.Writer) (err error) {
			sum, err = v.s.ExportAll(ctx, w)
			return err
		})
	}, func(err error) {
		if err != nil {
			v.fail(err)
			return
		}
		v.info(i18n.T("backup.export_all"), i18n.T("backup.export.done",
			map[string]any{"Rows": sum.Rows(), "Tables": len(sum.Tables), "Path": path}))
	})
}

func (v *backupView) chooseImport() {
	kit.AskOpenPath(v.w, []string{".json"}, func(path string) {
		v.confirm(i18n.T("backup.import.confirm", map[string]any{"Path": path}), func() { v.importFrom(path) })
	})
}

// importFrom reads a full export into the (empty) database.
func (v *backupView) importFrom(path string) {
	var sum model.ExchangeSummary
	v.longWork(i18n.T("backup.importing"), func(ctx context.Context) error {
		f, err := os.Open(path)
		if err != nil {
			return &model.FieldError{Key: "exchange.err.open", Args: map[string]any{"Path": path}}
		}
		defer f.Close()
		sum, err = v.s.ImportAll(ctx, f)
		return err
	}, func(err error) {
		if err != nil {
			v.fail(err)
			return
		}
		v.info(i18n.T("backup.import_all"), i18n.T("backup.import.done", map[string]any{"Rows": sum.Rows(), "Tables": len(sum.Tables)}))
		if v.changed != nil {
			v.changed()
		}
	})
}
