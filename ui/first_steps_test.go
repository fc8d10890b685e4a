package ui_test

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// TestEmptyTodaySaysWhatToDoFirst: on an empty database Today says what to
// do first, and its button opens the staff directory; once the salon has a
// catalogue and people the hint is gone.
func TestEmptyTodaySaysWhatToDoFirst(t *testing.T) {
	_, w, s := newTestWindow(t)
	if uitest.SelectedTab(w) != "Сегодня" || !uitest.Shows(w, "С чего начать") {
		t.Fatalf("an empty Today gives no hint: %q", uitest.Texts(w))
	}
	for _, b := range []string{"Добавить услуги и сотрудников", "Импортировать клиентов", "Как открыть демо"} {
		uitest.Button(t, w, b)
	}
	uitest.Tap(t, w, "Как открыть демо")
	if uitest.Dialogs(w) != 1 || !strings.Contains(strings.Join(uitest.DialogTexts(w), " "), "Настройки → «Демо-данные» → «Заполнить демо-салоном»") {
		t.Errorf("the demo hint: %q", uitest.DialogTexts(w))
	}
	uitest.Do(func() { kit.CloseTopDialog(w) })
	uitest.Tap(t, w, "Добавить услуги и сотрудников")
	if got := uitest.SelectedTab(w); got != "Персонал и качество" {
		t.Fatalf("the hint's button opens %q", got)
	}

	ctx := context.Background()
	if err := s.SaveStaff(ctx, &model.Staff{Name: "Орлов Артём", Role: "тренер", Active: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveService(ctx, &model.Service{Name: "Персональная тренировка", Kind: "service", Minutes: 60, Active: true}); err != nil {
		t.Fatal(err)
	}
	uitest.TapTab(t, w, "Сегодня")
	uitest.Settle()
	if uitest.Shows(w, "С чего начать") {
		t.Errorf("the hint stays once the salon has staff and a catalogue")
	}
}
