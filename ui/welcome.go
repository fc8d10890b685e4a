package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/demo"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/signin"
)

// offerBeginning is the first start's last step, over the main window of
// a salon with no data yet: import the clients from the table the salon
// keeps in Excel, start empty, or look around a demo salon.
func (m *MainWindow) offerBeginning(s Store) {
	kit.Background(func() {
		empty, err := s.IsEmpty(context.Background())
		if err != nil || !empty {
			return
		}
		fyne.Do(func() { m.showBeginning(s) })
	})
}

func (m *MainWindow) showBeginning(s Store) {
	var d *dialog.CustomDialog
	choice := func(label, about string, icon fyne.Resource, high bool, then func()) fyne.CanvasObject {
		b := widget.NewButtonWithIcon(label, icon, func() { d.Hide(); then() })
		b.Alignment = widget.ButtonAlignLeading
		if high {
			b.Importance = widget.HighImportance
		}
		return container.NewVBox(b, kit.Wrapped(about))
	}
	step := widget.NewLabel(signin.StepText(signin.GuideSteps))
	step.Importance = widget.SuccessImportance
	body := container.NewVBox(step, kit.Wrapped(i18n.T("guide.begin.text")),
		choice(i18n.T("guide.begin.import"), i18n.T("guide.begin.import.about"), theme.UploadIcon(), true,
			func() { m.showClients(); m.clientsTab().ImportList() }),
		choice(i18n.T("guide.begin.demo"), i18n.T("guide.begin.demo.about"), theme.VisibilityIcon(), false,
			func() { m.fillDemo(s) }),
		choice(i18n.T("guide.begin.empty"), i18n.T("guide.begin.empty.about"), theme.DocumentIcon(), false,
			func() {}))
	d = dialog.NewCustomWithoutButtons(i18n.T("guide.begin.title"), body, m)
	d.Resize(fyne.NewSize(560, 0))
	kit.TrackDialog(m, d)
	d.Show()
}

// fillDemo fills the empty database with the demo salon, with progress
// that can be cancelled, and then shows it in every tab.
func (m *MainWindow) fillDemo(s Store) {
	kit.LongWork(m, i18n.T("settings.demo.filling"), func(ctx context.Context) error {
		return s.FillDemo(ctx, demo.Salon(1, s.Today(), demo.DefaultClients))
	}, func(err error) {
		if err != nil && !errors.Is(err, context.Canceled) {
			kit.ShowError(err, m)
		}
		m.changes.Notify(kit.ChangeAll)
		m.refreshCurrent()
	})
}
