package clients_test

import (
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// In the list, Down highlights the second client and Enter opens her, as
// Space does.
func TestEnterOnAHighlightedRowOpensTheClient(t *testing.T) {
	tab := openClients(t, &model.Client{FirstName: "Анна"}, &model.Client{FirstName: "Вера"})
	w := tab.w
	list := uitest.Shown[*kit.List](w)[0]
	uitest.Do(func() { w.Canvas().Focus(list) })
	uitest.PressKey(list, fyne.KeyDown)
	uitest.PressKey(list, fyne.KeyReturn)
	if got := tab.title(); got != "Вера" {
		t.Errorf("Enter on the second row opened %q", got)
	}
}
