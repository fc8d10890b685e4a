package cli

import (
	"database/sql"

	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
)

func TestCmdAuditVerify(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.SetPIN(ctx, model.RoleOwner, "1234"); err != nil {
		t.Fatal(err)
	}
	c := model.Client{FirstName: "Анна", HealthConsentAt: model.NewDate(2026, 1, 1), Health: "астма"}
	if err := s.As(model.RoleManager).CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var out bytes.Buffer
	if err := run([]string{"audit", "verify", "--db", path}, &out); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "audit log: 2 entries, chain intact\n" {
		t.Errorf("printed %q", got)
	}

	tamper(t, path, "DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET role = 'owner' WHERE id = 2")
	out.Reset()
	err = run([]string{"audit", "verify", "--db", path}, &out)
	if !errors.Is(err, model.ErrAuditAltered) {
		t.Fatalf("a changed entry: %v", err)
	}
	i18n.SetLanguage("en")
	if msg := i18n.ErrorText(err); !strings.Contains(msg, "No. 2") {
		t.Errorf("the message does not name the entry: %q", msg)
	}
	if !strings.Contains(out.String(), "intact entries before the break: 1") {
		t.Errorf("printed %q", out.String())
	}

	if err := run([]string{"audit", "check", "--db", path}, &out); err == nil {
		t.Error("an unknown audit command ran")
	}
}

// tamper changes the database file behind the store's back, as someone
// with the file and an SQLite shell could.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", store.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
