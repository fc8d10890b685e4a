package clients

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// cardsPane shows the client's cards at a glance, sells a new one and
// freezes one within its allowance.
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
	root     fyne.CanvasObject
}

func newCardsPane(w fyne.Window, s CardStore, today func() model.Date, changed func()) *cardsPane {
	p := &cardsPane{w: w, s: s, today: today, changed: changed, selected: -1}
	p.list = widget.NewList(func() int { return len(p.cards) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			return container.NewVBox(container.NewBorder(nil, nil, nil, widget.NewLabel(""), title), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { p.updateItem(p.cards[i], o.(*fyne.Container)) })
	p.list.OnSelected = func(i widget.ListItemID) { p.selected = i; p.freeze.Enable() }
	sell := widget.NewButtonWithIcon(i18n.T("card.sell"), theme.ContentAddIcon(), p.showSell)
	sell.Importance = widget.HighImportance
	p.freeze = widget.NewButtonWithIcon(i18n.T("card.freeze"), theme.MediaPauseIcon(), p.showFreeze)
	p.freeze.Disable()
	p.empty = kit.NewEmptyNote(i18n.T("card.none"))
	p.root = container.NewBorder(container.NewHBox(sell, p.freeze), nil, nil, nil, p.empty.Over(p.list))
	return p
}

func (p *cardsPane) content() fyne.CanvasObject { return p.root }

func (p *cardsPane) updateItem(c model.CardView, o *fyne.Container) {
	top := o.Objects[0].(*fyne.Container)
	top.Objects[0].(*widget.Label).SetText(c.Type.Name + " · № " + c.Card.Number)
	st := top.Objects[1].(*widget.Label)
	st.SetText(i18n.T("card.status." + string(c.State.Status)))
	st.Importance = cardImportance(c.State.Status)
	st.Refresh()
	o.Objects[1].(*widget.Label).SetText(cardDetails(c.State))
}

// cardDetails says how long the card runs and how many visits are left.
func cardDetails(st model.CardState) string {
	text := i18n.T("card.period.none")
	if !st.ValidTo.IsZero() {
		text = i18n.T("card.period", map[string]any{"From": st.ValidFrom.Format(i18n.Lang()), "To": st.ValidTo.Format(i18n.Lang())})
	}
	if st.VisitsLeft < 0 {
		text += " · " + i18n.T("card.unlimited", map[string]any{"Used": st.VisitsUsed})
	} else {
		text += " · " + i18n.T("card.visits", map[string]any{"Left": st.VisitsLeft, "Used": st.VisitsUsed})
	}
	if st.FreezeDaysUsed > 0 || st.FreezeDaysLeft > 0 {
		text += " · " + i18n.T("card.freeze_days", map[string]any{"Used": st.FreezeDaysUsed, "Left": st.FreezeDaysLeft})
	}
	return text
}

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
		p.freeze.Disable()
		p.list.Refresh()
	})
}

// showSell asks for the card type, the number (made up when empty) and the
// day of sale.
func (p *cardsPane) showSell() {
	id := p.clientID
	kit.Background(func() {
		types, err := p.s.CardTypes(context.Background())
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			var active []model.CardType
			var names []string
			for _, t := range types {
				if t.Active {
					active = append(active, t)
					names = append(names, t.Name+" · "+t.Price.Format(i18n.Lang()))
				}
			}
			typ := kit.NewSelect(names, nil)
			p.sellType = typ
			number := kit.NewDialogEntry(p.w, false)
			number.SetPlaceHolder(i18n.T("card.number.auto"))
			sold := widgets.NewDateEntry(p.w)
			sold.SetValue(p.today())
			fields := map[string]*kit.Field{}
			for _, f := range []*kit.Field{kit.NewField("type", i18n.T("card.type"), typ), kit.NewField("number", i18n.T("card.number"), number),
				kit.NewField("sold_on", i18n.T("card.sold_on"), sold)} {
				fields[f.Name] = f
			}
			body := kit.FieldGrid(fields["type"], fields["number"], fields["sold_on"])
			p.dialog = kit.ShowFormDialog(p.w, i18n.T("card.sell"), body, func(close func()) {
				var errs model.ValidationErrors
				c := model.Card{ClientID: id, Number: number.Text}
				if i := typ.SelectedIndex(); i >= 0 {
					c.TypeID = active[i].ID
				} else {
					errs = append(errs, &model.FieldError{Field: "type", Key: "err.card.type"})
				}
				var derr *model.FieldError
				c.SoldOn, derr = sold.Value("sold_on")
				errs = errs.Add(derr)
				kit.SubmitForm(p.w, fields, errs, nil, func() error { return p.s.SellCard(context.Background(), &c) }, close, p.changed)
			})
		})
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
	hint := widget.NewLabel(i18n.T("card.freeze.allowance", map[string]any{"Left": c.State.FreezeDaysLeft}))
	body := container.NewVBox(hint, kit.FieldGrid(fields["from"], fields["to"]))
	p.dialog = kit.ShowFormDialog(p.w, i18n.T("card.freeze.title", map[string]any{"Number": c.Card.Number}), body, func(close func()) {
		var errs model.ValidationErrors
		f, err1 := from.Value("from")
		t, err2 := to.Value("to")
		errs = errs.Add(err1, err2)
		kit.SubmitForm(p.w, fields, errs, nil, func() error { return p.s.FreezeCard(context.Background(), c.Card.ID, f, t) }, close, p.changed)
	})
}
