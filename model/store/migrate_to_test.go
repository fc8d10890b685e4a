package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"companion/model"
	"companion/model/demo"
	"companion/model/store/storetest"
)

func needServer(tb testing.TB) {
	tb.Helper()
	if testServer == "" {
		tb.Skip("needs a PostgreSQL server: set COMPANION_TEST_POSTGRES")
	}
}

// A salon's SQLite file goes whole into an empty server database: every
// table counts the same rows on both sides and the server's copy exports
// as the file does. A second run into the now full database is refused
// and changes nothing.
func TestMigrateToCopiesTheSalonOnce(t *testing.T) {
	needServer(t)
	ctx := context.Background()
	src := openOn(t, false)
	if err := src.FillDemo(ctx, demo.Salon(3, model.DateOf(fixedNow), 50)); err != nil {
		t.Fatal(err)
	}
	addr := storetest.ServerDatabase(t)
	source, target, err := src.MigrateTo(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	if source.Tables["clients"] != 50 || source.Rows() != target.Rows() || len(source.Tables) != len(target.Tables) {
		t.Fatalf("counts: %v\n%v", source.Tables, target.Tables)
	}
	for name, n := range source.Tables {
		if target.Tables[name] != n {
			t.Errorf("%s: %d rows, %d on the server", name, n, target.Tables[name])
		}
	}
	dst, err := Open(addr, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	copied := exportAll(t, dst)
	if first := exportAll(t, src); !bytes.Equal(first, copied) {
		t.Fatalf("the server's copy exports differently:\n%s", firstDifference(first, copied))
	}

	_, _, err = src.MigrateTo(ctx, addr)
	var fe *model.FieldError
	if !errors.As(err, &fe) || fe.Key != "migrate.err.not_empty" {
		t.Fatalf("a second run: %v", err)
	}
	if again := exportAll(t, dst); !bytes.Equal(again, copied) {
		t.Fatalf("the refused run changed the server's database:\n%s", firstDifference(copied, again))
	}
}

func TestMigrateToWantsAServerAndTheSameCounts(t *testing.T) {
	src := openTest(t)
	var fe *model.FieldError
	if _, _, err := src.MigrateTo(context.Background(), "other.db"); !errors.As(err, &fe) || fe.Key != "migrate.err.address" {
		t.Errorf("a file as the target: %v", err)
	}
	a := model.ExchangeSummary{Tables: map[string]int{"clients": 3, "visits": 5}}
	b := model.ExchangeSummary{Tables: map[string]int{"clients": 3, "visits": 4}}
	if err := sameCounts(a, b); !errors.As(err, &fe) || fe.Key != "migrate.err.counts" || fe.Args["Table"] != "visits" {
		t.Errorf("counts that differ: %v", err)
	}
	if err := sameCounts(a, a); err != nil {
		t.Error(err)
	}
}

// BenchmarkMigrateTo copies a demo salon from a SQLite file into a new
// server database, and reports rows per second: the default demo size,
// and the 100,000-client benchmark salon (its file kept as openBench keeps
// it).
func BenchmarkMigrateTo(b *testing.B) {
	needServer(b)
	ctx := context.Background()
	b.Run("demo", func(b *testing.B) {
		src := openOn(b, false)
		if err := src.FillDemo(ctx, demo.Salon(3, model.DateOf(fixedNow), demo.DefaultClients)); err != nil {
			b.Fatal(err)
		}
		benchMigrate(b, src)
	})
	b.Run("100000", func(b *testing.B) {
		path := filepath.Join(os.TempDir(), fmt.Sprintf("companion-bench-v%d-%d-%s.db", SchemaVersion(), benchClients, demoFingerprint()))
		if _, err := os.Stat(path); err != nil {
			if err := buildBench(path); err != nil {
				b.Fatal(err)
			}
		}
		src, err := Open(path, WithClock(func() time.Time { return fixedNow }))
		if err != nil {
			b.Fatal(err)
		}
		defer src.Close()
		benchMigrate(b, src)
	})
}

func benchMigrate(b *testing.B, src *Store) {
	ctx := context.Background()
	rows := 0
	var took time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		addr := storetest.ServerDatabase(b)
		b.StartTimer()
		start := time.Now()
		source, _, err := src.MigrateTo(ctx, addr)
		if err != nil {
			b.Fatal(err)
		}
		took += time.Since(start)
		rows += source.Rows()
	}
	b.ReportMetric(float64(rows)/took.Seconds(), "rows/s")
	b.ReportMetric(float64(rows/b.N), "rows")
}
