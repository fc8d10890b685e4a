package settings

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"companion/model"
)

// auditRows are the audit table's rows as the owner reads them.
func auditRows(v *auditView) []string {
	var rows []string
	for _, e := range v.entries {
		var cells []string
		for col := range auditWidths {
			cells = append(cells, auditCell(e, col))
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	return rows
}

func TestOwnerSeesTheAuditEntryOfAHealthChange(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	withPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
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

	sw := signInWindow(t, start(t, test.NewTempApp(t), s))
	sw.role.SetSelected("Владелец")
	test.Type(sw.pin, "1111")
	pressEnter(sw.pin)
	m := opened(t, sw)
	showSettings(t, m)
	v := m.settings.safety.audit
	rows := auditRows(v)
	want := []string{
		"27.11.2026 10:00:00 | Менеджер сопровождения | изменение | клиент № 1 | записи о здоровье, согласие на обработку данных о здоровье",
		"27.11.2026 10:00:00 | Владелец | создание | PIN-код | Менеджер сопровождения",
		"27.11.2026 10:00:00 | Владелец | создание | PIN-код | Владелец",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(strings.Join(rows, ""), "лидокаин") {
		t.Error("the log shows the health notes themselves")
	}
	if v.empty.Visible() {
		t.Error("the empty-log note shows over entries")
	}
	if got := m.settings.safety.pins.status.Text; got != "По PIN-кодам. Могут войти: Владелец, Менеджер сопровождения" {
		t.Errorf("sign-in status: %q", got)
	}

	test.Tap(v.verify)
	if !v.result.Visible() || v.result.Text != "Журнал цел: проверено записей — 3, ни одна не изменена и не удалена" {
		t.Errorf("verify: %q", v.result.Text)
	}
	db := s.DB()
	db.Exec("DROP TRIGGER audit_log_no_update")
	db.Exec("UPDATE audit_log SET role = 'owner' WHERE id = 3")
	test.Tap(v.verify)
	if !strings.Contains(v.result.Text, "запись № 3 изменена") {
		t.Errorf("verify after tampering: %q", v.result.Text)
	}
}

func TestOwnerChangesPINsInTheSettings(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	showSettings(t, m)
	p := m.settings.safety.pins
	if !strings.HasPrefix(p.status.Text, "Без PIN-кодов") {
		t.Errorf("status of a new database: %q", p.status.Text)
	}
	open := func() *pinDialog {
		test.Tap(p.change)
		if p.dialog == nil || len(openDialogs[m.Window]) != 1 {
			t.Fatal("no PIN dialog")
		}
		return p.dialog
	}
	msg := func(d *pinDialog, name string) string {
		if f := d.fields[name]; f.Msg.Visible() {
			return f.Msg.Text
		}
		return ""
	}

	d := open()
	d.role.SetSelected("Менеджер сопровождения")
	test.Type(d.pin, "2222")
	test.Type(d.again, "2222")
	test.Tap(d.fd.Save)
	if !strings.HasPrefix(msg(d, "role"), "Сначала задайте PIN-код владельца") {
		t.Errorf("a manager PIN before the owner's: %q", msg(d, "role"))
	}
	d.role.SetSelected("Владелец")
	d.again.SetText("2223")
	pressEnter(d.again)
	if !strings.HasPrefix(msg(d, "again"), "PIN-коды не совпадают") {
		t.Errorf("mismatch: %q", msg(d, "again"))
	}
	d.again.SetText("2222")
	test.Tap(d.fd.Save)
	if has, _ := s.HasPIN(ctx, model.RoleOwner); !has {
		t.Fatalf("the owner's PIN was not set: %q", msg(d, "pin"))
	}
	if mode, _ := s.AccessMode(ctx); mode != model.AccessPINs {
		t.Errorf("mode %s", mode)
	}
	if got := p.status.Text; got != "По PIN-кодам. Могут войти: Владелец" {
		t.Errorf("status: %q", got)
	}

	d = open()
	d.role.SetSelected("Интервьюер")
	test.Type(d.pin, "3333")
	test.Type(d.again, "3333")
	test.Tap(d.fd.Save)
	if _, err := s.SignIn(ctx, model.RoleInterviewer, "3333"); err != nil {
		t.Errorf("the interviewer's new PIN: %v", err)
	}
	if len(openDialogs[m.Window]) != 0 {
		t.Error("the dialog stays open after saving")
	}
	log, _ := s.AuditLog(ctx, 10, 0)
	if len(log) != 2 || log[0].Fields != "interviewer" || log[1].Fields != "owner" {
		t.Errorf("audit log: %+v", log)
	}
}
