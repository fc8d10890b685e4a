package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/model"
)

// clock is a test clock that can be moved.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func openAt(t *testing.T, path string, c *clock) *Store {
	t.Helper()
	s, err := Open(path, WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestFirstStartChoosesTheAccessMode(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if mode, err := s.AccessMode(ctx); err != nil || mode != model.AccessUnset {
		t.Fatalf("new database: mode %q, %v", mode, err)
	}
	if err := s.SetPIN(ctx, model.RoleManager, "1234"); !errors.Is(err, model.ErrOwnerPINFirst) {
		t.Fatalf("a manager PIN before the owner's: %v", err)
	}
	if err := s.SetPIN(ctx, model.RoleOwner, "12ab"); !errors.Is(err, model.ErrPINFormat) {
		t.Fatalf("a PIN with letters: %v", err)
	}
	if err := s.SetPIN(ctx, model.RoleOwner, "20261127"); err != nil {
		t.Fatal(err)
	}
	if mode, _ := s.AccessMode(ctx); mode != model.AccessPINs {
		t.Errorf("after the owner's PIN: mode %q", mode)
	}
	for role, want := range map[model.Role]bool{model.RoleOwner: true, model.RoleManager: false} {
		if has, err := s.HasPIN(ctx, role); err != nil || has != want {
			t.Errorf("HasPIN(%s) = %v, %v", role, has, err)
		}
	}
	var stored pinRow
	s.DB().Take(&stored, "role = ?", model.RoleOwner)
	if strings.Contains(stored.Hash+stored.Salt+stored.Params, "20261127") || len(stored.Salt) < 20 ||
		stored.Params != "argon2id$v=19$m=19456,t=2,p=1,l=32" {
		t.Errorf("stored PIN: %+v", stored)
	}
}

func TestSingleUserModeOpensAsTheOwner(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if err := s.SetSingleUser(ctx); err != nil {
		t.Fatal(err)
	}
	if mode, _ := s.AccessMode(ctx); mode != model.AccessSingle {
		t.Fatalf("mode %q", mode)
	}
	in, err := s.SignIn(ctx, model.RoleManager, "")
	if err != nil || in.Role() != model.RoleOwner {
		t.Fatalf("single-user sign-in: %v, %v", in, err)
	}
	log, _ := s.AuditLog(ctx, 10, 0)
	if len(log) != 1 || log[0].Table != "access_mode" || log[0].Fields != model.AccessSingle {
		t.Errorf("audit log: %+v", log)
	}
}

func TestSignInGivesTheStoreOfTheRole(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustSet(t, s, model.RoleOwner, "1111")
	mustSet(t, s, model.RoleManager, "2222")
	m, err := s.SignIn(ctx, model.RoleManager, "2222")
	if err != nil || m.Role() != model.RoleManager {
		t.Fatalf("manager: %v, %v", m, err)
	}
	var fe *model.ErrForbidden
	if _, err := m.AuditLog(ctx, 10, 0); !errors.As(err, &fe) {
		t.Errorf("the manager read the audit log: %v", err)
	}
	if _, err := s.SignIn(ctx, model.RoleManager, "1111"); !errors.Is(err, model.ErrPINWrong) {
		t.Errorf("the owner's PIN opened the manager: %v", err)
	}
	if _, err := s.SignIn(ctx, model.RoleInterviewer, "1111"); !errors.Is(err, model.ErrPINNotSet) {
		t.Errorf("a role without a PIN: %v", err)
	}
	if _, err := s.SignIn(ctx, "guest", "1111"); !errors.Is(err, model.ErrUnknownRole) {
		t.Errorf("an unknown role: %v", err)
	}
}

func mustSet(t *testing.T, s *Store, role model.Role, pin string) {
	t.Helper()
	if err := s.SetPIN(context.Background(), role, pin); err != nil {
		t.Fatal(err)
	}
}

func TestFiveWrongPINsLockAndTheLockSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	c := &clock{fixedNow}
	s := openAt(t, path, c)
	ctx := context.Background()
	mustSet(t, s, model.RoleOwner, "1111")
	mustSet(t, s, model.RoleManager, "2222")
	for i := 1; i < model.PINAttempts; i++ {
		_, err := s.SignIn(ctx, model.RoleManager, "0000")
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Key != model.ErrPINWrong.Key || fe.Args["Left"] != model.PINAttempts-i {
			t.Fatalf("wrong PIN %d: %v (%v)", i, err, fe)
		}
	}
	_, err := s.SignIn(ctx, model.RoleManager, "0000")
	if wait, ok := model.LockedFor(err); !ok || wait != 30*time.Second {
		t.Fatalf("fifth wrong PIN: %v", err)
	}
	// Locked: even the right PIN, and even another role, waits.
	c.t = c.t.Add(10 * time.Second)
	if _, err := s.SignIn(ctx, model.RoleOwner, "1111"); !errors.Is(err, model.ErrPINLocked) {
		t.Fatalf("the right PIN during the lockout: %v", err)
	}
	s.Close()
	s = openAt(t, path, c)
	_, err = s.SignIn(ctx, model.RoleManager, "2222")
	if wait, ok := model.LockedFor(err); !ok || wait != 20*time.Second {
		t.Fatalf("after a restart: %v", err)
	}
	// The lockout ends; five more wrong PINs lock twice as long.
	c.t = c.t.Add(21 * time.Second)
	for i := 0; i < model.PINAttempts-1; i++ {
		s.SignIn(ctx, model.RoleManager, "0000")
	}
	_, err = s.SignIn(ctx, model.RoleManager, "0000")
	if wait, ok := model.LockedFor(err); !ok || wait != time.Minute {
		t.Fatalf("second lockout: %v", err)
	}
	// The right PIN after the lockout signs in and clears the count.
	c.t = c.t.Add(time.Minute)
	if _, err := s.SignIn(ctx, model.RoleManager, "2222"); err != nil {
		t.Fatal(err)
	}
	var st signinState
	s.DB().Take(&st, 1)
	if st.Failures != 0 || st.Lockouts != 0 || st.LockedUntil != nil {
		t.Errorf("after a right PIN: %+v", st)
	}
	log, _ := s.AuditLog(ctx, 100, 0)
	lockouts := 0
	for _, e := range log {
		if e.Action == "lockout" {
			lockouts++
			if e.Role != model.RoleManager {
				t.Errorf("lockout stamped with %s", e.Role)
			}
		}
	}
	if lockouts != 2 {
		t.Errorf("%d lockouts in the audit log", lockouts)
	}
}

