package clients

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the photos are kept as JPEG

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// photosPane shows a client's photos two side by side — first the
// earliest and the latest (model.BeforeAfter), then any two the person
// picks — each with its day and caption under it, and removes one when
// asked.
type photosPane struct {
	w        fyne.Window
	s        AssessmentStore
	clientID uint
	items    []model.Photo
	images   map[uint]image.Image // decoded, by photo ID; UI goroutine only
	sides    [2]*photoSide
	grid     *fyne.Container // the sides, laid out again when one shows or hides
	empty    kit.EmptyNote
	root     fyne.CanvasObject
}

// photoSide is one of the two photos shown.
type photoSide struct {
	pick    *widget.Select
	img     *canvas.Image
	note    *widget.Label // the image's place, when it cannot be shown
	caption *widget.Label // the day and the caption
	del     *widget.Button
	shown   int // the index of the photo in items; -1 for none
	box     *fyne.Container
}

func newPhotosPane(w fyne.Window, s AssessmentStore) *photosPane {
	p := &photosPane{w: w, s: s, images: map[uint]image.Image{}}
	for i := range p.sides {
		p.sides[i] = p.newSide()
	}
	p.empty = kit.NewEmptyNote(i18n.T("photo.empty"))
	p.grid = container.NewGridWithColumns(2, p.sides[0].box, p.sides[1].box)
	p.root = p.empty.Over(p.grid)
	return p
}

func (p *photosPane) newSide() *photoSide {
	side := &photoSide{shown: -1, img: canvas.NewImageFromImage(nil)}
	side.img.FillMode = canvas.ImageFillContain
	side.img.SetMinSize(fyne.NewSize(160, 160))
	side.img.Hide() // until there is an image to draw
	side.note = widget.NewLabel("")
	side.note.Wrapping = fyne.TextWrapWord
	side.note.Alignment = fyne.TextAlignCenter
	side.caption = widget.NewLabel("")
	side.caption.Alignment = fyne.TextAlignCenter
	side.caption.Truncation = fyne.TextTruncateEllipsis
	side.pick = kit.NewSelect(nil, func(string) {
		if i := side.pick.SelectedIndex(); i >= 0 && i != side.shown {
			p.show(side, i)
		}
	})
	side.del = widget.NewButtonWithIcon(i18n.T("photo.delete"), theme.DeleteIcon(), func() {
		if side.shown >= 0 && side.shown < len(p.items) {
			p.askDelete(p.items[side.shown])
		}
	})
	bottom := container.NewBorder(nil, nil, nil, side.del, side.caption)
	side.box = container.NewBorder(side.pick, bottom, nil, nil, container.NewStack(side.img, side.note))
	return side
}

func (p *photosPane) content() fyne.CanvasObject { return p.root }

// load reads the client's photos and shows the earliest beside the latest.
func (p *photosPane) load(clientID uint) {
	loadFor(p.w, &p.clientID, clientID, p.s.Photos, func(ps []model.Photo) {
		p.items = ps
		options := make([]string, len(ps))
		for i, ph := range ps {
			options[i] = fmt.Sprintf("%d. %s", i+1, photoTitle(ph))
		}
		before, after := model.BeforeAfter(ps)
		for i, at := range []int{before, after} {
			side := p.sides[i]
			side.pick.SetOptions(options)
			side.shown = -1
			if at < 0 {
				side.box.Hide()
				continue
			}
			side.box.Show()
			p.show(side, at)
		}
		p.grid.Refresh()
		p.empty.Follow(len(ps))
	})
}

// photoTitle names a photo by its day and caption.
func photoTitle(ph model.Photo) string {
	day := ph.On.Format(i18n.Lang())
	if ph.Caption == "" {
		return day
	}
	return day + " — " + ph.Caption
}

// show puts the photo at index i on side, reading its image unless read
// before.
func (p *photosPane) show(side *photoSide, i int) {
	ph := p.items[i]
	side.shown = i
	side.pick.SetSelectedIndex(i)
	side.caption.SetText(photoTitle(ph))
	if img, ok := p.images[ph.ID]; ok {
		p.draw(side, img, nil)
		return
	}
	p.draw(side, nil, nil)
	side.note.SetText(i18n.T("photo.loading"))
	kit.Background(func() {
		img, err := p.readImage(ph.ID)
		fyne.Do(func() {
			if err == nil {
				p.images[ph.ID] = img
			}
			if side.shown >= 0 && side.shown < len(p.items) && p.items[side.shown].ID == ph.ID {
				p.draw(side, img, err)
			}
		})
	})
}

func (p *photosPane) readImage(id uint) (image.Image, error) {
	data, err := p.s.ReadPhoto(context.Background(), id)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, model.ErrPhotoNotImage
	}
	return img, nil
}

// draw shows img on side, or says why there is none: a file missing from
// this computer is said in its place, any other error in a dialog.
func (p *photosPane) draw(side *photoSide, img image.Image, err error) {
	side.img.Image = img
	if img == nil {
		side.img.Hide()
	} else {
		side.img.Show()
		side.img.Refresh()
		p.grid.Refresh() // the image takes its place in the stack
	}
	side.note.SetText("")
	switch {
	case errors.Is(err, model.ErrPhotoMissing):
		side.note.SetText(i18n.ErrorSentence(err))
	case err != nil:
		kit.ShowError(err, p.w)
	}
}

// askDelete asks before a photo is removed, its file too; keeping it is
// the default.
func (p *photosPane) askDelete(ph model.Photo) {
	id := p.clientID
	text := i18n.T("photo.delete.confirm", map[string]any{"Day": ph.On.Format(i18n.Lang())})
	kit.AskBeforeLoss(p.w, i18n.T("photo.delete.title"), text, i18n.T("photo.delete.keep"), i18n.T("photo.delete.do"), func() {
		kit.Background(func() {
			err := p.s.DeletePhoto(context.Background(), ph.ID)
			fyne.Do(func() {
				delete(p.images, ph.ID)
				if err != nil {
					kit.ShowError(err, p.w)
				}
				p.load(id)
			})
		})
	}, nil)
}
