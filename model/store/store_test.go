package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"companion/model"
)

// fixedNow is the salon's clock in the tests.
var fixedNow = time.Date(2026, time.November, 27, 10, 0, 0, 0, time.UTC)

func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(testDatabase(t), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustCreate(t testing.TB, s *Store, c model.Client) model.Client {
	t.Helper()
	if err := s.CreateClient(context.Background(), &c); err != nil {
		t.Fatalf("create %s: %v", c.FullName(), err)
	}
	return c
}

func TestEveryConnectionHasThePragmas(t *testing.T) {
	onSQLite(t)
	s := openTest(t)
	sqlDB, _ := s.DB().DB()
	sqlDB.SetMaxIdleConns(5)
	ctx := context.Background()
	var wg sync.WaitGroup
	conns := make(chan error, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := sqlDB.Conn(ctx)
			if err != nil {
				conns <- err
				return
			}
			defer conn.Close()
			var fk, busy, sync int
			var mode string
			conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
			conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy)
			conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync)
			conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
			if fk != 1 || busy != 5000 || sync != 2 || mode != "wal" {
				conns <- fmt.Errorf("connection has foreign_keys=%d busy_timeout=%d synchronous=%d journal_mode=%s", fk, busy, sync, mode)
				return
			}
			time.Sleep(20 * time.Millisecond) // hold it so the next goroutine gets a new one
			conns <- nil
		}()
	}
	wg.Wait()
	close(conns)
	for err := range conns {
		if err != nil {
			t.Error(err)
		}
	}
	if n := sqlDB.Stats().OpenConnections; n < 2 {
		t.Errorf("only %d connection opened; the test proves nothing", n)
	}
}

func TestTransactionsTakeTheWriteLockAtOnce(t *testing.T) {
	onSQLite(t)
	s := openTest(t)
	sqlDB, _ := s.DB().DB()
	tx1, err := sqlDB.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx1.Rollback()
	// With _txlock=immediate a second writer waits at BEGIN, not at its first
	// write, so read-then-write transactions never deadlock.
	done := make(chan error, 1)
	go func() {
		tx2, err := sqlDB.Begin()
		if err == nil {
			tx2.Rollback()
		}
		done <- err
	}()
	select {
	case <-done:
		t.Fatal("second transaction began while the first held the lock")
	case <-time.After(200 * time.Millisecond):
	}
	tx1.Rollback()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestCreateReadUpdateClient(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	c := mustCreate(t, s, model.Client{LastName: "Иванов", FirstName: "Иван", MiddleName: "Петрович",
		Phone: "8 (916) 123-45-67", BirthDate: model.NewDate(1985, time.May, 3), Source: "referral"})
	got, err := s.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phone != "+79161234567" || got.FullName() != "Иванов Иван Петрович" || got.BirthDate != c.BirthDate || got.UUID == "" {
		t.Fatalf("read back %+v", got)
	}
	got.Notes = "любит утренние часы"
	if err := s.UpdateClient(ctx, &got); err != nil {
		t.Fatal(err)
	}
	stale := c
	stale.Notes = "старая версия"
	if err := s.UpdateClient(ctx, &stale); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale save: want ErrConflict, got %v", err)
	}
	again, _ := s.Client(ctx, c.ID)
	if again.Notes != "любит утренние часы" || again.Version != 2 {
		t.Fatalf("after update: %+v", again)
	}
}

func TestDuplicatePhoneNamesTheHolder(t *testing.T) {
	s := openTest(t)
	mustCreate(t, s, model.Client{LastName: "Петрова", FirstName: "Анна", Phone: "+79161234567"})
	dup := model.Client{FirstName: "Ольга", Phone: "8 916 123 45 67"}
	err := s.CreateClient(context.Background(), &dup)
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Key != "err.phone.duplicate" || fe.Args["Name"] != "Петрова Анна" {
		t.Fatalf("got %v", err)
	}
	if n, _ := s.CountClients(context.Background()); n != 1 {
		t.Fatalf("%d clients stored", n)
	}
}

func TestInvalidClientIsNotStored(t *testing.T) {
	s := openTest(t)
	c := model.Client{FirstName: "Анна", Phone: "12345"}
	err := s.CreateClient(context.Background(), &c)
	var v model.ValidationErrors
	if !errors.As(err, &v) || v.For("phone") == nil {
		t.Fatalf("got %v", err)
	}
	if n, _ := s.CountClients(context.Background()); n != 0 {
		t.Fatalf("%d clients stored", n)
	}
}

func names(rows []model.ClientRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.FullName()
	}
	return out
}

