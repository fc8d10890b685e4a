package store

import (
	"context"
	"errors"
	"strconv"

	"gorm.io/gorm"

	"companion/model"
)

// Salon settings of payroll.
const (
	settingPayrollTax     = "payroll_tax"     // "0" when payslips withhold no income tax
	settingPayrollContrib = "payroll_contrib" // the employer's contributions, hundredths of a percent
)

// DefaultContribRate is the employer's contributions unless the owner sets
// another: 30 %.
const DefaultContribRate model.Percent = 3000

// PayrollSettings says whether payslips withhold the income tax (on by
// default) and the employer's contributions' rate.
func (s *Store) PayrollSettings(ctx context.Context) (taxOn bool, contrib model.Percent, err error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return false, 0, err
	}
	return payrollSettings(s.ctx(ctx))
}

func payrollSettings(db *gorm.DB) (bool, model.Percent, error) {
	tax, err := setting(db, settingPayrollTax)
	if err != nil {
		return false, 0, err
	}
	rate, err := setting(db, settingPayrollContrib)
	contrib := DefaultContribRate
	if n, perr := strconv.ParseInt(rate, 10, 64); perr == nil && rate != "" {
		contrib = model.Percent(n)
	}
	return tax != "0", contrib, err
}

// SetPayrollSettings stores them; a rate outside 0–100 % is refused.
func (s *Store) SetPayrollSettings(ctx context.Context, taxOn bool, contrib model.Percent) error {
	if err := s.allow(model.AreaPayroll, model.Write); err != nil {
		return err
	}
	if contrib < 0 || contrib > model.MaxPercent {
		return model.ValidationErrors{{Field: "contrib", Key: "err.pay.percent"}}
	}
	tax := "1"
	if !taxOn {
		tax = "0"
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := putSetting(tx, settingPayrollTax, tax); err != nil {
			return err
		}
		return putSetting(tx, settingPayrollContrib, strconv.FormatInt(int64(contrib), 10))
	})
}

func setting(db *gorm.DB, key string) (string, error) {
	var v []string
	err := db.Table("salon_settings").Where("key = ?", key).Pluck("value", &v).Error
	if err != nil || len(v) == 0 {
		return "", err
	}
	return v[0], nil
}

