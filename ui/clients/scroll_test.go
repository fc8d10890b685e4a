package clients_test

import (
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

// Another client, or a new one, opens at the top of the form, where the
// cursor is; a refused save brings its first error into view.
func TestTheProfileOpensAtItsTopAndShowsItsErrors(t *testing.T) {
	tab := openClients(t, &model.Client{FirstName: "Анна"}, &model.Client{FirstName: "Вера"})
	w := tab.w
	uitest.TapRow(t, w, "Анна")
	scroll := uitest.ScrollHolding(t, w, "Фамилия")
	bottom := func() {
		uitest.Do(func() { scroll.ScrollToBottom() })
		if scroll.Offset.Y == 0 {
			t.Fatal("the form is short enough to show whole: the test proves nothing")
		}
	}
	bottom()
	uitest.TapRow(t, w, "Вера")
	if scroll.Offset.Y != 0 {
		t.Errorf("Вера opens scrolled down by %v", scroll.Offset.Y)
	}
	bottom()
	uitest.Do(tab.tab.NewClient)
	if scroll.Offset.Y != 0 {
		t.Errorf("a new client opens scrolled down by %v", scroll.Offset.Y)
	}
	bottom()
	uitest.Tap(t, w, "Сохранить")
	name := uitest.Entry(t, w, "Имя")
	if !uitest.InView(scroll, name) || !uitest.HasFocus(w, name) {
		t.Errorf("the refused save leaves its first error out of sight (offset %v) or without the cursor", scroll.Offset.Y)
	}
}