func TestSearchInCyrillicAndByPhone(t *testing.T) {
	s := openTest(t)
	mustCreate(t, s, model.Client{LastName: "Иванов", FirstName: "Иван", MiddleName: "Петрович", Phone: "+79161234567"})
	mustCreate(t, s, model.Client{LastName: "Семёнов", FirstName: "Пётр", Phone: "+79035550101", Email: "petr@example.com"})
	mustCreate(t, s, model.Client{LastName: "Smith", FirstName: "Anna", Phone: "+442079460958"})
	for _, tc := range []struct {
		q    string
		want string
	}{
		{"иван", "Иванов Иван Петрович"}, {"ИВАН", "Иванов Иван Петрович"}, {"Иван", "Иванов Иван Петрович"},
		{"семен", "Семёнов Пётр"}, {"СЕМЁН", "Семёнов Пётр"}, {"семенов петр", "Семёнов Пётр"},
		{"8 (916) 123-45-67", "Иванов Иван Петрович"}, {"+7 916 1234567", "Иванов Иван Петрович"},
		{"9161234567", "Иванов Иван Петрович"}, {"4567", "Иванов Иван Петрович"},
		{"8 916", "Иванов Иван Петрович"}, {"8916", "Иванов Иван Петрович"}, {"8 (916) 123", "Иванов Иван Петрович"},
		{"8 903 555", "Семёнов Пётр"}, {"+7 903", "Семёнов Пётр"}, {"7903", "Семёнов Пётр"},
		{"и", "Иванов Иван Петрович"}, {"се", "Семёнов Пётр"}, {"anna", "Smith Anna"}, {"SMI", "Smith Anna"},
		{"иван пет", "Иванов Иван Петрович"}, {"ив п", "Иванов Иван Петрович"}, {"example", "Семёнов Пётр"},
	} {
		rows, err := s.ListClients(context.Background(), model.ClientQuery{Text: tc.q})
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		if len(rows) != 1 || rows[0].FullName() != tc.want {
			t.Errorf("search %q found %v, want [%s]", tc.q, names(rows), tc.want)
		}
	}
	for _, q := range []string{"сидоров", "иван семенов", "AND", "NEAR(x", "or"} {
		rows, err := s.ListClients(context.Background(), model.ClientQuery{Text: q})
		if err != nil || len(rows) != 0 {
			t.Errorf("search %q found %v, %v", q, names(rows), err)
		}
	}
	for _, q := range []string{"\"", "*", "'", "()"} { // nothing to search by: the whole list
		rows, err := s.ListClients(context.Background(), model.ClientQuery{Text: q})
		if err != nil || len(rows) != 3 {
			t.Errorf("search %q found %v, %v", q, names(rows), err)
		}
	}
}

func TestSearchFollowsEditsAndArchive(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	c := mustCreate(t, s, model.Client{LastName: "Кузнецова", FirstName: "Мария"})
	c.LastName = "Орлова"
	if err := s.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: "кузн"}); len(rows) != 0 {
		t.Errorf("old name still found: %v", names(rows))
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: "орлов"}); len(rows) != 1 {
		t.Errorf("new name not found: %v", names(rows))
	}
	if err := s.SetArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: "орлов"}); len(rows) != 0 {
		t.Errorf("archived client in the working list")
	}
	rows, _ := s.ListClients(ctx, model.ClientQuery{Text: "орлов", Archived: true})
	if len(rows) != 1 || !rows[0].Archived {
		t.Errorf("archive: %v", rows)
	}
	if err := s.SetArchived(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{}); len(rows) != 1 {
		t.Errorf("restored client missing")
	}
}

func TestStatusFilterAgreesWithTheRule(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	today := s.Today()
	r := rand.New(rand.NewSource(7))
	want := map[model.Status]int{}
	trust := map[model.Trust]int{}
	for i := 0; i < 400; i++ {
		c := model.Client{FirstName: fmt.Sprintf("Клиент%d", i)}
		mustCreate(t, s, c)
		visits := r.Intn(12)
		var first, last model.Date
		if visits > 0 {
			last = today.AddDays(-r.Intn(150))
			first = last.AddDays(-r.Intn(300) * min(visits-1, 1))
		}
		if err := s.DB().Exec("UPDATE clients SET visit_count=?, first_visit_on=?, last_visit_on=? WHERE first_name=?",
			visits, first, last, c.FirstName).Error; err != nil {
			t.Fatal(err)
		}
		want[model.ClientStatus(today, visits, first, last)]++
		trust[model.TrustStage(today, first, visits, 0, 0)]++
	}
	for _, tr := range model.TrustStages {
		rows, err := s.ListClients(ctx, model.ClientQuery{Trust: tr})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			if got := model.TrustStage(today, row.FirstVisitOn, row.VisitCount, 0, 0); got != tr {
				t.Errorf("%s listed as %s but is %s", row.FullName(), tr, got)
			}
		}
		if len(rows) != trust[tr] || trust[tr] == 0 {
			t.Errorf("trust %s: SQL finds %d, the rule says %d", tr, len(rows), trust[tr])
		}
	}
	for _, st := range model.Statuses {
		rows, err := s.ListClients(ctx, model.ClientQuery{Status: st})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != want[st] || want[st] == 0 {
			t.Errorf("status %s: SQL finds %d, the rule says %d", st, len(rows), want[st])
		}
		for _, row := range rows {
			if row.Status(today) != st {
				t.Errorf("%s listed as %s but is %s", row.FullName(), st, row.Status(today))
			}
		}
	}
}