func putSetting(db *gorm.DB, key, value string) error {
	return db.Exec(`INSERT INTO salon_settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value).Error
}

// PayComponents lists the pay schemes' components, every staff member's
// history, oldest first.
func (s *Store) PayComponents(ctx context.Context) ([]model.PayComponent, error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return nil, err
	}
	out := []model.PayComponent{}
	err := s.ctx(ctx).Order("staff_id, kind, from_day, id").Find(&out).Error
	return out, err
}

// AddPayComponent adds a component to a person's scheme from its day. A
// day within an approved month is refused: a change never alters a month
// already computed and approved.
func (s *Store) AddPayComponent(ctx context.Context, c *model.PayComponent) error {
	if err := s.allow(model.AreaPayroll, model.Write); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.notApprovedSince(tx, c.From); err != nil {
			return err
		}
		c.ID, c.CreatedAt = 0, s.moment()
		return tx.Create(c).Error
	})
}

// notApprovedSince refuses a change from day on when day's month, or any
// later one, is approved.
func (s *Store) notApprovedSince(tx *gorm.DB, day model.Date) error {
	var months []string
	err := tx.Table("payroll_months").Where("month >= ?", model.MonthOf(day).ISO()).Order("month").Pluck("month", &months).Error
	if err != nil || len(months) == 0 {
		return err
	}
	m, err := model.ParseDate(months[0])
	if err != nil {
		return err
	}
	return model.Locked(m)
}

// periodOpen refuses a change of day's month when its payroll is approved:
// a visit, a card sale.
func (s *Store) periodOpen(tx *gorm.DB, day model.Date) error {
	if day.IsZero() {
		return nil
	}
	var n int64
	if err := tx.Table("payroll_months").Where("month = ?", model.MonthOf(day).ISO()).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return model.Locked(model.MonthOf(day))
	}
	return nil
}

// PayEntries lists a month's entries: bonuses, deductions, advances and
// adjustments.
func (s *Store) PayEntries(ctx context.Context, month model.Date) ([]model.PayEntry, error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return nil, err
	}
	return payEntries(s.ctx(ctx), month)
}

func payEntries(db *gorm.DB, month model.Date) ([]model.PayEntry, error) {
	out := []model.PayEntry{}
	err := db.Where("month = ?", model.MonthOf(month)).Order("staff_id, id").Find(&out).Error
	return out, err
}

// AddPayEntry stores a sum of a month. The month must be open; a deduction
// that would take more than the law allows of the person's pay
// (payroll.DeductionLimit) is refused, naming the limit.
func (s *Store) AddPayEntry(ctx context.Context, e *model.PayEntry) error {
	if err := s.allow(model.AreaPayroll, model.Write); err != nil {
		return err
	}
	if err := e.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.periodOpen(tx, e.Month); err != nil {
			return err
		}
		if e.Kind == model.EntryAdjustment {
			if err := s.periodOpen(tx, e.RefMonth); err == nil {
				return model.ValidationErrors{{Field: "ref_month", Key: "err.pay.ref_open"}}
			}
		}
		e.ID = 0
		if err := tx.Create(e).Error; err != nil {
			return err
		}
		if e.Kind == model.EntryDeduction {
			return s.deductionWithinLimit(tx, e)
		}
		return nil
	})
}

// deductionWithinLimit computes the month with the new deduction and
// refuses it when the person's deductions pass the limit.
func (s *Store) deductionWithinLimit(tx *gorm.DB, e *model.PayEntry) error {
	res, err := s.computeMonth(tx, e.Month)
	if err != nil {
		return err
	}
	p, ok := res.Person(e.StaffID)
	if ok && p.Deducted() > p.Limit {
		return model.ValidationErrors{{Field: "amount", Key: "err.pay.deduction_limit",
			Args: map[string]any{"Limit": p.Limit.Format("ru")}}}
	}
	return nil
}

// DeletePayEntry removes an entry made by mistake from an open month.
func (s *Store) DeletePayEntry(ctx context.Context, id uint) error {
	if err := s.allow(model.AreaPayroll, model.Delete); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var e model.PayEntry
		if err := tx.Take(&e, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		if err := s.periodOpen(tx, e.Month); err != nil {
			return err
		}
		return tx.Delete(&model.PayEntry{}, id).Error
	})
}

// AddBlockCorrection corrects a block's turnover or consumables of an open
// month, with its reason.
func (s *Store) AddBlockCorrection(ctx context.Context, c *model.BlockCorrection) error {
	if err := s.allow(model.AreaPayroll, model.Write); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.periodOpen(tx, c.Month); err != nil {
			return err
		}
		c.ID = 0
		return tx.Create(c).Error
	})
}

// AddRecognition notes a thanks or the owner's word of a month for a
// person, printed on the payslip.
func (s *Store) AddRecognition(ctx context.Context, r *model.Recognition) error {
	if err := s.allow(model.AreaPayroll, model.Write); err != nil {
		return err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	r.ID = 0
	return s.ctx(ctx).Create(r).Error
}

// RecognitionMonths: the owner is shown who has had no recognition in the
// month and the months before it, this many in all.
const RecognitionMonths = 3

// Recognitions lists a month's recognitions.
func (s *Store) Recognitions(ctx context.Context, month model.Date) ([]model.Recognition, error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return nil, err
	}
	out := []model.Recognition{}
	err := s.ctx(ctx).Where("month = ?", model.MonthOf(month)).Order("staff_id, id").Find(&out).Error
	return out, err
}

// Unrecognised lists the working staff who have had no recognition in
// month and the RecognitionMonths−1 months before it, by name.
func (s *Store) Unrecognised(ctx context.Context, month model.Date) ([]model.Staff, error) {
	if err := s.allow(model.AreaPayroll, model.Read); err != nil {
		return nil, err
	}
	first := model.MonthOf(month)
	for i := 1; i < RecognitionMonths; i++ {
		first = model.MonthOf(first.AddDays(-1))
	}
	out := []model.Staff{}
	err := s.ctx(ctx).Where("active = ? AND id NOT IN (?)", true,
		s.ctx(ctx).Table("recognitions").Select("staff_id").Where("month >= ? AND month <= ?", first, model.MonthOf(month))).
		Order("name").Find(&out).Error
	return out, err
}
