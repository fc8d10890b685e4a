package model

import (
	"strings"
	"unicode"
)

// Fold prepares text for search: lower case, ё→е, every run of characters
// that are neither letters nor digits turned into one space. SQLite folds
// ASCII only, so every search key and every query passes through here.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		switch {
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// Digits keeps only the ASCII digits of s.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PhoneQuery reports whether a search text is a phone number being typed
// (digits with the usual punctuation) and returns its digits as stored in a
// search key: a Russian trunk prefix 8 becomes the country code 7.
func PhoneQuery(q string) (string, bool) {
	q = strings.TrimSpace(q)
	if q == "" {
		return "", false
	}
	for _, r := range q {
		if !(r >= '0' && r <= '9') && !strings.ContainsRune("+()- .", r) {
			return "", false
		}
	}
	d := Digits(q)
	if d == "" {
		return "", false
	}
	if len(d) == 11 && d[0] == '8' {
		d = "7" + d[1:]
	}
	return d, true
}

// PhonePrefix is, for a phone number being typed with Russia's trunk
// prefix 8 first («8 916», «8(916) 19»), its digits as they start a stored
// phone: 7916…, so the number is found as the digits come. It reports
// false for text that is not such a number.
func PhonePrefix(q string) (string, bool) {
	d, ok := PhoneQuery(q)
	if !ok || len(d) < 2 || len(d) > 10 || d[0] != '8' {
		return "", false
	}
	return "7" + d[1:], true
}

// SearchKey is the text a client is found by: the folded full name, the
// phone digits, the email and the card numbers.
func (c *Client) SearchKey() string {
	parts := []string{Fold(c.FullName()), Digits(c.Phone), Fold(c.Email), Fold(c.CardNumbers)}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// NameKey orders clients by name the way people expect, whatever the case.
func (c *Client) NameKey() string { return Fold(c.FullName()) }
