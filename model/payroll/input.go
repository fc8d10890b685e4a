// Package payroll computes a month's pay: every person's components, the
// blocks' profit as the seed defines it (turnover − consumables − the
// staff's pay), the shares of that profit, the income tax and what is to
// be paid. It is pure: the store hands it the month's facts.
package payroll

import "companion/model"

// Line is a visit line of the month as payroll sees it.
type Line struct {
	On          model.Date
	StaffID     *uint // who performed or sold it
	BlockID     *uint // the block of its service or product
	Product     bool
	Qty         int
	Money       model.Money // what was paid in money for the line (0 for a card visit)
	CardValue   model.Money // a card visit's worth: the card's price ÷ its visits, × Qty
	Consumables model.Money // the service's consumables for one session
	CostPrice   model.Money // the product's cost price for one
}

// CardSale is a client card sold in the month, paid into a block.
type CardSale struct {
	BlockID *uint
	Paid    model.Money
}

// YearToDate is what a person earned and had withheld in the year before
// the month: the income tax is withheld cumulatively.
type YearToDate struct {
	Income model.Money
	Tax    model.Money
}

// Input is everything a month's payroll is computed from.
type Input struct {
	Month       model.Date // its first day
	Staff       []model.Staff
	Blocks      []model.Block
	Components  []model.PayComponent // every component of the history
	Entries     []model.PayEntry     // this month's
	Corrections []model.BlockCorrection
	Lines       []Line
	CardSales   []CardSale
	YearBefore  map[uint]YearToDate
	Recognition []model.Recognition
	TaxOn       bool
	ContribRate model.Percent // the employer's contributions, for the owner's information
}
