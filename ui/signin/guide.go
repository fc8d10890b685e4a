package signin

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// SalonNameStore keeps the salon's name, the first thing the first start
// asks: it prints on what a client takes home.
type SalonNameStore interface {
	SalonName(ctx context.Context) (string, error)
	SetSalonName(ctx context.Context, name string) error
}

// GuideSteps is how many steps the first start's guide has: the salon's
// name, how people get in (this window), and how to begin (the main
// window's, ui.offerBeginning).
const GuideSteps = 3

// StepText is the "step N of 3" line above a step of the guide.
func StepText(n int) string {
	return i18n.T("guide.step", map[string]any{"N": n, "Of": GuideSteps})
}

// salonStep is the guide's first page: a welcome and the salon's name.
func (w *Window) salonStep(s SalonNameStore) fyne.CanvasObject {
	w.salon = widget.NewEntry()
	w.salon.SetPlaceHolder(i18n.T("guide.salon.placeholder"))
	field := kit.NewField("salon_name", i18n.T("settings.salon.name"), w.salon)
	w.salon.OnChanged = func(string) { field.SetError("") }
	next := func() { w.saveSalon(s, field) }
	w.salon.OnSubmitted = func(string) { next() }
	w.next = widget.NewButtonWithIcon(i18n.T("guide.next"), theme.NavigateNextIcon(), next)
	w.next.Importance = widget.HighImportance
	kit.Background(func() {
		name, err := s.SalonName(context.Background())
		fyne.Do(func() {
			if err == nil && w.salon.Text == "" {
				w.salon.SetText(name)
			}
		})
	})
	question := widget.NewLabelWithStyle(i18n.T("guide.salon.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	card := widget.NewCard("", "", container.NewVBox(question,
		kit.FieldGrid(field), kit.Wrapped(i18n.T("guide.salon.hint")), container.NewHBox(w.next)))
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		stepLabel(1), heading(i18n.T("signin.first.title")), kit.Wrapped(i18n.T("guide.welcome")), card)))
}

// saveSalon keeps the name typed (none is fine: it can be given later in
// Settings) and goes on to how people get in.
func (w *Window) saveSalon(s SalonNameStore, field *kit.Field) {
	if w.next.Disabled() {
		return
	}
	name := w.salon.Text
	w.next.Disable()
	kit.Background(func() {
		err := s.SetSalonName(context.Background(), name)
		fyne.Do(func() {
			w.next.Enable()
			if !kit.ShowValidation(w.Window, map[string]*kit.Field{field.Name: field}, err) {
				return
			}
			w.showAccessStep()
		})
	})
}

// showAccessStep is the guide's second page: PINs or one person.
func (w *Window) showAccessStep() {
	w.SetContent(w.firstStart())
	w.Resize(fyne.NewSize(680, 640))
	w.CenterOnScreen()
	w.Canvas().Focus(w.pins[model.RoleOwner])
}

func stepLabel(n int) *widget.Label {
	l := widget.NewLabel(StepText(n))
	l.Importance = widget.SuccessImportance
	return l
}

// heading is a page's title, as large as the cards' titles under it.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}
