package today

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// FirstStepsStore tells whether the salon has begun: any client or staff
// member, and a catalogue to sell from.
type FirstStepsStore interface {
	IsEmpty(ctx context.Context) (bool, error)
	Services(ctx context.Context) ([]model.Service, error)
}

// firstSteps is the hint Today shows a salon that has not begun: what to
// do first, with a button for each.
type firstSteps struct {
	box                      *fyne.Container
	staff, clients, demoInfo *widget.Button
	openStaff, importClients func()
}

func (t *Tab) newFirstSteps() fyne.CanvasObject {
	f := &firstSteps{}
	text := container.NewVBox(widget.NewLabel(i18n.T("today.start.text")), widget.NewLabel(i18n.T("today.start.text2")))
	title := widget.NewLabelWithStyle(i18n.T("today.start.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.staff = widget.NewButtonWithIcon(i18n.T("today.start.staff"), theme.ContentAddIcon(), func() { call(f.openStaff) })
	f.staff.Importance = widget.HighImportance
	f.clients = widget.NewButtonWithIcon(i18n.T("today.start.import"), theme.UploadIcon(), func() { call(f.importClients) })
	f.demoInfo = widget.NewButtonWithIcon(i18n.T("today.start.demo"), theme.InfoIcon(), func() {
		d := dialog.NewInformation(i18n.T("today.start.demo"), i18n.T("today.start.demo.text"), t.w)
		kit.TrackDialog(t.w, d)
		d.Show()
	})
	f.box = container.NewVBox(widget.NewCard("", "", container.NewVBox(title, text,
		container.NewHBox(f.staff, f.clients, f.demoInfo))))
	f.box.Hide()
	t.first = f
	return f.box
}

func call(fn func()) {
	if fn != nil {
		fn()
	}
}

// SetFirstSteps gives the hint's buttons what they open: the staff
// directory, and the import of clients.
func (t *Tab) SetFirstSteps(openStaff, importClients func()) {
	t.first.openStaff, t.first.importClients = openStaff, importClients
}

// refreshFirstSteps shows the hint while the database holds no client and
// no staff, or the catalogue is empty. A store that cannot tell shows none.
func (t *Tab) refreshFirstSteps(ctx context.Context) {
	fs, ok := t.s.(FirstStepsStore)
	if !ok {
		return
	}
	kit.Background(func() {
		empty, err := fs.IsEmpty(ctx)
		if err == nil && !empty {
			var services []model.Service
			services, err = fs.Services(ctx)
			empty = len(services) == 0
		}
		fyne.Do(func() {
			if err == nil && empty {
				t.first.box.Show()
			} else {
				t.first.box.Hide()
			}
		})
	})
}
