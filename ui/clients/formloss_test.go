package clients_test

import (
	"testing"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// Esc closes an untouched contact form at once; once something is typed it
// asks, «Вернуться к форме» keeps what was typed, and only «Закрыть без
// сохранения» throws it away.
func TestEscAsksBeforeThrowingAFilledInFormAway(t *testing.T) {
	tab := openClients(t, &model.Client{FirstName: "Анна"})
	w := tab.w
	uitest.TapRow(t, w, "Анна")
	uitest.TapTab(t, w, "Контакты")
	uitest.Tap(t, w, "Новый контакт")
	esc := func() { uitest.Do(func() { kit.CloseTopDialog(w) }) }
	esc()
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("an untouched form stays open on Esc: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Новый контакт")
	uitest.Type(t, w, "Итог", "записалась на пятницу")
	esc()
	if !uitest.DialogShows(w, "Закрыть без сохранения?") {
		t.Fatalf("Esc on a filled-in form did not ask; on top: %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Вернуться к форме")
	if uitest.Entry(t, w, "Итог").Text != "записалась на пятницу" {
		t.Fatal("going back to the form lost what was typed")
	}
	uitest.Tap(t, w, "Отмена")
	uitest.Tap(t, w, "Закрыть без сохранения")
	if uitest.Dialogs(w) != 0 {
		t.Errorf("the form stays after «Закрыть без сохранения»: %q", uitest.DialogTexts(w))
	}
}
