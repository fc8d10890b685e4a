package store

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"companion/model"
)

// TestAgendaAgreesWithTheRules fills a salon through the store's own
// methods — visits added, moved and deleted — and holds the Today page to
// the model's rules worked out from the visits.
func TestAgendaAgreesWithTheRules(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	r := rand.New(rand.NewSource(11))
	days := map[uint][]model.Date{}
	var ids []uint
	for i := 0; i < 250; i++ {
		c := mustCreate(t, s, model.Client{FirstName: fmt.Sprintf("Клиент%03d", i)})
		ids = append(ids, c.ID)
		n := r.Intn(9)
		if i%50 == 0 {
			n = 0
		}
		start := r.Intn(420)
		every := 1 + r.Intn(40)
		for k := 0; k < n; k++ {
			day := today.AddDays(-start + k*every + r.Intn(3))
			if day.After(today) {
				break
			}
			v := mustVisit(t, s, c.ID, day, ss.line(nil))
			switch r.Intn(12) {
			case 0: // entered by mistake
				if err := s.DeleteVisit(ctx, v.ID); err != nil {
					t.Fatal(err)
				}
				continue
			case 1: // the day corrected
				v.On = v.On.AddDays(-r.Intn(40))
				if err := s.UpdateVisit(ctx, &v); err != nil {
					t.Fatal(err)
				}
			}
			days[c.ID] = append(days[c.ID], v.On)
		}
	}
	// one visit moved to another client
	var moved model.Visit
	s.DB().Preload("Lines").Where("client_id = ?", ids[1]).Order("id").Take(&moved)
	if moved.ID != 0 {
		from := days[ids[1]]
		for i, d := range from {
			if d == moved.On {
				days[ids[1]] = append(from[:i:i], from[i+1:]...)
				break
			}
		}
		moved.ClientID = ids[2]
		if err := s.UpdateVisit(ctx, &moved); err != nil {
			t.Fatal(err)
		}
		days[ids[2]] = append(days[ids[2]], moved.On)
	}
	a, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var all [][]model.Date
	atRisk := 0
	for _, id := range ids {
		all = append(all, days[id])
		c, _ := s.Client(ctx, id)
		if c.Status(today) == model.StatusAtRisk {
			atRisk++
		}
		first, last := model.Date{}, model.Date{}
		for _, d := range days[id] {
			if first.IsZero() || d.Before(first) {
				first = d
			}
			if last.IsZero() || d.After(last) {
				last = d
			}
		}
		if c.VisitCount != distinctDays(days[id]) || c.FirstVisitOn != first || c.LastVisitOn != last {
			t.Errorf("%s: summary %d %s–%s, visits say %d %s–%s", c.FirstName, c.VisitCount, c.FirstVisitOn,
				c.LastVisitOn, len(days[id]), first, last)
		}
	}
	want, months := model.FiguresOf(today, all)
	got := a.Figures
	if got.Active != want.Active || got.NewThisMonth != want.NewThisMonth || math.Abs(got.Retention90-want.Retention90) > 1e-12 ||
		math.Abs(got.AvgLifetimeDays-want.AvgLifetimeDays) > 1e-9 {
		t.Errorf("figures\n got %+v\nwant %+v", got, want)
	}
	if want.Retention90 == 0 || want.Active == 0 {
		t.Errorf("the test salon proves nothing: %+v", want)
	}
	if fmt.Sprint(a.ActiveByMonth) != fmt.Sprint(months) {
		t.Errorf("by month\n got %v\nwant %v", a.ActiveByMonth, months)
	}
	if a.AtRiskTotal != atRisk || len(a.AtRisk) != min(atRisk, model.AgendaLimit) || atRisk == 0 {
		t.Errorf("at risk: %d listed of %d, the rule says %d", len(a.AtRisk), a.AtRiskTotal, atRisk)
	}
	for _, row := range a.AtRisk {
		if row.Status(today) != model.StatusAtRisk {
			t.Errorf("%s listed at risk but is %s", row.FullName(), row.Status(today))
		}
	}
	gone := a.AtRisk[0].ID
	if err := s.SetArchived(ctx, gone, true); err != nil {
		t.Fatal(err)
	}
	a, _ = s.Agenda(ctx)
	if a.AtRiskTotal != atRisk-1 || len(a.AtRisk) > 0 && a.AtRisk[0].ID == gone {
		t.Errorf("an archived client still at risk: %d of %d", a.AtRiskTotal, atRisk)
	}
	for i := 0; i < 2; i++ { // two newcomers, one of them archived below
		c := mustCreate(t, s, model.Client{FirstName: fmt.Sprintf("Новичок%d", i)})
		days[c.ID] = []model.Date{mustVisit(t, s, c.ID, today, ss.line(nil)).On}
		ids = append(ids, c.ID)
	}
	checkFiguresLeaveArchivedOut(t, s, ids, days)
}

