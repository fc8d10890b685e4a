package ui

// background runs work that waits on the database or the disk off the UI
// goroutine; the work hands its results back with fyne.Do. Tests make it
// synchronous so that they read the widgets after the work is done.
var background = func(work func()) { go work() }
