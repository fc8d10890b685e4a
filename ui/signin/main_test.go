package signin

import "time"

// What the tests of package signin_test reach inside for: the lockout's
// countdown, which otherwise waits on the clock.

func init() {
	// The lockout counts down on a goroutine of its own, whose fyne.Do the
	// test driver runs on that goroutine: it would write the message while
	// a test reads it. The ticker is held still and the tests count down
	// with CountDown.
	lockoutTick = time.Hour
}

// CountDown shows the lockout with left to wait, as the ticker does each
// second; left <= 0 ends it.
func (w *Window) CountDown(left time.Duration) { w.form.countDown(left) }
