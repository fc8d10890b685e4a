package quality

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

// ClientPane is the «Отзывы» page of a client's profile: the client's
// feedback, the newest first, a complaint's steps, and the form to
// receive more.
type ClientPane struct {
	w       fyne.Window
	s       FeedbackStore
	desk    *desk
	client  model.ClientRow
	current *uint // the client whose rows are wanted; a late answer for another is dropped
	list    *feedbackList
	empty   kit.EmptyNote
	root    fyne.CanvasObject
}

// NewClientPane makes the page; changed runs after anything is stored, so
// that the profile's header and the rest of the window follow.
func NewClientPane(w fyne.Window, s FeedbackStore, changed func()) *ClientPane {
	cp := &ClientPane{w: w, s: s, current: new(uint)}
	cp.desk = &desk{w: w, s: s, done: func() {
		cp.Load(cp.client)
		if changed != nil {
			changed()
		}
	}}
	cp.list = newFeedbackList(s.Today, cp.desk.open)
	add := widget.NewButtonWithIcon(i18n.T("feedback.new"), theme.ContentAddIcon(), func() { cp.desk.receive(&cp.client) })
	add.Importance = widget.HighImportance
	cp.empty = kit.NewEmptyNote(i18n.T("feedback.client_none"))
	cp.root = container.NewBorder(container.NewHBox(add), nil, nil, nil, cp.empty.Over(cp.list.list))
	return cp
}

// Content is the page's widget tree.
func (cp *ClientPane) Content() fyne.CanvasObject { return cp.root }

// Load reads the feedback of client.
func (cp *ClientPane) Load(client model.ClientRow) {
	cp.client, *cp.current = client, client.ID
	id := client.ID
	kit.Background(func() {
		rows, err := cp.s.FeedbackList(context.Background(), model.FeedbackQuery{ClientID: id})
		fyne.Do(func() {
			if id != *cp.current {
				return
			}
			if err != nil {
				kit.ShowError(err, cp.w)
				return
			}
			cp.list.set(rows)
			cp.empty.Follow(len(rows))
		})
	})
}
