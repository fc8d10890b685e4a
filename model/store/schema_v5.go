package store

// schemaV5 gives a card sale its money: the price, the discount and what
// was paid, which payroll counts.
var schemaV5 = []string{}
