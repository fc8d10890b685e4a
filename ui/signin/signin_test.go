package signin_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/store"
	"companion/ui/kit"
	"companion/ui/signin"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// signInFixture is the sign-in over a real database, with the roles it
// opened a window for.
type signInFixture struct {
	w      *signin.Window
	opened []model.Role // the role of each store handed to open, in order
}

// newSignIn opens the sign-in over s as the window package does: in the
// access mode s holds, checking PINs with s.SignIn. Its open hands back a
// plain window and records the role of the store it was handed.
func newSignIn(t *testing.T, a fyne.App, s *store.Store) *signInFixture {
	t.Helper()
	mode, err := s.AccessMode(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f := &signInFixture{}
	signIn := func(ctx context.Context, role model.Role, pin string) (kit.RoleStore, error) {
		st, err := s.SignIn(ctx, role, pin)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	open := func(st kit.RoleStore) fyne.Window {
		f.opened = append(f.opened, st.Role())
		w := a.NewWindow("opened")
		uitest.CloseAtEnd(t, w)
		return w
	}
	uitest.Do(func() { f.w, err = signin.New(a, s, mode, signIn, open) })
	if err != nil {
		t.Fatal(err)
	}
	uitest.CloseAtEnd(t, f.w)
	return f
}

// submit presses Enter in the entry labelled label, as a person does to
// send what they typed, and waits for what it started.
func submit(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	uitest.PressKey(uitest.Entry(t, w, label), fyne.KeyReturn)
}

const (
	ownerPIN = "PIN-код владельца"
	againPIN = "PIN-код ещё раз"
	mgrPIN   = "PIN-код: Менеджер сопровождения"
	intPIN   = "PIN-код: Интервьюер"
	manager  = "Менеджер сопровождения"
)

// passSalonStep goes past the first start's first step, the salon's name,
// leaving it empty.
func passSalonStep(t *testing.T, w fyne.Window) {
	t.Helper()
	uitest.Tap(t, w, "Далее")
	uitest.Settle()
}

// The first start greets the owner and asks the salon's name first; a
// name too long is refused under the field, a right one kept, and Next
// goes on to how people get in.
func TestFirstStartAsksTheSalonsNameFirst(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	f := newSignIn(t, uitest.NewApp(t), s)
	w := f.w
	uitest.Settle()
	if !uitest.Shows(w, "Шаг 1 из 3") || !uitest.Shows(w, "Добро пожаловать в «Компаньон»") {
		t.Fatalf("the first page: %q", uitest.Texts(w))
	}
	if !uitest.HasFocus(w, uitest.Entry(t, w, "Название салона")) {
		t.Error("the cursor is not in the salon's name")
	}
	uitest.Type(t, w, "Название салона", strings.Repeat("я", 121))
	uitest.Tap(t, w, "Далее")
	uitest.Settle()
	if msg := uitest.Message(t, w, "Название салона"); msg == "" {
		t.Fatalf("a name of 121 letters is taken: %q", uitest.Texts(w))
	}
	uitest.Type(t, w, "Название салона", "  Студия   «Лотос» ")
	submit(t, w, "Название салона") // Enter goes on as Next does
	uitest.Settle()
	if name, _ := s.SalonName(context.Background()); name != "Студия «Лотос»" {
		t.Errorf("the salon's name kept: %q", name)
	}
	if !uitest.Shows(w, "Шаг 2 из 3") || !uitest.HasFocus(w, uitest.Entry(t, w, ownerPIN)) {
		t.Errorf("after the name: %q", uitest.Texts(w))
	}
}

func TestFirstStartSetsPINsNextToTheFields(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	f := newSignIn(t, uitest.NewApp(t), s)
	w := f.w
	ctx := context.Background()
	passSalonStep(t, w)
	if !uitest.HasFocus(w, uitest.Entry(t, w, ownerPIN)) {
		t.Error("the first start does not put the cursor in the owner's PIN")
	}

	uitest.Type(t, w, ownerPIN, "12")
	uitest.Type(t, w, mgrPIN, "13a7")
	uitest.Tap(t, w, "Задать PIN-коды и войти")
	if owner, mgr := uitest.Message(t, w, ownerPIN), uitest.Message(t, w, mgrPIN); !strings.HasPrefix(owner, "PIN-код — от 4 до 8 цифр") || !strings.HasPrefix(mgr, "PIN-код — от 4") {
		t.Errorf("messages: owner %q, manager %q", owner, mgr)
	}
	if msg := uitest.Message(t, w, intPIN); msg != "" {
		t.Errorf("an empty optional PIN is refused: %q", msg)
	}
	if mode, _ := s.AccessMode(ctx); mode != model.AccessUnset {
		t.Fatalf("an invalid form was stored: mode %s", mode)
	}

	uitest.Type(t, w, ownerPIN, "124680")
	uitest.Type(t, w, againPIN, "124681")
	uitest.Type(t, w, mgrPIN, "1357")
	uitest.Type(t, w, intPIN, "124680")
	submit(t, w, againPIN) // Enter in a field saves the form
	if msg := uitest.Message(t, w, againPIN); !strings.HasPrefix(msg, "PIN-коды не совпадают") {
		t.Errorf("mismatch: %q", msg)
	}
	if msg := uitest.Message(t, w, intPIN); !strings.Contains(msg, "уже у роли «Владелец»") {
		t.Errorf("the owner's PIN given to the interviewer: %q", msg)
	}
	if owner, mgr := uitest.Message(t, w, ownerPIN), uitest.Message(t, w, mgrPIN); owner != "" || mgr != "" {
		t.Errorf("messages of right fields: %q, %q", owner, mgr)
	}
	if mode, _ := s.AccessMode(ctx); mode != model.AccessUnset || len(f.opened) != 0 {
		t.Fatalf("a form with mistakes was stored: mode %s, opened %v", mode, f.opened)
	}

	uitest.Type(t, w, againPIN, "124680")
	uitest.Type(t, w, intPIN, "")
	uitest.Tap(t, w, "Задать PIN-коды и войти")
	if mode, _ := s.AccessMode(ctx); mode != model.AccessPINs {
		t.Fatalf("mode after saving: %s", mode)
	}
	for r, want := range map[model.Role]bool{model.RoleOwner: true, model.RoleManager: true, model.RoleInterviewer: false} {
		if has, _ := s.HasPIN(ctx, r); has != want {
			t.Errorf("%s has a PIN: %v", r, has)
		}
	}
	if _, err := s.SignIn(ctx, model.RoleManager, "1357"); err != nil {
		t.Errorf("the manager's PIN: %v", err)
	}
	// The owner is given the recovery code, shown once; then signed in
	// with the PIN just set: the owner's window opens in place of the
	// sign-in.
	if len(f.opened) != 0 {
		t.Fatalf("the owner's window opened before the recovery code was shown: %v", f.opened)
	}
	code := uitest.AcceptRecoveryCode(t, w)
	if _, err := s.ResetOwnerPIN(ctx, code, "124680"); err != nil {
		t.Errorf("the code shown does not reset the owner's PIN: %v", err)
	}
	if !slices.Equal(f.opened, []model.Role{model.RoleOwner}) || w.Opened() == nil || uitest.IsOpen(w) {
		t.Errorf("after saving: opened for %v, the sign-in still open %v", f.opened, uitest.IsOpen(w))
	}
}

func TestSingleUserModeIsChosenOnceAndOpensEverything(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	a := uitest.NewApp(t)
	f := newSignIn(t, a, s)
	passSalonStep(t, f.w)
	uitest.Tap(t, f.w, "Работать без PIN-кодов")
	if mode, _ := s.AccessMode(context.Background()); mode != model.AccessSingle {
		t.Fatalf("mode %s", mode)
	}
	// Everything: the window of the owner, signed in without a PIN.
	if !slices.Equal(f.opened, []model.Role{model.RoleOwner}) || f.w.Opened() == nil || uitest.IsOpen(f.w) {
		t.Errorf("single-user mode opened for %v, the sign-in still open %v", f.opened, uitest.IsOpen(f.w))
	}
	// Once: the choice is stored with no PIN; the next start opens the
	// owner's window without a sign-in (see the window package's tests).
	if has, _ := s.HasPIN(context.Background(), model.RoleOwner); has {
		t.Error("single-user mode set an owner's PIN")
	}
}

func TestSignInOffersTheRolesWithAPINAndTheLastOneFirst(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	a := uitest.NewApp(t)
	f := newSignIn(t, a, s)
	radio := radioOf(t, uitest.Input(t, f.w, "Роль"))
	if got := strings.Join(radio.Options, ","); got != "Владелец,Менеджер сопровождения" {
		t.Errorf("roles offered: %s", got)
	}
	if radio.Selected != "Владелец" {
		t.Errorf("the first sign-in offers %q", radio.Selected)
	}
	uitest.TapText(t, f.w, manager)
	if !uitest.HasFocus(f.w, uitest.Entry(t, f.w, "PIN-код")) {
		t.Error("choosing a role does not put the cursor in the PIN")
	}
	uitest.Type(t, f.w, "PIN-код", "2222")
	uitest.Tap(t, f.w, "Войти")
	if !slices.Equal(f.opened, []model.Role{model.RoleManager}) || uitest.IsOpen(f.w) {
		t.Fatalf("signed in as %v, the sign-in still open %v; it says %q", f.opened, uitest.IsOpen(f.w), uitest.Texts(f.w))
	}
	// The next sign-in offers the role that signed in last.
	next := newSignIn(t, a, s)
	if got := radioOf(t, uitest.Input(t, next.w, "Роль")).Selected; got != manager {
		t.Errorf("next sign-in offers %q", got)
	}
}

func TestFiveWrongPINsShowTheLockout(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	a := uitest.NewApp(t)
	f := newSignIn(t, a, s)
	w := f.w
	uitest.TapText(t, w, manager)
	uitest.Type(t, w, "PIN-код", "12")
	submit(t, w, "PIN-код")
	if !shows(w, func(s string) bool { return strings.HasPrefix(s, "PIN-код — от 4 до 8 цифр") }) {
		t.Errorf("a short PIN: %q", uitest.Texts(w))
	}
	for i := 1; i <= 4; i++ {
		uitest.Type(t, w, "PIN-код", "9999")
		submit(t, w, "PIN-код")
		want := "Неверный PIN-код. Осталось попыток до блокировки входа: " + string(rune('0'+5-i))
		if !slices.Contains(uitest.Texts(w), want) {
			t.Fatalf("wrong PIN %d: %q", i, uitest.Texts(w))
		}
		if uitest.Entry(t, w, "PIN-код").Text != "" {
			t.Error("the wrong PIN stays in the field")
		}
	}
	uitest.Type(t, w, "PIN-код", "9999")
	submit(t, w, "PIN-код")
	want := "Слишком много неверных PIN-кодов: вход заблокирован. Попробуйте снова через 30 с"
	if !slices.Contains(uitest.Texts(w), want) || !uitest.Button(t, w, "Войти").Disabled() {
		t.Fatalf("fifth wrong PIN: %q, button disabled %v", uitest.Texts(w), uitest.Button(t, w, "Войти").Disabled())
	}
	uitest.Type(t, w, "PIN-код", "2222")
	submit(t, w, "PIN-код")
	if len(f.opened) != 0 || w.Opened() != nil {
		t.Fatal("signed in during the lockout")
	}
	w.CountDown(12 * time.Second)
	if !shows(w, func(s string) bool { return strings.HasSuffix(s, "через 12 с") }) {
		t.Errorf("counting down: %q", uitest.Texts(w))
	}
	w.CountDown(0)
	if uitest.Shows(w, "заблокирован") || uitest.Shows(w, "Неверный") || uitest.Button(t, w, "Войти").Disabled() {
		t.Errorf("after the wait: %q, button disabled %v", uitest.Texts(w), uitest.Button(t, w, "Войти").Disabled())
	}
	// A restart does not lift the lockout.
	again := newSignIn(t, a, s)
	uitest.TapText(t, again.w, manager)
	uitest.Type(t, again.w, "PIN-код", "2222")
	submit(t, again.w, "PIN-код")
	if len(again.opened) != 0 || !uitest.Shows(again.w, "вход заблокирован") {
		t.Errorf("after a restart: opened %v, %q", again.opened, uitest.Texts(again.w))
	}
}

// shows reports whether a label or button in w reads a text that ok accepts.
func shows(w fyne.Window, ok func(string) bool) bool {
	return slices.ContainsFunc(uitest.Texts(w), ok)
}

// radioOf is the radio group that in is.
func radioOf(t *testing.T, in fyne.CanvasObject) *widget.RadioGroup {
	t.Helper()
	r, ok := in.(*widget.RadioGroup)
	if !ok {
		t.Fatalf("the input is a %T, not a choice of one", in)
	}
	return r
}
