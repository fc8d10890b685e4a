package model

import (
	"errors"
	"testing"
	"time"
)

func TestValidatePIN(t *testing.T) {
	for _, tc := range []struct {
		pin string
		ok  bool
	}{
		{"1234", true}, {"12345678", true}, {"0000", true}, {"907153", true},
		{"", false}, {"123", false}, {"123456789", false}, {"12a4", false}, {"12 34", false},
		{"١٢٣٤", false}, // Arabic-Indic digits are digits, but not on the keypad
		{"-123", false},
	} {
		err := ValidatePIN(tc.pin)
		if (err == nil) != tc.ok {
			t.Errorf("ValidatePIN(%q) = %v, want ok=%v", tc.pin, err, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrPINFormat) {
			t.Errorf("ValidatePIN(%q) = %v, not ErrPINFormat", tc.pin, err)
		}
	}
}

func TestPINLockDelayDoubles(t *testing.T) {
	for n, want := range map[int]time.Duration{
		1: 30 * time.Second, 2: time.Minute, 3: 2 * time.Minute, 4: 4 * time.Minute,
		7: 32 * time.Minute, 8: time.Hour, 50: time.Hour,
	} {
		if got := PINLockDelay(n); got != want {
			t.Errorf("lockout %d: %v, want %v", n, got, want)
		}
	}
}

func TestPINErrorsCarryTheirFigures(t *testing.T) {
	err := PINLocked(29*time.Second + time.Millisecond)
	if !errors.Is(err, ErrPINLocked) {
		t.Fatalf("%v is not ErrPINLocked", err)
	}
	if d, ok := LockedFor(err); !ok || d != 30*time.Second {
		t.Errorf("LockedFor = %v, %v", d, ok)
	}
	if _, ok := LockedFor(WrongPIN(3)); ok {
		t.Error("a wrong PIN reads as a lockout")
	}
	var fe *FieldError
	if !errors.As(WrongPIN(3), &fe) || fe.Args["Left"] != 3 || !errors.Is(fe, ErrPINWrong) {
		t.Errorf("WrongPIN(3) = %#v", fe)
	}
	if id, ok := AuditBrokenAt(AuditBroken(ErrAuditRemoved, 7)); !ok || id != 7 {
		t.Errorf("AuditBrokenAt = %d, %v", id, ok)
	}
	if _, ok := AuditBrokenAt(ErrNotFound); ok {
		t.Error("ErrNotFound reads as a broken audit log")
	}
}
