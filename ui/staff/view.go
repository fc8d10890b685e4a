package staff

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"companion/model/i18n"
	"companion/ui/kit"
)

// ShowText shows what a role that may not edit reads of a row: its name
// and the lines that describe it, empty ones left out.
func ShowText(w fyne.Window, title string, lines ...string) {
	var kept []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			kept = append(kept, l)
		}
	}
	d := dialog.NewCustom(title, i18n.T("staff.close"), container.NewVScroll(kit.Wrapped(strings.Join(kept, "\n\n"))), w)
	d.Resize(fyne.NewSize(560, 360))
	kit.TrackDialog(w, d)
	d.Show()
}
