package model

import (
	"crypto/rand"
	"errors"
	"math/big"
	"strings"
	"time"
)

// A recovery code lets the owner set a new PIN when the old one is
// forgotten. Digits only, so that it types the same on a Russian keyboard
// layout; twenty of them (66 bits), so that with the slow hash and the
// lockout nobody guesses it.
const (
	RecoveryCodeDigits = 20
	recoveryGroup      = 4
)

// Errors of the owner's PIN reset: field errors of the code, so that the
// message stands next to it.
var (
	// ErrRecoveryFormat: not RecoveryCodeDigits digits.
	ErrRecoveryFormat = &FieldError{Field: "code", Key: "err.recovery.format", Args: map[string]any{"N": RecoveryCodeDigits}}
	// ErrRecoveryWrong: not the code; Args["Left"] is the tries before the
	// lockout (the same count as wrong PINs).
	ErrRecoveryWrong = &FieldError{Field: "code", Key: "err.recovery.wrong"}
	// ErrRecoveryLocked: too many wrong PINs or codes; Args["Seconds"].
	ErrRecoveryLocked = &FieldError{Field: "code", Key: "err.recovery.locked"}
	// ErrRecoveryNone: no code was ever issued, so none can reset the PIN.
	ErrRecoveryNone = &FieldError{Field: "code", Key: "err.recovery.none"}
)

// NewRecoveryCode draws a fresh code from the system's random source,
// formatted to be written down (FormatRecoveryCode).
func NewRecoveryCode() (string, error) {
	var b strings.Builder
	ten := big.NewInt(10)
	for range RecoveryCodeDigits {
		d, err := rand.Int(rand.Reader, ten)
		if err != nil {
			return "", err
		}
		b.WriteByte(byte('0' + d.Int64()))
	}
	return FormatRecoveryCode(b.String()), nil
}

// FormatRecoveryCode groups the digits by four: 1234-5678-…
func FormatRecoveryCode(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && i%recoveryGroup == 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// NormalizeRecoveryCode is the code's digits as typed, without the dashes
// and spaces a person puts between the groups; ErrRecoveryFormat when
// they are not RecoveryCodeDigits digits.
func NormalizeRecoveryCode(typed string) (string, error) {
	var b strings.Builder
	for _, r := range typed {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == ' ' || r == '\u2010' || r == '\u2013' || r == '\u2014' || r == '\t':
		default:
			return "", ErrRecoveryFormat
		}
	}
	if b.Len() != RecoveryCodeDigits {
		return "", ErrRecoveryFormat
	}
	return b.String(), nil
}

// WrongRecoveryCode is ErrRecoveryWrong with the tries left.
func WrongRecoveryCode(left int) error {
	return &FieldError{Field: "code", Key: ErrRecoveryWrong.Key, Args: map[string]any{"Left": left}}
}

// RecoveryLocked is ErrRecoveryLocked with the wait, in whole seconds.
func RecoveryLocked(wait time.Duration) error {
	return &FieldError{Field: "code", Key: ErrRecoveryLocked.Key, Args: map[string]any{"Seconds": waitSeconds(wait)}}
}

// The idle lock: the window locks after so many minutes without a key
// or the mouse, until the PIN is typed again. 0 never locks.
const (
	DefaultIdleLockMinutes = 15
	MaxIdleLockMinutes     = 240
)

// IdleLockChoices are the minutes the owner chooses among, 0 (never) last.
var IdleLockChoices = []int{5, 10, 15, 30, 60, 0}

// ErrIdleLockRange: minutes out of 0…MaxIdleLockMinutes.
var ErrIdleLockRange = &FieldError{Field: "idle_lock", Key: "err.idle_lock.range", Args: map[string]any{"Max": MaxIdleLockMinutes}}

// ValidateIdleLock checks the minutes of the idle lock.
func ValidateIdleLock(minutes int) error {
	if minutes < 0 || minutes > MaxIdleLockMinutes {
		return ErrIdleLockRange
	}
	return nil
}

// isLockout reports whether err is a lockout of the sign-in or of the
// owner's PIN reset.
func isLockout(err error) (*FieldError, bool) {
	var fe *FieldError
	if !errors.As(err, &fe) || (fe.Key != ErrPINLocked.Key && fe.Key != ErrRecoveryLocked.Key) {
		return nil, false
	}
	return fe, true
}
