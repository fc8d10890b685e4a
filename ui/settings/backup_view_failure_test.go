package settings_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"companion/model"
	"companion/model/store"
	"companion/ui/settings"
	"companion/ui/uitest"
)

func TestTheBackupsPageTellsAFailedBackupUntilOneSucceeds(t *testing.T) {
	s, path := uitest.OpenFileStore(t)
	full := &os.PathError{Op: "write", Path: store.BackupDir(path), Err: syscall.ENOSPC}
	if _, err := store.BackupFailed(path, model.BackupAtExit, full, uitest.Now); err != nil {
		t.Fatal(err)
	}
	f := openSettings(t, s)
	want := "Резервная копия не сделана. Автоматическая копия при выходе"
	if got := seenWithin(f.w, want, "на диске нет места (папка копий "+store.BackupDir(path)+")"); got == "" {
		t.Fatalf("the page does not tell the failure; it shows %q", uitest.Texts(f.w))
	}
	uitest.Tap(t, f.w, "Сделать копию сейчас")
	dismiss(t, f.w)
	if got := seenWithin(f.w, want); got != "" {
		t.Errorf("after a good backup the page still says %q", got)
	}
}

func TestAFailedBackupIsToldInTheLanguage(t *testing.T) {
	f := &model.BackupFailure{Moment: model.BackupAtExit, Key: "backup.failed.disk_full",
		Args: map[string]any{"Dir": "/data/backups"}, Detail: errors.New("no space left on device").Error()}
	got := settings.BackupFailureText(f)
	for _, part := range []string{"Автоматическая копия при выходе", "на диске нет места (папка копий /data/backups)"} {
		if !strings.Contains(got, part) {
			t.Errorf("%q lacks %q", got, part)
		}
	}
}

func TestAnUnreadableBackupsFolderIsToldOnceOnThePage(t *testing.T) {
	s, path := uitest.OpenFileStore(t)
	os.WriteFile(store.BackupDir(path), []byte("x"), 0o600)
	if err := s.AutoBackup(context.Background()); err == nil {
		t.Fatal("the backup succeeded")
	}
	f := openSettings(t, s)
	if got := seenWithin(f.w, "Резервная копия не сделана. Автоматическая копия при запуске", "не удалось открыть или создать"); got == "" {
		t.Errorf("the page does not tell the failure; it shows %q", uitest.Texts(f.w))
	}
	if uitest.Dialogs(f.w) != 0 {
		t.Errorf("a dialog repeats it in the system's words: %q", uitest.DialogTexts(f.w))
	}
}
