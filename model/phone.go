package model

import (
	"net/mail"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// DefaultRegion is the country a phone number without a country code belongs to.
const DefaultRegion = "RU"

// NormalizePhone turns a phone number typed any way ("8 (916) 123-45-67",
// "+7 916 1234567", "9161234567") into E.164 ("+79161234567"). Empty text
// gives "". Anything that is not a valid number is refused.
func NormalizePhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > 40 {
		return "", &FieldError{Field: "phone", Key: "err.phone.invalid"}
	}
	if s[0] == '+' && validPhones.has(s) {
		return s, nil
	}
	num := russianNumber(s)
	var err error
	if num == nil {
		num, err = phonenumbers.Parse(s, DefaultRegion)
	}
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", &FieldError{Field: "phone", Key: "err.phone.invalid"}
	}
	e164 := phonenumbers.Format(num, phonenumbers.E164)
	validPhones.add(e164)
	return e164, nil
}

// russianNumber reads a number written the ways people in Russia usually
// write one: "+7" or "8" and ten digits, or the ten digits alone, with
// spaces, hyphens and brackets between them. It gives what
// phonenumbers.Parse gives for them in DefaultRegion, without Parse's
// patterns, which are most of the time an import spends reading a client
// list (TestRussianNumbersReadAsParseReadsThem). Anything else, and any
// number that might dial abroad (8 10…), gives nil, for Parse to read.
func russianNumber(s string) *phonenumbers.PhoneNumber {
	var d []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9' && len(d) < 11:
			d = append(d, c)
		case c == '+' && i == 0:
		case c == ' ' || c == '-' || c == '(' || c == ')':
		default:
			return nil
		}
	}
	plus := s[0] == '+'
	switch {
	case len(d) == 11 && plus && d[0] == '7':
		d = d[1:]
	case len(d) == 11 && !plus && d[0] == '8' && string(d[1:3]) != "10":
		d = d[1:]
	case len(d) != 10 || plus || d[0] == '8': // ten digits from 8: a trunk prefix, or 8 10 abroad
		return nil
	}
	if d[0] == '0' {
		return nil
	}
	national, _ := strconv.ParseUint(string(d), 10, 64) // ten digits
	code := int32(7)
	return &phonenumbers.PhoneNumber{CountryCode: &code, NationalNumber: &national}
}

// validPhones remembers the E.164 numbers NormalizePhone has found valid,
// which it gives back unchanged: a client list checked when it is read is
// checked again by the store before it is written, and parsing a number
// is most of the work of both. At most maxValidPhones are kept.
var validPhones = phoneSet{m: map[string]struct{}{}}

const maxValidPhones = 200_000

type phoneSet struct {
	mu sync.Mutex
	m  map[string]struct{}
}

func (p *phoneSet) has(e164 string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.m[e164]
	return ok
}

func (p *phoneSet) add(e164 string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.m) >= maxValidPhones {
		clear(p.m)
	}
	p.m[e164] = struct{}{}
}

// FormatPhone shows an E.164 number the way people read it:
// "+7 916 123-45-67" for Russia, the international format elsewhere.
func FormatPhone(e164 string) string {
	if e164 == "" {
		return ""
	}
	num, err := phonenumbers.Parse(e164, DefaultRegion)
	if err != nil {
		return e164
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}

// NormalizeEmail checks an email address and returns it trimmed and in lower
// case; empty text gives "".
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return "", &FieldError{Field: "email", Key: "err.email.invalid"}
	}
	return strings.ToLower(s), nil
}
