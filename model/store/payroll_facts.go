package store

import (
	"gorm.io/gorm"

	"companion/model"
	"companion/model/payroll"
)

// monthFacts reads what a month's payroll is computed from, but the year
// before it.
func (s *Store) monthFacts(db *gorm.DB, month model.Date) (payroll.Input, error) {
	in := payroll.Input{Month: model.MonthOf(month)}
	first := in.Month.ISO()
	last := in.Month.AddDays(model.DaysIn(in.Month) - 1).ISO()
	var err error
	if in.TaxOn, in.ContribRate, err = payrollSettings(db); err != nil {
		return in, err
	}
	steps := []func() error{
		func() error { return db.Order("id").Find(&in.Staff).Error },
		func() error { return db.Order("name").Find(&in.Blocks).Error },
		func() error { return db.Order("staff_id, kind, from_day, id").Find(&in.Components).Error },
		func() error { return db.Where("month = ?", first).Order("staff_id, id").Find(&in.Entries).Error },
		func() error { return db.Where("month = ?", first).Order("block_id, id").Find(&in.Corrections).Error },
		func() error { return db.Where("month = ?", first).Order("staff_id, id").Find(&in.Recognition).Error },
		func() error { return clientThanks(db, first, last, &in) },
		func() error { return cardSales(db, first, last, &in) },
		func() error { return payLines(db, first, last, &in) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return in, err
		}
	}
	return in, nil
}

// clientThanks adds to the month's recognitions the clients' thanks passed
// on to the staff in it, in the clients' words.
func clientThanks(db *gorm.DB, first, last string, in *payroll.Input) error {
	var fb []model.Feedback
	err := db.Where("kind = ? AND state = ? AND staff_id IS NOT NULL AND day >= ? AND day <= ?",
		model.FeedbackThanks, model.StatePassed, first, last).Order("day, id").Find(&fb).Error
	for _, f := range fb {
		in.Recognition = append(in.Recognition, model.Recognition{StaffID: *f.StaffID, Month: in.Month,
			Text: f.Words, Source: "client"})
	}
	return err
}

// cardSales reads the cards sold in the month with the block they feed.
func cardSales(db *gorm.DB, first, last string, in *payroll.Input) error {
	return db.Table("cards AS c").Select("t.block_id, c.paid").Joins("JOIN card_types AS t ON t.id = c.type_id").
		Where("c.sold_on >= ? AND c.sold_on <= ?", first, last).Order("c.id").Scan(&in.CardSales).Error
}

// payLine is a visit line of the month with what payroll needs of its
// service and card.
type payLine struct {
	Day            model.Date
	StaffID        *uint
	BlockID        *uint
	Kind           *string
	Qty            int
	Price          model.Money
	Discount       model.Money
	PaidBy         string
	Consumables    model.Money
	CostPrice      model.Money
	CardPrice      model.Money
	CardDiscount   model.Money
	VisitsIncluded int
	VisitValue     model.Money
}

// payLines reads the month's visit lines: money lines at what was paid,
// card visits at the card's price ÷ its visits (an unlimited card's at its
// type's value of a visit).
func payLines(db *gorm.DB, first, last string, in *payroll.Input) error {
	var rows []payLine
	err := db.Table("visit_lines AS l").Select(`v.day, l.staff_id, sv.block_id, sv.kind, l.qty, l.price, l.discount,
		l.paid_by, coalesce(sv.consumables, 0) AS consumables, coalesce(sv.cost_price, 0) AS cost_price,
		coalesce(c.price, 0) AS card_price, coalesce(c.discount, 0) AS card_discount,
		coalesce(c.visits_included, 0) AS visits_included, coalesce(t.visit_value, 0) AS visit_value`).
		Joins("JOIN visits AS v ON v.id = l.visit_id").
		Joins("LEFT JOIN services AS sv ON sv.id = l.service_id").
		Joins("LEFT JOIN cards AS c ON c.id = l.card_id").
		Joins("LEFT JOIN card_types AS t ON t.id = c.type_id").
		Where("v.day >= ? AND v.day <= ?", first, last).Order("v.day, l.id").Scan(&rows).Error
	if err != nil {
		return err
	}
	in.Lines = make([]payroll.Line, len(rows))
	for i, r := range rows {
		l := payroll.Line{On: r.Day, StaffID: r.StaffID, BlockID: r.BlockID, Qty: r.Qty,
			Product: r.Kind != nil && *r.Kind == "product", Consumables: r.Consumables, CostPrice: r.CostPrice}
		vl := model.VisitLine{Qty: r.Qty, Price: r.Price, Discount: r.Discount, PaidBy: r.PaidBy}
		switch {
		case r.PaidBy != model.PaidCard:
			l.Money = vl.Value()
		case r.VisitsIncluded > 0:
			l.CardValue = model.Money(model.DivRound(int64(r.CardPrice-r.CardDiscount)*int64(r.Qty), int64(r.VisitsIncluded)))
		default:
			l.CardValue = model.Money(r.Qty) * r.VisitValue
		}
		in.Lines[i] = l
	}
	return nil
}
