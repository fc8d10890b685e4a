package clients

import (
	"strconv"

	"companion/model"
)

// fill shows a stored visit in the form, to be corrected.
func (f *visitForm) fill(v model.Visit) {
	f.on.SetValue(v.On)
	f.notes.SetText(v.Notes)
	for len(f.lines) < len(v.Lines) {
		f.addLine()
	}
	for i, l := range v.Lines {
		f.fillLine(f.lines[i], l)
	}
}

func (f *visitForm) fillLine(r *visitLineRow, l model.VisitLine) {
	for i, s := range f.services {
		if l.ServiceID != nil && s.ID == *l.ServiceID || l.ServiceID == nil && s.ID == 0 && s.Name == l.Name {
			r.service.SetSelectedIndex(i)
			break
		}
	}
	r.staff.SetSelectedIndex(0)
	for i, s := range f.staff {
		if l.StaffID != nil && s.ID == *l.StaffID {
			r.staff.SetSelectedIndex(i + 1)
		}
	}
	r.qty.SetText(strconv.Itoa(l.Qty))
	r.price.SetValue(l.Price) // the price it was sold at, not today's
	r.discount.SetText("")    // and the discount it was given, whatever runs today
	if l.Discount != 0 {
		r.discount.SetValue(l.Discount)
	}
	r.promoPercent = 0
	r.promo.Hide()
	r.paid.SetSelectedIndex(0)
	for i, c := range f.cards {
		if l.CardID != nil && c.Card.ID == *l.CardID {
			r.paid.SetSelectedIndex(i + 1)
		}
	}
}
