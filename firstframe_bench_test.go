package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/demo"
	"companion/model/store"
	"companion/ui/firstframe"
)

// bigSalon is the size of the large salon the window must open as fast as
// the demo.
const bigSalon = 100_000

// BenchmarkFirstFrame starts Companion as a person does, on the demo salon
// and on a salon of 100,000 clients, and times its first frame against an
// empty Fyne window with two tabs (scripts/emptywindow) started in the
// same iteration: from the start of the process to the frame. Each start
// opens a fresh copy of the salon's file whose last session closed well,
// and is then killed. It needs a display: make bench runs it under Xvfb.
func BenchmarkFirstFrame(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("no display: run it under xvfb-run (make bench does)")
	}
	bin := b.TempDir()
	companion, empty := filepath.Join(bin, "companion"), filepath.Join(bin, "emptywindow")
	goBuild(b, companion, ".")
	goBuild(b, empty, "./scripts/emptywindow")
	salons := []struct{ name, file string }{
		{"demo", demoSalon(b, companion, demo.DefaultClients)},
		{"big", demoSalon(b, companion, bigSalon)},
	}
	var emptyTimes []time.Duration
	times := make([][]time.Duration, len(salons))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		emptyTimes = append(emptyTimes, firstFrame(b, empty, ""))
		for j, s := range salons {
			times[j] = append(times[j], firstFrame(b, companion, s.file))
		}
	}
	b.StopTimer()
	ref := medianOf(emptyTimes)
	b.ReportMetric(ms(ref), "empty-ms")
	for j, s := range salons {
		m := medianOf(times[j])
		b.ReportMetric(ms(m), s.name+"-ms")
		b.ReportMetric(float64(m)/float64(ref), s.name+"/empty")
	}
}

// goBuild builds the program of pkg into out.
func goBuild(b *testing.B, out, pkg string) {
	b.Helper()
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
}

// demoSalon is a demo salon of n clients in single-user mode, made with
// the program's own demo command. Kept under build/bench by schema version,
// size and a fingerprint of the demo data, it is made once: a salon of
// 100,000 clients takes minutes.
func demoSalon(b *testing.B, companion string, n int) string {
	b.Helper()
	data, err := json.Marshal(demo.Salon(1, model.NewDate(2026, 11, 27), 50))
	if err != nil {
		b.Fatal(err)
	}
	h := fnv.New32a()
	h.Write(data)
	path, err := filepath.Abs(filepath.Join("build", "bench",
		fmt.Sprintf("salon-v%d-%d-%08x.db", store.SchemaVersion(), n, h.Sum32())))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := filepath.Join(filepath.Dir(path), "building", filepath.Base(path))
	os.RemoveAll(filepath.Dir(tmp))
	if err := os.MkdirAll(filepath.Dir(tmp), 0o755); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	cmd := exec.Command(companion, "demo", "--db", tmp, "--clients", fmt.Sprint(n))
	cmd.Env = append(os.Environ(), "COMPANION_LANG=en")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("demo salon of %d clients: %v\n%s", n, err, msg)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	os.RemoveAll(filepath.Dir(tmp))
	fmt.Fprintf(os.Stderr, "built %s in %v\n", path, time.Since(start).Round(time.Second))
	return path
}

// firstFrame starts the program (on a fresh copy of the salon's file when
// there is one), waits for it to say that it has drawn its first frame,
// kills it and returns the time from its start to that frame.
func firstFrame(b *testing.B, program, salon string) time.Duration {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	dir, err := os.MkdirTemp("", "firstframe-*")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	var args []string
	if salon != "" {
		db := filepath.Join(dir, "salon.db")
		copyFile(b, salon, db)
		args = []string{"--db", db, "--lang", "ru"}
	}
	cmd := exec.Command(program, args...)
	cmd.Env = append(os.Environ(), firstframe.Env+"=1", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	said, drawn := waitLine(stderr, firstframe.Line, time.Minute)
	if !drawn {
		b.Fatalf("%s %s: no first frame within a minute; it said:\n%s", filepath.Base(program), salon, said)
	}
	return time.Since(start)
}

// waitLine reads r until a line holding want, and reports whether it came
// within limit; it returns what was read, for the error.
func waitLine(r io.Reader, want string, limit time.Duration) (string, bool) {
	found := make(chan bool, 1)
	var said strings.Builder
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if strings.Contains(sc.Text(), want) {
				found <- true
				io.Copy(io.Discard, r)
				return
			}
			said.WriteString(sc.Text() + "\n")
		}
		found <- false
	}()
	select {
	case ok := <-found:
		return "", ok
	case <-time.After(limit):
		return said.String(), false
	}
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Sync(); err != nil { // not written back while the program starts
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

func medianOf(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
