package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"companion/model"
	"companion/model/store/storetest"
)

// The store's tests run on SQLite, and on PostgreSQL too when
// COMPANION_TEST_POSTGRES names a server (storetest).
var testServer = storetest.Server

func testBackend() string { return storetest.Backend() }

func testDatabase(t testing.TB) string { return storetest.Database(t) }

// onSQLite marks a test about SQLite's file itself (pragmas, backups of
// the file, damage, locks): it runs in the SQLite run only.
func onSQLite(t testing.TB) {
	t.Helper()
	if testServer != "" {
		t.Skip("about the SQLite file; runs in the SQLite run")
	}
}

// TestBackendIsNamed says which backend the run uses, so a log shows it.
func TestBackendIsNamed(t *testing.T) {
	s := openTest(t)
	if got := s.d.name(); got != testBackend() {
		t.Fatalf("the store runs on %s, the tests asked for %s", got, testBackend())
	}
	if s.OnServer() != (testServer != "") {
		t.Fatalf("OnServer %v on %s", s.OnServer(), testBackend())
	}
	t.Logf("store tests on %s", testBackend())
}

// openTwice opens one database as two PCs would: two stores, each with its
// own connections.
func openTwice(t *testing.T) (*Store, *Store) {
	t.Helper()
	where := testDatabase(t)
	var stores [2]*Store
	for i := range stores {
		s, err := Open(where, WithClock(func() time.Time { return fixedNow }))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	return stores[0], stores[1]
}

// Two people saving the same client: the second save, made from what was
// read before the first, is refused, and the first one's words stay.
func TestTheSecondOfTwoSavesIsRefused(t *testing.T) {
	a, b := openTwice(t)
	ctx := context.Background()
	c := mustCreate(t, a, model.Client{LastName: "Орлова", FirstName: "Дарья"})
	mine, theirs := c, c
	mine.Notes, theirs.Notes = "перезвонить в пятницу", "записалась на массаж"
	if err := a.UpdateClient(ctx, &mine); err != nil {
		t.Fatal(err)
	}
	if err := b.UpdateClient(ctx, &theirs); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("the second save gave %v, want the conflict", err)
	}
	got, err := b.Client(ctx, c.ID)
	if err != nil || got.Notes != mine.Notes {
		t.Fatalf("the client holds %q (%v), want the first save's %q", got.Notes, err, mine.Notes)
	}
}

// Two PCs changing health data at once append to one audit chain, which
// then verifies from end to end.
func TestTwoWritersKeepOneAuditChain(t *testing.T) {
	a, b := openTwice(t)
	ctx := context.Background()
	const each = 15
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for _, s := range []*Store{a, b} {
		c := mustCreate(t, s, model.Client{FirstName: "Анна", HealthConsentAt: model.NewDate(2026, 1, 10)})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				c.Health = fmt.Sprintf("осмотр %d", i)
				errs <- s.UpdateClient(ctx, &c)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	n, err := a.VerifyAudit(ctx)
	if err != nil || n < 2*each {
		t.Fatalf("the chain: %d entries hold, %v", n, err)
	}
}

// On a server there is no backup file at start or exit (the server's own
// is the backup), and one into a file is the full export.
func TestAServersBackupIsTheExport(t *testing.T) {
	s := openTest(t)
	if !s.OnServer() {
		t.Skip("the SQLite backups have their own tests (backup_test.go)")
	}
	ctx := context.Background()
	mustCreate(t, s, model.Client{LastName: "Котова", FirstName: "Инна"})
	if err := s.AutoBackup(ctx); err != nil {
		t.Fatalf("the start's backup on a server: %v", err)
	}
	if _, err := s.BackupByHand(ctx); !errors.Is(err, model.ErrServerBackup) {
		t.Fatalf("a backup into the folder: %v", err)
	}
	dest := filepath.Join(t.TempDir(), "salon.json")
	if _, err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(dest)
	if err != nil || !strings.Contains(string(data), `"format": "companion-exchange"`) || !strings.Contains(string(data), "Котова") {
		t.Fatalf("the backup file: %v\n%.300s", err, data)
	}
}

// auditorChanges is how many health changes each auditor process makes.
const auditorChanges = 20

// runAuditor is the test binary as one PC changing a client's health
// data (each change audited) at the database where; it prints "ok" when
// done, or "error TEXT".
func runAuditor(where string) int {
	s, err := Open(where)
	if err != nil {
		fmt.Printf("error open: %v\n", err)
		return 2
	}
	defer s.Close()
	ctx := context.Background()
	c := model.Client{FirstName: "Анна", HealthConsentAt: model.NewDate(2026, 1, 10)}
	if err := s.CreateClient(ctx, &c); err != nil {
		fmt.Printf("error create: %v\n", err)
		return 1
	}
	for i := 0; i < auditorChanges; i++ {
		c.Health = fmt.Sprintf("осмотр %d", i)
		if err := s.UpdateClient(ctx, &c); err != nil {
			fmt.Printf("error update: %v\n", err)
			return 1
		}
	}
	fmt.Println("ok")
	return 0
}

// Two processes — two PCs — changing health data at once append to one
// audit chain, which `companion audit verify` then finds whole.
func TestTwoProcessesKeepOneAuditChain(t *testing.T) {
	where := testDatabase(t)
	s, err := Open(where, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	outs := make([][]byte, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "COMPANION_TEST_AUDITOR="+where)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i := range outs {
		if errs[i] != nil || !strings.Contains(string(outs[i]), "ok") {
			t.Fatalf("auditor %d: %v: %s", i, errs[i], outs[i])
		}
	}
	n, err := s.VerifyAudit(context.Background())
	if err != nil || n < 2*auditorChanges {
		t.Fatalf("the chain after two processes: %d entries hold, %v", n, err)
	}
	t.Logf("audit chain: %d entries from two processes, whole", n)
}

// A server database that holds another program's tables is refused with a
// sentence, and nothing of Companion's is made in it.
func TestAServerDatabaseOfAnotherProgramIsRefused(t *testing.T) {
	if testServer == "" {
		t.Skip("about a server's database")
	}
	where := testDatabase(t)
	other, err := Open(where)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.DB().Exec("DROP TABLE schema_version").Error; err != nil {
		t.Fatal(err)
	}
	other.Close()
	_, err = Open(where)
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Key != "err.server_not_ours" {
		t.Fatalf("opening another program's database: %v", err)
	}
}
