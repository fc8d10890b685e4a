package model

import (
	"reflect"
	"testing"
	"time"
)

func TestPlaceScheduleOnTheClientsDays(t *testing.T) {
	monWedFri := Weekdays(1<<0 | 1<<2 | 1<<4)
	tests := []struct {
		name  string
		start Date
		days  Weekdays
		items []ProgramItem
		want  []string
	}{
		{"twice a week on Mon/Wed/Fri, over a month end, from a Thursday",
			date(2026, 1, 29), monWedFri, []ProgramItem{{Sessions: 4, PerWeek: 2}},
			// Mon and Thu would be spread; of Mon/Wed/Fri the picks are Mon and Wed
			[]string{"2026-02-02", "2026-02-04", "2026-02-09", "2026-02-11"}},
		{"once a week on Saturday only",
			date(2026, 3, 2), Weekdays(1 << 5), []ProgramItem{{Sessions: 3, PerWeek: 1}},
			[]string{"2026-03-07", "2026-03-14", "2026-03-21"}},
		{"three a week but the client gave one day: the rest spread over the others",
			date(2026, 3, 2), Weekdays(1 << 0), []ProgramItem{{Sessions: 3, PerWeek: 3}},
			[]string{"2026-03-02", "2026-03-05", "2026-03-07"}},
		{"no days given: spread over the whole week, the start day counts",
			date(2026, 3, 4), 0, []ProgramItem{{Sessions: 3, PerWeek: 2}},
			[]string{"2026-03-05", "2026-03-09", "2026-03-12"}},
		{"two services share the client's days, in item order",
			date(2026, 3, 2), monWedFri, []ProgramItem{{Sessions: 2, PerWeek: 1}, {Sessions: 2, PerWeek: 3}},
			[]string{"2026-03-02", "2026-03-02", "2026-03-04", "2026-03-09"}},
		{"an item of no sessions places nothing", date(2026, 3, 2), monWedFri, []ProgramItem{{Sessions: 0, PerWeek: 2}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PlaceSchedule(Program{StartOn: tt.start, Days: tt.days, Items: tt.items})
			var days []string
			for _, s := range got {
				days = append(days, s.On.ISO())
			}
			if !reflect.DeepEqual(days, tt.want) {
				t.Errorf("schedule %v, want %v", days, tt.want)
			}
		})
	}
}

func TestPlaceScheduleSpreadsAShortItemOverTheProgramsWeeks(t *testing.T) {
	// eight weeks from Monday 2 March: three peels in weeks one, three and
	// six; eight trainings once a week fill them all
	p := Program{StartOn: date(2026, 3, 2), GoalBy: date(2026, 4, 27), Days: Weekdays(1 << 0),
		Items: []ProgramItem{{Sessions: 3, PerWeek: 1}, {Sessions: 8, PerWeek: 1}}}
	var peels, trainings []string
	for _, s := range PlaceSchedule(p) {
		if s.Item == 0 {
			peels = append(peels, s.On.ISO())
		} else {
			trainings = append(trainings, s.On.ISO())
		}
	}
	if want := []string{"2026-03-02", "2026-03-16", "2026-04-06"}; !reflect.DeepEqual(peels, want) {
		t.Errorf("peels %v, want %v", peels, want)
	}
	if len(trainings) != 8 || trainings[7] != "2026-04-20" {
		t.Errorf("trainings %v", trainings)
	}
	// a goal sooner than the sessions need: one week after another
	p.GoalBy = date(2026, 3, 9)
	if got := PlaceSchedule(p); len(got) != 11 || got[len(got)-1].On != date(2026, 4, 20) {
		t.Errorf("a short goal: %v", got)
	}
}

