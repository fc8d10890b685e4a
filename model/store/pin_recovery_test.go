package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"companion/model"
)

func TestRecoveryCodeResetsTheOwnerPINAndIsReplaced(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.NewRecoveryCode(ctx); !errors.Is(err, model.ErrOwnerPINFirst) {
		t.Fatalf("a code before the owner's PIN: %v", err)
	}
	mustSet(t, s, model.RoleOwner, "1111")
	mustSet(t, s, model.RoleManager, "2222")
	if _, err := s.ResetOwnerPIN(ctx, strings.Repeat("1", model.RecoveryCodeDigits), "5555"); !errors.Is(err, model.ErrRecoveryNone) {
		t.Fatalf("a reset with no code ever issued: %v", err)
	}
	code, err := s.NewRecoveryCode(ctx)
	if err != nil {
		t.Fatal(err)
	}
	digits, err := model.NormalizeRecoveryCode(code)
	if err != nil || len(code) != model.RecoveryCodeDigits+model.RecoveryCodeDigits/4-1 {
		t.Fatalf("the code %q: %v", code, err)
	}
	if kept, _ := setting(s.DB(), settingRecoveryCode); kept == "" || strings.Contains(kept, digits) {
		t.Errorf("what is kept of the code: %q", kept)
	}
	if has, err := s.HasRecoveryCode(ctx); err != nil || !has {
		t.Errorf("HasRecoveryCode = %v, %v", has, err)
	}

	// The code, typed with spaces between the groups, sets a new PIN; the
	// old PIN and the old code stop working, the new code works once.
	next, err := s.ResetOwnerPIN(ctx, strings.ReplaceAll(code, "-", " "), "5555")
	if err != nil || next == "" || next == code {
		t.Fatalf("reset: new code %q, %v", next, err)
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "5555"); err != nil {
		t.Errorf("the new owner PIN: %v", err)
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "1111"); !errors.Is(err, model.ErrPINWrong) {
		t.Errorf("the old owner PIN: %v", err)
	}
	if _, err := s.SignIn(ctx, model.RoleManager, "2222"); err != nil {
		t.Errorf("the manager's PIN after the reset: %v", err)
	}
	if _, err := s.ResetOwnerPIN(ctx, code, "6666"); !errors.Is(err, model.ErrRecoveryWrong) {
		t.Errorf("the old code again: %v", err)
	}
	if _, err := s.ResetOwnerPIN(ctx, next, "6666"); err != nil {
		t.Errorf("the new code: %v", err)
	}
	log, _ := s.AuditLog(ctx, 100, 0)
	var got []string
	for _, e := range log {
		if e.Table == auditRecovery || e.Action == "reset" {
			got = append(got, e.Action+" "+e.Table+" "+string(e.Role))
		}
	}
	want := "create recovery_code owner,reset pins owner,create recovery_code owner,reset pins owner,create recovery_code owner"
	if g := strings.Join(reverse(got), ","); g != want {
		t.Errorf("audit log:\n got %s\nwant %s", g, want)
	}
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}

func TestWrongRecoveryCodesLockLikeWrongPINs(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustSet(t, s, model.RoleOwner, "1111")
	code, err := s.NewRecoveryCode(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wrong := strings.Repeat("0", model.RecoveryCodeDigits)
	if code == model.FormatRecoveryCode(wrong) {
		wrong = strings.Repeat("1", model.RecoveryCodeDigits)
	}
	for _, bad := range []string{"1234", "1234-5678-9012-3456-789a", ""} {
		if _, err := s.ResetOwnerPIN(ctx, bad, "5555"); !errors.Is(err, model.ErrRecoveryFormat) {
			t.Errorf("code %q: %v", bad, err)
		}
	}
	if _, err := s.ResetOwnerPIN(ctx, code, "55"); !errors.Is(err, model.ErrPINFormat) {
		t.Errorf("a short new PIN: %v", err)
	}
	for i := 1; i < model.PINAttempts; i++ {
		_, err := s.ResetOwnerPIN(ctx, wrong, "5555")
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Key != model.ErrRecoveryWrong.Key || fe.Args["Left"] != model.PINAttempts-i {
			t.Fatalf("wrong code %d: %v", i, err)
		}
	}
	_, err = s.ResetOwnerPIN(ctx, wrong, "5555")
	if wait, ok := model.LockedFor(err); !ok || wait != model.PINLockFirst || !errors.Is(err, model.ErrRecoveryLocked) {
		t.Fatalf("fifth wrong code: %v", err)
	}
	// The lockout is the sign-in's: the right code and the right PIN wait.
	if _, err := s.ResetOwnerPIN(ctx, code, "5555"); !errors.Is(err, model.ErrRecoveryLocked) {
		t.Errorf("the right code during the lockout: %v", err)
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "1111"); !errors.Is(err, model.ErrPINLocked) {
		t.Errorf("the right PIN during the lockout: %v", err)
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "5555"); !errors.Is(err, model.ErrPINLocked) {
		t.Errorf("the PIN was reset during the lockout: %v", err)
	}
}

func TestOnlyTheOwnerIssuesACodeAndSetsTheIdleLock(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustSet(t, s, model.RoleOwner, "1111")
	mustSet(t, s, model.RoleManager, "2222")
	m, err := s.SignIn(ctx, model.RoleManager, "2222")
	if err != nil {
		t.Fatal(err)
	}
	var fe *model.ErrForbidden
	if _, err := m.NewRecoveryCode(ctx); !errors.As(err, &fe) {
		t.Errorf("the manager issued a code: %v", err)
	}
	if err := m.SetIdleLockMinutes(ctx, 0); !errors.As(err, &fe) {
		t.Errorf("the manager turned the idle lock off: %v", err)
	}
	if n, err := m.IdleLockMinutes(ctx); err != nil || n != model.DefaultIdleLockMinutes {
		t.Errorf("the idle lock by default: %d, %v", n, err)
	}
	if err := s.SetIdleLockMinutes(ctx, model.MaxIdleLockMinutes+1); !errors.Is(err, model.ErrIdleLockRange) {
		t.Errorf("too long an idle lock: %v", err)
	}
	for _, n := range []int{5, 0} {
		if err := s.SetIdleLockMinutes(ctx, n); err != nil {
			t.Fatal(err)
		}
		if got, err := m.IdleLockMinutes(ctx); err != nil || got != n {
			t.Errorf("the manager's window reads %d, %v; want %d", got, err, n)
		}
	}
}
