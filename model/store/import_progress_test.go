package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// bigCSV is a client list of n rows, each with a phone of its own.
func bigCSV(n int) string {
	var b strings.Builder
	b.WriteString("ФИО;Телефон\n")
	for i := range n {
		fmt.Fprintf(&b, "Клиентова%d Анна;+7 916 %07d\n", i, i)
	}
	return b.String()
}

func TestACancelledImportWritesNothing(t *testing.T) {
	s := openImportStore(t)
	addClients(t, s, "Нина")
	imp := parseCSV(t, s, bigCSV(2000))
	ctx, cancel := context.WithCancel(context.Background())
	var seen []int
	_, err := s.ImportClientsProgress(ctx, imp, false, func(done, total int) {
		seen = append(seen, done)
		if total != 2000 {
			t.Errorf("total = %d", total)
		}
		if done >= total/2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want the cancel", err)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("%d clients after a cancelled import, want the one there was", n)
	}
	if len(seen) == 0 || seen[len(seen)-1] != 1000 {
		t.Errorf("progress went %v", seen)
	}
}

func TestAnImportTellsItsProgressToTheEnd(t *testing.T) {
	s := openImportStore(t)
	imp := parseCSV(t, s, bigCSV(2*insertBatch+20))
	var seen []int
	res, err := s.ImportClientsProgress(context.Background(), imp, false, func(done, _ int) { seen = append(seen, done) })
	if err != nil || res.Added != 2*insertBatch+20 {
		t.Fatalf("%+v %v", res, err)
	}
	if fmt.Sprint(seen) != fmt.Sprint([]int{insertBatch, 2 * insertBatch, 2*insertBatch + 20}) {
		t.Errorf("progress went %v", seen)
	}
}
