package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// beside are the objects right of a form's label whose text is label, in
// every box that shows in w, the dialog on top last.
func beside(w fyne.Window, label string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			c, ok := o.(*fyne.Container)
			if !ok {
				return
			}
			for i := 0; i+1 < len(c.Objects); i++ {
				if l, ok := c.Objects[i].(*widget.Label); ok && l.Visible() && l.Text == label {
					out = append(out, c.Objects[i+1])
				}
			}
		})
	}
	return out
}

// firstShown is the first object within o, o included, that match accepts.
func firstShown(o fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	var found fyne.CanvasObject
	eachShown(o, nil, func(x fyne.CanvasObject, _ []fyne.CanvasObject) {
		if found == nil && match(x) {
			found = x
		}
	})
	return found
}

// lastShown is the last object shown in w that match accepts.
func lastShown(w fyne.Window, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	var found fyne.CanvasObject
	for _, root := range layers(w) {
		eachShown(root, nil, func(x fyne.CanvasObject, _ []fyne.CanvasObject) {
			if match(x) {
				found = x
			}
		})
	}
	return found
}

// Select is the drop-down a person finds by label: the one beside the
// form's label label (the last such on screen), or else the last shown
// drop-down that reads label as its choice or its hint, as a filter above
// a list does.
func Select(t testing.TB, w fyne.Window, label string) *widget.Select {
	t.Helper()
	isSelect := func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Select); return ok }
	var found fyne.CanvasObject
	for _, o := range beside(w, label) {
		if s := firstShown(o, isSelect); s != nil {
			found = s
		}
	}
	if found == nil {
		found = lastShown(w, func(o fyne.CanvasObject) bool {
			s, ok := o.(*widget.Select)
			return ok && (s.Selected == label || s.Selected == "" && s.PlaceHolder == label)
		})
	}
	if found == nil {
		t.Fatalf("no drop-down labelled or reading %q; the window shows %q", label, Texts(w))
	}
	return found.(*widget.Select)
}

// Choose opens the drop-down found by label (see Select) with a tap and
// taps option in the menu that opens, as a person does, each tap one event
// of the window (see Do), then waits for what the choice started.
func Choose(t testing.TB, w fyne.Window, label, option string) {
	t.Helper()
	s := Select(t, w, label)
	if s.Disabled() {
		t.Fatalf("the drop-down %q is disabled", label)
	}
	asUI(func() { test.Tap(s) })
	menu := w.Canvas().Overlays().Top()
	item := tappableText(menu, option, nil)
	if item == nil {
		t.Fatalf("the drop-down %q offers no %q; it offers %q", label, option, s.Options)
	}
	Do(func() { test.Tap(item) })
	if s.Selected != option {
		t.Fatalf("chose %q in %q, it reads %q", option, label, s.Selected)
	}
}

// tappableText is the innermost tappable within root that holds a drawn
// text reading text, the last such; within, when given, says which holders
// the text must be inside of.
func tappableText(root fyne.CanvasObject, text string, within func(fyne.CanvasObject) bool) fyne.Tappable {
	var found fyne.Tappable
	eachShown(root, nil, func(o fyne.CanvasObject, holders []fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); !ok || tx.Text != text {
			return
		}
		inside := within == nil
		var tap fyne.Tappable
		for i := len(holders) - 1; i >= 0; i-- {
			if tp, ok := holders[i].(fyne.Tappable); ok && tap == nil {
				tap = tp
			}
			if within != nil && within(holders[i]) {
				inside = true
			}
		}
		if inside && tap != nil {
			found = tap
		}
	})
	return found
}

// TapTab taps the tab titled title, of the last tabs in w that have one,
// as one event of the window (see Do), and waits for what showing it
// started.
func TapTab(t testing.TB, w fyne.Window, title string) {
	t.Helper()
	isTabs := func(o fyne.CanvasObject) bool {
		switch o.(type) {
		case *container.AppTabs, *container.DocTabs:
			return true
		}
		return false
	}
	var tab fyne.Tappable
	for _, root := range layers(w) {
		if tp := tappableText(root, title, isTabs); tp != nil {
			tab = tp
		}
	}
	if tab == nil {
		t.Fatalf("no tab %q; the window shows %q", title, Texts(w))
	}
	if d, ok := tab.(fyne.Disableable); ok && d.Disabled() {
		t.Fatalf("the tab %q is disabled", title)
	}
	Do(func() { test.Tap(tab) })
}

// Check is the check box a person finds by label: the one beside the
// form's label label (the last such on screen), or else the last shown
// check box whose own text is label.
func Check(t testing.TB, w fyne.Window, label string) *widget.Check {
	t.Helper()
	isCheck := func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Check); return ok }
	var found fyne.CanvasObject
	for _, o := range beside(w, label) {
		if c := firstShown(o, isCheck); c != nil {
			found = c
		}
	}
	if found == nil {
		found = lastShown(w, func(o fyne.CanvasObject) bool {
			c, ok := o.(*widget.Check)
			return ok && c.Text == label
		})
	}
	if found == nil {
		t.Fatalf("no check box labelled %q; the window shows %q", label, Texts(w))
	}
	return found.(*widget.Check)
}

// Toggle taps the check box found by label (see Check) as one event of the
// window (see Do), and waits for what the tap started.
func Toggle(t testing.TB, w fyne.Window, label string) {
	t.Helper()
	c := Check(t, w, label)
	if c.Disabled() {
		t.Fatalf("the check box %q is disabled", label)
	}
	Do(func() { test.Tap(c) })
}
