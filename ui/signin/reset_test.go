package signin_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

const (
	forgot   = "Забыли PIN-код владельца?"
	codeIn   = "Код восстановления"
	newPIN   = "Новый PIN-код владельца"
	resetPIN = "Задать PIN-код и войти"
)

// The owner who forgot the PIN types the recovery code and a new PIN: the
// PIN is reset, a new code replaces the old one (shown once), the owner
// is signed in; the old code then fails, and wrong codes count as wrong
// PINs do.
func TestTheRecoveryCodeResetsTheOwnersPINAndIsReplaced(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	code, err := s.NewRecoveryCode(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := newSignIn(t, uitest.NewApp(t), s)
	w := f.w
	uitest.Tap(t, w, forgot)
	if !uitest.HasFocus(w, uitest.Entry(t, w, codeIn)) {
		t.Errorf("the cursor is not in the code: %q", uitest.Texts(w))
	}

	// Mistakes stand next to their fields; nothing is sent.
	uitest.Type(t, w, codeIn, "1234-5678")
	uitest.Type(t, w, newPIN, "12")
	uitest.Tap(t, w, resetPIN)
	if msg := uitest.Message(t, w, codeIn); !strings.HasPrefix(msg, "Код восстановления — 20 цифр") {
		t.Errorf("a short code: %q", msg)
	}
	if msg := uitest.Message(t, w, newPIN); !strings.HasPrefix(msg, "PIN-код — от 4 до 8 цифр") {
		t.Errorf("a short PIN: %q", msg)
	}

	// A wrong code counts as a wrong PIN.
	wrong := strings.Repeat("9", model.RecoveryCodeDigits)
	if strings.ReplaceAll(code, "-", "") == wrong {
		wrong = strings.Repeat("8", model.RecoveryCodeDigits)
	}
	uitest.Type(t, w, codeIn, wrong)
	uitest.Type(t, w, newPIN, "5555")
	uitest.Type(t, w, "PIN-код ещё раз", "5555")
	uitest.Tap(t, w, resetPIN)
	if msg := uitest.Message(t, w, codeIn); msg != "Неверный код восстановления. Осталось попыток до блокировки входа: 4" {
		t.Errorf("a wrong code: %q", msg)
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "5555"); !errors.Is(err, model.ErrPINWrong) {
		t.Fatalf("a wrong code reset the PIN: %v", err)
	}

	uitest.Type(t, w, codeIn, strings.ReplaceAll(code, "-", " "))
	submit(t, w, "PIN-код ещё раз")
	if len(f.opened) != 0 {
		t.Fatalf("signed in before the new code was shown: %v", f.opened)
	}
	next := uitest.AcceptRecoveryCode(t, w)
	if next == code {
		t.Error("the code was not replaced")
	}
	if !slices.Equal(f.opened, []model.Role{model.RoleOwner}) || uitest.IsOpen(w) {
		t.Fatalf("after the reset: opened %v, the sign-in still open %v", f.opened, uitest.IsOpen(w))
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "5555"); err != nil {
		t.Errorf("the new owner's PIN: %v", err)
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "1111"); !errors.Is(err, model.ErrPINWrong) {
		t.Errorf("the forgotten PIN still opens: %v", err)
	}

	// The old code is spent; the new one is the one that works.
	again := newSignIn(t, uitest.NewApp(t), s)
	uitest.Tap(t, again.w, forgot)
	uitest.Type(t, again.w, codeIn, code)
	uitest.Type(t, again.w, newPIN, "6666")
	uitest.Type(t, again.w, "PIN-код ещё раз", "6666")
	uitest.Tap(t, again.w, resetPIN)
	if msg := uitest.Message(t, again.w, codeIn); !strings.HasPrefix(msg, "Неверный код восстановления") || len(again.opened) != 0 {
		t.Errorf("the old code: %q, opened %v", msg, again.opened)
	}
	uitest.Tap(t, again.w, "Назад")
	if !uitest.Shows(again.w, "Кто работает?") {
		t.Errorf("Back shows %q", uitest.Texts(again.w))
	}
	if _, err := s.ResetOwnerPIN(ctx, next, "7777"); err != nil {
		t.Errorf("the new code: %v", err)
	}
}
