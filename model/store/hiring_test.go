package store

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/hiring"
)

func scores(vals ...int) []hiring.Score {
	out := make([]hiring.Score, len(vals))
	for i, v := range vals {
		out[i] = hiring.Score{Criterion: hiring.Criteria[i], Score: v}
	}
	return out
}

func TestAnInterviewerSeesOthersScoresOnlyAfterSubmitting(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	iv := s.As(model.RoleInterviewer)
	c := hiring.Candidate{Name: "Кузнецова Мария", Phone: "8 916 111-22-33", Source: "hh.ru"}
	if err := iv.SaveCandidate(ctx, &c); err != nil || c.UUID == "" || c.Status != hiring.StatusNew {
		t.Fatalf("candidate: %v %+v", err, c)
	}
	first := hiring.Form{CandidateID: c.ID, Interviewer: "Смирнова", On: s.Today(), Scores: scores(4, 5, 4, 3, 3, 4)}
	second := hiring.Form{CandidateID: c.ID, Interviewer: "Громов", On: s.Today(), Scores: scores(4, 3)}
	for _, f := range []*hiring.Form{&first, &second} {
		if err := iv.SaveForm(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := iv.SubmitForm(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	seen, _ := iv.Forms(ctx, c.ID, "Громов")
	if len(seen) != 2 || len(seen[0].Scores) != 0 || len(seen[1].Scores) != 2 {
		t.Fatalf("before submitting, Громов sees %+v", seen)
	}
	second.Scores = scores(4, 3, 5, 3, 1, 4)
	if err := iv.SaveForm(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if err := iv.SubmitForm(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	seen, _ = iv.Forms(ctx, c.ID, "Громов")
	if len(seen[0].Scores) != 6 {
		t.Errorf("after submitting, Громов does not see Смирнова's scores: %+v", seen)
	}
	if d := hiring.Disagreements(seen[0].ScoreMap(), seen[1].ScoreMap()); len(d) != 2 {
		t.Errorf("disagreements %v", d)
	}
	second.Notes = "поправка"
	if fieldKey(iv.SaveForm(ctx, &second), "form") != "err.hiring.submitted" {
		t.Error("a submitted form changed")
	}
	if _, err := s.As(model.RoleManager).Candidates(ctx); err == nil {
		t.Error("the manager sees candidates")
	}
}

func TestAgreementNeedsEnoughCandidates(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	pairs := [][2][]int{
		{{4, 4, 4, 4, 4, 4}, {4, 4, 4, 4, 4, 4}}, {{2, 2, 2, 2, 2, 2}, {2, 3, 2, 2, 2, 2}},
		{{5, 5, 5, 5, 5, 5}, {5, 5, 4, 5, 5, 5}}, {{3, 3, 3, 3, 3, 3}, {3, 3, 3, 3, 3, 3}}, {{1, 2, 1, 2, 1, 2}, {2, 2, 1, 2, 1, 2}},
	}
	for i, p := range pairs {
		c := hiring.Candidate{Name: "Кандидат " + string(rune('А'+i))}
		if err := s.SaveCandidate(ctx, &c); err != nil {
			t.Fatal(err)
		}
		for j, who := range []string{"Смирнова", "Громов"} {
			f := hiring.Form{CandidateID: c.ID, Interviewer: who, On: s.Today(), Scores: scores(p[j]...)}
			if err := s.SaveForm(ctx, &f); err != nil {
				t.Fatal(err)
			}
			if err := s.SubmitForm(ctx, f.ID); err != nil {
				t.Fatal(err)
			}
		}
		icc, n, enough, err := s.Agreement(ctx, "Смирнова", "Громов")
		if err != nil || n != i+1 || enough != (n >= hiring.MinRated) {
			t.Fatalf("after %d: %v %v %v %v", i+1, icc, n, enough, err)
		}
		if n == len(pairs) && icc < 0.9 {
			t.Errorf("close raters agree at %.2f", icc)
		}
	}
}

func TestAHiredCandidateBecomesStaffAndAPlanCountsOnceAgreed(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	c := hiring.Candidate{Name: "Орлова Вера", Phone: "+79161234567", Status: hiring.StatusOffer}
	if err := s.SaveCandidate(ctx, &c); err != nil {
		t.Fatal(err)
	}
	st, err := s.HireCandidate(ctx, c.ID, "менеджер сопровождения", nil)
	if err != nil || st.ID == 0 || st.Name != "Орлова Вера" || !st.Active {
		t.Fatalf("hired: %v %+v", err, st)
	}
	list, _ := s.Candidates(ctx)
	if list[0].Status != hiring.StatusHired || list[0].StaffID == nil || *list[0].StaffID != st.ID {
		t.Errorf("candidate after hiring: %+v", list[0])
	}
	plan := hiring.DevPlan{StaffID: st.ID, Title: "Первые три месяца", Items: []hiring.DevItem{
		{Gap: "Продажи", Learn: "Техники продаж без давления", Method: "roleplay", Check: "Ролевая игра с директором", Deadline: s.Today().AddDays(60)},
		{Gap: "Стрессоустойчивость", Method: "mentoring"},
	}}
	if err := s.SaveDevPlan(ctx, &plan); fieldKey(err, model.LineField(1, "learn")) != "err.dev.required" {
		t.Errorf("an item without what to learn: %v", err)
	}
	plan.Items = plan.Items[:1]
	if err := s.SaveDevPlan(ctx, &plan); err != nil {
		t.Fatal(err)
	}
	plans, _ := s.DevPlans(ctx, st.ID)
	if len(plans) != 1 || plans[0].Counts() || len(plans[0].Items) != 1 {
		t.Fatalf("plans %+v", plans)
	}
	plans[0].AgreedOn = s.Today()
	if err := s.SaveDevPlan(ctx, &plans[0]); err != nil {
		t.Fatal(err)
	}
	if plans, _ := s.DevPlans(ctx, st.ID); !plans[0].Counts() {
		t.Error("the agreement is not kept")
	}
}

func TestWorkingDayPlansAndTheSettings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ts := hiring.TaskSet{Name: "Рабочий день менеджера сопровождения", Tasks: []hiring.DayTask{
		{Title: "Вводная лекция", Priority: hiring.Must, Minutes: 60},
		{Title: "Обед с подругой", Personal: true, Priority: hiring.Drop, Minutes: 90},
	}}
	if err := s.SaveTaskSet(ctx, &ts); err != nil || ts.ID == 0 || ts.Tasks[1].ID == 0 {
		t.Fatalf("task set: %v %+v", err, ts)
	}
	c := hiring.Candidate{Name: "Ким Анна"}
	_ = s.SaveCandidate(ctx, &c)
	f := hiring.Form{CandidateID: c.ID, Interviewer: "Смирнова", On: s.Today()}
	_ = s.SaveForm(ctx, &f)
	p := hiring.DayPlan{FormID: f.ID, SetID: ts.ID, Start: 9 * 60, End: 18 * 60, Items: []hiring.PlanItem{
		{TaskID: ts.Tasks[0].ID, Order: 1, Minutes: 60}, {TaskID: ts.Tasks[1].ID, Dropped: true}}}
	if err := s.SaveDayPlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.End = 17 * 60
	if err := s.SaveDayPlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.DayPlanOf(ctx, f.ID)
	if err != nil || !ok || got.End != 17*60 || len(got.Items) != 2 {
		t.Fatalf("plan %v %v %+v", ok, err, got)
	}
	if sc := hiring.ScoreDay(ts.Tasks, got); sc.Organisation != 5 {
		t.Errorf("a good day scores %+v", sc)
	}
	bad := map[string]int{hiring.Knowledge: 50}
	if err := s.SetInterviewSettings(ctx, bad, 3.5); err == nil {
		t.Error("weights that do not sum to 100 % were stored")
	}
	w := map[string]int{}
	for k, v := range hiring.DefaultWeights {
		w[k] = v
	}
	w[hiring.Knowledge], w[hiring.Positivity] = 25, 10
	if err := s.SetInterviewSettings(ctx, w, 3.8); err != nil {
		t.Fatal(err)
	}
	if got, pass, _ := s.InterviewSettings(ctx); got[hiring.Knowledge] != 25 || pass != 3.8 {
		t.Errorf("settings %v %v", got, pass)
	}
	for _, name := range []string{"Эмпатия", "эмпатия"} {
		err := s.SaveCompetency(ctx, &hiring.Competency{Kind: "quality", Name: name})
		if name == "эмпатия" && fieldKey(err, "name") != "err.hiring.competency_taken" {
			t.Errorf("a competency twice: %v", err)
		}
	}
}
