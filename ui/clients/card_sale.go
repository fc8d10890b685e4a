package clients

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// saleForm is the form of a card sale: the type, its price (the type's
// unless changed), a discount, what was paid (what is due unless changed),
// the number (made up when empty) and the day of sale.
type saleForm struct {
	types                 []model.CardType
	typ                   *widget.Select
	price, discount, paid *widgets.MoneyEntry
	number                *kit.KeyEntry
	sold                  *widgets.DateEntry
	fields                map[string]*kit.Field
	paidAuto              string // what the form last put in paid itself
}

func newSaleForm(w fyne.Window, types []model.CardType, today model.Date) *saleForm {
	f := &saleForm{price: widgets.NewMoneyEntry(w), discount: widgets.NewMoneyEntry(w), paid: widgets.NewMoneyEntry(w),
		number: kit.NewDialogEntry(w, false), sold: widgets.NewDateEntry(w)}
	var names []string
	for _, t := range types {
		if t.Active {
			f.types = append(f.types, t)
			names = append(names, t.Name+" · "+t.Price.Format(i18n.Lang()))
		}
	}
	f.typ = kit.NewSelect(names, func(string) {
		if i := f.typ.SelectedIndex(); i >= 0 {
			f.price.SetValue(f.types[i].Price)
		}
	})
	f.discount.Optional = true
	f.price.OnChanged = func(string) { f.followDue() }
	f.discount.OnChanged = func(string) { f.followDue() }
	f.number.SetPlaceHolder(i18n.T("card.number.auto"))
	f.sold.SetValue(today)
	f.fields = map[string]*kit.Field{}
	for _, fl := range []*kit.Field{kit.NewField("type", i18n.T("card.type"), f.typ),
		kit.NewField("price", i18n.T("card.price"), f.price), kit.NewField("discount", i18n.T("card.discount"), f.discount),
		kit.NewField("paid", i18n.T("card.paid"), f.paid), kit.NewField("number", i18n.T("card.number"), f.number),
		kit.NewField("sold_on", i18n.T("card.sold_on"), f.sold)} {
		f.fields[fl.Name] = fl
	}
	return f
}

func (f *saleForm) body() fyne.CanvasObject {
	fs := f.fields
	return kit.FieldGrid(fs["type"], fs["price"], fs["discount"], fs["paid"], fs["number"], fs["sold_on"])
}

// followDue keeps what was paid at what is due until the person types a
// payment of their own.
func (f *saleForm) followDue() {
	if f.paid.Text != f.paidAuto {
		return
	}
	price, err1 := f.price.Value("price")
	discount, err2 := f.discount.Value("discount")
	if err1 != nil || err2 != nil {
		return
	}
	f.paid.SetValue(price - discount)
	f.paidAuto = f.paid.Text
}

// card reads the sale of the client, with the errors of what could not be
// read.
func (f *saleForm) card(clientID uint) (model.Card, model.ValidationErrors) {
	var errs model.ValidationErrors
	c := model.Card{ClientID: clientID, Number: f.number.Text}
	if i := f.typ.SelectedIndex(); i >= 0 {
		c.TypeID = f.types[i].ID
	} else {
		errs = append(errs, &model.FieldError{Field: "type", Key: "err.card.type"})
	}
	var e1, e2, e3, e4 *model.FieldError
	c.Price, e1 = f.price.Value("price")
	c.Discount, e2 = f.discount.Value("discount")
	c.Paid, e3 = f.paid.Value("paid")
	c.SoldOn, e4 = f.sold.Value("sold_on")
	return c, errs.Add(e1, e2, e3, e4)
}

// showSell asks for the sale of a card to the client shown.
func (p *cardsPane) showSell() {
	id := p.clientID
	kit.Background(func() {
		types, err := p.s.CardTypes(context.Background())
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			f := newSaleForm(p.w, types, p.today())
			p.sellType = f.typ
			p.dialog = kit.ShowFormDialog(p.w, i18n.T("card.sell"), f.body(), func(close func()) {
				c, errs := f.card(id)
				kit.SubmitForm(p.w, f.fields, errs, nil, func() error { return p.s.SellCard(context.Background(), &c) }, close, p.changed)
			})
		})
	})
}
