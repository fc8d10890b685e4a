package settings_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model/demo"
	"companion/model/store"
	"companion/ui/uitest"
)

// cancelledDemo is the real store whose demo fill is cancelled by the
// person as it starts, through the progress dialog's «Отмена».
type cancelledDemo struct {
	*store.Store
	w        fyne.Window
	tapped   bool
	finished error
}

func (s *cancelledDemo) FillDemo(ctx context.Context, d demo.Data) error {
	s.tapped = uitest.TapWhileWorking(s.w, "Отмена")
	<-ctx.Done()
	s.finished = s.Store.FillDemo(ctx, d)
	return s.finished
}

// Filling the demo shows its progress with «Отмена»; cancelled, it writes
// nothing, says nothing went wrong, and the button can be tapped again.
func TestCancellingTheDemoFillLeavesTheDatabaseEmpty(t *testing.T) {
	real, _ := uitest.OpenStore(t)
	s := &cancelledDemo{Store: real}
	f := openSettings(t, s)
	s.w = f.w
	uitest.Tap(t, f.w, "Заполнить демо-салоном")
	if !s.tapped || s.finished == nil {
		t.Fatalf("no «Отмена» while filling (%v), or the fill went on: %v", s.tapped, s.finished)
	}
	if n, _ := real.CountClients(context.Background()); n != 0 {
		t.Errorf("a cancelled demo left %d clients", n)
	}
	if uitest.Dialogs(f.w) != 0 {
		t.Errorf("after the cancel the window shows %q", uitest.DialogTexts(f.w))
	}
	if uitest.Button(t, f.w, "Заполнить демо-салоном").Disabled() {
		t.Error("the demo cannot be filled again after a cancel")
	}
}
