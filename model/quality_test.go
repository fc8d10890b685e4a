package model

import (
	"reflect"
	"testing"
)

func TestNPSAndFiguresAtTheEdges(t *testing.T) {
	tests := []struct {
		answers []int
		want    float64
		n       int
		enough  bool
	}{
		{nil, 0, 0, false},
		{[]int{10, 9, 8, 7, 6, 0}, 0, 6, true},    // 2 promoters, 2 detractors
		{[]int{10, 10, 10, 9, 9}, 100, 5, true},   // all promoters
		{[]int{6, 5, 0, 0, 3}, -100, 5, true},     // all detractors
		{[]int{9, 8, 7}, 33, 3, false},            // too few to compare
		{[]int{9, 9, 7, 7, 7, 7, 6}, 14, 7, true}, // 2/7 − 1/7 = 14.3 %
	}
	for _, tt := range tests {
		f := NPSOf(tt.answers)
		if f.Value != tt.want || f.N != tt.n || f.Enough() != tt.enough || f.Known() != (tt.n > 0) {
			t.Errorf("NPS of %v: %+v, want %v of %d", tt.answers, f, tt.want, tt.n)
		}
	}
	if f := AverageOf([]int{5, 4, 4}); f.Value != 4.3 || f.N != 3 {
		t.Errorf("average %+v", f)
	}
	if f := ShareOf(0, 0); f.Known() {
		t.Errorf("no standard asked gives a share: %+v", f)
	}
}

func TestAComplaintGoesThroughEveryState(t *testing.T) {
	today := NewDate(2026, 11, 27)
	f := Feedback{ClientID: 1, Kind: FeedbackComplaint, Rating: 2, Words: " Мастер опоздала на 20 минут ", On: today.AddDays(-4)}
	if err := f.Validate(today); err != nil || f.State != StateNew || f.Words != "Мастер опоздала на 20 минут" {
		t.Fatalf("received: %v %+v", err, f)
	}
	if !f.Overdue(today) || f.Overdue(today.AddDays(-1)) {
		t.Errorf("a complaint of four days is overdue; of three it is not")
	}
	steps := []struct {
		to    string
		fill  func()
		field string // the field refused before fill
	}{
		{StatePassed, func() { f.PassedBy = "Смирнова О." }, "passed_by"},
		{StateAnswered, func() { f.Answer = "Задержалась на предыдущей процедуре" }, "answer"},
		{StateResolved, func() { f.Resolution = "Разговор с мастером"; f.Compensation = "Скидка 10 %" }, "resolution"},
		{StateClosed, func() { f.Satisfied = true }, ""},
	}
	for _, st := range steps {
		if st.field != "" {
			err := f.Move(st.to, today)
			if v, ok := err.(ValidationErrors); !ok || v.For(st.field) == nil {
				t.Fatalf("%s without %s: %v", st.to, st.field, err)
			}
		}
		st.fill()
		if err := f.Move(st.to, today); err != nil || f.State != st.to {
			t.Fatalf("to %s: %v", st.to, err)
		}
	}
	if f.Open() || f.ResolvedOn != today || f.ContactedOn != today {
		t.Errorf("closed: %+v", f)
	}
	if err := f.Move(StateNew, today); err == nil {
		t.Error("a closed complaint moved back")
	}
	thanks := Feedback{Kind: FeedbackThanks, State: StateNew}
	if err := thanks.Move(StateResolved, today); err == nil {
		t.Error("a thanks was resolved")
	}
	thanks.Withdrawn = "Внесено по ошибке"
	if err := thanks.Move(StateWithdrawn, today); err != nil || thanks.Open() {
		t.Errorf("withdrawal: %v", err)
	}
}

func TestSamplingIsReproducibleAndStandardsApply(t *testing.T) {
	ids := []uint{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	a, b := SampleClients(ids, 4, 42), SampleClients(ids, 4, 42)
	if len(a) != 4 || !reflect.DeepEqual(a, b) {
		t.Errorf("samples %v %v", a, b)
	}
	if c := SampleClients(ids, 4, 43); reflect.DeepEqual(a, c) {
		t.Errorf("another seed drew the same %v", c)
	}
	if all := SampleClients(ids, 0, 1); !reflect.DeepEqual(all, ids) {
		t.Errorf("everyone: %v", all)
	}
	st := Standard{Group: "Гигиена", Text: "Руки обработаны при клиенте", Roles: "косметолог, массажист", Active: true, ServiceIDs: []uint{7}}
	tests := []struct {
		role     string
		services []uint
		want     bool
	}{{"косметолог", []uint{7, 8}, true}, {"тренер", []uint{7}, false}, {"массажист", []uint{8}, false}}
	for _, tt := range tests {
		if got := st.AppliesTo(tt.role, tt.services); got != tt.want {
			t.Errorf("%s %v: %v", tt.role, tt.services, got)
		}
	}
}

func TestScoresPerStaffAndService(t *testing.T) {
	oct := NewDate(2026, 10, 1)
	anna, peel := uint(3), uint(7)
	fb := []Feedback{
		{StaffID: &anna, ServiceID: &peel, Kind: FeedbackComplaint, Rating: 2, On: NewDate(2026, 10, 3), State: StateClosed},
		{StaffID: &anna, Kind: FeedbackThanks, Rating: 5, On: NewDate(2026, 10, 9), State: StatePassed},
		{StaffID: &anna, Kind: FeedbackThanks, Rating: 5, On: NewDate(2026, 10, 9), State: StateWithdrawn},
		{StaffID: &anna, Kind: FeedbackThanks, Rating: 4, On: NewDate(2026, 9, 30)}, // September
	}
	nine, six := 9, 6
	ans := []Answer{
		{On: NewDate(2026, 10, 20), NPS: &nine, Kept: 3, Asked: 4, Staff: []uint{anna}, Services: []uint{peel}},
		{On: NewDate(2026, 10, 21), NPS: &six, Kept: 4, Asked: 4, Staff: []uint{anna}},
		{On: NewDate(2026, 10, 22), Kept: 1, Asked: 2, Staff: []uint{anna}},
	}
	staff, services := Scores(oct, fb, ans)
	s := staff[anna]
	if s.Rating != (Figure{3.5, 2}) || s.Complaints != 1 || s.Thanks != 1 || s.Kept != (Figure{80, 10}) || s.NPS != (Figure{0, 2}) || s.NPS.Enough() {
		t.Errorf("Anna's October: %+v", s)
	}
	if p := services[peel]; p.Complaints != 1 || p.NPS != (Figure{100, 1}) || p.Kept != (Figure{75, 4}) {
		t.Errorf("the peel's October: %+v", p)
	}
}
