package ui_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui"
	"companion/ui/signin"
	"companion/ui/uitest"
)

// testClock is the idle lock's clock in a test, moved by hand.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time            { return c.t }
func (c *testClock) add(d time.Duration)       { c.t = c.t.Add(d) }
func newClock() *testClock                     { return &testClock{t: uitest.Now} }
func lockedShows(w fyne.Window) bool           { return uitest.Shows(w, "Окно заблокировано") }
func hasMenuItem(m fyne.Window, l string) bool { return findMenuItem(m, l) != nil }

// findMenuItem is the window's menu item titled title, or nil.
func findMenuItem(m fyne.Window, title string) *fyne.MenuItem {
	if m.MainMenu() == nil {
		return nil
	}
	for _, menu := range m.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Label == title {
				return it
			}
		}
	}
	return nil
}

// startAt opens the first window as main.go does, with the idle lock on
// clock, closed after the test.
func startAt(t *testing.T, a fyne.App, s *store.Store, clock *testClock) fyne.Window {
	t.Helper()
	var w fyne.Window
	var err error
	uitest.Do(func() {
		w, err = ui.Start(a, s, ui.Options{About: model.About{Version: "test"}, Clock: clock.now})
	})
	if err != nil {
		t.Fatal(err)
	}
	uitest.CloseAtEnd(t, w)
	return w
}

// tookOver is the window that took over from m when it signed out or
// switched person; m is closed, the program runs on.
func tookOver(t *testing.T, m *ui.MainWindow) fyne.Window {
	t.Helper()
	next := m.Next()
	if next == nil || uitest.IsOpen(m) || !uitest.IsOpen(next) {
		t.Fatalf("nothing took over (%v), or the window is still open %v; it shows %q", next, uitest.IsOpen(m), uitest.Texts(m))
	}
	uitest.CloseAtEnd(t, next)
	return next
}

const switchUser = "Сменить пользователя…"

func TestSignOutAndInAsTheManagerShowsOnlyTheManagersTabs(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	a := uitest.NewApp(t)
	m := mainWindow(t, signInAs(t, signInWindow(t, startAt(t, a, s, newClock())), "Владелец", "1111"))
	if got := uitest.TabTitles(m); !slices.Contains(got, "Настройки") {
		t.Fatalf("the owner's tabs: %s", got)
	}
	item := menuItem(t, m, switchUser)

	// A new client being typed: the window asks first, and going back
	// keeps it.
	uitest.TapTab(t, m, "Клиенты")
	uitest.Tap(t, m, "Новый клиент")
	uitest.Type(t, m, "Фамилия", "Орлова")
	uitest.Do(item.Action)
	if !uitest.DialogShows(m, "Не сохранено: карточка «Новый клиент». Если сменить пользователя сейчас, эти изменения пропадут.") {
		t.Fatalf("signing out over an unsaved client: %q", uitest.DialogTexts(m))
	}
	uitest.Tap(t, m, "Вернуться и сохранить")
	if !uitest.IsOpen(m) || m.Next() != nil || uitest.Entry(t, m, "Фамилия").Text != "Орлова" {
		t.Fatalf("going back: open %v, next %v, the name %q", uitest.IsOpen(m), m.Next(), uitest.Entry(t, m, "Фамилия").Text)
	}
	uitest.Do(item.Action)
	uitest.Tap(t, m, "Сменить без сохранения")

	// The sign-in comes back in place of the window, and the manager signs in.
	sw, ok := tookOver(t, m).(*signin.Window)
	if !ok || !uitest.Shows(sw, "Кто работает?") {
		t.Fatalf("after signing out: %T showing %q", m.Next(), uitest.Texts(m.Next()))
	}
	mgr := mainWindow(t, signInAs(t, sw, managerRole, "2222"))
	got := uitest.TabTitles(mgr)
	if !slices.Contains(got, "Клиенты") || slices.Contains(got, "Настройки") || slices.Contains(got, "Зарплата") {
		t.Errorf("the manager's tabs: %s", got)
	}
	if mgr.MainMenu() == nil || !slices.ContainsFunc(mgr.MainMenu().Items, func(x *fyne.Menu) bool {
		return x.Label == "Пользователь: Менеджер сопровождения"
	}) {
		t.Errorf("the manager's menu does not say who works")
	}
	if n, _ := s.CountClients(context.Background()); n != 0 {
		t.Errorf("the unsaved client was stored: %d clients", n)
	}
}

