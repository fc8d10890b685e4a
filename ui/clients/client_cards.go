package clients

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// cardsPane shows the client's cards at a glance — the period, the visits,
// the sale's money and the freezes with their days — sells a new one, and
// freezes one within its allowance or cancels its freeze.
type cardsPane struct {
	w       fyne.Window
	s       CardStore
	today   func() model.Date
	changed func()

	clientID uint
	cards    []model.CardView
	selected int
	sellType *widget.Select  // the card type of the sale form shown last
	dialog   *kit.FormDialog // the dialog shown last
	list     *widget.List
	empty    kit.EmptyNote
	freeze   *widget.Button
	unfreeze *widget.Button
	root     fyne.CanvasObject
}

func newCardsPane(w fyne.Window, s CardStore, today func() model.Date, changed func()) *cardsPane {
	p := &cardsPane{w: w, s: s, today: today, changed: changed, selected: -1}
	p.list = widget.NewList(func() int { return len(p.cards) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			return container.NewVBox(container.NewBorder(nil, nil, nil, widget.NewLabel(""), title),
				widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { p.updateItem(p.cards[i], o.(*fyne.Container)) })
	p.list.OnSelected = func(i widget.ListItemID) { p.selected = i; p.followSelection() }
	sell := widget.NewButtonWithIcon(i18n.T("card.sell"), theme.ContentAddIcon(), p.showSell)
	sell.Importance = widget.HighImportance
	p.freeze = widget.NewButtonWithIcon(i18n.T("card.freeze"), theme.MediaPauseIcon(), p.showFreeze)
	p.unfreeze = widget.NewButtonWithIcon(i18n.T("card.unfreeze"), theme.MediaPlayIcon(), p.showUnfreeze)
	p.freeze.Disable()
	p.unfreeze.Disable()
	p.empty = kit.NewEmptyNote(i18n.T("card.none"))
	p.root = container.NewBorder(container.NewHBox(sell, p.freeze, p.unfreeze), nil, nil, nil, p.empty.Over(p.list))
	return p
}

func (p *cardsPane) content() fyne.CanvasObject { return p.root }

// followSelection offers what can be done with the card chosen.
func (p *cardsPane) followSelection() {
	p.freeze.Disable()
	p.unfreeze.Disable()
	if p.selected < 0 || p.selected >= len(p.cards) {
		return
	}
	p.freeze.Enable()
	if len(cancellable(p.cards[p.selected], p.today())) > 0 {
		p.unfreeze.Enable()
	}
}

func (p *cardsPane) updateItem(c model.CardView, o *fyne.Container) {
	top := o.Objects[0].(*fyne.Container)
	top.Objects[0].(*widget.Label).SetText(c.Type.Name + " · № " + c.Card.Number)
	st := top.Objects[1].(*widget.Label)
	st.SetText(i18n.T("card.status." + string(c.State.Status)))
	st.Importance = cardImportance(c.State.Status)
	st.Refresh()
	o.Objects[1].(*widget.Label).SetText(cardDetails(c.State))
	o.Objects[2].(*widget.Label).SetText(i18n.In("").CardMoney(c.Card))
	o.Objects[3].(*widget.Label).SetText(cardFreezes(c))
}

// cardDetails says how long the card runs and how many visits are left.
func cardDetails(st model.CardState) string {
	w := i18n.In("")
	return w.CardPeriod(st) + " · " + w.CardVisits(st)
}

// cardFreezes lists the card's freezes with their days, and the freeze
// days left.
func cardFreezes(c model.CardView) string { return strings.Join(i18n.In("").CardFreezes(c), " · ") }

func freezeSpan(f model.CardFreeze) string { return i18n.In("").FreezeSpan(f) }

func cardImportance(s model.CardStatus) widget.Importance {
	switch s {
	case model.CardActive:
		return widget.SuccessImportance
	case model.CardFrozen, model.CardNotActivated:
		return widget.WarningImportance
	}
	return widget.DangerImportance
}

func (p *cardsPane) load(clientID uint) {
	loadFor(p.w, &p.clientID, clientID, p.s.Cards, func(cs []model.CardView) {
		p.cards, p.selected = cs, -1
		p.empty.Follow(len(cs))
		p.list.UnselectAll()
		p.followSelection()
		p.list.Refresh()
	})
}

// showFreeze asks for the days the chosen card is frozen.
func (p *cardsPane) showFreeze() {
	if p.selected < 0 || p.selected >= len(p.cards) {
		return
	}
	c := p.cards[p.selected]
	from, to := widgets.NewDateEntry(p.w), widgets.NewDateEntry(p.w)
	from.SetText(p.today().Format(i18n.Lang()))
	fields := map[string]*kit.Field{"from": kit.NewField("from", i18n.T("card.freeze.from"), from), "to": kit.NewField("to", i18n.T("card.freeze.to"), to)}
	hint := widget.NewLabel(i18n.T("card.freeze.allowance", map[string]any{"N": c.State.FreezeDaysLeft}))
	body := container.NewVBox(hint, kit.FieldGrid(fields["from"], fields["to"]))
	p.dialog = kit.ShowFormDialog(p.w, i18n.T("card.freeze.title", map[string]any{"Number": c.Card.Number}), body, func(close func()) {
		var errs model.ValidationErrors
		f, err1 := from.Value("from")
		t, err2 := to.Value("to")
		errs = errs.Add(err1, err2)
		kit.SubmitForm(p.w, fields, errs, nil, func() error { return p.s.FreezeCard(context.Background(), c.Card.ID, f, t) }, close, p.changed)
	})
}
