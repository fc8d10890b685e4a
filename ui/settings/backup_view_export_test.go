package settings_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"companion/ui/uitest"
)

func TestAFailedFullExportLeavesTheOldFileAsItWas(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	f := openSettings(t, s)
	dir := t.TempDir()
	old := []byte(`{"format": "companion-exchange", "the export of last week": true}`)
	path := filepath.Join(dir, "salon.json")
	os.WriteFile(path, old, 0o600)
	uitest.FileChoosersOpenIn(dir)
	s.Close() // the database is gone: the export fails
	uitest.Tap(t, f.w, "Выгрузить всё…")
	uitest.ChooseFile(t, f.w, "salon.json")
	if uitest.DialogShows(f.w, "Заменить файл?") {
		uitest.Tap(t, f.w, "Заменить")
	} else {
		t.Errorf("replacing a file is not asked in Russian: %q", uitest.DialogTexts(f.w))
		uitest.Tap(t, f.w, "Да")
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("the old export now holds %q", got)
	}
}
