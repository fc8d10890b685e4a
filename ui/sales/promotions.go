package sales

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
)

// Tab is the «Акции» tab: the promotions with whom each may be told, who
// was told and what it came to; for the owner also the staff's offer
// figures and the ambassadors.
type Tab struct {
	w       fyne.Window
	s       Store
	changes *kit.Changes

	promos   []model.Promotion
	services []model.Service
	cards    []model.CardType
	pick     int // the promotion shown, -1 for none
	list     *widget.List
	empty    kit.EmptyNote
	detail   *promoDetail
	figures  *figuresPage
	root     fyne.CanvasObject
}

// New builds the tab; it reads again after clients or visits change.
func New(w fyne.Window, s Store, changes *kit.Changes) *Tab {
	t := &Tab{w: w, s: s, changes: changes, pick: -1}
	t.list = widget.NewList(func() int { return len(t.promos) }, func() fyne.CanvasObject { return kit.Wrapped("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := t.promos[i]
			o.(*widget.Label).SetText(p.Title + "\n" + promoLine(p))
		})
	t.list.OnSelected = func(i widget.ListItemID) { t.pick = i; t.detail.show(t.promos[i]) }
	t.empty = kit.NewEmptyNote(i18n.T("promo.none"))
	add := widget.NewButtonWithIcon(i18n.T("promo.new"), theme.ContentAddIcon(), func() { t.edit(nil) })
	add.Importance = widget.HighImportance
	left := container.NewBorder(container.NewBorder(nil, nil, nil, add, heading(i18n.T("promo.heading"))), nil, nil, nil,
		t.empty.Over(t.list))
	t.detail = newPromoDetail(t)
	split := container.NewHSplit(left, t.detail.root)
	split.Offset = 0.3
	t.root = split
	if s.Role() == model.RoleOwner {
		t.figures = newFiguresPage(w, s)
		t.root = container.NewAppTabs(container.NewTabItem(i18n.T("promo.heading"), split),
			container.NewTabItem(i18n.T("sales.figures.tab"), t.figures.root))
	}
	changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeClients, kit.ChangeVisits)
	return t
}

// Content is the tab's widget tree.
func (t *Tab) Content() fyne.CanvasObject { return t.root }

// Refresh reads the promotions, the catalogue and the card types again.
func (t *Tab) Refresh(ctx context.Context) {
	kit.Background(func() {
		promos, err := t.s.Promotions(ctx)
		var services []model.Service
		var cards []model.CardType
		if err == nil {
			services, err = t.s.Services(ctx)
		}
		if err == nil {
			cards, err = t.s.CardTypes(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.promos, t.services, t.cards = promos, services, cards
			t.empty.Follow(len(promos))
			t.list.Refresh()
			t.reselect()
		})
	})
	if t.figures != nil {
		t.figures.load()
	}
}

// reselect shows the promotion shown before, by its ID, or the first.
func (t *Tab) reselect() {
	if len(t.promos) == 0 {
		t.detail.clear()
		return
	}
	i := 0
	for k, p := range t.promos {
		if p.ID == t.detail.promo.ID {
			i = k
		}
	}
	t.list.Select(i)
	t.detail.show(t.promos[i])
}

// promoLine says a promotion's period and discount.
func promoLine(p model.Promotion) string { return reports.PromoLine(p, i18n.In("")) }
