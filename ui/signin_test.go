package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/store"
)

// newTestStore opens a real database file with the tests' clock.
func newTestStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "salon.db"), store.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// start opens the first window as main.go does and closes it after the test.
func start(t *testing.T, a fyne.App, s *store.Store) fyne.Window {
	t.Helper()
	w, err := Start(a, s, Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeIfOpen(a, w) })
	return w
}

// closeIfOpen closes w unless it has closed itself (the test driver does
// not allow closing a window twice).
func closeIfOpen(a fyne.App, w fyne.Window) {
	for _, x := range a.Driver().AllWindows() {
		if x == w {
			w.Close()
			return
		}
	}
}

func signInWindow(t *testing.T, w fyne.Window) *SignInWindow {
	t.Helper()
	sw, ok := w.(*SignInWindow)
	if !ok {
		t.Fatalf("the first window is %T, not the sign-in", w)
	}
	return sw
}

// opened is the main window a sign-in opened.
func opened(t *testing.T, sw *SignInWindow) *MainWindow {
	t.Helper()
	m, ok := sw.opened.(*MainWindow)
	if !ok {
		t.Fatalf("the sign-in opened %T", sw.opened)
	}
	t.Cleanup(func() { closeIfOpen(fyne.CurrentApp(), m) })
	return m
}