func TestPlaceScheduleKeepsTheItemOfEachSession(t *testing.T) {
	p := Program{StartOn: date(2026, 3, 2), Days: Weekdays(1<<0 | 1<<3),
		Items: []ProgramItem{{Sessions: 2, PerWeek: 1}, {Sessions: 2, PerWeek: 2}}}
	got := PlaceSchedule(p)
	want := []Session{{date(2026, 3, 2), 0}, {date(2026, 3, 2), 1}, {date(2026, 3, 5), 1}, {date(2026, 3, 9), 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestPriceOfCountsTheCardAndTheDiscount(t *testing.T) {
	p := Program{StartOn: date(2026, 3, 2), Days: Weekdays(1 << 0), Discount: Rub(500), Items: []ProgramItem{
		{Price: Rub(2000), Sessions: 4, PerWeek: 1, ByCard: true}, // Mondays 2, 9, 16, 23 March
		{Price: Rub(3000), Sessions: 2, PerWeek: 1},
	}}
	sched := PlaceSchedule(p)
	tests := []struct {
		name     string
		card     *CardState
		byCard   Money
		sessions int
		toPay    Money
	}{
		{"no card: all in money", nil, 0, 0, Rub(14000 - 500)},
		{"a card with two visits left pays the first two", &CardState{Status: CardActive, VisitsLeft: 2}, Rub(4000), 2, Rub(10000 - 500)},
		{"an unlimited card valid to 10 March pays the sessions up to then",
			&CardState{Status: CardActive, VisitsLeft: -1, ValidTo: date(2026, 3, 10)}, Rub(4000), 2, Rub(9500)},
		{"a card not yet activated has no end yet", &CardState{Status: CardNotActivated, VisitsLeft: 10}, Rub(8000), 4, Rub(5500)},
		{"an expired card pays nothing", &CardState{Status: CardExpired, VisitsLeft: 5}, 0, 0, Rub(13500)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := PriceOf(p, sched, tt.card)
			if pr.Total != Rub(14000) || pr.ByCard != tt.byCard || pr.CardSessions != tt.sessions || pr.ToPay != tt.toPay {
				t.Errorf("price %+v", pr)
			}
			if pr.Total != pr.ByCard+pr.Discount+pr.ToPay {
				t.Errorf("the parts do not add up: %+v", pr)
			}
		})
	}
	all := PriceOf(Program{Discount: Rub(100), Items: p.Items[:1]}, sched[:1], &CardState{Status: CardActive, VisitsLeft: -1})
	if all.Discount != 0 || all.ToPay != 0 {
		t.Errorf("a discount beyond what is left to pay: %+v", all)
	}
}

func TestProgressCountsSessionsAgainstTheSchedule(t *testing.T) {
	p := Program{Status: ProgramActive, StartOn: date(2026, 3, 2), Days: Weekdays(1<<0 | 1<<3),
		WeightChangeKg: -5, WaistChangeCm: -6,
		Items: []ProgramItem{{ServiceID: 7, Sessions: 8, PerWeek: 2}, {ServiceID: 9, Sessions: 2, PerWeek: 1}}}
	sched := PlaceSchedule(p)
	done := []SessionDone{
		{date(2026, 2, 20), 7, 1}, // before the start: not the program's
		{date(2026, 3, 2), 7, 1}, {date(2026, 3, 5), 7, 1}, {date(2026, 3, 2), 9, 1},
		// the week of 9 March missed
		{date(2026, 3, 16), 7, 1}, {date(2026, 3, 16), 9, 3}, // three of an item of two: two count
	}
	as := []Assessment{{On: date(2026, 3, 20), WeightKg: 80, WaistCm: 88}, {On: date(2026, 2, 27), WeightKg: 84}, {On: date(2026, 1, 10), WaistCm: 94}}
	tests := []struct {
		name              string
		today             Date
		done, due, pct    int
		behind            bool
		weightShare       float64
		weightStart, wLat float64
	}{
		{"first week done", date(2026, 3, 6), 3, 3, 30, false, 0.8, 84, 80},
		{"a missed week: 5 of 7 due is behind", date(2026, 3, 17), 5, 7, 50, true, 0.8, 84, 80},
		{"the day before the start", date(2026, 3, 1), 0, 0, 0, false, 0.8, 84, 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := ProgressOf(p, sched, done, as, tt.today)
			if pr.Planned != 10 || pr.Done != tt.done || pr.Due != tt.due || pr.Percent != tt.pct || pr.Behind != tt.behind {
				t.Errorf("progress %+v", pr)
			}
			if !pr.Weight.Known || pr.Weight.Start != tt.weightStart || pr.Weight.Latest != tt.wLat || pr.Weight.Target != 79 || pr.Weight.Share != tt.weightShare {
				t.Errorf("weight %+v", pr.Weight)
			}
			if !pr.Waist.Known || pr.Waist.Start != 94 || pr.Waist.Latest != 88 || pr.Waist.Share != 1 {
				t.Errorf("waist %+v", pr.Waist)
			}
		})
	}
	p.Status = ProgramDraft
	if pr := ProgressOf(p, sched, nil, nil, date(2026, 4, 1)); pr.Behind || pr.Weight.Known {
		t.Errorf("a draft is never behind; no assessment, no goal progress: %+v", pr)
	}
	p.Status = ProgramActive
	if pr := ProgressOf(p, sched, nil, []Assessment{{On: date(2026, 3, 10), WeightKg: 83}}, date(2026, 4, 1)); !pr.Weight.Known || pr.Weight.Start != 83 || pr.Weight.Share != 0 {
		t.Errorf("with no measurement before the start the first after it is the start: %+v", pr.Weight)
	}
}

func TestMatchContraindicationsByStem(t *testing.T) {
	list := []string{"гипертония", "беременность", "варикоз", "воспаления кожи", "болезни сердца", "простуда, температура"}
	tests := []struct {
		texts []string
		want  []string
	}{
		{[]string{"Гипертоническая болезнь II ст."}, []string{"гипертония"}},
		{[]string{"гипотония"}, nil},
		{[]string{"", "Беременна, 20 недель; варикозное расширение вен"}, []string{"беременность", "варикоз"}},
		{[]string{"воспаление кожи на лице"}, []string{"воспаления кожи"}},
		{[]string{"кожа сухая"}, nil},
		{[]string{"Температура 37,5"}, []string{"простуда, температура"}},
		{[]string{"ишемическая болезнь сердца"}, []string{"болезни сердца"}},
		{nil, nil},
	}
	for _, tt := range tests {
		if got := MatchContraindications(list, tt.texts...); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.texts, got, tt.want)
		}
	}
}

