package model

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestRussianNumbersReadAsParseReadsThem holds the quick reading of the
// usual Russian ways of writing a number to what phonenumbers.Parse reads,
// for every three-digit code and each way, valid numbers and invalid ones.
func TestRussianNumbersReadAsParseReadsThem(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ways := []string{"+7%s%s", "8%s%s", "%s%s", "+7 (%s) %s", "8 (%s) %s", "8-%s-%s", "(%s) %s", "+7 %s %s"}
	quick := 0
	for code := range 1000 {
		for range 4 {
			rest := fmt.Sprintf("%07d", r.IntN(10_000_000))
			for i, way := range ways {
				if i >= 3 {
					rest = rest[:3] + "-" + rest[3:5] + "-" + rest[5:]
				}
				s := fmt.Sprintf(way, fmt.Sprintf("%03d", code), rest)
				if russianNumber(s) != nil {
					quick++
					sameAsParse(t, s)
				}
			}
		}
	}
	// Three ways with +7 for 900 codes (not 0xx), three with 8 for 890
	// (nor 10x), two of the bare ten digits for 800 (nor 8xx).
	if want := 4 * (3*900 + 3*890 + 2*800); quick != want {
		t.Fatalf("%d numbers read the quick way, want %d", quick, want)
	}
	for _, s := range []string{"8 916 123 45 6", "+7 916 123 45 678", "7 916 123 45 67", "+8 916 123 45 67",
		"8 916 123 45 67 доб. 1", "89161234567+", "+7 (916) 123-45-67", "8 (016) 123-45-67", "9161234567"} {
		if russianNumber(s) != nil {
			sameAsParse(t, s)
		}
	}
}

func sameAsParse(t *testing.T, s string) {
	t.Helper()
	quick := russianNumber(s)
	slow, err := phonenumbers.Parse(s, DefaultRegion)
	if err != nil {
		t.Fatalf("%q: read quickly as %v, Parse refuses it: %v", s, quick, err)
	}
	if phonenumbers.Format(quick, phonenumbers.E164) != phonenumbers.Format(slow, phonenumbers.E164) ||
		phonenumbers.IsValidNumber(quick) != phonenumbers.IsValidNumber(slow) {
		t.Fatalf("%q: read quickly as %v (valid %v), Parse reads %v (valid %v)", s,
			quick, phonenumbers.IsValidNumber(quick), slow, phonenumbers.IsValidNumber(slow))
	}
}
