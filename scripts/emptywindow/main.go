// Command emptywindow is the reference of the first-frame benchmark
// (BenchmarkFirstFrame in main's tests): an empty Fyne window with two
// tabs, of Companion's size, which says on standard error when it has
// drawn its first frame. What Companion takes beyond it is its own.
package main

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/ui/firstframe"
)

func main() {
	a := app.NewWithID("ru.companion.salon.emptywindow")
	w := a.NewWindow("Companion")
	w.SetContent(container.NewAppTabs(
		container.NewTabItem("Сегодня", widget.NewLabel("")),
		container.NewTabItem("Клиенты", widget.NewLabel("")),
	))
	firstframe.Report(w, os.Stderr)
	w.Resize(fyne.NewSize(1200, 640))
	w.ShowAndRun()
}
