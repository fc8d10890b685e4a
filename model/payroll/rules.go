package payroll

import "companion/model"

// DeductionLimit: deductions from one payment may take at most this share
// of what is due after the income tax (Labour Code art. 138).
const DeductionLimit model.Percent = 2000

// TaxBand is a band of the income tax's scale: Rate applies to the year's
// income above From (roubles) up to the next band.
type TaxBand struct {
	From model.Money
	Rate model.Percent
}

// TaxScale is the income tax (НДФЛ) on a year's income, in force from 2025:
// each rate on its band only.
var TaxScale = []TaxBand{
	{0, 1300},
	{model.Rub(2_400_000), 1500},
	{model.Rub(5_000_000), 1800},
	{model.Rub(20_000_000), 2000},
	{model.Rub(50_000_000), 2200},
}

// TaxOn is the income tax on a year's income, in whole roubles: under 50
// kopecks dropped, 50 or more up.
func TaxOn(income model.Money) model.Money {
	var tax int64 // in hundredths of a kopeck
	for i, b := range TaxScale {
		if income <= b.From {
			break
		}
		top := income
		if i+1 < len(TaxScale) && top > TaxScale[i+1].From {
			top = TaxScale[i+1].From
		}
		tax += int64(top-b.From) * int64(b.Rate)
	}
	return model.Money(model.DivRound(tax, 10000*100) * 100)
}

// Tiered is a tiered share of revenue: progressive takes each band's rate
// on the part of the revenue within the band; retroactive takes the rate of
// the highest band reached on all of it.
func Tiered(revenue model.Money, tiers model.Tiers, retroactive bool) (model.Money, model.Percent) {
	if revenue <= 0 || len(tiers) == 0 {
		return 0, 0
	}
	reached := 0
	for i, t := range tiers {
		if revenue > t.From || i == 0 {
			reached = i
		}
	}
	if retroactive {
		return tiers[reached].Percent.Of(revenue), tiers[reached].Percent
	}
	var sum int64 // hundredths of a kopeck, rounded once
	for i := 0; i <= reached; i++ {
		top := revenue
		if i+1 < len(tiers) && top > tiers[i+1].From {
			top = tiers[i+1].From
		}
		sum += int64(top-tiers[i].From) * int64(tiers[i].Percent)
	}
	return model.Money(model.DivRound(sum, 10000)), tiers[reached].Percent
}

// prorate is amount for days of a month of of days, to the kopeck.
func prorate(amount model.Money, days, of int) model.Money {
	return model.Money(model.DivRound(int64(amount)*int64(days), int64(of)))
}
