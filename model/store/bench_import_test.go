package store

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"companion/model"
	"companion/model/clientio"
	"companion/model/demo"
	"companion/reports"
)

// importRows is the size of the client list the import benchmark reads: a
// large salon moving to Companion with its whole list at once.
const importRows = 20_000

// importCSV is a client list of n demo clients as Russian Excel saves it:
// Windows-1251, ';' between fields, phones as people type them.
func importCSV(tb testing.TB, n int) []byte {
	tb.Helper()
	d := demo.Salon(7, model.DateOf(fixedNow), n)
	cs := make([]model.Client, len(d.Clients))
	for i, c := range d.Clients {
		cs[i] = c.Client
	}
	var utf bytes.Buffer
	if err := reports.WriteClientsCSV(&utf, cs, "ru"); err != nil {
		tb.Fatal(err)
	}
	out, err := encoding.ReplaceUnsupported(charmap.Windows1251.NewEncoder()).Bytes(bytes.TrimPrefix(utf.Bytes(), []byte("\uFEFF")))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkImportClients imports a 20,000-row client list into a new
// database, side by side in each iteration with its two references: the
// dry run (reading and checking the file, what any import costs before it
// writes) and a plain batched insert of the same clients through GORM
// (what writing the rows costs without search keys, audit or checks). It
// reports the medians and their ratios.
func BenchmarkImportClients(b *testing.B) {
	file := importCSV(b, importRows)
	ctx := context.Background()
	var dry, full, plain []time.Duration
	for i := 0; i < b.N; i++ {
		s := openBenchStore(b)
		start := time.Now()
		imp := parseBench(b, s, file)
		if err := s.CheckImport(ctx, imp); err != nil {
			b.Fatal(err)
		}
		dry = append(dry, time.Since(start))

		s = openBenchStore(b)
		start = time.Now()
		imp = parseBench(b, s, file)
		res, err := s.ImportClientsProgress(ctx, imp, false, func(int, int) {})
		if err != nil || res.Added != len(imp.Rows) {
			b.Fatalf("import: %+v, %v", res, err)
		}
		full = append(full, time.Since(start))

		s = openBenchStore(b)
		cs := make([]model.Client, len(imp.Rows))
		for i, r := range imp.Rows {
			cs[i] = r.Client
			cs[i].ID, cs[i].UUID = 0, uuid.NewString()
		}
		start = time.Now()
		if err := s.DB().CreateInBatches(cs, 100).Error; err != nil {
			b.Fatal(err)
		}
		plain = append(plain, time.Since(start))
	}
	rate := func(ds []time.Duration) float64 { return float64(importRows) / median(ds).Seconds() }
	b.ReportMetric(median(full).Seconds()*1000, "import-ms")
	b.ReportMetric(rate(full), "import-rows/s")
	b.ReportMetric(median(dry).Seconds()*1000, "dry-ms")
	b.ReportMetric(rate(dry), "dry-rows/s")
	b.ReportMetric(rate(plain), "plain-rows/s")
	b.ReportMetric((median(full)-median(dry)).Seconds()*1000, "writing-ms")
	b.ReportMetric(float64(median(full))/float64(median(dry)), "import/dry")
	b.ReportMetric(float64(median(full)-median(dry))/float64(median(plain)), "writing/plain")
}

func parseBench(b testing.TB, s *Store, file []byte) *clientio.Import {
	b.Helper()
	imp, err := clientio.Parse(bytes.NewReader(file), s.Today())
	if err != nil {
		b.Fatal(err)
	}
	if bad := imp.Bad(); len(bad) > 0 {
		b.Fatalf("%d rows of the demo list are refused, the first: %v", len(bad), bad[0].Err())
	}
	return imp
}

// openBenchStore opens a new, empty database for one iteration, outside
// the timed part.
func openBenchStore(b *testing.B) *Store {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	s, err := Open(testDatabase(b), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// median is the middle of ds.
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
