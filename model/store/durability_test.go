package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"companion/model"
)

// The test binary doubles as the writer the durability and concurrency
// tests start in other processes: with COMPANION_TEST_WRITER set to a
// database file, it writes clients there instead of running tests.
func TestMain(m *testing.M) {
	if path := os.Getenv("COMPANION_TEST_WRITER"); path != "" {
		n, _ := strconv.Atoi(os.Getenv("COMPANION_TEST_WRITER_ROWS"))
		os.Exit(runWriter(path, os.Getenv("COMPANION_TEST_WRITER_TAG"), n))
	}
	if where := os.Getenv("COMPANION_TEST_AUDITOR"); where != "" {
		os.Exit(runAuditor(where))
	}
	os.Exit(m.Run())
}

// runWriter writes clients to the database at path, singly and in batches
// of up to 50, and prints the ID of each row once its transaction has
// committed: "ok ID". It stops after rows rows (0: never). Any error is
// printed as "error TEXT" and ends it.
func runWriter(path, tag string, rows int) int {
	s, err := Open(path)
	if err != nil {
		fmt.Printf("error open: %v\n", err)
		return 2
	}
	defer s.Close()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	out := bufio.NewWriter(os.Stdout)
	written := 0
	for i := 0; rows == 0 || written < rows; i++ {
		batch := 1
		if r.IntN(4) == 0 {
			batch = 1 + r.IntN(50)
		}
		if rows > 0 {
			batch = min(batch, rows-written)
		}
		cs := make([]*model.Client, batch)
		for j := range cs {
			cs[j] = &model.Client{LastName: "Писатель", FirstName: fmt.Sprintf("%s-%d-%d", tag, i, j),
				Notes: strings.Repeat("заметка ", r.IntN(40))}
		}
		if batch == 1 {
			err = s.CreateClient(ctx, cs[0])
		} else {
			err = s.CreateClients(ctx, cs)
		}
		if err != nil {
			fmt.Printf("error %v\n", err)
			return 1
		}
		for _, c := range cs {
			fmt.Fprintf(out, "ok %d\n", c.ID)
		}
		out.Flush() // the IDs are reported only after the commit
		written += batch
	}
	return 0
}

// writer is a writer process and the IDs it reported.
type writer struct {
	cmd   *exec.Cmd
	ids   []uint
	errs  []string
	done  chan struct{}
	first chan struct{} // closed at the first reported row
}

func startWriter(t *testing.T, path, tag string, rows int) *writer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "COMPANION_TEST_WRITER="+path, "COMPANION_TEST_WRITER_TAG="+tag,
		"COMPANION_TEST_WRITER_ROWS="+strconv.Itoa(rows))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &writer{cmd: cmd, done: make(chan struct{}), first: make(chan struct{})}
	go func() {
		defer close(w.done)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if id, ok := strings.CutPrefix(line, "ok "); ok {
				n, err := strconv.ParseUint(id, 10, 64)
				if err != nil {
					w.errs = append(w.errs, "bad line: "+line)
					continue
				}
				if len(w.ids) == 0 {
					close(w.first)
				}
				w.ids = append(w.ids, uint(n))
			} else if line != "" {
				w.errs = append(w.errs, line)
			}
		}
	}()
	return w
}

// wait reads the writer's output to the end and reaps it.
func (w *writer) wait() error {
	<-w.done
	return w.cmd.Wait()
}

// missing returns the IDs of ids that are not clients of the database.
func missing(t *testing.T, path string, ids []uint) []uint {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	have := map[uint]bool{}
	var all []uint
	if err := s.DB().Raw("SELECT id FROM clients").Scan(&all).Error; err != nil {
		t.Fatal(err)
	}
	for _, id := range all {
		have[id] = true
	}
	var lost []uint
	for _, id := range ids {
		if !have[id] {
			lost = append(lost, id)
		}
	}
	return lost
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// A writer killed with SIGKILL at random moments, over and over, loses no
// row it reported committed and leaves a database that passes the full
// integrity check. COMPANION_KILLS sets the number of kills (20; make soak
// runs 200).
func TestDurabilityUnderKill(t *testing.T) {
	onSQLite(t)
	if runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no processes here")
	}
	kills := envInt("COMPANION_KILLS", 20)
	if testing.Short() {
		kills = min(kills, 5)
	}
	path := filepath.Join(t.TempDir(), "salon.db")
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	var reported []uint
	early := 0
	start := time.Now()
	for k := 0; k < kills; k++ {
		w := startWriter(t, path, fmt.Sprintf("k%d", k), 0)
		// Most kills fall among the writes; one in five anywhere from the
		// start, opening and migrating included.
		if r.IntN(5) == 0 {
			time.Sleep(time.Duration(r.IntN(150)) * time.Millisecond)
			early++
		} else {
			select {
			case <-w.first:
			case <-time.After(10 * time.Second):
			}
			time.Sleep(time.Duration(r.IntN(100)) * time.Millisecond)
		}
		if err := w.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
			t.Fatal(err)
		}
		w.wait()
		if len(w.errs) > 0 {
			t.Fatalf("kill %d: the writer failed: %v", k+1, w.errs)
		}
		reported = append(reported, w.ids...)
		if lost := missing(t, path, w.ids); len(lost) > 0 {
			t.Fatalf("kill %d: %d reported rows are gone, e.g. %v", k+1, len(lost), lost[:min(5, len(lost))])
		}
	}
	lost := missing(t, path, reported)
	integrity := "ok"
	if err := integrityCheck(path); err != nil {
		integrity = err.Error()
	}
	fmt.Printf("durability: %d kills (%d while starting), %d committed rows checked, %d lost, integrity %s, %.1f s\n",
		kills, early, len(reported), len(lost), integrity, time.Since(start).Seconds())
	if len(lost) > 0 || integrity != "ok" {
		t.Fatalf("%d rows lost, integrity: %s", len(lost), integrity)
	}
	if len(reported) == 0 {
		t.Fatal("no writer got to write: the test proves nothing")
	}
}

