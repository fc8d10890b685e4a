package today_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"companion/model"
	"companion/model/store"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// programsSalon is a salon with a trainer, a gym and a massage, and a
// client who has not come since her program began.
type programsSalon struct {
	staff          model.Staff
	gym, massage   model.Service
	client, second model.Client
}

func newProgramsSalon(t *testing.T, s *store.Store) programsSalon {
	t.Helper()
	ctx := context.Background()
	ps := programsSalon{
		staff:   model.Staff{Name: "Орлов Артём Сергеевич", Role: "тренер", Active: true},
		gym:     model.Service{Name: "Тренажёрный зал", Kind: "service", Price: model.Rub(700), Minutes: 90, Active: true},
		massage: model.Service{Name: "Классический массаж", Kind: "service", Price: model.Rub(3000), Minutes: 60, Active: true},
		client:  model.Client{LastName: "Соколова", FirstName: "Анна", Phone: "+79160003344"},
		second:  model.Client{LastName: "Гусева", FirstName: "Мария", Phone: "+79160005566"},
	}
	for _, err := range []error{s.SaveStaff(ctx, &ps.staff), s.SaveService(ctx, &ps.gym), s.SaveService(ctx, &ps.massage),
		s.CreateClient(ctx, &ps.client), s.CreateClient(ctx, &ps.second)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return ps
}

// A client whose program began on Monday 2 November with Mondays and
// Wednesdays, and who has not come since, is 8 sessions behind on Friday
// 27 November; Today lists her under the programs behind, and her row opens
// her programs.
func TestTodayListsAProgramBehindItsSchedule(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	ps := newProgramsSalon(t, s)
	p := model.Program{ClientID: ps.client.ID, Title: "Сила и выносливость", Status: model.ProgramActive,
		StartOn: model.NewDate(2026, time.November, 2), Days: model.Weekdays(1<<0 | 1<<2),
		Items: []model.ProgramItem{{ServiceID: ps.gym.ID, Name: ps.gym.Name, Price: ps.gym.Price, Sessions: 12, PerWeek: 2}}}
	if err := s.SaveProgram(ctx, &p); err != nil {
		t.Fatal(err)
	}
	draft := model.Program{ClientID: ps.second.ID, Title: "Черновик", Status: model.ProgramDraft,
		StartOn: model.NewDate(2026, time.November, 2)}
	if err := s.SaveProgram(ctx, &draft); err != nil {
		t.Fatal(err)
	}

	f := openToday(t, s)
	list := openList(t, f.w, section("today.programs.behind", 1))
	rows := uitest.ListRows(list)
	want := "0 из 8 занятий по графику, 0 % программы · Сила и выносливость"
	if len(rows) != 1 || len(rows[0]) != 2 || rows[0][0] != "Соколова Анна" || rows[0][1] != want {
		t.Fatalf("programs behind: %q; want Соколова Анна, %q", rows, want)
	}
	if !uitest.Shows(f.w, section("today.recs.waiting", 0)) {
		t.Errorf("no recommendations, yet the window shows %q", uitest.Texts(f.w))
	}
	uitest.TapRowIn(t, list, "Соколова Анна")
	if !slices.Equal(f.opened, []uint{ps.client.ID}) || !slices.Equal(f.pages, []kit.Page{kit.PagePrograms}) {
		t.Errorf("the row opened %v on %v; want [%d] on the programs page", f.opened, f.pages, ps.client.ID)
	}
}

// A specialist's recommendation shows on Today until the manager decides:
// once it is declined, the next refresh no longer lists it.
func TestTodayListsARecommendationUntilItIsDeclined(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	ps := newProgramsSalon(t, s)
	recs := []model.Recommendation{
		{ClientID: ps.client.ID, StaffID: ps.staff.ID, ServiceID: ps.massage.ID, Reason: "Зажим в шейном отделе",
			On: model.NewDate(2026, time.November, 20)},
		{ClientID: ps.second.ID, StaffID: ps.staff.ID, ServiceID: ps.gym.ID,
			Reason: "Слабые мышцы спины и боль в пояснице\nпосле долгой работы сидя, нужен курс", On: model.NewDate(2026, time.November, 25)},
	}
	for i := range recs {
		if err := s.AddRecommendation(ctx, &recs[i]); err != nil {
			t.Fatal(err)
		}
	}

	f := openToday(t, s)
	list := openList(t, f.w, section("today.recs.waiting", 2))
	rows := uitest.ListRows(list)
	want := [][]string{
		{"Соколова Анна", "Классический массаж, с 20.11.2026 · Орлов А. С.: Зажим в шейном отделе"},
		{"Гусева Мария", "Тренажёрный зал, с 25.11.2026 · Орлов А. С.: Слабые мышцы спины и боль в пояснице…"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Fatalf("recommendations waiting, the oldest first:\n got %q\nwant %q", rows, want)
	}
	if !uitest.Shows(f.w, section("today.programs.behind", 0)) {
		t.Errorf("no programs, yet the window shows %q", uitest.Texts(f.w))
	}
	uitest.TapRowIn(t, list, "Гусева Мария")
	if !slices.Equal(f.opened, []uint{ps.second.ID}) || !slices.Equal(f.pages, []kit.Page{kit.PagePrograms}) {
		t.Errorf("the row opened %v on %v; want [%d] on the programs page", f.opened, f.pages, ps.second.ID)
	}

	declined := recs[0]
	declined.Decision, declined.Note = model.RecDeclined, "Клиентка не любит массаж"
	if err := s.DecideRecommendation(ctx, &declined, nil); err != nil {
		t.Fatal(err)
	}
	uitest.Do(func() { f.tab.Refresh(ctx) })
	rows = uitest.ListRows(openList(t, f.w, section("today.recs.waiting", 1)))
	if len(rows) != 1 || rows[0][0] != "Гусева Мария" {
		t.Errorf("after the decline the recommendations are %q; want Гусева Мария's alone", rows)
	}
}
