package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"companion/model"
)

// healthChanges makes n audit entries: a client whose health notes change.
func healthChanges(t *testing.T, s *Store, n int) model.Client {
	t.Helper()
	ctx := context.Background()
	c := mustCreate(t, s, model.Client{FirstName: "Анна", HealthConsentAt: model.NewDate(2026, 1, 10), Health: "варикоз"})
	for i := 1; i < n; i++ {
		c.Health = fmt.Sprintf("варикоз, осмотр %d", i)
		if err := s.UpdateClient(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestHealthChangesAreAuditedWithTheRoleAndFields(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	m := s.As(model.RoleManager)
	c := model.Client{FirstName: "Вера"}
	if err := m.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Notes = "любит утро"
	if err := m.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if log, _ := s.AuditLog(ctx, 10, 0); len(log) != 0 {
		t.Fatalf("changes without health data were audited: %+v", log)
	}
	c.HealthConsentAt = model.NewDate(2026, 11, 1)
	c.Health = "аллергия на лидокаин"
	if err := m.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Health = "аллергия на лидокаин и новокаин"
	if err := m.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	d := model.Client{FirstName: "Олег", HealthConsentAt: model.NewDate(2026, 11, 2), Health: "астма"}
	if err := s.CreateClient(ctx, &d); err != nil {
		t.Fatal(err)
	}
	log, err := s.AuditLog(ctx, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.AuditEntry{
		{ID: 3, Role: model.RoleOwner, Area: model.AreaHealth, Action: "create", Table: "clients", RecordID: d.ID, Fields: "health,health_consent_at"},
		{ID: 2, Role: model.RoleManager, Area: model.AreaHealth, Action: "update", Table: "clients", RecordID: c.ID, Fields: "health"},
		{ID: 1, Role: model.RoleManager, Area: model.AreaHealth, Action: "update", Table: "clients", RecordID: c.ID, Fields: "health,health_consent_at"},
	}
	if len(log) != len(want) {
		t.Fatalf("%d entries: %+v", len(log), log)
	}
	for i, w := range want {
		g := log[i]
		if g.ID != w.ID || g.Role != w.Role || g.Area != w.Area || g.Action != w.Action || g.Table != w.Table ||
			g.RecordID != w.RecordID || g.Fields != w.Fields || !g.At.Equal(fixedNow) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	if log[1].PrevHash != log[2].Hash || log[0].PrevHash != log[1].Hash || log[2].PrevHash != "" {
		t.Error("entries are not chained")
	}
	if n, err := s.VerifyAudit(ctx); n != 3 || err != nil {
		t.Errorf("verify: %d, %v", n, err)
	}
}

func TestAFailedChangeLeavesNoAuditEntry(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	c := healthChanges(t, s, 1)
	stale := c
	c.Health = "новое"
	if err := s.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	stale.Health = "устаревшее"
	if err := s.UpdateClient(ctx, &stale); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	mustCreate(t, s, model.Client{FirstName: "Ира", Phone: "+79160000001"})
	dup := model.Client{FirstName: "Ира", Phone: "+79160000001", HealthConsentAt: model.NewDate(2026, 1, 1), Health: "x"}
	if err := s.CreateClient(ctx, &dup); err == nil {
		t.Fatal("a duplicate phone was stored")
	}
	if n, err := s.VerifyAudit(ctx); n != 2 || err != nil {
		t.Errorf("verify: %d, %v (want the create and one update)", n, err)
	}
}

// tamper runs SQL on the log with the append-only guards lifted, as someone
// with a database editor would.
func tamper(t *testing.T, s *Store, sql string, args ...any) {
	t.Helper()
	db := s.DB()
	drop := []string{"DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"}
	if s.OnServer() {
		drop = []string{"DROP TRIGGER audit_log_no_update ON audit_log"}
	}
	for _, stmt := range drop {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func TestVerifyNamesTheFirstBadEntry(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sql    string
		kind   *model.FieldError
		id     uint
		passed int
	}{
		{"a field changed", "UPDATE audit_log SET fields = 'notes' WHERE id = 3", model.ErrAuditAltered, 3, 2},
		{"the role changed", "UPDATE audit_log SET role = 'owner' WHERE id = 4", model.ErrAuditAltered, 4, 3},
		{"the time changed", "UPDATE audit_log SET at = '2020-01-01 00:00:00+00:00' WHERE id = 1", model.ErrAuditAltered, 1, 0},
		{"a middle entry removed", "DELETE FROM audit_log WHERE id = 2", model.ErrAuditRemoved, 3, 1},
		{"the first entry removed", "DELETE FROM audit_log WHERE id = 1", model.ErrAuditRemoved, 2, 0},
		{"the last entry removed", "DELETE FROM audit_log WHERE id = 5", model.ErrAuditTruncated, 5, 4},
		{"the end marker removed", "DELETE FROM audit_head", model.ErrAuditAltered, 1, 5},
		{"an entry forged at the end", `INSERT INTO audit_log(id, at, role, area, action, table_name, record_id, fields, prev_hash, hash)
			SELECT 6, at, role, area, action, table_name, record_id, fields, hash, 'x' FROM audit_log WHERE id = 5`, model.ErrAuditAltered, 6, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			s = s.As(model.RoleManager)
			healthChanges(t, s, 5)
			owner := s.As(model.RoleOwner)
			if n, err := owner.VerifyAudit(context.Background()); n != 5 || err != nil {
				t.Fatalf("before: %d, %v", n, err)
			}
			tamper(t, s, tc.sql)
			n, err := owner.VerifyAudit(context.Background())
			id, ok := model.AuditBrokenAt(err)
			if !errors.Is(err, tc.kind) || !ok || id != tc.id || n != tc.passed {
				t.Errorf("verify: %d checked, %v (entry %d); want %s at %d after %d", n, err, id, tc.kind.Key, tc.id, tc.passed)
			}
		})
	}
}

func TestARewrittenChainIsFoundAtItsEnd(t *testing.T) {
	s := openTest(t)
	healthChanges(t, s, 3)
	// Someone recomputes the last entry's hash after changing it, but does
	// not know about the head.
	var e model.AuditEntry
	s.DB().Take(&e, 3)
	e.Fields = "notes"
	tamper(t, s, "UPDATE audit_log SET fields = ?, hash = ? WHERE id = 3", e.Fields, auditHash(&e))
	_, err := s.VerifyAudit(context.Background())
	if id, _ := model.AuditBrokenAt(err); !errors.Is(err, model.ErrAuditAltered) || id != 3 {
		t.Errorf("verify: %v", err)
	}
}

func TestTheLogIsAppendOnly(t *testing.T) {
	s := openTest(t)
	healthChanges(t, s, 2)
	if err := s.DB().Exec("UPDATE audit_log SET fields = 'x'").Error; err == nil {
		t.Error("an entry was changed")
	}
	if err := s.DB().Exec("DELETE FROM audit_log").Error; err == nil {
		t.Error("entries were deleted")
	}
}

func TestAuditLogPagesNewestFirst(t *testing.T) {
	s := openTest(t)
	healthChanges(t, s, 25)
	ctx := context.Background()
	page, err := s.AuditLog(ctx, 10, 20)
	if err != nil || len(page) != 5 || page[0].ID != 5 || page[4].ID != 1 {
		t.Fatalf("third page: %d entries, %v", len(page), err)
	}
}

func TestVerifyReadsALongLogInBatches(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	// Write the entries straight through audit, in one transaction, to be quick.
	tx := s.DB().Begin()
	for i := 0; i < 2*auditBatch+7; i++ {
		if err := s.audit(tx, model.AuditEntry{Area: model.AreaHealth, Action: "update", Table: "clients", RecordID: uint(i + 1), Fields: "health"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit().Error; err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	n, err := s.VerifyAudit(ctx)
	if n != 2*auditBatch+7 || err != nil {
		t.Fatalf("verify: %d, %v", n, err)
	}
	t.Logf("verified %d entries in %v", n, time.Since(start))
	tamper(t, s, "UPDATE audit_log SET record_id = 1 WHERE id = ?", auditBatch+1)
	if _, err := s.VerifyAudit(ctx); !errors.Is(err, model.ErrAuditAltered) {
		t.Errorf("an entry in the second batch: %v", err)
	}
}

func TestImportedHealthNotesAreAudited(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	batch := []*model.Client{
		{FirstName: "Анна"},
		{FirstName: "Вера", HealthConsentAt: model.NewDate(2026, 1, 1), Health: "астма"},
	}
	if err := s.As(model.RoleManager).CreateClients(ctx, batch); err != nil {
		t.Fatal(err)
	}
	log, _ := s.AuditLog(ctx, 10, 0)
	if len(log) != 1 || log[0].RecordID != batch[1].ID || log[0].Fields != "health,health_consent_at" ||
		log[0].Role != model.RoleManager {
		t.Errorf("audit log after an import: %+v", log)
	}
}
