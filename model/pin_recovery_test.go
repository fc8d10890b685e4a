package model

import (
	"strings"
	"testing"
)

func TestRecoveryCodeFormat(t *testing.T) {
	for i := 0; i < 20; i++ {
		code, err := NewRecoveryCode()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NormalizeRecoveryCode(code); err != nil || strings.Count(code, "-") != 4 {
			t.Fatalf("code %q: %v", code, err)
		}
	}
	if d, err := NormalizeRecoveryCode(" 1234 5678-9012–3456 7890 "); err != nil || d != "12345678901234567890" {
		t.Errorf("typed with spaces and dashes: %q, %v", d, err)
	}
}
