package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/argon2"
	"gorm.io/gorm"

	"companion/model"
)

// argonParams are the cost of one PIN hash. A PIN has few digits, so the
// hash must be slow: OWASP's minimum for argon2id is 19 MiB, 2 passes, one
// thread.
type argonParams struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
	KeyLen  uint32
}

// pinParams are the parameters new hashes are made with; tests may lower
// them. A hash made with other parameters is redone at the next sign-in.
var pinParams = argonParams{Memory: 19 * 1024, Time: 2, Threads: 1, KeyLen: 32}

const pinSaltLen = 16

func (p argonParams) String() string {
	return fmt.Sprintf("argon2id$v=%d$m=%d,t=%d,p=%d,l=%d", argon2.Version, p.Memory, p.Time, p.Threads, p.KeyLen)
}

func parseArgonParams(s string) (argonParams, error) {
	var p argonParams
	var v int
	_, err := fmt.Sscanf(s, "argon2id$v=%d$m=%d,t=%d,p=%d,l=%d", &v, &p.Memory, &p.Time, &p.Threads, &p.KeyLen)
	if err != nil || v != argon2.Version || p.Memory == 0 || p.Time == 0 || p.Threads == 0 || p.KeyLen == 0 {
		return p, fmt.Errorf("unknown PIN hash parameters %q", s)
	}
	return p, nil
}

func (p argonParams) key(pin string, salt []byte) []byte {
	return argon2.IDKey([]byte(pin), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
}

// pinRow is a role's PIN as stored.
type pinRow struct {
	Role      model.Role `gorm:"primaryKey"`
	Salt      string
	Hash      string
	Params    string
	UpdatedAt time.Time
}

func (pinRow) TableName() string { return "pins" }

// newPINRow hashes pin with a fresh random salt.
func newPINRow(role model.Role, pin string, now time.Time) (pinRow, error) {
	salt := make([]byte, pinSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return pinRow{}, err
	}
	enc := base64.RawStdEncoding
	return pinRow{Role: role, Salt: enc.EncodeToString(salt), Hash: enc.EncodeToString(pinParams.key(pin, salt)),
		Params: pinParams.String(), UpdatedAt: now}, nil
}

// matches reports whether pin is the row's PIN, comparing in constant time.
func (r *pinRow) matches(pin string) (bool, error) {
	p, err := parseArgonParams(r.Params)
	if err != nil {
		return false, err
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(r.Salt)
	if err != nil {
		return false, fmt.Errorf("PIN salt of %s: %w", r.Role, err)
	}
	want, err := enc.DecodeString(r.Hash)
	if err != nil {
		return false, fmt.Errorf("PIN hash of %s: %w", r.Role, err)
	}
	return subtle.ConstantTimeCompare(p.key(pin, salt), want) == 1, nil
}

// signinState counts wrong PINs in a row and the lockout they caused.
type signinState struct {
	ID          uint
	Failures    int
	Lockouts    int
	LockedUntil *time.Time
}

func (signinState) TableName() string { return "signin_state" }

// AccessMode says how people get in: model.AccessUnset before the owner has
// chosen, AccessSingle, or AccessPINs. The sign-in asks it before anyone has
// signed in, so it reads through the store that opened the database.
func (s *Store) AccessMode(ctx context.Context) (string, error) {
	if err := s.allow(model.AreaPermissions, model.Read); err != nil {
		return "", err
	}
	return accessMode(s.ctx(ctx))
}

func accessMode(db *gorm.DB) (string, error) {
	var modes []string
	if err := db.Raw("SELECT mode FROM access_mode WHERE id = 1").Scan(&modes).Error; err != nil {
		return "", err
	}
	if len(modes) == 0 {
		return model.AccessUnset, nil
	}
	return modes[0], nil
}

func (s *Store) setAccessMode(tx *gorm.DB, mode string) error {
	return tx.Exec(`INSERT INTO access_mode(id, mode, updated_at) VALUES (1, ?, ?)
		ON CONFLICT(id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`,
		mode, s.moment()).Error
}

// SetSingleUser makes the program open without a PIN, as the owner, for
// everyone who starts it. The choice is written to the audit log.
func (s *Store) SetSingleUser(ctx context.Context) error {
	if err := s.allow(model.AreaPermissions, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.setAccessMode(tx, model.AccessSingle); err != nil {
			return err
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaPermissions, Action: "update",
			Table: "access_mode", Fields: model.AccessSingle})
	})
}

// SetPIN sets or changes the PIN of role. The owner's PIN comes first and
// switches the program to sign-in with PINs. The change is written to the
// audit log (which role, never the PIN).
func (s *Store) SetPIN(ctx context.Context, role model.Role, pin string) error {
	if err := s.allow(model.AreaPermissions, model.Write); err != nil {
		return err
	}
	if !model.ValidRole(role) {
		return model.ErrUnknownRole
	}
	if err := model.ValidatePIN(pin); err != nil {
		return err
	}
	row, err := newPINRow(role, pin, s.moment())
	if err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		had, err := hasPIN(tx, role)
		if err != nil {
			return err
		}
		if role != model.RoleOwner {
			if owner, err := hasPIN(tx, model.RoleOwner); err != nil {
				return err
			} else if !owner {
				return model.ErrOwnerPINFirst
			}
		}
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		if role == model.RoleOwner {
			if err := s.setAccessMode(tx, model.AccessPINs); err != nil {
				return err
			}
		}
		action := "update"
		if !had {
			action = "create"
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaPermissions, Action: action,
			Table: "pins", Fields: string(role)})
	})
}