// Twenty goroutines each run twenty read-then-write transactions on one
// store, and two processes write at once: no "database is locked", no row
// or update lost.
func TestConcurrencyWritersNeverLock(t *testing.T) {
	onSQLite(t)
	path := filepath.Join(t.TempDir(), "salon.db")
	s, err := Open(path, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	counter := model.Client{FirstName: "Счётчик"}
	if err := s.CreateClient(ctx, &counter); err != nil {
		t.Fatal(err)
	}

	const goroutines, txs = 20, 20
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < txs; i++ {
				err := s.DB().WithContext(ctx).Transaction(func(tx *gorm.DB) error {
					var visits int
					if err := tx.Raw("SELECT visit_count FROM clients WHERE id = ?", counter.ID).Scan(&visits).Error; err != nil {
						return err
					}
					c := model.Client{FirstName: fmt.Sprintf("Гость %d-%d", g, i)}
					if err := s.insertClient(tx, &c); err != nil {
						return err
					}
					return tx.Exec("UPDATE clients SET visit_count = ? WHERE id = ?", visits+1, counter.ID).Error
				})
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}(g)
	}
	wg.Wait()
	inProcess := time.Since(start)
	locked := 0
	for _, err := range errs {
		if strings.Contains(err.Error(), "locked") || strings.Contains(err.Error(), "busy") {
			locked++
		}
	}
	var visits, clients int64
	s.DB().Raw("SELECT visit_count FROM clients WHERE id = ?", counter.ID).Scan(&visits)
	s.DB().Raw("SELECT count(*) FROM clients").Scan(&clients)

	// Two processes at once, while this one holds the store open.
	const perProcess = 200
	start = time.Now()
	a, b := startWriter(t, path, "a", perProcess), startWriter(t, path, "b", perProcess)
	errA, errB := a.wait(), b.wait()
	twoProcesses := time.Since(start)
	procErrs := append(a.errs, b.errs...)
	for _, e := range procErrs {
		if strings.Contains(e, "locked") || strings.Contains(e, "busy") {
			locked++
		}
	}
	ids := append(append([]uint{}, a.ids...), b.ids...)
	lost := missing(t, path, ids)
	distinct := map[uint]bool{}
	for _, id := range ids {
		distinct[id] = true
	}
	lostUpdates := goroutines*txs - int(visits)
	fmt.Printf("concurrency: %d goroutines × %d read-then-write transactions in %.1f s, 2 processes × %d rows in %.1f s: "+
		"%d \"database is locked\" errors, %d lost rows, %d lost updates\n",
		goroutines, txs, inProcess.Seconds(), perProcess, twoProcesses.Seconds(), locked,
		goroutines*txs+1-int(clients)+len(lost), lostUpdates)
	if len(errs) > 0 {
		t.Errorf("%d transactions failed, e.g. %v", len(errs), errs[0])
	}
	if lostUpdates != 0 || clients != goroutines*txs+1 {
		t.Errorf("counter %d of %d, %d clients of %d", visits, goroutines*txs, clients, goroutines*txs+1)
	}
	if errA != nil || errB != nil || len(procErrs) > 0 {
		t.Errorf("writer processes: %v, %v, %v", errA, errB, procErrs)
	}
	if len(ids) != 2*perProcess || len(distinct) != len(ids) || len(lost) > 0 {
		t.Errorf("%d IDs reported (%d distinct) of %d, %d lost", len(ids), len(distinct), 2*perProcess, len(lost))
	}
}

// Write transactions of one process take turns in the order they asked;
// reading (the full export's snapshot) does not wait for them.
func TestWriteGateOrdersWritersNotReaders(t *testing.T) {
	onSQLite(t)
	s := openTest(t)
	ctx := context.Background()
	first := s.DB().Begin()
	if first.Error != nil {
		t.Fatal(first.Error)
	}
	if err := first.Exec("INSERT INTO blocks (name) VALUES ('первый')").Error; err != nil {
		t.Fatal(err)
	}
	exported := make(chan error, 1)
	go func() {
		var buf strings.Builder
		_, err := s.ExportAll(ctx, &buf)
		exported <- err
	}()
	select {
	case err := <-exported:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("a read waited for a write transaction")
	}
	second := make(chan error, 1)
	go func() {
		second <- s.DB().Transaction(func(tx *gorm.DB) error {
			return tx.Exec("INSERT INTO blocks (name) VALUES ('второй')").Error
		})
	}()
	select {
	case err := <-second:
		t.Fatalf("a second write ran beside the first: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	if err := first.Commit().Error; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	var n int64
	s.DB().Raw("SELECT count(*) FROM blocks").Scan(&n)
	if n != 2 {
		t.Errorf("%d blocks", n)
	}
}