func TestBirthdayFilter(t *testing.T) {
	s := openTest(t) // today is 27 November
	mustCreate(t, s, model.Client{FirstName: "Сегодня", BirthDate: model.NewDate(1990, time.November, 27)})
	mustCreate(t, s, model.Client{FirstName: "Через6", BirthDate: model.NewDate(1980, time.December, 3)})
	mustCreate(t, s, model.Client{FirstName: "Через7", BirthDate: model.NewDate(1980, time.December, 4)})
	mustCreate(t, s, model.Client{FirstName: "Вчера", BirthDate: model.NewDate(1980, time.November, 26)})
	rows, err := s.ListClients(context.Background(), model.ClientQuery{BirthdayDays: 7})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(names(rows)); got != "[Сегодня Через6]" {
		t.Errorf("birthdays this week: %s", got)
	}
	keys := birthdayKeys(model.NewDate(2027, time.February, 27), 3)
	if fmt.Sprint(keys) != "[227 228 229 301]" {
		t.Errorf("leap-day birthday keys: %v", keys)
	}
}

func TestCorruptFileIsNotOpened(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		mustCreate(t, s, model.Client{FirstName: fmt.Sprintf("Клиент%d", i), Notes: string(make([]byte, 500))})
	}
	s.Close()
	data, _ := os.ReadFile(path)
	for i := 4096; i < len(data); i += 7 {
		data[i] ^= 0x5a
	}
	os.WriteFile(path, data, 0o600)
	before, _ := os.ReadFile(path)
	_, err = Open(path)
	var ce *model.ErrCorrupt
	if !errors.As(err, &ce) {
		t.Fatalf("damaged file opened: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the damaged file was written to")
	}
}

func TestSecondProcessIsToldWhoHoldsTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "salon.db")
	l, err := Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(path)
	var le *model.ErrLocked
	if !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Fatalf("second lock: %v", err)
	}
	l.Release()
	l2, err := Acquire(path)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l2.Release()
}

func TestCreateClientsIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustCreate(t, s, model.Client{FirstName: "Анна", Phone: "+79160000001"})
	batch := []*model.Client{{FirstName: "Ольга"}, {FirstName: "Вера", Phone: "+79160000001"}}
	err := s.CreateClients(ctx, batch)
	var re *RowError
	if !errors.As(err, &re) || re.Index != 1 {
		t.Fatalf("got %v", err)
	}
	if n, _ := s.CountClients(ctx); n != 1 {
		t.Fatalf("%d clients after a refused batch", n)
	}
	if err := s.CreateClients(ctx, batch[:1]); err != nil {
		t.Fatal(err)
	}
	phones := []string{"+79160000002", "+79160000001"}
	for i := range 30_000 { // a large salon's list, in one question
		phones = append(phones, fmt.Sprintf("+7925%07d", i))
	}
	got, err := s.ExistingPhones(ctx, phones)
	if err != nil || len(got) != 1 || got["+79160000001"] != "Анна" {
		t.Fatalf("existing phones: %v, %v", got, err)
	}
}

func TestRolesAreCheckedByTheStore(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mustCreate(t, s, model.Client{FirstName: "Анна"})
	var fe *model.ErrForbidden
	interviewer := s.As(model.RoleInterviewer)
	if _, err := interviewer.ListClients(ctx, model.ClientQuery{}); !errors.As(err, &fe) {
		t.Errorf("the interviewer read the client list: %v", err)
	}
	if err := interviewer.CreateClient(ctx, &model.Client{FirstName: "Вера"}); !errors.As(err, &fe) {
		t.Errorf("the interviewer added a client: %v", err)
	}
	manager := s.As(model.RoleManager)
	if rows, err := manager.ListClients(ctx, model.ClientQuery{}); err != nil || len(rows) != 1 {
		t.Errorf("the manager cannot read clients: %v", err)
	}
	if n, _ := s.CountClients(ctx); n != 1 {
		t.Errorf("%d clients", n)
	}
}