func tabTitles(m *MainWindow) []string {
	var titles []string
	for _, it := range m.tabs.Items {
		titles = append(titles, it.Text)
	}
	return titles
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// showSettings brings the settings tab forward, which refreshes it.
func showSettings(t *testing.T, m *MainWindow) {
	t.Helper()
	for _, it := range m.tabs.Items {
		if it.Content == m.settings.Content() {
			m.tabs.Select(it)
			return
		}
	}
	t.Fatal("no settings tab")
}

func withPINs(t *testing.T, s *store.Store, pins map[model.Role]string) {
	t.Helper()
	for _, r := range model.Roles {
		if pin, ok := pins[r]; ok {
			if err := s.SetPIN(context.Background(), r, pin); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func init() {
	// The lockout counts down on a goroutine of its own; in the tests,
	// where fyne.Do runs on the caller, it would write the labels while the
	// test reads them. The tests call countDown themselves.
	lockoutTick = time.Hour
}

func pressEnter(e *widget.Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestFirstStartSetsPINsNextToTheFields(t *testing.T) {
	s := newTestStore(t)
	sw := signInWindow(t, start(t, test.NewTempApp(t), s))
	ctx := context.Background()
	msg := func(name string) string {
		if f := sw.fields[name]; f.Msg.Visible() {
			return f.Msg.Text
		}
		return ""
	}

	test.Type(sw.pins[model.RoleOwner], "12")
	test.Type(sw.pins[model.RoleManager], "13a7")
	test.Tap(sw.save)
	if !strings.HasPrefix(msg("owner"), "PIN-код — от 4 до 8 цифр") || !strings.HasPrefix(msg("manager"), "PIN-код — от 4") {
		t.Errorf("messages: owner %q, manager %q", msg("owner"), msg("manager"))
	}
	if msg("interviewer") != "" {
		t.Errorf("an empty optional PIN is refused: %q", msg("interviewer"))
	}
	if mode, _ := s.AccessMode(ctx); mode != model.AccessUnset {
		t.Fatalf("an invalid form was stored: mode %s", mode)
	}

	test.Type(sw.pins[model.RoleOwner], "4680") // "124680"
	test.Type(sw.again, "124681")
	sw.pins[model.RoleManager].SetText("1357")
	test.Type(sw.pins[model.RoleInterviewer], "124680")
	pressEnter(sw.again) // Enter in a field saves the form
	if !strings.HasPrefix(msg("again"), "PIN-коды не совпадают") {
		t.Errorf("mismatch: %q", msg("again"))
	}
	if !strings.Contains(msg("interviewer"), "уже у роли «Владелец»") {
		t.Errorf("the owner's PIN given to the interviewer: %q", msg("interviewer"))
	}
	if msg("owner") != "" || msg("manager") != "" {
		t.Errorf("messages of right fields: %q, %q", msg("owner"), msg("manager"))
	}

	sw.again.SetText("124680")
	sw.pins[model.RoleInterviewer].SetText("")
	test.Tap(sw.save)
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
	if got := tabTitles(opened(t, sw)); !has(got, "Клиенты") || !has(got, "Настройки") {
		t.Errorf("the owner's tabs: %s", got)
	}
}

func TestSingleUserModeIsChosenOnceAndOpensEverything(t *testing.T) {
	s := newTestStore(t)
	a := test.NewTempApp(t)
	sw := signInWindow(t, start(t, a, s))
	test.Tap(sw.single)
	if mode, _ := s.AccessMode(context.Background()); mode != model.AccessSingle {
		t.Fatalf("mode %s", mode)
	}
	if got := tabTitles(opened(t, sw)); !has(got, "Клиенты") || !has(got, "Настройки") {
		t.Errorf("tabs: %s", got)
	}
	m, ok := start(t, a, s).(*MainWindow)
	if !ok {
		t.Fatal("the next start asks who works")
	}
	if got := tabTitles(m); !has(got, "Настройки") {
		t.Errorf("tabs at the next start: %v", got)
	}
}

func TestManagerSeesOnlyTheClientsTab(t *testing.T) {
	s := newTestStore(t)
	withPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	a := test.NewTempApp(t)
	sw := signInWindow(t, start(t, a, s))
	if got := strings.Join(sw.role.Options, ","); got != "Владелец,Менеджер сопровождения" {
		t.Errorf("roles offered: %s", got)
	}
	sw.role.SetSelected("Менеджер сопровождения")
	test.Type(sw.pin, "2222")
	pressEnter(sw.pin)
	m := opened(t, sw)
	// The clients' tabs; not the owner's settings (PINs, the audit log).
	if got := tabTitles(m); !has(got, "Клиенты") || has(got, "Настройки") {
		t.Errorf("the manager's tabs: %s", got)
	}
	if role := m.clients.s.(RoleStore).Role(); role != model.RoleManager {
		t.Errorf("the clients tab works as %s", role)
	}
	// The next sign-in offers the role that signed in last.
	if next := signInWindow(t, start(t, a, s)); next.role.Selected != "Менеджер сопровождения" {
		t.Errorf("next sign-in offers %q", next.role.Selected)
	}
}

func TestInterviewerIsToldTheirTabsAreComing(t *testing.T) {
	s := newTestStore(t)
	withPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleInterviewer: "3333"})
	sw := signInWindow(t, start(t, test.NewTempApp(t), s))
	sw.role.SetSelected("Интервьюер")
	test.Type(sw.pin, "3333")
	test.Tap(sw.enter)
	if sw.opened == nil {
		t.Fatalf("not signed in: %q", sw.msg.Text)
	}
	t.Cleanup(func() { closeIfOpen(fyne.CurrentApp(), sw.opened) })
	if _, ok := sw.opened.(*MainWindow); ok {
		t.Fatal("the interviewer got the client tabs")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(sw.opened.Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	if got := strings.Join(texts, " "); !strings.Contains(got, "найм") || !strings.Contains(got, "«Интервьюер»") {
		t.Errorf("the interviewer's window says %q", got)
	}
}

func TestFiveWrongPINsShowTheLockout(t *testing.T) {
	s := newTestStore(t)
	withPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	a := test.NewTempApp(t)
	sw := signInWindow(t, start(t, a, s))
	sw.role.SetSelected("Менеджер сопровождения")
	test.Type(sw.pin, "12")
	pressEnter(sw.pin)
	if !strings.HasPrefix(sw.msg.Text, "PIN-код — от 4 до 8 цифр") {
		t.Errorf("a short PIN: %q", sw.msg.Text)
	}
	for i := 1; i <= 4; i++ {
		sw.pin.SetText("")
		test.Type(sw.pin, "9999")
		pressEnter(sw.pin)
		want := "Неверный PIN-код. Осталось попыток до блокировки входа: " + string(rune('0'+5-i))
		if sw.msg.Text != want {
			t.Fatalf("wrong PIN %d: %q", i, sw.msg.Text)
		}
		if sw.pin.Text != "" {
			t.Error("the wrong PIN stays in the field")
		}
	}
	test.Type(sw.pin, "9999")
	pressEnter(sw.pin)
	want := "Слишком много неверных PIN-кодов: вход заблокирован. Попробуйте снова через 30 с"
	if sw.msg.Text != want || !sw.enter.Disabled() {
		t.Fatalf("fifth wrong PIN: %q, button disabled %v", sw.msg.Text, sw.enter.Disabled())
	}
	test.Type(sw.pin, "2222")
	pressEnter(sw.pin)
	if sw.opened != nil {
		t.Fatal("signed in during the lockout")
	}
	sw.countDown(12 * time.Second)
	if !strings.HasSuffix(sw.msg.Text, "через 12 с") {
		t.Errorf("counting down: %q", sw.msg.Text)
	}
	sw.countDown(0)
	if sw.msg.Text != "" || sw.enter.Disabled() {
		t.Errorf("after the wait: %q, button disabled %v", sw.msg.Text, sw.enter.Disabled())
	}
	// A restart does not lift the lockout.
	again := signInWindow(t, start(t, a, s))
	again.role.SetSelected("Менеджер сопровождения")
	test.Type(again.pin, "2222")
	pressEnter(again.pin)
	if again.opened != nil || !strings.Contains(again.msg.Text, "вход заблокирован") {
		t.Errorf("after a restart: opened %v, %q", again.opened != nil, again.msg.Text)
	}
}
