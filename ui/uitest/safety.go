package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// showsButton reports whether root shows a button reading text.
func showsButton(root fyne.CanvasObject, text string) bool {
	found := false
	eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = true
		}
	})
	return found
}

// TypePath answers the file chooser on top of w by typing path on its
// line and pressing Enter, as a person who knows where the file is does.
func TypePath(t testing.TB, w fyne.Window, path string) {
	t.Helper()
	var entry *widget.Entry
	if top := topDialog(w); top != nil {
		eachShown(top, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			if e, ok := o.(*widget.Entry); ok && entry == nil {
				entry = e
			}
		})
	}
	if entry == nil {
		t.Fatalf("no file chooser with a line to type on; the window shows %q", Texts(w))
	}
	Do(func() {
		entry.SetText("")
		test.Type(entry, path)
		entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
}

// TapWhileWorking taps the button reading text in w at once, as a person
// does while the window works in the background (a progress dialog's
// Cancel): call it from that work. It reports whether there was one.
func TapWhileWorking(w fyne.Window, text string) bool {
	var button *widget.Button
	asUI(func() {
		for _, root := range layers(w) {
			eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
				if b, ok := o.(*widget.Button); ok && b.Text == text {
					button = b
				}
			})
		}
		if button != nil {
			test.Tap(button)
		}
	})
	return button != nil
}