func TestTheIdleLockKeepsAnOpenFormsText(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	c := model.Client{LastName: "Орлова", FirstName: "Нина"}
	if err := s.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	clock := newClock()
	m := mainWindow(t, signInAs(t, signInWindow(t, startAt(t, uitest.NewApp(t), s, clock)), managerRole, "2222"))
	uitest.TapTab(t, m, "Клиенты")
	uitest.TapRow(t, m, "Орлова Нина")
	uitest.Type(t, m, "Заметки", "любит утренние часы")
	uitest.TapTab(t, m, "Контакты")
	uitest.Tap(t, m, "Новый контакт")
	uitest.Choose(t, m, "Вид контакта", "Звонок")
	uitest.Type(t, m, "Итог", "перезвонить в среду")

	// Typing is work: 14 minutes after it the window is open.
	uitest.Do(m.CheckIdle)
	clock.add(14 * time.Minute)
	uitest.Do(m.CheckIdle)
	if lockedShows(m) {
		t.Fatal("locked 14 minutes after typing")
	}
	clock.add(time.Minute)
	uitest.Do(m.CheckIdle)
	if !lockedShows(m) || uitest.Dialogs(m) != 0 || uitest.Shows(m, "Орлова Нина") || m.MainMenu() != nil {
		t.Fatalf("after 15 idle minutes: %q, %d dialogs, menu %v", uitest.Texts(m), uitest.Dialogs(m), m.MainMenu())
	}
	// Behind the PIN screen Ctrl+S stores nothing.
	uitest.Shortcut(m, ctrlS)
	if contacts, _ := s.Contacts(ctx, c.ID); len(contacts) != 0 {
		t.Errorf("Ctrl+S behind the lock stored %d contacts", len(contacts))
	}
	uitest.Type(t, m, "PIN-код", "9999")
	uitest.Tap(t, m, "Продолжить")
	if !uitest.Shows(m, "Неверный PIN-код. Осталось попыток до блокировки входа: 4") || !lockedShows(m) {
		t.Fatalf("a wrong PIN: %q", uitest.Texts(m))
	}

	// The manager's PIN brings back the window as it was.
	uitest.Type(t, m, "PIN-код", "2222")
	uitest.Tap(t, m, "Продолжить")
	if lockedShows(m) || uitest.Dialogs(m) != 1 || m.MainMenu() == nil {
		t.Fatalf("after the PIN: %q, %d dialogs", uitest.Texts(m), uitest.Dialogs(m))
	}
	if got := uitest.Entry(t, m, "Итог").Text; got != "перезвонить в среду" {
		t.Errorf("the contact's form holds %q", got)
	}
	uitest.Tap(t, m, "Сохранить")
	uitest.TapTab(t, m, "Профиль")
	if got := uitest.Entry(t, m, "Заметки").Text; got != "любит утренние часы" {
		t.Errorf("the profile holds %q", got)
	}
	if contacts, _ := s.Contacts(ctx, c.ID); len(contacts) != 1 || contacts[0].Outcome != "перезвонить в среду" {
		t.Errorf("the contact typed before the lock: %+v", contacts)
	}

	// Another role's PIN on the PIN screen opens that role's window, once
	// the unsaved profile is dealt with.
	uitest.Do(m.CheckIdle)
	clock.add(15 * time.Minute)
	uitest.Do(m.CheckIdle)
	uitest.TapText(t, m, "Владелец")
	uitest.Type(t, m, "PIN-код", "1111")
	uitest.Tap(t, m, "Продолжить")
	if !uitest.DialogShows(m, "Не сохранено: карточка «Орлова Нина».") {
		t.Fatalf("another role over unsaved edits: %q", uitest.DialogTexts(m))
	}
	uitest.Tap(t, m, "Сменить без сохранения")
	if got := uitest.TabTitles(mainWindow(t, tookOver(t, m))); !slices.Contains(got, "Настройки") {
		t.Errorf("the owner's window after the manager's: %s", got)
	}
}

func TestWithoutPINsOrWithTheLockOffNothingLocks(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	if err := s.SetSingleUser(ctx); err != nil {
		t.Fatal(err)
	}
	clock := newClock()
	m := mainWindow(t, startAt(t, uitest.NewApp(t), s, clock))
	uitest.Settle()
	if hasMenuItem(m, switchUser) || hasMenuItem(m, "Заблокировать") {
		t.Error("one person and no PINs, yet the menu offers to switch user")
	}
	uitest.Do(m.CheckIdle)
	clock.add(time.Hour)
	uitest.Do(m.CheckIdle)
	uitest.Shortcut(m, ctrlL)
	if lockedShows(m) {
		t.Error("a window without PINs locked")
	}

	s2, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s2, map[model.Role]string{model.RoleOwner: "1111"})
	if err := s2.SetIdleLockMinutes(ctx, 0); err != nil {
		t.Fatal(err)
	}
	m2 := mainWindow(t, signInAs(t, signInWindow(t, startAt(t, uitest.NewApp(t), s2, clock)), "Владелец", "1111"))
	uitest.Do(m2.CheckIdle)
	clock.add(24 * time.Hour)
	uitest.Do(m2.CheckIdle)
	if lockedShows(m2) {
		t.Error("the lock set to never locked")
	}
	// Ctrl+L locks at once, and the PIN opens again.
	uitest.Shortcut(m2, ctrlL)
	if !lockedShows(m2) {
		t.Fatalf("Ctrl+L: %q", uitest.Texts(m2))
	}
	uitest.Type(t, m2, "PIN-код", "1111")
	uitest.Tap(t, m2, "Продолжить")
	if lockedShows(m2) || !slices.Contains(uitest.TabTitles(m2), "Настройки") {
		t.Errorf("after the PIN: %q", uitest.Texts(m2))
	}
}

// The owner who worked alone sets PINs in the settings: the window at once
// offers to switch user and locks when left alone.
func TestPINsSetInTheSettingsBringTheLockToTheWindow(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	if err := s.SetSingleUser(context.Background()); err != nil {
		t.Fatal(err)
	}
	clock := newClock()
	m := mainWindow(t, startAt(t, uitest.NewApp(t), s, clock))
	uitest.TapTab(t, m, "Настройки")
	uitest.Tap(t, m, "Задать или сменить PIN-коды…")
	uitest.Type(t, m, "Новый PIN-код", "1111")
	uitest.Type(t, m, "PIN-код ещё раз", "1111")
	uitest.Tap(t, m, "Сохранить")
	uitest.AcceptRecoveryCode(t, m)
	if !hasMenuItem(m, switchUser) {
		t.Fatal("with PINs set the window does not offer to switch user")
	}
	uitest.Do(m.CheckIdle)
	clock.add(15 * time.Minute)
	uitest.Do(m.CheckIdle)
	if !lockedShows(m) {
		t.Errorf("left alone for 15 minutes: %q", uitest.Texts(m))
	}
}
