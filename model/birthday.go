package model

import "time"

// BirthdayIn is the day of year y on which a person born on birth has their
// birthday: the same day and month, and for 29 February in a year without
// it, 28 February.
func BirthdayIn(birth Date, y int) Date {
	if birth.Month() == time.February && birth.Day() == 29 && !isLeap(y) {
		return NewDate(y, time.February, 28)
	}
	return NewDate(y, birth.Month(), birth.Day())
}

// NextBirthday is the first birthday of birth from today on (today
// included), and the age the person turns then.
func NextBirthday(birth, today Date) (on Date, age int) {
	on = BirthdayIn(birth, today.Year())
	if on.Before(today) {
		on = BirthdayIn(birth, today.Year()+1)
	}
	return on, on.Year() - birth.Year()
}

// BirthdayKeys are the birth days (month*100+day) whose birthday falls on
// day d: its own, and on 28 February of a year without a 29th, also 229.
// The store finds birthdays by these keys.
func BirthdayKeys(d Date) []int {
	keys := []int{int(d.Month())*100 + d.Day()}
	if d.Month() == time.February && d.Day() == 28 && !isLeap(d.Year()) {
		keys = append(keys, 229)
	}
	return keys
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
