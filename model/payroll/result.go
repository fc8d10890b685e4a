package payroll

import "companion/model"

// PayLine is one line of a payslip: what it is for, its base and rate,
// and the amount.
type PayLine struct {
	Kind   string      // a model.PayKinds kind, or an entry kind
	Base   model.Money // what the share was taken of; the full monthly sum for a salary
	Rate   model.Percent
	Days   int // days in force of a prorated salary or rate
	Of     int // days in the month
	Amount model.Money
	Note   string     // the ground of a deduction or an adjustment; NoteLoss for a share of a loss
	Mode   string     // tiered: ModeProgressive or ModeRetroactive
	Ref    model.Date // an adjustment: the approved month it corrects
	Block  *uint      // a share of a block's profit: the block
}

// How a tiered share was taken, and why a share of a block's profit is
// nothing.
const (
	ModeProgressive = "progressive"
	ModeRetroactive = "retroactive"
	NoteLoss        = "loss"
)

// Payslip is one person's month.
type Payslip struct {
	Staff       model.Staff
	Lines       []PayLine   // what is earned, in PayKinds order, then bonuses and adjustments
	Gross       model.Money // their sum
	Tax         model.Money // income tax withheld this month
	Deductions  []PayLine
	Advances    model.Money
	ToPay       model.Money // gross − tax − deductions − advances
	YearIncome  model.Money // the year's income to the end of the month
	Limit       model.Money // deductions may take at most this (20 % of gross − tax)
	Recognition []model.Recognition
	Revenue     Revenue // the person's own revenue the shares were taken of
}

// Revenue is what one person brought in during the month.
type Revenue struct {
	Services    model.Money // money lines of services, and card visits at their worth
	Consumables model.Money // of those services
	Goods       model.Money
}

// BlockMonth is a block's month as the seed's formula counts it.
type BlockMonth struct {
	Block       model.Block
	Sales       model.Money // money lines of the block's services and goods
	Cards       model.Money // the block's cards sold
	Turnover    model.Money // Sales + Cards + corrections
	Consumables model.Money // services' consumables × sessions
	GoodsCost   model.Money // goods' cost price × quantity
	Extras      model.Money // consumables corrected or added by hand
	Salaries    model.Money // the staff's pay except profit shares
	Profit      model.Money
	Corrections []model.BlockCorrection
}

// Result is a month's payroll.
type Result struct {
	Month         model.Date
	Blocks        []BlockMonth
	People        []Payslip
	Gross, Tax    model.Money
	ToPay         model.Money
	Contributions model.Money // the employer's, at Input.ContribRate
	Cost          model.Money // gross + contributions
}

// Person finds a person's payslip.
func (r Result) Person(staffID uint) (Payslip, bool) {
	for _, p := range r.People {
		if p.Staff.ID == staffID {
			return p, true
		}
	}
	return Payslip{}, false
}

// Month is a month's payroll: as approved (never computed again), or as it
// computes now.
type Month struct {
	Result   Result
	Approved bool
}
