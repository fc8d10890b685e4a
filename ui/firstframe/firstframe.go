// Package firstframe tells when a window has drawn its first frame: what a
// person waits for after starting the program. The benchmarks start the
// program and its reference, an empty window, and time both by it.
package firstframe

import (
	"fmt"
	"image"
	"io"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Env is the environment variable that asks a program to say when its
// first frame is drawn.
const Env = "COMPANION_FIRST_FRAME"

// Line is what Report writes when the first frame is drawn.
const Line = "first frame drawn"

// Watch lays over w's content one transparent pixel whose picture the
// window makes while it draws: the first time, done is called. Call it
// after the content is set.
func Watch(w fyne.Window, done func()) {
	var once sync.Once
	pixel := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	probe := canvas.NewRaster(func(int, int) image.Image {
		once.Do(done)
		return pixel
	})
	probe.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(w.Content(), container.NewWithoutLayout(probe)))
}

// Report writes Line to out once w has drawn its first frame.
func Report(w fyne.Window, out io.Writer) {
	Watch(w, func() { fmt.Fprintln(out, Line) })
}
