package quality_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui/kit"
	"companion/ui/staff"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// salon is a small salon over a real database: a cosmetologist with a
// share of her services, a peel, and two clients.
type salon struct {
	s              *store.Store
	cosmetologist  model.Staff
	peel           model.Service
	client, second model.Client
}

func newSalon(t *testing.T) salon {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	sl := salon{s: s,
		cosmetologist: model.Staff{Name: "Белова Екатерина Олеговна", Role: "косметолог", Active: true},
		peel:          model.Service{Name: "Пилинг", Kind: "service", Price: model.Rub(3000), Minutes: 45, Active: true},
		client:        model.Client{LastName: "Иванова", FirstName: "Мария", Phone: "+79160001122"},
		second:        model.Client{LastName: "Петрова", FirstName: "Ольга", Phone: "+79160003344"},
	}
	for _, err := range []error{s.SaveStaff(ctx, &sl.cosmetologist), s.SaveService(ctx, &sl.peel),
		s.CreateClient(ctx, &sl.client), s.CreateClient(ctx, &sl.second)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	share := model.PayComponent{StaffID: sl.cosmetologist.ID, Kind: model.PayOwnServices, From: model.NewDate(2026, 1, 1), Percent: 2000}
	if err := s.AddPayComponent(ctx, &share); err != nil {
		t.Fatal(err)
	}
	return sl
}

// complaint stores a complaint of the client about the cosmetologist's
// peel, received days ago.
func (sl salon) complaint(t *testing.T, words string, days int) model.Feedback {
	t.Helper()
	f := model.Feedback{ClientID: sl.client.ID, StaffID: &sl.cosmetologist.ID, ServiceID: &sl.peel.ID,
		Kind: model.FeedbackComplaint, Rating: 2, Words: words, On: sl.s.Today().AddDays(-days)}
	if err := sl.s.AddFeedback(context.Background(), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// feedback is the store's one piece of feedback of id.
func (sl salon) feedback(t *testing.T, id uint) model.FeedbackRow {
	t.Helper()
	rows, err := sl.s.FeedbackList(context.Background(), model.FeedbackQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no feedback %d in %+v", id, rows)
	return model.FeedbackRow{}
}

// openTab shows the «Персонал и качество» tab over s in a window of its
// own, as the window does, on the quality page titled page.
func openTab(t *testing.T, s *store.Store, page string) fyne.Window {
	t.Helper()
	w := uitest.NewWindow(t, "staff")
	w.Resize(fyne.NewSize(1280, 720))
	var tab *staff.Tab
	uitest.Do(func() {
		tab = staff.New(w, s, &kit.Changes{})
		w.SetContent(tab.Content())
	})
	uitest.Do(func() { tab.Refresh(context.Background()) })
	uitest.TapTab(t, w, page)
	return w
}
