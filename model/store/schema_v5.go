package store

// schemaV5 gives a card sale its money: the price, the discount and what
// was paid, which payroll counts. A card sold before it was paid in full:
// the salon kept no other record of its payment.
var schemaV5 = []string{
	`ALTER TABLE cards ADD COLUMN discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0)`,
	`ALTER TABLE cards ADD COLUMN paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0)`,
	`UPDATE cards SET paid = price WHERE price > 0`,
}
