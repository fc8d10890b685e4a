package today_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// A complaint open five days lists on Today under the complaints without
// an answer for longer than three days, in red, and its row opens the
// client's feedback; one received yesterday waits its turn.
func TestTodayListsAComplaintUnansweredForMoreThanThreeDays(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	ps := newProgramsSalon(t, s)
	for _, f := range []model.Feedback{
		{ClientID: ps.client.ID, StaffID: &ps.staff.ID, Kind: model.FeedbackComplaint, Rating: 2,
			Words: "Тренер опоздал на двадцать минут и не извинился", On: model.NewDate(2026, time.November, 22)},
		{ClientID: ps.second.ID, Kind: model.FeedbackComplaint, Words: "Холодно в раздевалке", On: model.NewDate(2026, time.November, 26)},
	} {
		if err := s.AddFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}

	f := openToday(t, s)
	list := openList(t, f.w, "Жалобы без ответа дольше 3 дней · 1")
	rows := uitest.ListRows(list)
	want := "без ответа 5 дней · Орлов А. С. · Тренер опоздал на двадцать минут и не…"
	if len(rows) != 1 || len(rows[0]) != 2 || rows[0][0] != "Соколова Анна" || rows[0][1] != want {
		t.Fatalf("complaints overdue: %q; want Соколова Анна, %q", rows, want)
	}
	uitest.TapRowIn(t, list, "Соколова Анна")
	if !slices.Equal(f.opened, []uint{ps.client.ID}) || !slices.Equal(f.pages, []kit.Page{kit.PageFeedback}) {
		t.Errorf("the row opened %v on %v; want [%d] on the feedback page", f.opened, f.pages, ps.client.ID)
	}
}
