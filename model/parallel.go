package model

import (
	"runtime"
	"sync"
)

// InParallel calls do for 0 … n-1, the processor's cores sharing them in
// runs of at least 256: checking the rows of a client list (their phones
// above all) is most of the time it takes to read one.
func InParallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/256, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				do(i)
			}
		}()
	}
	wg.Wait()
}
