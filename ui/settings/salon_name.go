package settings

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
	"companion/ui/kit"
)

// SalonNameStore keeps the salon's name, which prints on what a client
// takes home.
type SalonNameStore interface {
	SalonName(ctx context.Context) (string, error)
	SetSalonName(ctx context.Context, name string) error
}

// salonName edits the salon's name: the field with its message, and a row
// below with the hint and the button that saves it.
type salonName struct {
	w      fyne.Window
	s      SalonNameStore
	entry  *widget.Entry
	save   *widget.Button
	saved  *widget.Label
	loaded string // the name as last read, to tell the owner's typing from it
	field  *kit.Field
	row    *kit.Field
}

func newSalonName(w fyne.Window, s SalonNameStore) *salonName {
	n := &salonName{w: w, s: s, entry: widget.NewEntry(), saved: widget.NewLabel(i18n.T("settings.salon.saved"))}
	n.entry.OnChanged = func(string) { n.saved.Hide() }
	n.entry.OnSubmitted = func(string) { n.store() }
	n.save = widget.NewButtonWithIcon(i18n.T("settings.salon.save"), theme.DocumentSaveIcon(), n.store)
	n.saved.Importance = widget.SuccessImportance
	n.saved.Hide()
	hint := widget.NewLabel(i18n.T("settings.salon.hint"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	n.field = kit.NewField("salon_name", i18n.T("settings.salon.name"), n.entry)
	n.row = kit.NewField("salon_name_save", "", container.NewVBox(hint, container.NewHBox(n.save, n.saved)))
	return n
}

// refresh shows the stored name, unless the owner is typing a new one.
func (n *salonName) refresh(ctx context.Context) {
	kit.Background(func() {
		name, err := n.s.SalonName(ctx)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, n.w)
				return
			}
			if n.entry.Text == n.loaded {
				n.entry.SetText(name)
			}
			n.loaded = name
		})
	})
}

// store saves the name as typed; the store trims it and refuses one too
// long, and the message says why under the field. The name shows as it
// was stored.
func (n *salonName) store() {
	fields := map[string]*kit.Field{n.field.Name: n.field}
	typed := n.entry.Text
	n.save.Disable()
	kit.Background(func() {
		ctx := context.Background()
		err := n.s.SetSalonName(ctx, typed)
		name := typed
		if err == nil {
			name, err = n.s.SalonName(ctx)
		}
		fyne.Do(func() {
			n.save.Enable()
			if !kit.ShowValidation(n.w, fields, err) {
				return
			}
			n.loaded = name
			n.entry.SetText(name)
			n.saved.Show()
		})
	})
}
