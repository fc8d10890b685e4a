package payroll

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	calc "companion/model/payroll"
)

// monthKeys are the months' names, January first.
var monthKeys = [12]string{"payroll.month.1", "payroll.month.2", "payroll.month.3", "payroll.month.4",
	"payroll.month.5", "payroll.month.6", "payroll.month.7", "payroll.month.8", "payroll.month.9",
	"payroll.month.10", "payroll.month.11", "payroll.month.12"}

// monthName is a month as the picker shows it: «Ноябрь 2026».
func monthName(m model.Date) string {
	return i18n.T(monthKeys[m.Month()-1]) + " " + strconv.Itoa(m.Year())
}

// monthInText is a month within a sentence: «ноябрь 2026» in Russian,
// where a month's name is written small, «November 2026» in English.
func monthInText(m model.Date) string {
	name := monthName(m)
	if i18n.Lang() != "ru" {
		return name
	}
	r := []rune(name)
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// money is an amount in the language's way: «12 345,67 ₽».
func money(m model.Money) string { return m.Format(i18n.Lang()) }

// percent writes a share as a person reads it: «15 %», «12,5 %».
func percent(p model.Percent) string {
	neg := p < 0
	if neg {
		p = -p
	}
	s := strconv.FormatInt(int64(p)/100, 10)
	if frac := int64(p) % 100; frac != 0 {
		dec := "."
		if i18n.Lang() == "ru" {
			dec = ","
		}
		s += dec + strings.TrimRight(strconv.FormatInt(100+frac, 10)[1:], "0")
	}
	if neg {
		s = "−" + s
	}
	return s + "\u00a0%"
}

// percentText is a share as an entry shows it, without the sign: «12,5».
func percentText(p model.Percent) string { return strings.TrimSuffix(percent(p), "\u00a0%") }

// parsePercent reads a share a person typed: «15», «12,5», «12.5 %».
// It refuses what is not a number with at most two decimals; the range is
// model's to check.
func parsePercent(s string) (model.Percent, bool) {
	s = strings.NewReplacer("%", "", " ", "", "\u00a0", "", ",", ".").Replace(strings.TrimSpace(s))
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 2 || model.Digits(whole) != whole || model.Digits(frac) != frac || len(whole) > 9 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	return model.Percent(w*100 + f), true
}

// kindName is a payslip line's kind in the language: a component of the
// scheme, or an entry of the month (a one-off bonus, an adjustment).
func kindName(l calc.PayLine) string {
	for _, k := range model.EntryKinds {
		if l.Kind == k && l.Of == 0 {
			return i18n.T("pay.entry." + k)
		}
	}
	return i18n.T("pay.kind." + l.Kind)
}

// amountKind reports whether a component of kind is a sum a month rather
// than a share.
func amountKind(kind string) bool {
	return kind == model.PaySalary || kind == model.PayDirectorRate || kind == model.PayBonus
}

// staffName is the name of the staff member id among staff, or "".
func staffName(staff []model.Staff, id uint) string {
	for _, st := range staff {
		if st.ID == id {
			return st.Name
		}
	}
	return ""
}

// blockName is the name of the block id among blocks, or "".
func blockName(blocks []model.Block, id *uint) string {
	if id == nil {
		return ""
	}
	for _, b := range blocks {
		if b.ID == *id {
			return b.Name
		}
	}
	return ""
}

// heading is a section's bold title.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// how is the line under a sum that says how it was reached: readable,
// set apart in italics.
func how(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}
