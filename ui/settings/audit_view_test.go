package settings_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	_ "github.com/glebarez/go-sqlite"

	"companion/model"
	"companion/ui/uitest"
)

// auditRows are the audit table's rows as the owner reads them.
func auditRows(t *testing.T, w fyne.Window) []string {
	t.Helper()
	var rows []string
	for _, cells := range uitest.TableRows(uitest.Table(t, w, "Когда")) {
		rows = append(rows, strings.Join(cells, " | "))
	}
	return rows
}

// tamper changes the database file behind the program's back, as someone
// with the file and an SQLite shell could.
func tamper(t *testing.T, path string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range statements {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestOwnerSeesTheAuditEntryOfAHealthChange(t *testing.T) {
	s, path := uitest.OpenFileStore(t)
	ctx := context.Background()
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	manager, err := s.SignIn(ctx, model.RoleManager, "2222")
	if err != nil {
		t.Fatal(err)
	}
	c := model.Client{FirstName: "Анна", Notes: "утро"}
	if err := manager.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Health, c.HealthConsentAt = "аллергия на лидокаин", model.NewDate(2026, 11, 20)
	if err := manager.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := manager.AddAssessment(ctx, &model.Assessment{ClientID: c.ID, On: model.NewDate(2026, 11, 21), WeightKg: 68.5,
		WaistCm: 74}); err != nil {
		t.Fatal(err)
	}

	owner, err := s.SignIn(ctx, model.RoleOwner, "1111")
	if err != nil {
		t.Fatal(err)
	}
	f := openSettings(t, owner)
	rows := auditRows(t, f.w)
	want := []string{
		"27.11.2026 10:00:00 | Менеджер сопровождения | создание | замер: Анна | Дата, Вес, Талия",
		"27.11.2026 10:00:00 | Менеджер сопровождения | изменение | клиент Анна | записи о здоровье, согласие на обработку данных о здоровье",
		"27.11.2026 10:00:00 | Владелец | создание | PIN-код | Менеджер сопровождения",
		"27.11.2026 10:00:00 | Владелец | создание | PIN-код | Владелец",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(strings.Join(rows, ""), "лидокаин") || uitest.Shows(f.w, "лидокаин") {
		t.Error("the log shows the health notes themselves")
	}
	if uitest.Shows(f.w, "Изменений чувствительных данных пока нет") {
		t.Error("the empty-log note shows over entries")
	}
	if status := "По PIN-кодам. Могут войти: Владелец, Менеджер сопровождения"; !showsExactly(f.w, status) {
		t.Errorf("sign-in status is not %q; the settings show %q", status, uitest.Texts(f.w))
	}

	intact := "Журнал цел: проверено записей — 4, ни одна не изменена и не удалена"
	if showsExactly(f.w, intact) {
		t.Error("the verdict shows before the check")
	}
	uitest.Tap(t, f.w, "Проверить журнал")
	if !showsExactly(f.w, intact) {
		t.Errorf("verify: the settings show %q", uitest.Texts(f.w))
	}
	tamper(t, path, "DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET role = 'owner' WHERE id = 3")
	uitest.Tap(t, f.w, "Проверить журнал")
	if !uitest.Shows(f.w, "запись № 3 изменена") || showsExactly(f.w, intact) {
		t.Errorf("verify after tampering: the settings show %q", uitest.Texts(f.w))
	}
	if _, err := s.VerifyAudit(ctx); err == nil {
		t.Error("the store finds the tampered log intact")
	}
}

func TestOwnerChangesPINsInTheSettings(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	f := openSettings(t, s)
	if !uitest.Shows(f.w, "Без PIN-кодов") {
		t.Errorf("status of a new database: %q", uitest.Texts(f.w))
	}
	open := func() {
		t.Helper()
		uitest.Tap(t, f.w, "Задать или сменить PIN-коды…")
		if uitest.Dialogs(f.w) != 1 || !uitest.DialogShows(f.w, "PIN-коды") {
			t.Fatalf("no PIN dialog: %q", uitest.DialogTexts(f.w))
		}
	}
	chooseRole := func(role string) {
		t.Helper()
		uitest.TapText(t, f.w, role)
	}
	pressEnter := func(label string) {
		t.Helper()
		uitest.PressKey(uitest.Entry(t, f.w, label), fyne.KeyReturn)
	}

	open()
	chooseRole("Менеджер сопровождения")
	uitest.Type(t, f.w, "Новый PIN-код", "2222")
	uitest.Type(t, f.w, "PIN-код ещё раз", "2222")
	uitest.Tap(t, f.w, "Сохранить")
	if msg := uitest.Message(t, f.w, "Роль"); !strings.HasPrefix(msg, "Сначала задайте PIN-код владельца") {
		t.Errorf("a manager PIN before the owner's: %q", msg)
	}
	if has, _ := s.HasPIN(ctx, model.RoleManager); has {
		t.Error("the manager's PIN was stored before the owner's")
	}
	chooseRole("Владелец")
	uitest.Type(t, f.w, "PIN-код ещё раз", "2223")
	pressEnter("PIN-код ещё раз")
	if msg := uitest.Message(t, f.w, "PIN-код ещё раз"); !strings.HasPrefix(msg, "PIN-коды не совпадают") {
		t.Errorf("mismatch: %q", msg)
	}
	if has, _ := s.HasPIN(ctx, model.RoleOwner); has || uitest.Dialogs(f.w) != 1 {
		t.Errorf("mismatched PINs: stored %v, %d dialogs", has, uitest.Dialogs(f.w))
	}
	uitest.Type(t, f.w, "PIN-код ещё раз", "2222")
	uitest.Tap(t, f.w, "Сохранить")
	if has, _ := s.HasPIN(ctx, model.RoleOwner); !has {
		t.Fatalf("the owner's PIN was not set: %q", uitest.Message(t, f.w, "Новый PIN-код"))
	}
	// The owner's PIN comes with a recovery code, shown once.
	code := uitest.AcceptRecoveryCode(t, f.w)
	if status := "Код восстановления PIN-кода владельца выдан. Новый код заменит прежний."; !showsExactly(f.w, status) {
		t.Errorf("the code's status is not %q; the settings show %q", status, uitest.Texts(f.w))
	}
	if mode, _ := s.AccessMode(ctx); mode != model.AccessPINs {
		t.Errorf("mode %s", mode)
	}
	if status := "По PIN-кодам. Могут войти: Владелец"; !showsExactly(f.w, status) {
		t.Errorf("status is not %q; the settings show %q", status, uitest.Texts(f.w))
	}

	open()
	chooseRole("Интервьюер")
	uitest.Type(t, f.w, "Новый PIN-код", "3333")
	uitest.Type(t, f.w, "PIN-код ещё раз", "3333")
	uitest.Tap(t, f.w, "Сохранить")
	if _, err := s.SignIn(ctx, model.RoleInterviewer, "3333"); err != nil {
		t.Errorf("the interviewer's new PIN: %v", err)
	}
	if uitest.Dialogs(f.w) != 0 {
		t.Errorf("the dialog stays open after saving: %q", uitest.DialogTexts(f.w))
	}
	if status := "По PIN-кодам. Могут войти: Владелец, Интервьюер"; !showsExactly(f.w, status) {
		t.Errorf("status is not %q; the settings show %q", status, uitest.Texts(f.w))
	}
	log, _ := s.AuditLog(ctx, 10, 0)
	if len(log) != 3 || log[0].Fields != "interviewer" || log[1].Table != "recovery_code" || log[2].Fields != "owner" {
		t.Errorf("audit log: %+v", log)
	}

	// A new code replaces the one before; a page with it can be saved to
	// print.
	uitest.Tap(t, f.w, "Новый код восстановления…")
	uitest.Tap(t, f.w, "Сохранить PDF для печати…")
	pdf := filepath.Join(t.TempDir(), "code.pdf")
	uitest.TypePath(t, f.w, pdf)
	if data, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Errorf("the code's page: %v", err)
	}
	if !uitest.DialogShows(f.w, "Сохранено: "+pdf) {
		t.Errorf("the code's dialog after saving: %q", uitest.DialogTexts(f.w))
	}
	next := uitest.AcceptRecoveryCode(t, f.w)
	if _, err := s.ResetOwnerPIN(ctx, code, "4444"); err == nil {
		t.Error("the replaced code still resets the PIN")
	}
	if _, err := s.ResetOwnerPIN(ctx, next, "4444"); err != nil {
		t.Errorf("the new code: %v", err)
	}
}

func TestOwnerChoosesTheIdleLock(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111"})
	f := openSettings(t, s)
	if got := uitest.Select(t, f.w, "Блокировка окна").Selected; got != "через 15 минут без действий" {
		t.Errorf("the idle lock by default: %q", got)
	}
	if !showsExactly(f.w, "Кода восстановления нет: если PIN-код владельца забудется, войти владельцем будет нельзя. Получите код.") {
		t.Errorf("no code: the settings show %q", uitest.Texts(f.w))
	}
	uitest.Choose(t, f.w, "Блокировка окна", "через 5 минут без действий")
	if n, _ := s.IdleLockMinutes(ctx); n != 5 {
		t.Errorf("stored %d minutes", n)
	}
	uitest.Choose(t, f.w, "Блокировка окна", "никогда")
	if n, _ := s.IdleLockMinutes(ctx); n != 0 {
		t.Errorf("stored %d minutes for never", n)
	}
	f.refresh()
	if got := uitest.Select(t, f.w, "Блокировка окна").Selected; got != "никогда" || f.changes != 0 {
		t.Errorf("read back %q; %d changes of everything", got, f.changes)
	}
	rows := auditRows(t, f.w)
	if len(rows) == 0 || !strings.HasSuffix(rows[0], "| Владелец | изменение | настройки | Блокировка окна") {
		t.Errorf("the audit log: %q", rows)
	}
}
