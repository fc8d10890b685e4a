package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/ui/kit"
)

// ListNear is the list a person finds by what shows next to it, for a
// list that has no title: its count under it, a button or a search above
// it. It is the shown list in w that shares the smallest box with a label
// or a button whose text holds text, or an entry whose hint does.
func ListNear(t testing.TB, w fyne.Window, text string) *widget.List {
	t.Helper()
	var found *widget.List
	best := -1
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, holders []fyne.CanvasObject) {
			l, ok := asList(o)
			if !ok {
				return
			}
			for depth := len(holders) - 1; depth > best; depth-- {
				if showsText(holders[depth], text) {
					found, best = l, depth
					return
				}
			}
		})
	}
	if found == nil {
		t.Fatalf("no list shows next to %q; the window shows %q", text, Texts(w))
	}
	return found
}

// asList is o as a list: a widget.List, or the one inside a kit.List.
func asList(o fyne.CanvasObject) (*widget.List, bool) {
	switch l := o.(type) {
	case *widget.List:
		return l, true
	case *kit.List:
		return &l.List, true
	}
	return nil, false
}

// showsText reports whether a label or a button within o has text within
// its own, or an entry within o has it in its hint.
func showsText(o fyne.CanvasObject, text string) bool {
	found := false
	eachShown(o, nil, func(x fyne.CanvasObject, _ []fyne.CanvasObject) {
		switch x := x.(type) {
		case *widget.Label:
			found = found || strings.Contains(x.Text, text)
		case *widget.Button:
			found = found || strings.Contains(x.Text, text)
		case *widget.Entry:
			found = found || strings.Contains(x.PlaceHolder, text)
		case *kit.KeyEntry:
			found = found || strings.Contains(x.PlaceHolder, text)
		}
	})
	return found
}

// Shown are the objects of type T that show in w, in the order they are
// laid out: a custom widget, such as a chart, that has no words to be
// found by.
func Shown[T fyne.CanvasObject](w fyne.Window) []T {
	var out []T
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			if x, ok := o.(T); ok {
				out = append(out, x)
			}
		})
	}
	return out
}

// SearchBox is the last shown text entry whose hint, while it is empty,
// is placeholder: the search above a list, which has no label beside it.
func SearchBox(t testing.TB, w fyne.Window, placeholder string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			var e *widget.Entry
			switch x := o.(type) {
			case *widget.Entry:
				e = x
			case *kit.KeyEntry:
				e = &x.Entry
			case *widget.SelectEntry:
				e = &x.Entry
			}
			if e != nil && e.PlaceHolder == placeholder {
				found = e
			}
		})
	}
	if found == nil {
		t.Fatalf("no entry with the hint %q; the window shows %q", placeholder, Texts(w))
	}
	return found
}

// TypeKeys types text into e one key at a time, each key one event of the
// window (see Do), and waits after each for what it started: a search that
// runs as the person types shows each key's answer before the next key.
func TypeKeys(e *widget.Entry, text string) {
	for _, r := range text {
		Do(func() { test.Type(e, string(r)) })
	}
}
