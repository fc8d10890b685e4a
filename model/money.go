package model

import (
	"strconv"
	"strings"
)

// Money is an amount in kopecks. Never a float: payroll must add up.
type Money int64

// Rub makes an amount from whole roubles.
func Rub(r int64) Money { return Money(r * 100) }

// Format shows the amount as "12 345,67 ₽" in Russian and "12,345.67 ₽" in
// English; whole roubles drop the kopecks ("1 500 ₽").
func (m Money) Format(lang string) string {
	sep, dec := "\u00a0", ","
	if lang != "ru" {
		sep, dec = ",", "."
	}
	neg := m < 0
	v := int64(m)
	if neg {
		v = -v
	}
	s := group(strconv.FormatInt(v/100, 10), sep)
	if k := v % 100; k != 0 {
		s += dec + strconv.FormatInt(k/10, 10) + strconv.FormatInt(k%10, 10)
	}
	if neg {
		s = "−" + s
	}
	return s + "\u00a0₽"
}

func group(digits, sep string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseMoney reads an amount typed by a person: "1500", "1 500,50",
// "1,500.50", "1500 ₽", "-200". At most two digits after the decimal mark;
// a thousands separator only between groups of three digits.
func ParseMoney(s string) (Money, error) {
	bad := &FieldError{Key: "err.money.format"}
	s = strings.NewReplacer("₽", "", "руб.", "", "руб", "", "р.", "", "\u00a0", "", " ", "", "−", "-").Replace(strings.TrimSpace(s))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac := s, ""
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i-1 <= 2 {
		whole, frac = s[:i], s[i+1:]
		if frac == "" {
			return 0, bad // "1500," : a decimal mark with nothing after it
		}
	}
	whole, ok := ungroup(whole)
	if !ok || whole == "" && frac == "" || len(whole) > 13 || Digits(frac) != frac {
		return 0, bad
	}
	for len(frac) < 2 {
		frac += "0"
	}
	r, _ := strconv.ParseInt("0"+whole, 10, 64)
	k, _ := strconv.ParseInt(frac, 10, 64)
	v := Money(r*100 + k)
	if neg {
		v = -v
	}
	return v, nil
}

// ungroup removes thousands separators ("1,500" or "1.500 000") and says
// whether what is left is digits grouped by three.
func ungroup(s string) (string, bool) {
	groups := strings.Split(strings.ReplaceAll(s, ",", "."), ".")
	if len(groups) > 1 {
		if strings.Count(s, ",") > 0 && strings.Count(s, ".") > 0 || len(groups[0]) > 3 || len(groups[0]) == 0 {
			return "", false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", false
			}
		}
	}
	out := strings.Join(groups, "")
	return out, Digits(out) == out
}