func TestProgramValidateRequiresTheReasonForAContraindicatedItem(t *testing.T) {
	card := uint(3)
	p := Program{Title: " Фигура ", Status: ProgramActive, StartOn: date(2026, 3, 2), GoalBy: date(2026, 3, 1),
		Discount: Rub(99999), Items: []ProgramItem{
			{ServiceID: 1, Name: "Массаж", Price: Rub(2000), Sessions: 0, PerWeek: 8, ByCard: true},
			{ServiceID: 2, Name: "Хаммам", Price: Rub(1000), Sessions: 1, PerWeek: 1},
		}}
	MarkContraindicated(&p, map[uint]Service{2: {Contraindications: []string{"гипертония"}}}, "гипертония")
	err := p.Validate()
	v, ok := err.(ValidationErrors)
	if !ok {
		t.Fatalf("not validation errors: %v", err)
	}
	for _, f := range []string{"goal_by", "discount", LineField(0, "sessions"), LineField(0, "per_week"), LineField(0, "by_card"), LineField(1, "override")} {
		if v.For(f) == nil {
			t.Errorf("no error at %s: %v", f, v)
		}
	}
	p.GoalBy, p.Discount, p.CardID = date(2026, 5, 1), 0, &card
	p.Items[0].Sessions, p.Items[0].PerWeek, p.Items[1].Override = 10, 2, "Давление под контролем, справка от терапевта"
	if err := p.Validate(); err != nil || p.Title != "Фигура" || p.Items[1].Contraindicated != "гипертония" {
		t.Errorf("a program with the reason given: %v %+v", err, p)
	}
	MarkContraindicated(&p, map[uint]Service{2: {}}, "гипертония")
	if p.Items[1].Override != "" {
		t.Errorf("an item that no longer matches keeps an override: %+v", p.Items[1])
	}
}

func TestTemplateStartsADraftOnTheClientsDays(t *testing.T) {
	tpl := ProgramTemplate{Name: "Антистресс, 4 недели", Weeks: 4, WeightChangeKg: -2,
		Items: []TemplateItem{{ServiceID: 1, Sessions: 4, PerWeek: 1}, {ServiceID: 2, Sessions: 2, PerWeek: 1}}}
	c := Client{ID: 5, PreferredDays: Weekdays(1 << 5), PreferredTime: TimeMorning}
	services := map[uint]Service{1: {ID: 1, Name: "Массаж", Price: Rub(2500), Active: true}, 2: {ID: 2, Name: "Хаммам", Active: false}}
	p := tpl.Start(c, services, date(2026, 3, 2))
	if p.Status != ProgramDraft || p.ClientID != 5 || p.GoalBy != date(2026, 3, 30) || p.Days != c.PreferredDays ||
		p.TimeOfDay != TimeMorning || len(p.Items) != 1 || p.Items[0].Price != Rub(2500) || p.Items[0].Name != "Массаж" {
		t.Errorf("program from a template: %+v", p)
	}
	back := TemplateOf(p, "Моя")
	if back.Weeks != 4 || len(back.Items) != 1 || back.Items[0].Sessions != 4 || back.WeightChangeKg != -2 {
		t.Errorf("template of a program: %+v", back)
	}
}

func TestRecommendationDecisions(t *testing.T) {
	today := date(2026, 3, 10)
	r := Recommendation{StaffID: 1, ServiceID: 2, Reason: "Кожа обезвожена", On: today}
	if err := r.Validate(today); err != nil || r.Decision != RecWaiting || !r.Waiting(today) {
		t.Fatalf("new: %v %+v", err, r)
	}
	r.Decision = RecDeclined
	if err := r.Validate(today); err == nil {
		t.Error("declined without a reason")
	}
	r.Decision, r.PostponedTo = RecPostponed, today
	if err := r.Validate(today); err == nil {
		t.Error("postponed to today")
	}
	r.PostponedTo = today.AddDays(7)
	if err := r.Validate(today); err != nil || r.Waiting(today) || !r.Waiting(today.AddDays(7)) {
		t.Errorf("postponed a week: %v, waits today %v", err, r.Waiting(today))
	}
}

func date(y, m, day int) Date { return NewDate(y, time.Month(m), day) }