func TestAClockTurnedBackDoesNotLengthenTheLockout(t *testing.T) {
	c := &clock{fixedNow}
	s := openAt(t, filepath.Join(t.TempDir(), "salon.db"), c)
	ctx := context.Background()
	mustSet(t, s, model.RoleOwner, "1111")
	for i := 0; i < model.PINAttempts; i++ {
		s.SignIn(ctx, model.RoleOwner, "0000")
	}
	c.t = c.t.Add(-24 * time.Hour)
	_, err := s.SignIn(ctx, model.RoleOwner, "1111")
	if wait, ok := model.LockedFor(err); !ok || wait != 30*time.Second {
		t.Errorf("with the clock a day back: %v", err)
	}
}

func TestPINChangesAndRemovalsAreAudited(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustSet(t, s, model.RoleOwner, "1111")
	mustSet(t, s, model.RoleInterviewer, "3333")
	mustSet(t, s, model.RoleInterviewer, "4444")
	if _, err := s.SignIn(ctx, model.RoleInterviewer, "3333"); !errors.Is(err, model.ErrPINWrong) {
		t.Errorf("the old PIN still works: %v", err)
	}
	if err := s.RemovePIN(ctx, model.RoleOwner); !errors.Is(err, model.ErrOwnerPINKept) {
		t.Errorf("removed the owner's PIN: %v", err)
	}
	if err := s.RemovePIN(ctx, model.RoleInterviewer); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, model.RoleInterviewer, "4444"); !errors.Is(err, model.ErrPINNotSet) {
		t.Errorf("a removed PIN signs in: %v", err)
	}
	log, err := s.AuditLog(ctx, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range log {
		got = append(got, e.Action+" "+e.Table+" "+e.Fields)
	}
	want := "delete pins interviewer|update pins interviewer|create pins interviewer|create pins owner"
	if strings.Join(got, "|") != want {
		t.Errorf("audit log, newest first:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func TestOldHashParametersAreRaisedAtSignIn(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	saved := pinParams
	pinParams = argonParams{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32}
	mustSet(t, s, model.RoleOwner, "1111")
	pinParams = saved
	if _, err := s.SignIn(ctx, model.RoleOwner, "1111"); err != nil {
		t.Fatalf("a PIN hashed with older parameters: %v", err)
	}
	var stored pinRow
	s.DB().Take(&stored, "role = ?", model.RoleOwner)
	if stored.Params != pinParams.String() {
		t.Errorf("parameters after sign-in: %s", stored.Params)
	}
	if _, err := s.SignIn(ctx, model.RoleOwner, "1111"); err != nil {
		t.Errorf("after the rehash: %v", err)
	}
}

func TestSaltsDiffer(t *testing.T) {
	a, _ := newPINRow(model.RoleOwner, "1234", fixedNow)
	b, _ := newPINRow(model.RoleManager, "1234", fixedNow)
	if a.Salt == b.Salt || a.Hash == b.Hash {
		t.Error("the same PIN hashes alike for two roles")
	}
	if ok, _ := a.matches("1234"); !ok {
		t.Error("the PIN does not match its own hash")
	}
	if ok, _ := a.matches("1235"); ok {
		t.Error("another PIN matches")
	}
}
