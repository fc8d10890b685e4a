package ui_test

import (
	"context"
	"slices"
	"testing"

	"companion/model"
	"companion/ui/signin"
	"companion/ui/uitest"
)

const managerRole = "Менеджер сопровождения"

func TestManagerSeesOnlyTheClientsTab(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	sw := signInWindow(t, start(t, uitest.NewApp(t), s))
	m := mainWindow(t, signInAs(t, sw, managerRole, "2222"))
	// The clients' tabs; not the owner's settings (PINs, the audit log).
	if got := uitest.TabTitles(m); !slices.Contains(got, "Сегодня") || !slices.Contains(got, "Клиенты") || slices.Contains(got, "Настройки") {
		t.Errorf("the manager's tabs: %s", got)
	}

	// The clients tab works as the manager: what it writes is logged as
	// the manager's.
	uitest.TapTab(t, m, "Клиенты")
	uitest.Tap(t, m, "Новый клиент")
	uitest.Type(t, m, "Фамилия", "Орлова")
	uitest.Type(t, m, "Имя", "Нина")
	uitest.Toggle(t, m, "Данные о здоровье")
	uitest.Type(t, m, "Противопоказания, здоровье", "варикоз")
	uitest.Tap(t, m, "Сохранить")
	if got := uitest.Headings(m); !slices.Contains(got, "Орлова Нина") {
		t.Fatalf("the new client is not shown: headings %q, the window shows %q", got, uitest.Texts(m))
	}
	log, err := s.AuditLog(context.Background(), 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	var health []model.AuditEntry
	for _, e := range log {
		if e.Area == model.AreaHealth && e.Table == "clients" {
			health = append(health, e)
		}
	}
	if len(health) != 1 || health[0].Role != model.RoleManager {
		t.Errorf("the clients tab works as %+v", health)
	}
}

func TestInterviewerWorksInTheHiringTab(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleInterviewer: "3333"})
	sw := signInWindow(t, start(t, uitest.NewApp(t), s))
	m := mainWindow(t, signInAs(t, sw, "Интервьюер", "3333"))
	if got := uitest.TabTitles(m); !slices.Contains(got, "Собеседования") || slices.Contains(got, "Клиенты") || slices.Contains(got, "Зарплата") {
		t.Fatalf("the interviewer's tabs: %s", got)
	}
	uitest.TapTab(t, m, "Собеседования")
	if !uitest.Shows(m, "Новый кандидат") {
		t.Errorf("the hiring tab shows %q", uitest.Texts(m))
	}
	uitest.Shortcut(m, ctrlN) // no clients' tab: Ctrl+N does nothing
	uitest.Shortcut(m, ctrlF)
}

func TestOwnerSeesTheSettings(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	sw := signInWindow(t, start(t, uitest.NewApp(t), s))
	m := mainWindow(t, signInAs(t, sw, "Владелец", "1111"))
	if got := uitest.TabTitles(m); !slices.Contains(got, "Клиенты") || !slices.Contains(got, "Настройки") {
		t.Errorf("the owner's tabs: %s", got)
	}
	uitest.TapTab(t, m, "Настройки")
	if uitest.SelectedTab(m) != "Настройки" || !uitest.Shows(m, "0 клиентов в базе, включая архив") || !uitest.Shows(m, "Компаньон test") ||
		!uitest.Shows(m, "Задать или сменить PIN-коды…") || !uitest.Shows(m, "Журнал изменений") {
		t.Errorf("the settings tab %q shows %q", uitest.SelectedTab(m), uitest.Texts(m))
	}
}

func TestSingleUserModeOpensTheOwnersWindowAtEveryStart(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	a := uitest.NewApp(t)
	// The first start asks the owner, who chooses one person.
	sw := signInWindow(t, start(t, a, s))
	uitest.Tap(t, sw, "Далее")
	uitest.Settle()
	uitest.Tap(t, sw, "Работать без PIN-кодов")
	if mode, _ := s.AccessMode(context.Background()); mode != model.AccessSingle {
		t.Fatalf("mode %s", mode)
	}
	if sw.Opened() == nil {
		t.Fatalf("nothing opened: %q", uitest.Texts(sw))
	}
	uitest.CloseAtEnd(t, sw.Opened())
	if got := uitest.TabTitles(mainWindow(t, sw.Opened())); !slices.Contains(got, "Клиенты") || !slices.Contains(got, "Настройки") {
		t.Errorf("tabs: %s", got)
	}
	// The next start asks nothing and opens everything.
	next := start(t, a, s)
	if _, ok := next.(*signin.Window); ok {
		t.Fatal("the next start asks who works")
	}
	if got := uitest.TabTitles(mainWindow(t, next)); !slices.Contains(got, "Настройки") {
		t.Errorf("tabs at the next start: %v", got)
	}
}
