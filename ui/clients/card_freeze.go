package clients

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// cancellable are the freezes of the card that can still be cancelled on
// day today: those under way or still to come.
func cancellable(c model.CardView, today model.Date) []model.CardFreeze {
	var out []model.CardFreeze
	for _, f := range c.Freezes {
		if f.Cancellable(today) {
			out = append(out, f)
		}
	}
	return out
}

// unfreezeText says what cancelling freeze f of card c does: the freeze
// ends today or goes, and the card's end moves back.
func unfreezeText(c model.CardView, f model.CardFreeze, today model.Date) string {
	kept, removed, _ := model.CancelFreeze(f, today)
	given := f.Days()
	key := "card.unfreeze.remove"
	if !removed {
		given -= kept.Days()
		key = "card.unfreeze.end"
	}
	return i18n.T(key, map[string]any{"From": f.From, "To": f.To, "Until": c.State.ValidTo.AddDays(-given)})
}

// showUnfreeze asks before it cancels a freeze of the chosen card: the one
// under way or to come, or the one chosen of several. Keeping it is the
// default.
func (p *cardsPane) showUnfreeze() {
	if p.selected < 0 || p.selected >= len(p.cards) {
		return
	}
	c, today := p.cards[p.selected], p.today()
	fs := cancellable(c, today)
	if len(fs) == 0 {
		return
	}
	chosen := fs[0]
	msg := widget.NewLabel(unfreezeText(c, chosen, today))
	msg.Wrapping = fyne.TextWrapWord
	spans := make([]string, len(fs))
	for i, f := range fs {
		spans[i] = freezeSpan(f)
	}
	which := widget.NewSelect(spans, func(string) {})
	which.OnChanged = func(string) {
		chosen = fs[which.SelectedIndex()]
		msg.SetText(unfreezeText(c, chosen, today))
	}
	which.SetSelectedIndex(0)
	body := container.NewVBox(msg)
	if len(fs) > 1 {
		body.Objects = append([]fyne.CanvasObject{which}, body.Objects...)
	}
	var d *dialog.CustomDialog
	keep := widget.NewButton(i18n.T("card.unfreeze.keep"), func() { d.Hide() })
	keep.Importance = widget.HighImportance
	cancel := widget.NewButton(i18n.T("card.unfreeze"), func() {
		d.Hide()
		p.cancelFreeze(chosen.ID)
	})
	cancel.Importance = widget.DangerImportance
	body.Add(container.NewHBox(keep, cancel))
	d = dialog.NewCustomWithoutButtons(i18n.T("card.unfreeze.title", map[string]any{"Number": c.Card.Number}), body, p.w)
	d.Resize(fyne.NewSize(480, 0))
	kit.TrackDialog(p.w, d)
	d.Show()
	p.w.Canvas().Focus(keep)
}

// cancelFreeze cancels the freeze off the UI goroutine and shows the cards
// again.
func (p *cardsPane) cancelFreeze(id uint) {
	kit.Background(func() {
		err := p.s.CancelFreeze(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			p.changed()
		})
	})
}
