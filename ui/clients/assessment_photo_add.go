package clients

import (
	"context"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// askPhoto adds a photo to the measurement chosen in the table, or else to
// the newest: a JPEG or PNG file from a chooser, then its caption.
func (p *assessmentsPane) askPhoto() {
	if len(p.items) == 0 {
		return
	}
	a := p.items[len(p.items)-1]
	if row := p.table.selected; row >= 0 && row < len(p.items) {
		a = p.item(row)
	}
	kit.AskOpenPath(p.w, model.PhotoExtensions, func(path string) { p.showPhotoForm(a, path) })
}

// showPhotoForm asks for the caption of the photo in the file at path and
// keeps it with the measurement a; the photos then show it.
func (p *assessmentsPane) showPhotoForm(a model.Assessment, path string) {
	id := p.clientID
	file := widget.NewLabel(filepath.Base(path))
	file.Truncation = fyne.TextTruncateEllipsis
	caption := kit.NewDialogEntry(p.w, false)
	caption.SetPlaceHolder(i18n.T("photo.caption.hint"))
	rows := []*kit.Field{kit.NewField("file", i18n.T("photo.file"), file),
		kit.NewField("caption", i18n.T("photo.caption"), caption)}
	fields := map[string]*kit.Field{"file": rows[0], "caption": rows[1]}
	title := i18n.T("photo.add.title", map[string]any{"Day": a.On.Format(i18n.Lang())})
	kit.ShowFormDialog(p.w, title, kit.FieldGrid(rows...), func(close func()) {
		ph := model.Photo{AssessmentID: a.ID, Caption: caption.Text}
		kit.SubmitForm(p.w, fields, nil, ph.Validate, func() error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			return p.s.AddPhoto(context.Background(), &ph, f)
		}, close, func() {
			p.views.SelectIndex(1)
			p.photos.load(id)
		})
	})
}
