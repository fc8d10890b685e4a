package store

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"companion/model"
)

// The keys in salon_settings of the owner's recovery code (its hash only,
// made as a PIN's is) and of the idle lock's minutes. Both are the
// database's, not a PC's: they hold for every PC that opens it.
const (
	settingRecoveryCode = "owner_recovery_code"
	settingIdleLock     = "idle_lock_minutes"
)

// auditRecovery is the audit log's name for the recovery code.
const auditRecovery = "recovery_code"

// NewRecoveryCode issues the owner a new one-time recovery code and returns
// it, to be shown once: only its hash is kept, and the code before it stops
// working. The owner's PIN must be set (the code resets it).
func (s *Store) NewRecoveryCode(ctx context.Context) (string, error) {
	if err := s.allow(model.AreaPermissions, model.Write); err != nil {
		return "", err
	}
	var code string
	err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if owner, err := hasPIN(tx, model.RoleOwner); err != nil {
			return err
		} else if !owner {
			return model.ErrOwnerPINFirst
		}
		var err error
		code, err = s.putRecoveryCode(tx)
		return err
	})
	return code, err
}

// putRecoveryCode draws a new code, keeps its hash in tx and logs that a
// code was issued.
func (s *Store) putRecoveryCode(tx *gorm.DB) (string, error) {
	code, err := model.NewRecoveryCode()
	if err != nil {
		return "", err
	}
	digits, _ := model.NormalizeRecoveryCode(code)
	row, err := newPINRow(model.RoleOwner, digits, s.moment())
	if err != nil {
		return "", err
	}
	if err := putSetting(tx, settingRecoveryCode, strings.Join([]string{row.Params, row.Salt, row.Hash}, "|")); err != nil {
		return "", err
	}
	return code, s.audit(tx, model.AuditEntry{Area: model.AreaPermissions, Action: "create",
		Table: auditRecovery, Fields: string(model.RoleOwner)})
}

// HasRecoveryCode reports whether the owner was given a recovery code.
func (s *Store) HasRecoveryCode(ctx context.Context) (bool, error) {
	if err := s.allow(model.AreaPermissions, model.Read); err != nil {
		return false, err
	}
	v, err := setting(s.ctx(ctx), settingRecoveryCode)
	return v != "", err
}

// ResetOwnerPIN sets the owner's PIN to pin when code is the owner's
// recovery code, and returns the new code that replaces it (shown once).
// Wrong codes count with wrong PINs and lock the same way; a reset, a
// wrong code's lockout and the new code are written to the audit log.
// Like SignIn it is the door itself: any store may call it.
func (s *Store) ResetOwnerPIN(ctx context.Context, code, pin string) (string, error) {
	digits, err := model.NormalizeRecoveryCode(code)
	if err != nil {
		return "", err
	}
	if err := model.ValidatePIN(pin); err != nil {
		return "", err
	}
	owner := s.As(model.RoleOwner)
	var next string
	var refusal error
	err = s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if refusal, err = owner.tryRecoveryCode(tx, digits); err != nil || refusal != nil {
			return err
		}
		row, err := newPINRow(model.RoleOwner, pin, owner.moment())
		if err != nil {
			return err
		}
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		if err := owner.setAccessMode(tx, model.AccessPINs); err != nil {
			return err
		}
		err = owner.audit(tx, model.AuditEntry{Area: model.AreaPermissions, Action: "reset",
			Table: "pins", Fields: string(model.RoleOwner)})
		if err != nil {
			return err
		}
		next, err = owner.putRecoveryCode(tx)
		return err
	})
	if err == nil && refusal != nil {
		err = refusal
	}
	return next, err
}

// tryRecoveryCode checks digits against the lockout and the kept hash, and
// counts the try as a PIN's: refusal says why the code does not reset the
// PIN, err is a failure to read or write.
func (s *Store) tryRecoveryCode(tx *gorm.DB, digits string) (refusal, err error) {
	st, err := readSigninState(tx)
	if err != nil {
		return nil, err
	}
	now := s.moment()
	if wait, locked := st.lockedFor(now); locked {
		return model.RecoveryLocked(wait), nil
	}
	kept, err := setting(tx, settingRecoveryCode)
	if err != nil {
		return nil, err
	}
	parts := strings.Split(kept, "|")
	if len(parts) != 3 {
		if kept == "" {
			return model.ErrRecoveryNone, nil
		}
		return nil, errors.New("the recovery code's hash is damaged")
	}
	row := pinRow{Role: model.RoleOwner, Params: parts[0], Salt: parts[1], Hash: parts[2]}
	ok, err := row.matches(digits)
	if err != nil {
		return nil, err
	}
	if !ok {
		left, wait, err := s.wrongTry(tx, model.RoleOwner, st, now)
		switch {
		case err != nil:
			return nil, err
		case wait > 0:
			return model.RecoveryLocked(wait), nil
		}
		return model.WrongRecoveryCode(left), nil
	}
	return nil, tx.Save(&signinState{ID: 1}).Error
}

// IdleLockMinutes is how long the window waits without a key or the mouse
// before it locks: model.DefaultIdleLockMinutes until the owner chooses,
// 0 for never. Every role's window reads it, so it needs no role.
func (s *Store) IdleLockMinutes(ctx context.Context) (int, error) {
	v, err := setting(s.ctx(ctx), settingIdleLock)
	if err != nil || v == "" {
		return model.DefaultIdleLockMinutes, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || model.ValidateIdleLock(n) != nil {
		return model.DefaultIdleLockMinutes, nil
	}
	return n, nil
}

// SetIdleLockMinutes is the owner's choice of the idle lock, written to
// the audit log.
func (s *Store) SetIdleLockMinutes(ctx context.Context, minutes int) error {
	if err := s.allow(model.AreaPermissions, model.Write); err != nil {
		return err
	}
	if err := model.ValidateIdleLock(minutes); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := putSetting(tx, settingIdleLock, strconv.Itoa(minutes)); err != nil {
			return err
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaPermissions, Action: "update",
			Table: "salon_settings", Fields: settingIdleLock})
	})
}
