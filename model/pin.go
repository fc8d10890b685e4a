package model

import (
	"time"
)

// PIN rules: short enough to type at the reception desk many times a day,
// long enough that, with the lockout, guessing takes weeks.
const (
	PINMinLen = 4
	PINMaxLen = 8
	// PINAttempts wrong PINs in a row lock the sign-in.
	PINAttempts = 5
	// PINLockFirst is the first lockout; each next one lasts twice as long,
	// up to PINLockMax.
	PINLockFirst = 30 * time.Second
	PINLockMax   = time.Hour
)

// The access modes of a database: nobody has chosen yet; one person works
// and sees everything; each role signs in with its PIN.
const (
	AccessUnset  = "unset"
	AccessSingle = "single"
	AccessPINs   = "pins"
)

// Errors of the sign-in. They are field errors of the PIN, so the message
// stands next to the PIN entry; errors.Is matches them by key.
var (
	// ErrPINFormat: the PIN is not 4 to 8 digits.
	ErrPINFormat = &FieldError{Field: "pin", Key: "err.pin.format", Args: map[string]any{"Min": PINMinLen, "Max": PINMaxLen}}
	// ErrPINWrong: the PIN does not match; Args["Left"] is how many tries
	// remain before the lockout.
	ErrPINWrong = &FieldError{Field: "pin", Key: "err.pin.wrong"}
	// ErrPINLocked: too many wrong PINs; Args["Seconds"] is the wait.
	ErrPINLocked = &FieldError{Field: "pin", Key: "err.pin.locked"}
	// ErrPINNotSet: the role has no PIN, so it cannot sign in.
	ErrPINNotSet = &FieldError{Field: "role", Key: "err.pin.not_set"}
	// ErrOwnerPINFirst: the other roles get PINs only once the owner has one,
	// or nobody could take them away again.
	ErrOwnerPINFirst = &FieldError{Field: "role", Key: "err.pin.owner_first"}
	// ErrOwnerPINKept: the owner's PIN can be changed but not removed.
	ErrOwnerPINKept = &FieldError{Field: "role", Key: "err.pin.owner_kept"}
	// ErrUnknownRole: a role that is not one of Roles.
	ErrUnknownRole = &FieldError{Field: "role", Key: "err.role.unknown"}
)

// ValidatePIN checks that pin is 4 to 8 digits.
func ValidatePIN(pin string) error {
	if len(pin) < PINMinLen || len(pin) > PINMaxLen {
		return ErrPINFormat
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return ErrPINFormat
		}
	}
	return nil
}

// ValidRole reports whether r is one of Roles.
func ValidRole(r Role) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// WrongPIN is ErrPINWrong with the tries left.
func WrongPIN(left int) error {
	return &FieldError{Field: "pin", Key: ErrPINWrong.Key, Args: map[string]any{"Left": left}}
}

// PINLocked is ErrPINLocked with the wait, rounded up to whole seconds.
func PINLocked(wait time.Duration) error {
	return &FieldError{Field: "pin", Key: ErrPINLocked.Key, Args: map[string]any{"Seconds": waitSeconds(wait)}}
}

// waitSeconds is wait rounded up to whole seconds.
func waitSeconds(wait time.Duration) int { return int((wait + time.Second - 1) / time.Second) }

// LockedFor returns the wait of a lockout error (of the sign-in or of the
// owner's PIN reset), and whether err is one.
func LockedFor(err error) (time.Duration, bool) {
	fe, ok := isLockout(err)
	if !ok {
		return 0, false
	}
	secs, _ := fe.Args["Seconds"].(int)
	return time.Duration(secs) * time.Second, true
}

// PINLockDelay is how long the n-th lockout in a row lasts (n from 1).
func PINLockDelay(n int) time.Duration {
	d := PINLockFirst
	for i := 1; i < n && d < PINLockMax; i++ {
		d *= 2
	}
	return min(d, PINLockMax)
}
