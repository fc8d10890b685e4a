package clients_test

import (
	"context"
	"testing"
	"time"

	"companion/model/store"
	"companion/ui/uitest"
)

// A profile edited here while another computer changed the client is
// refused on save, even after a visit deleted here reloaded the header: the
// form keeps the version it was opened with, and the other change stays.
func TestAnEditOverAnotherComputersChangeIsRefused(t *testing.T) {
	tab, c, _ := visitByCard(t)
	w, s := tab.w, tab.s
	ctx := context.Background()
	other, err := store.Open(s.Path(), store.WithClock(func() time.Time { return uitest.Now }))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	uitest.TapTab(t, w, "Профиль")
	uitest.Type(t, w, "Заметки", "любит утренние тренировки")
	theirs, err := other.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Phone = "+79165550000"
	if err := other.UpdateClient(ctx, &theirs); err != nil {
		t.Fatal(err)
	}
	uitest.TapTab(t, w, "Визиты")
	uitest.TapCell(t, w, "Тренировка в зале (по карте)")
	uitest.Tap(t, w, "Удалить")
	uitest.Tap(t, w, "Удалить визит")
	uitest.TapTab(t, w, "Профиль")
	uitest.Tap(t, w, "Сохранить")
	if !uitest.DialogShows(w, "Запись изменили в другом окне или на другом компьютере") {
		t.Errorf("the save over another change was not refused; on top: %q", uitest.DialogTexts(w))
	}
	got, _ := s.Client(ctx, c.ID)
	if got.Phone != "+79165550000" || got.Notes != "" {
		t.Errorf("the other computer's change was overwritten: phone %q, notes %q", got.Phone, got.Notes)
	}
}
