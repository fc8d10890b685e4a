package hiring

import (
	"context"
	"sync"
	"time"

	"companion/model/hiring"
	"companion/ui/kit"
)

// saveDelay is how long the form waits after the last change before it
// stores what it holds: long enough not to write at every key, short
// enough that a laptop closed mid-interview loses a word at most.
const saveDelay = 400 * time.Millisecond

// draft is what a form holds at one moment: the form with its scores, and
// the working-day plan when the test was taken (nil otherwise).
type draft struct {
	form hiring.Form
	plan *hiring.DayPlan
	seq  int // the order of the changes: an older one is never written over a newer
}

// autosave stores a form as it is typed, off the UI goroutine: each change
// hands it the form whole, and once the changes pause for saveDelay the
// latest is written; writes never overlap. The first write of a new form
// creates it, and the writes after change that one.
type autosave struct {
	s     Store
	done  func(formID uint, err error) // after each write, off the UI goroutine
	mu    sync.Mutex
	next  *draft    // the latest change not yet written
	due   time.Time // when to write it
	busy  bool      // a writer is running
	seq   int       // the changes put so far; under mu
	write sync.Mutex
	id    uint // the form's ID once stored; under write
	last  int  // the latest change written; under write
}

func newAutosave(s Store, formID uint, done func(uint, error)) *autosave {
	return &autosave{s: s, id: formID, done: done}
}

// put takes a change and writes it once the changes pause.
func (a *autosave) put(d draft) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.seq++
	d.seq = a.seq
	a.next, a.due = &d, time.Now().Add(saveDelay)
	if !a.busy {
		a.busy = true
		kit.Background(a.run)
	}
}

// run writes the latest change each time the changes pause, until none is
// left.
func (a *autosave) run() {
	for {
		a.mu.Lock()
		if a.next == nil {
			a.busy = false
			a.mu.Unlock()
			return
		}
		if wait := time.Until(a.due); wait > 0 {
			a.mu.Unlock()
			time.Sleep(wait)
			continue
		}
		d := *a.next
		a.next = nil
		a.mu.Unlock()
		a.store(d)
	}
}

// flush writes the change waiting, if any, now, and reports the form's ID:
// before the form is sent or closed. Call it off the UI goroutine.
func (a *autosave) flush() (uint, error) {
	a.mu.Lock()
	d := a.next
	a.next = nil
	a.mu.Unlock()
	if d != nil {
		if err := a.store(*d); err != nil {
			return 0, err
		}
	}
	a.write.Lock()
	defer a.write.Unlock()
	return a.id, nil
}

// store writes one draft: the form, then its plan.
func (a *autosave) store(d draft) error {
	a.write.Lock()
	defer a.write.Unlock()
	if d.seq < a.last {
		return nil // a newer change is stored already
	}
	a.last = d.seq
	ctx := context.Background()
	d.form.ID = a.id
	err := a.s.SaveForm(ctx, &d.form)
	if err == nil {
		a.id = d.form.ID
		if d.plan != nil {
			d.plan.FormID = d.form.ID
			err = a.s.SaveDayPlan(ctx, d.plan)
		}
	}
	a.done(a.id, err)
	return err
}