// RemovePIN takes the PIN away from a role other than the owner, so that
// role can no longer sign in.
func (s *Store) RemovePIN(ctx context.Context, role model.Role) error {
	if err := s.allow(model.AreaPermissions, model.Delete); err != nil {
		return err
	}
	if !model.ValidRole(role) {
		return model.ErrUnknownRole
	}
	if role == model.RoleOwner {
		return model.ErrOwnerPINKept
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Where("role = ?", role).Delete(&pinRow{})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaPermissions, Action: "delete",
			Table: "pins", Fields: string(role)})
	})
}

// HasPIN reports whether role has a PIN and so can sign in.
func (s *Store) HasPIN(ctx context.Context, role model.Role) (bool, error) {
	if err := s.allow(model.AreaPermissions, model.Read); err != nil {
		return false, err
	}
	return hasPIN(s.ctx(ctx), role)
}

func hasPIN(db *gorm.DB, role model.Role) (bool, error) {
	var n int64
	err := db.Model(&pinRow{}).Where("role = ?", role).Count(&n).Error
	return n > 0, err
}

// SignIn checks role's PIN and returns the store as that role sees it. A
// wrong PIN fails with model.ErrPINWrong (with the tries left); the
// PINAttempts-th wrong PIN in a row, and every try during the lockout, with
// model.ErrPINLocked (with the wait). The count and the lockout are kept in
// the database, so a restart does not reset them; a right PIN does.
//
// In single-user mode everyone is the owner and no PIN is asked. SignIn is
// the door itself, so it needs no role: any store may call it.
func (s *Store) SignIn(ctx context.Context, role model.Role, pin string) (*Store, error) {
	if !model.ValidRole(role) {
		return nil, model.ErrUnknownRole
	}
	if mode, err := accessMode(s.ctx(ctx)); err != nil {
		return nil, err
	} else if mode == model.AccessSingle { // a read: the window opens without waiting for a write's turn
		return s.As(model.RoleOwner), nil
	}
	var refusal error
	err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		mode, err := accessMode(tx)
		if err != nil {
			return err
		}
		if mode == model.AccessSingle {
			role = model.RoleOwner
			return nil
		}
		refusal, err = s.tryPIN(tx, role, pin)
		return err
	})
	if err != nil {
		return nil, err
	}
	if refusal != nil {
		return nil, refusal
	}
	return s.As(role), nil
}

// tryPIN checks pin for role against the lockout and the stored hash, and
// counts the try. refusal says why the PIN does not let them in; err is a
// failure to read or write.
func (s *Store) tryPIN(tx *gorm.DB, role model.Role, pin string) (refusal, err error) {
	st, err := readSigninState(tx)
	if err != nil {
		return nil, err
	}
	now := s.moment()
	if wait, locked := st.lockedFor(now); locked {
		return model.PINLocked(wait), nil
	}
	var row pinRow
	err = tx.Where("role = ?", role).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return model.ErrPINNotSet, nil
	}
	if err != nil {
		return nil, err
	}
	ok, err := row.matches(pin)
	if err != nil {
		return nil, err
	}
	if !ok {
		return s.wrongPIN(tx, role, st, now)
	}
	if row.Params != pinParams.String() {
		if err := s.rehash(tx, role, pin); err != nil {
			return nil, err
		}
	}
	return nil, tx.Save(&signinState{ID: 1}).Error
}

// wrongPIN counts a wrong PIN in state st; the PINAttempts-th in a row
// locks sign-in for a while, and the log says so.
func (s *Store) wrongPIN(tx *gorm.DB, role model.Role, st *signinState, now time.Time) (refusal, err error) {
	left, wait, err := s.wrongTry(tx, role, st, now)
	switch {
	case err != nil:
		return nil, err
	case wait > 0:
		return model.PINLocked(wait), nil
	}
	return model.WrongPIN(left), nil
}

// readSigninState is the count of wrong tries, a fresh one if none is kept.
func readSigninState(tx *gorm.DB) (*signinState, error) {
	var st signinState
	err := tx.Where("id = 1").Attrs(signinState{ID: 1}).FirstOrInit(&st).Error
	return &st, err
}

// lockedFor is the wait left of the lockout at now, if there is one; never
// longer than the lockout itself, should the clock be turned back.
func (st *signinState) lockedFor(now time.Time) (time.Duration, bool) {
	if st.LockedUntil == nil || !now.Before(*st.LockedUntil) {
		return 0, false
	}
	return min(st.LockedUntil.Sub(now), model.PINLockDelay(st.Lockouts)), true
}

// wrongTry counts a wrong PIN or recovery code in st: the tries left, or
// for the PINAttempts-th in a row the lockout it starts (written to the
// audit log as role's).
func (s *Store) wrongTry(tx *gorm.DB, role model.Role, st *signinState, now time.Time) (left int, wait time.Duration, err error) {
	st.Failures++
	left = model.PINAttempts - st.Failures
	if st.Failures >= model.PINAttempts {
		st.Failures = 0
		st.Lockouts++
		wait = model.PINLockDelay(st.Lockouts)
		until := now.Add(wait)
		st.LockedUntil = &until
		err := s.As(role).audit(tx, model.AuditEntry{Area: model.AreaPermissions, Action: "lockout",
			Table: "signin_state", Fields: string(role)})
		if err != nil {
			return 0, 0, err
		}
	}
	return left, wait, tx.Save(st).Error
}

// rehash stores the PIN again with the current parameters, after a sign-in
// proved it right.
func (s *Store) rehash(tx *gorm.DB, role model.Role, pin string) error {
	row, err := newPINRow(role, pin, s.moment())
	if err != nil {
		return err
	}
	return tx.Save(&row).Error
}
