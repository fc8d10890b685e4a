package kit

import "sync"

// running counts the work that Background started and that has not ended.
var running sync.WaitGroup

// Background runs work that waits on the database or the disk off the UI
// goroutine; the work hands its results back with fyne.Do.
func Background(work func()) {
	running.Add(1)
	go func() {
		defer running.Done()
		work()
	}()
}

// Settle waits until all work started with Background, and the work that
// it started in turn, has ended. Tests call it before they read what the
// work showed; the window never waits.
func Settle() { running.Wait() }
