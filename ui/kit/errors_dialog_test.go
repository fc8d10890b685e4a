package kit_test

import (
	"errors"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// A full disk reads as a Russian sentence; the driver's English shows
// apart, and «Скопировать» puts it on the clipboard to pass on.
func TestAnErrorOfTheDiskReadsInRussianWithItsDetailToCopy(t *testing.T) {
	i18n.SetLanguage("ru")
	defer i18n.SetLanguage("en")
	w := uitest.NewWindow(t, "error")
	err := fmt.Errorf("save client: %w", errors.New("database or disk is full (13)"))
	uitest.Do(func() { kit.ShowError(err, w) })
	uitest.Settle()
	if !uitest.DialogShows(w, "На диске не осталось места: данные не записаны") || !uitest.DialogShows(w, err.Error()) {
		t.Fatalf("the dialog shows %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Скопировать")
	if got := fyne.CurrentApp().Clipboard().Content(); got != err.Error() {
		t.Errorf("the clipboard holds %q", got)
	}
}
