package clients

import (
	"context"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/quality"
)

// feedbackPane is the «Отзывы» page of the profile: the client's feedback
// and the form to receive more, as the quality pages have them.
type feedbackPane struct {
	*quality.ClientPane
	form *clientForm
}

func (p feedbackPane) content() fyne.CanvasObject { return p.Content() }

// load reads the feedback of the client the form shows.
func (p feedbackPane) load(id uint) {
	c := p.form.c
	p.Load(model.ClientRow{ID: id, LastName: c.LastName, FirstName: c.FirstName, MiddleName: c.MiddleName, Phone: c.Phone})
}

// standing is what a client's feedback says of the relationship: the
// average rating and the complaints still open, which hold trust back.
type standing struct {
	clientID uint // whose; the header of another client ignores it
	avg      float64
	open     int
}

// of is the standing of client id, none when it was read for another.
func (s standing) of(id uint) (avg float64, open int) {
	if s.clientID != id {
		return 0, 0
	}
	return s.avg, s.open
}

// readStanding reads the client's standing and shows the header again.
func (p *profile) readStanding(id uint) {
	kit.Background(func() {
		avg, open, err := p.rel.ClientStanding(context.Background(), id)
		fyne.Do(func() {
			if err != nil || p.form.c.ID != id {
				return
			}
			p.form.standing = standing{clientID: id, avg: avg, open: open}
			p.form.showHeader()
		})
	})
}
