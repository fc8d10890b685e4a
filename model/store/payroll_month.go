package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/payroll"
)

// PayrollMonth is the model's month of payroll.
type PayrollMonth = payroll.Month

// Payroll reads the month: its approved result, or what it computes to now.
func (s *Store) Payroll(ctx context.Context, month model.Date) (PayrollMonth, error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return PayrollMonth{}, err
	}
	db := s.ctx(ctx)
	if r, ok, err := approvedResult(db, month); err != nil || ok {
		return PayrollMonth{Result: r, Approved: ok}, err
	}
	r, err := s.computeMonth(db, month)
	return PayrollMonth{Result: r}, err
}

// PayrollInput reads the facts a month's payroll is computed from, so that
// the owner may change a rate or a figure on screen and see what follows
// (payroll.Compute) without saving anything.
func (s *Store) PayrollInput(ctx context.Context, month model.Date) (payroll.Input, error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return payroll.Input{}, err
	}
	return s.payrollInput(s.ctx(ctx), month)
}

// ApprovePayroll computes the month and keeps what it computed: the month
// is then read-only, and a visit, a card sale, an entry or a scheme change
// that would alter it is refused (model.Locked).
func (s *Store) ApprovePayroll(ctx context.Context, month model.Date) (payroll.Result, error) {
	if err := s.allow(model.AreaPayroll, model.Write); err != nil {
		return payroll.Result{}, err
	}
	var r payroll.Result
	err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.periodOpen(tx, month); err != nil {
			return err
		}
		var err error
		r, err = s.approveMonth(tx, month, s.moment())
		return err
	})
	return r, err
}

// approveMonth computes month within tx and keeps what it computed as
// approved at the moment given.
func (s *Store) approveMonth(tx *gorm.DB, month model.Date, at time.Time) (payroll.Result, error) {
	r, err := s.computeMonth(tx, month)
	if err != nil {
		return r, err
	}
	data, err := json.Marshal(r)
	if err != nil {
		return r, err
	}
	return r, tx.Exec("INSERT INTO payroll_months (month, approved_at, result) VALUES (?, ?, ?)",
		model.MonthOf(month).ISO(), at, string(data)).Error
}

// ApprovedMonths lists the approved months, oldest first.
func (s *Store) ApprovedMonths(ctx context.Context) ([]model.Date, error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return nil, err
	}
	var months []string
	if err := s.ctx(ctx).Table("payroll_months").Order("month").Pluck("month", &months).Error; err != nil {
		return nil, err
	}
	out := make([]model.Date, 0, len(months))
	for _, m := range months {
		d, err := model.ParseDate(m)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func approvedResult(db *gorm.DB, month model.Date) (payroll.Result, bool, error) {
	var r payroll.Result
	var data []string
	err := db.Table("payroll_months").Where("month = ?", model.MonthOf(month).ISO()).Pluck("result", &data).Error
	if err != nil || len(data) == 0 {
		return r, false, err
	}
	if err := json.Unmarshal([]byte(data[0]), &r); err != nil {
		return r, false, fmt.Errorf("the approved payroll of %s: %w", month.ISO(), err)
	}
	return r, true, nil
}

// computeMonth computes a month from what the database holds now.
func (s *Store) computeMonth(db *gorm.DB, month model.Date) (payroll.Result, error) {
	in, err := s.payrollInput(db, month)
	if err != nil {
		return payroll.Result{}, err
	}
	return payroll.Compute(in), nil
}

// payrollInput gathers a month's facts, and the year before it: each
// earlier month of the year as approved, or as it computes now.
func (s *Store) payrollInput(db *gorm.DB, month model.Date) (payroll.Input, error) {
	in, err := s.monthFacts(db, month)
	if err != nil {
		return in, err
	}
	in.YearBefore = map[uint]payroll.YearToDate{}
	for m := model.NewDate(month.Year(), 1, 1); m.Before(in.Month); m = model.MonthOf(m.AddDays(31)) {
		r, ok, err := approvedResult(db, m)
		if err != nil {
			return in, err
		}
		if !ok {
			prev, err := s.monthFacts(db, m)
			if err != nil {
				return in, err
			}
			prev.YearBefore = in.YearBefore
			r = payroll.Compute(prev)
		}
		for _, p := range r.People {
			y := in.YearBefore[p.Staff.ID]
			in.YearBefore[p.Staff.ID] = payroll.YearToDate{Income: y.Income + p.Gross, Tax: y.Tax + p.Tax}
		}
	}
	return in, nil
}
