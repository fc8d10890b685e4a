package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"companion/ui/kit"
)

// idleTick is how often the window looks whether anyone worked in it.
var idleTick = 20 * time.Second

// idleWatch tells when nobody has worked in the window for a while. Fyne
// hands a key to the widget with the cursor, and a click to the widget
// under it, with no hook for the window as a whole; so the window counts
// as input what reaches it directly (keys with no entry focused,
// shortcuts, menu items, the mouse moving over it — see activity) and,
// each idleTick, any change in what has the cursor, in the text being
// typed there, in the dialogs and in the tab shown.
type idleWatch struct {
	now   func() time.Time
	after time.Duration // 0: never locks
	last  time.Time
	seen  string // the window's input state when last looked at
}

func newIdleWatch(now func() time.Time) idleWatch {
	if now == nil {
		now = time.Now
	}
	return idleWatch{now: now, last: now()}
}

// poke notes input now.
func (w *idleWatch) poke() { w.last = w.now() }

func (w *idleWatch) setMinutes(n int) { w.after = time.Duration(n) * time.Minute }

// tickIdle looks each idleTick, until the window closes, whether it is
// time to lock.
func (m *MainWindow) tickIdle() {
	t := time.NewTicker(idleTick)
	defer t.Stop()
	for {
		select {
		case <-m.closed:
			return
		case <-t.C:
			fyne.Do(m.checkIdle)
		}
	}
}

// checkIdle counts a change since the last look as input, and locks the
// window once nothing has changed for the idle lock's minutes.
func (m *MainWindow) checkIdle() {
	if m.locked != nil || !m.pins {
		return
	}
	if st := m.inputState(); st != m.idle.seen {
		m.idle.seen = st
		m.idle.poke()
		return
	}
	if m.idle.after > 0 && m.idle.now().Sub(m.idle.last) >= m.idle.after {
		m.lockNow()
	}
}

// inputState sums up what a person changes by working in the window:
// what has the cursor, the text and the cursor's place in an entry, the
// dialogs shown and the tab in front.
func (m *MainWindow) inputState() string {
	c := m.Canvas()
	var b strings.Builder
	f := c.Focused()
	fmt.Fprintf(&b, "%p", f)
	if e := kit.EntryOf(f); e != nil {
		fmt.Fprintf(&b, "|%d:%d|%s", e.CursorRow, e.CursorColumn, e.Text)
	}
	fmt.Fprintf(&b, "|%d|%p|%d", len(c.Overlays().List()), c.Overlays().Top(), m.tabs.SelectedIndex())
	return b.String()
}

// activity holds the window's content and counts the mouse moving over
// it as input: the driver asks each object under the pointer which cursor
// it wants, so Cursor is called at each move.
type activity struct {
	widget.BaseWidget
	content fyne.CanvasObject
	poke    func()
}

func newActivity(content fyne.CanvasObject, poke func()) *activity {
	a := &activity{content: content, poke: poke}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer shows the content as it is.
func (a *activity) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(a.content) }

// Cursor notes input and leaves the pointer as the content wants it.
func (a *activity) Cursor() desktop.Cursor {
	a.poke()
	return desktop.DefaultCursor
}

// watchKeys counts as input the keys that reach the window with no entry
// focused.
func (m *MainWindow) watchKeys() {
	c := m.Canvas()
	c.SetOnTypedRune(func(rune) { m.idle.poke() })
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { m.idle.poke() })
	}
}
