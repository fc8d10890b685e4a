package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/ui/kit"
	"companion/ui/widgets"
)

// objects are the objects a person sees in w, its content and the dialogs
// over it, newest last: nothing that a hidden box holds.
func objects(w fyne.Window) []fyne.CanvasObject {
	var all []fyne.CanvasObject
	for _, r := range layers(w) {
		eachShown(r, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) { all = append(all, o) })
	}
	return all
}

// Texts are the texts of the labels and buttons that show in w.
func Texts(w fyne.Window) []string {
	var out []string
	for _, r := range layers(w) {
		out = append(out, textsIn(r)...)
	}
	return out
}

// Shows reports whether some label or button in w shows text within it.
func Shows(w fyne.Window, text string) bool { return containsText(Texts(w), text) }

// containsText reports whether one of texts holds text.
func containsText(texts []string, text string) bool {
	for _, s := range texts {
		if strings.Contains(s, text) {
			return true
		}
	}
	return false
}

// Button is the last shown button in w whose text is text (the one in the
// dialog on top, when a dialog has one).
func Button(t testing.TB, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	}
	if found == nil {
		t.Fatalf("no button %q; the window shows %q", text, Texts(w))
	}
	return found
}

// Tap taps the button with text, as a person would, and waits for what it
// started.
func Tap(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	b := Button(t, w, text)
	if b.Disabled() {
		t.Fatalf("the button %q is disabled", text)
	}
	Do(func() { test.Tap(b) })
}

// Input is the input next to a form's label (the last such on screen), as
// the person finds it: the label on the left, the input on the right.
func Input(t testing.TB, w fyne.Window, label string) fyne.CanvasObject {
	t.Helper()
	var found fyne.CanvasObject
	for _, o := range objects(w) {
		c, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		for i := 0; i+1 < len(c.Objects); i++ {
			if l, ok := c.Objects[i].(*widget.Label); ok && l.Text == label {
				if in := firstInput(c.Objects[i+1]); in != nil {
					found = in
				}
			}
		}
	}
	if found == nil {
		t.Fatalf("no input labelled %q; the window shows %q", label, Texts(w))
	}
	return found
}

func firstInput(o fyne.CanvasObject) fyne.CanvasObject {
	for _, x := range test.LaidOutObjects(o) {
		switch x.(type) {
		case *widget.Entry, *kit.KeyEntry, *widgets.MoneyEntry, *widgets.DateEntry, *widget.Select, *widget.Check, *widget.SelectEntry, *widget.RadioGroup:
			return x
		}
	}
	return nil
}

// Entry is the text input labelled label.
func Entry(t testing.TB, w fyne.Window, label string) *widget.Entry {
	t.Helper()
	in := Input(t, w, label)
	switch e := in.(type) {
	case *widget.Entry:
		return e
	case *kit.KeyEntry:
		return &e.Entry
	case *widgets.MoneyEntry:
		return &e.Entry
	case *widgets.DateEntry:
		return &e.Entry
	case *widget.SelectEntry:
		return &e.Entry
	}
	t.Fatalf("the input labelled %q is a %T, not a text entry", label, in)
	return nil
}

// Type replaces the text of the entry labelled label, key by key, and
// waits for what typing started.
func Type(t testing.TB, w fyne.Window, label, text string) {
	t.Helper()
	e := Entry(t, w, label)
	Do(func() {
		e.SetText("")
		test.Type(e, text)
	})
}

// Message is the message shown under the input labelled label, or "".
func Message(t testing.TB, w fyne.Window, label string) string {
	t.Helper()
	for _, o := range objects(w) {
		c, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		for i := 0; i+1 < len(c.Objects); i++ {
			if l, ok := c.Objects[i].(*widget.Label); ok && l.Text == label {
				if box, ok := c.Objects[i+1].(*fyne.Container); ok && len(box.Objects) == 2 {
					if msg, ok := box.Objects[1].(*widget.Label); ok && msg.Visible() {
						return msg.Text
					}
				}
			}
		}
	}
	return ""
}
