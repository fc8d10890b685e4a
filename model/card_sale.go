package model

// Due is what the sale costs the client: the price less the discount.
func (c Card) Due() Money { return c.Price - c.Discount }

// Owed is what the client still has to pay for the card.
func (c Card) Owed() Money { return c.Due() - c.Paid }

// validateMoney checks the sale's money: a price, a discount of at most
// the price, and a payment of at most what is due.
func (c *Card) validateMoney(errs *ValidationErrors) {
	if c.Price < 0 {
		errs.add("price", "err.money.negative", nil)
	}
	switch {
	case c.Discount < 0:
		errs.add("discount", "err.money.negative", nil)
	case c.Price >= 0 && c.Discount > c.Price:
		errs.add("discount", "err.card.discount", map[string]any{"Price": c.Price})
	}
	switch {
	case c.Paid < 0:
		errs.add("paid", "err.money.negative", nil)
	case c.Price >= 0 && c.Discount >= 0 && c.Discount <= c.Price && c.Paid > c.Due():
		errs.add("paid", "err.card.paid", map[string]any{"Due": c.Due()})
	}
}
