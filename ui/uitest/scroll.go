package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ScrollHolding is the innermost scroll of w that holds the label text.
func ScrollHolding(t testing.TB, w fyne.Window, text string) *container.Scroll {
	t.Helper()
	var found *container.Scroll
	for _, r := range layers(w) {
		eachShown(r, nil, func(o fyne.CanvasObject, holders []fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); !ok || l.Text != text || found != nil {
				return
			}
			for i := len(holders) - 1; i >= 0; i-- {
				if s, ok := holders[i].(*container.Scroll); ok {
					found = s
					return
				}
			}
		})
	}
	if found == nil {
		t.Fatalf("no scroll holds %q", text)
	}
	return found
}

// InView reports whether o shows whole in the visible part of s.
func InView(s *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	return y >= s.Offset.Y && y+o.Size().Height <= s.Offset.Y+s.Size().Height
}
