package uitest

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Dialogs is how many dialogs show over w.
func Dialogs(w fyne.Window) int { return len(w.Canvas().Overlays().List()) }

// topDialog is the dialog on top of w, or nil.
func topDialog(w fyne.Window) fyne.CanvasObject { return w.Canvas().Overlays().Top() }

// DialogTexts are the texts of the labels and buttons of the dialog on top
// of w — its title, its message, its buttons — or nil when none shows.
func DialogTexts(w fyne.Window) []string {
	top := topDialog(w)
	if top == nil {
		return nil
	}
	return textsIn(top)
}

// textsIn are the texts of the labels and buttons that show in root.
func textsIn(root fyne.CanvasObject) []string {
	var out []string
	eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Text != "" {
				out = append(out, x.Text)
			}
		case *widget.Button:
			if x.Text != "" {
				out = append(out, x.Text)
			}
		}
	})
	return out
}

// DialogShows reports whether the dialog on top of w shows text within
// one of its labels or buttons.
func DialogShows(w fyne.Window, text string) bool { return containsText(DialogTexts(w), text) }

// FormEntry is the text input labelled label on a form of Fyne's own
// (widget.Form, as in dialog.NewForm), the last such in w.
func FormEntry(t testing.TB, w fyne.Window, label string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			if f, ok := o.(*widget.Form); ok {
				for _, it := range f.Items {
					if e, ok := it.Widget.(*widget.Entry); ok && it.Text == label && e.Visible() {
						found = e
					}
				}
			}
		})
	}
	if found == nil {
		t.Fatalf("no form entry labelled %q; the window shows %q", label, Texts(w))
	}
	return found
}

// TypeInForm replaces the text of the form entry labelled label, key by
// key, and waits for what typing started.
func TypeInForm(t testing.TB, w fyne.Window, label, text string) {
	t.Helper()
	e := FormEntry(t, w, label)
	Do(func() {
		e.SetText("")
		test.Type(e, text)
	})
}

// fileDialogFolderKey is where Fyne keeps the folder a person last chose a
// file in; its file choosers open there next time.
const fileDialogFolderKey = "fyne:fileDialogLastFolder"

// FileChoosersOpenIn makes the file choosers of the current app open in
// dir, as they do after the person last chose a file there.
func FileChoosersOpenIn(dir string) {
	fyne.CurrentApp().Preferences().SetString(fileDialogFolderKey, storage.NewFileURI(dir).String())
}

// ChooseFile answers the file chooser on top of w as a person does: a
// chooser to save types name and taps Save; a chooser to open taps the file
// called name (shown with or without its extension) and taps Open. It
// waits for what the choice started.
func ChooseFile(t testing.TB, w fyne.Window, name string) {
	t.Helper()
	top := topDialog(w)
	if top == nil {
		t.Fatalf("no file chooser; the window shows %q", Texts(w))
	}
	var entry *widget.Entry
	eachShown(top, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && entry == nil {
			entry = e
		}
	})
	confirm := lang.L("Open")
	if entry != nil && showsButton(top, lang.L("Save")) {
		confirm = lang.L("Save")
		Do(func() {
			entry.SetText("")
			test.Type(entry, name)
		})
	} else {
		file := findRow([]fyne.CanvasObject{top}, name, strings.TrimSuffix(name, filepath.Ext(name)))
		if file == nil {
			t.Fatalf("the file chooser shows no %q; it shows %q", name, DialogTexts(w))
		}
		Do(func() { test.Tap(file) })
	}
	var button *widget.Button
	eachShown(top, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == confirm {
			button = b
		}
	})
	if button == nil || button.Disabled() {
		t.Fatalf("the file chooser has no %q to tap; it shows %q", confirm, DialogTexts(w))
	}
	Do(func() { test.Tap(button) })
}
