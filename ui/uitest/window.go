package uitest

import (
	"context"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/store"
	"companion/ui/kit"
)

// HasFocus reports whether the cursor is in o in w: o has the focus of
// w's canvas, or o is the entry of the input that has it (an entry found
// by SearchBox or Entry within a kit.KeyEntry or a widget.SelectEntry).
func HasFocus(w fyne.Window, o fyne.CanvasObject) bool {
	f := w.Canvas().Focused()
	if f == nil || o == nil {
		return false
	}
	if any(f) == any(o) {
		return true
	}
	switch x := f.(type) {
	case *kit.KeyEntry:
		return any(&x.Entry) == any(o)
	case *widget.SelectEntry:
		return any(&x.Entry) == any(o)
	}
	return false
}

// Headings are the texts shown in w in a heading's size: the titles of
// what shows, such as the name over a profile.
func Headings(w fyne.Window) []string {
	var out []string
	for _, root := range layers(w) {
		eachShown(root, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
			l, ok := o.(*widget.Label)
			if ok && l.Text != "" && (l.SizeName == theme.SizeNameHeadingText || l.SizeName == theme.SizeNameSubHeadingText) {
				out = append(out, l.Text)
			}
		})
	}
	return out
}

// TapText taps, through the test driver, the innermost tappable in w that
// draws text as its own words — a choice of a radio group, a tab, a button —
// the last such (in the dialog on top, when a dialog has one), and waits
// for what the tap started.
func TapText(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	var found fyne.Tappable
	for _, root := range layers(w) {
		if tp := tappableText(root, text, nil); tp != nil {
			found = tp
		}
	}
	if found == nil {
		t.Fatalf("nothing to tap reads %q; the window shows %q", text, Texts(w))
	}
	if d, ok := found.(fyne.Disableable); ok && d.Disabled() {
		t.Fatalf("%q is disabled", text)
	}
	test.Tap(found)
	Settle()
}

// IsOpen reports whether w is still open: the driver still knows a window
// with its canvas (a window that embeds fyne.Window counts as the one it
// embeds).
func IsOpen(w fyne.Window) bool {
	for _, x := range fyne.CurrentApp().Driver().AllWindows() {
		if x.Canvas() == w.Canvas() {
			return true
		}
	}
	return false
}

// CloseAtEnd closes w after the test unless it has closed itself, as a
// sign-in does once someone signed in (the test driver would run its
// close handler a second time).
func CloseAtEnd(t testing.TB, w fyne.Window) {
	t.Cleanup(func() {
		if IsOpen(w) {
			w.Close()
		}
	})
}

// A real driver runs UI code on one goroutine: every fyne.Do callback, one
// at a time, after the event being handled. Fyne's test driver runs each
// fyne.Do at once on the goroutine that calls it, so the callbacks of two
// pieces of background work (a tab that reads four lists at once) would
// draw at the same time, and a callback would draw while a key press still
// draws the entry. uiTurn gives UI code its turn the way the real driver
// does: one goroutine at a time, and UI code that asks for UI code runs it
// in its own turn.
var uiTurn struct {
	mu    sync.Mutex
	owner atomic.Uint64 // the goroutine whose turn it is, 0 for none
}

// asUI runs fn in the UI's turn: at once when the caller has it, else
// once the goroutine that has it is done.
func asUI(fn func()) {
	id := goroutineID()
	if uiTurn.owner.Load() == id {
		fn()
		return
	}
	uiTurn.mu.Lock()
	uiTurn.owner.Store(id)
	defer func() {
		uiTurn.owner.Store(0)
		uiTurn.mu.Unlock()
	}()
	fn()
}

// goroutineID is the number Go gives the calling goroutine in a stack
// trace: "goroutine 42 [running]:".
func goroutineID() uint64 {
	var buf [40]byte
	s := strings.TrimPrefix(string(buf[:runtime.Stack(buf[:], false)]), "goroutine ")
	id, _ := strconv.ParseUint(s[:strings.IndexByte(s, ' ')], 10, 64)
	return id
}

// oneUIApp is a test app whose fyne.Do runs callbacks in the UI's turn.
type oneUIApp struct {
	fyne.App
	driver oneUIDriver
}

func (a *oneUIApp) Driver() fyne.Driver { return &a.driver }

type oneUIDriver struct{ fyne.Driver }

func (d *oneUIDriver) DoFromGoroutine(fn func(), wait bool) {
	asUI(func() { d.Driver.DoFromGoroutine(fn, wait) })
}

// NewApp is Fyne's test app (test.NewTempApp) with one UI goroutine, as a
// real driver has: the callbacks that background work hands to fyne.Do
// run one at a time, and wait for an event that Do sends. Under -race a
// window whose tabs read several things at once needs it.
func NewApp(t testing.TB) fyne.App {
	a := &oneUIApp{App: test.NewTempApp(t)}
	a.driver.Driver = a.App.Driver()
	fyne.SetCurrentApp(a)
	return a
}

// Do runs fn as one event of the window — a key, a shortcut — in the UI's
// turn, as a real driver does: what fn starts in the background shows only
// once fn has returned. Then it waits for that work. fn must not wait for
// the background itself (no Tap, Type or Settle within).
func Do(fn func()) {
	asUI(fn)
	Settle()
}

// PressKey presses key in the entry e, with the cursor in it, as one event
// (see Do), and waits for what the key started: Enter that sends a form
// draws the entry after the form's work has started.
func PressKey(e fyne.Focusable, key fyne.KeyName) {
	Do(func() {
		e.FocusGained()
		e.TypedKey(&fyne.KeyEvent{Name: key})
	})
}

// Shortcut types sc into w's canvas, as from the keyboard with no entry
// taking it, as one event (see Do), and waits for what it started.
func Shortcut(w fyne.Window, sc fyne.Shortcut) {
	Do(func() { w.Canvas().(fyne.Shortcutable).TypedShortcut(sc) })
}

// SetPINs gives roles their PINs in s, as the owner does on the first
// start: the sign-in then asks who works.
func SetPINs(t testing.TB, s *store.Store, pins map[model.Role]string) {
	t.Helper()
	for _, r := range model.Roles {
		if pin, ok := pins[r]; ok {
			if err := s.SetPIN(context.Background(), r, pin); err != nil {
				t.Fatal(err)
			}
		}
	}
}