// checkFiguresLeaveArchivedOut archives every seventh client and one who
// came this month, and finds the figures worked out over the others alone;
// a client added last month is not added this month.
func checkFiguresLeaveArchivedOut(t *testing.T, s *Store, ids []uint, days map[uint][]model.Date) {
	ctx := context.Background()
	today := s.Today()
	gone := map[uint]bool{}
	var before []uint
	s.DB().Raw("SELECT id FROM clients WHERE archived_at IS NOT NULL").Scan(&before)
	for _, id := range before {
		gone[id] = true
	}
	for i, id := range ids {
		if i%7 == 0 || i == len(ids)-1 {
			gone[id] = true
			if err := s.SetArchived(ctx, id, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	earlier := ids[1]
	if err := s.DB().Exec("UPDATE clients SET created_at = ? WHERE id = ?", today.AddDays(-40).Time().UTC(), earlier).Error; err != nil {
		t.Fatal(err)
	}
	var kept [][]model.Date
	for _, id := range ids {
		if !gone[id] {
			kept = append(kept, days[id])
		}
	}
	want, _ := model.FiguresOf(today, kept)
	a, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Figures
	if got.Active != want.Active || got.NewThisMonth != want.NewThisMonth || math.Abs(got.Retention90-want.Retention90) > 1e-12 ||
		math.Abs(got.AvgLifetimeDays-want.AvgLifetimeDays) > 1e-9 {
		t.Errorf("figures with %d archived\n got %+v\nwant %+v", len(gone), got, want)
	}
	if want.NewThisMonth == 0 {
		t.Error("no newcomer left to count")
	}
	if added := len(kept) - 1; got.AddedThisMonth != added || gone[earlier] {
		t.Errorf("added this month: %d, want %d (all but the archived and one added last month)", got.AddedThisMonth, added)
	}
}

func TestExpiringCardsAndBirthdays(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today() // 27 November 2026
	week := model.CardType{Name: "Неделя", ValidDays: 7, Active: true}
	long := model.CardType{Name: "Полгода", ValidDays: 180, Active: true}
	for _, ct := range []*model.CardType{&week, &long} {
		if err := s.SaveCardType(ctx, ct); err != nil {
			t.Fatal(err)
		}
	}
	ends := mustCreate(t, s, model.Client{LastName: "Заканчивается", BirthDate: model.NewDate(1990, time.December, 3)})
	few := mustCreate(t, s, model.Client{LastName: "Мало", BirthDate: model.NewDate(1985, time.November, 27)})
	fine := mustCreate(t, s, model.Client{LastName: "Спокойно", BirthDate: model.NewDate(1985, time.December, 4)})
	c1 := sell(t, s, ends.ID, long, today.AddDays(-180+15)) // last day in 14 days
	sell(t, s, ends.ID, week, today.AddDays(-7))            // ended yesterday
	c2 := sell(t, s, few.ID, ss.ten, today.AddDays(-30))
	for i := 0; i < 8; i++ {
		mustVisit(t, s, few.ID, today.AddDays(-29+i), ss.line(&c2))
	}
	sell(t, s, fine.ID, long, today.AddDays(-180+16)) // last day in 15 days
	sell(t, s, fine.ID, ss.month, today)              // not started yet
	a, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.ExpiringTotal != 2 || len(a.ExpiringCards) != 2 {
		t.Fatalf("expiring: %+v", a.ExpiringCards)
	}
	if e := a.ExpiringCards[0]; e.Card.Card.ID != c1.ID || e.Client.LastName != "Заканчивается" || e.Card.State.DaysLeft(today) != 15 {
		t.Errorf("first alert %+v", e)
	}
	if e := a.ExpiringCards[1]; e.Card.Card.ID != c2.ID || e.Card.State.VisitsLeft != 2 {
		t.Errorf("second alert %+v", e)
	}
	if len(a.Birthdays) != 2 || a.Birthdays[0].LastName != "Мало" || a.Birthdays[1].LastName != "Заканчивается" {
		t.Errorf("birthdays %v", names(a.Birthdays))
	}
	if err := s.SetArchived(ctx, few.ID, true); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agenda(ctx); a.ExpiringTotal != 1 || len(a.ExpiringCards) != 1 || len(a.Birthdays) != 1 {
		t.Errorf("after archiving: %d cards, %d birthdays", a.ExpiringTotal, len(a.Birthdays))
	}
}

func TestRebuildSummariesChangesNothingKeptRight(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	c := mustCreate(t, s, model.Client{FirstName: "Анна"})
	card := sell(t, s, c.ID, ss.ten, today.AddDays(-300))
	for _, ago := range []int{300, 290, 150, 10, 3} {
		l := ss.line(nil)
		if ago > 200 {
			l = ss.line(&card)
		}
		mustVisit(t, s, c.ID, today.AddDays(-ago), l)
	}
	snapshot := func() string {
		var out []string
		for _, q := range []string{"SELECT first_visit_on || visit_count || last_visit_on || risk_on FROM clients",
			"SELECT client_id || after_day || before_day FROM client_gaps ORDER BY 1",
			"SELECT month || ':' || clients || ':' || visits FROM month_stats WHERE visits > 0 ORDER BY 1",
			"SELECT visits_used || coalesce(first_use, '') || valid_until FROM cards"} {
			var rows []string
			s.DB().Raw(q).Scan(&rows)
			out = append(out, fmt.Sprint(rows))
		}
		return fmt.Sprint(out)
	}
	before := snapshot()
	if err := s.RebuildSummaries(ctx); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(); after != before || !strings.Contains(before, "2026-") {
		t.Errorf("rebuilt\n%s\nkept\n%s", after, before)
	}
}

// distinctDays counts the days among days.
func distinctDays(days []model.Date) int {
	seen := map[model.Date]bool{}
	for _, d := range days {
		seen[d] = true
	}
	return len(seen)
}

// Two visits on one day are one day of coming: a client who came on two
// days, three weeks ago and then 10 days later, has no usual interval yet
// (model.UsualIntervalVisits) and is not at risk 20 days on.
func TestVisitsOnOneDayCountOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	c := mustCreate(t, s, model.Client{FirstName: "Мария"})
	for _, ago := range []int{30, 30, 20} {
		mustVisit(t, s, c.ID, today.AddDays(-ago), ss.line(nil))
	}
	got, err := s.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.VisitCount != 2 || got.Status(today) != model.StatusActive {
		t.Errorf("visits on two days: %d visit days, %s", got.VisitCount, got.Status(today))
	}
	rows, err := s.ListClients(ctx, model.ClientQuery{Status: model.StatusAtRisk})
	if err != nil || len(rows) != 0 {
		t.Errorf("at risk after two days of coming: %d clients, %v", len(rows), err)
	}
}
