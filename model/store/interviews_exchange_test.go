package store

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/hiring"
)

// openClocked opens a new database of the run's backend whose clock reads *now.
func openClocked(t *testing.T, now *time.Time) *Store {
	t.Helper()
	s, err := Open(testDatabase(t), WithClock(func() time.Time { return *now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// interviewed fills a database with a candidate assessed by one
// interviewer, with a question asked and a working-day plan.
func interviewed(t *testing.T, s *Store) (hiring.Candidate, hiring.Form) {
	t.Helper()
	ctx := context.Background()
	q := hiring.Question{Criterion: hiring.Knowledge, Text: "Чем пилинг отличается от чистки?", Active: true}
	ts := hiring.TaskSet{Name: "Рабочий день", Tasks: []hiring.DayTask{
		{Title: "Вводная лекция", Priority: hiring.Must, Minutes: 60},
		{Title: "Обед с подругой", Personal: true, Priority: hiring.Drop, Minutes: 90}}}
	c := hiring.Candidate{Name: "Кузнецова Мария", Phone: "+79161112233", Status: hiring.StatusInterview}
	if err := s.SaveQuestion(ctx, &q); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTaskSet(ctx, &ts); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCandidate(ctx, &c); err != nil {
		t.Fatal(err)
	}
	f := hiring.Form{CandidateID: c.ID, Interviewer: "Смирнова", On: s.Today(), Scores: scores(4, 5, 4, 3, 3, 4)}
	f.Scores[0].Questions, f.Scores[0].Notes = joinIDs([]uint{q.ID}), "уверенно"
	if err := s.SaveForm(ctx, &f); err != nil {
		t.Fatal(err)
	}
	p := hiring.DayPlan{FormID: f.ID, SetID: ts.ID, Start: 9 * 60, End: 18 * 60, Items: []hiring.PlanItem{
		{TaskID: ts.Tasks[0].ID, Order: 1, Minutes: 60}, {TaskID: ts.Tasks[1].ID, Dropped: true}}}
	if err := s.SaveDayPlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return c, f
}

func exportInterviews(t *testing.T, s *Store, since model.Date) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportInterviews(context.Background(), &buf, since); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestInterviewsTravelToALaptopAndBackOnce(t *testing.T) {
	ctx := context.Background()
	now := fixedNow
	office, laptop := openClocked(t, &now), openClocked(t, &now)
	c, _ := interviewed(t, office)
	file := exportInterviews(t, office, model.Date{})
	if !strings.Contains(string(file), `"format": "companion-interviews"`) || !strings.Contains(string(file), `"schema": `) {
		t.Fatalf("the file's header:\n%.300s", file)
	}
	res, err := laptop.ImportInterviews(ctx, bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if res.Candidates.Added != 1 || res.Forms.Added != 1 || res.Questions.Added != 1 || res.TaskSets.Added != 1 {
		t.Fatalf("first import: %+v", res)
	}
	res, err = laptop.ImportInterviews(ctx, bytes.NewReader(file))
	if err != nil || res.Candidates.Unchanged != 1 || res.Forms.Unchanged != 1 || res.Forms.Added+res.Forms.Updated != 0 ||
		res.Questions.Added != 0 || res.TaskSets.Unchanged != 1 || len(res.Conflicts) != 0 {
		t.Fatalf("the second import changed something: %+v %v", res, err)
	}
	list, _ := laptop.Candidates(ctx)
	forms, _ := laptop.Forms(ctx, list[0].ID, "")
	if len(list) != 1 || list[0].UUID != c.UUID || len(forms) != 1 || forms[0].Scores[0].Notes != "уверенно" {
		t.Fatalf("on the laptop: %+v %+v", list, forms)
	}
	qs, _ := laptop.Questions(ctx)
	if forms[0].Scores[0].Questions != joinIDs([]uint{qs[0].ID}) {
		t.Errorf("the question asked is %q, the bank has %d", forms[0].Scores[0].Questions, qs[0].ID)
	}
	plan, ok, _ := laptop.DayPlanOf(ctx, forms[0].ID)
	sets, _ := laptop.TaskSets(ctx)
	if !ok || len(plan.Items) != 2 || hiring.ScoreDay(sets[0].Tasks, plan).Organisation != 5 {
		t.Errorf("the plan on the laptop: %+v", plan)
	}
	if again := exportInterviews(t, laptop, model.Date{}); !bytes.Equal(uuidless(again), uuidless(file)) {
		t.Errorf("the laptop exports another file:\n%s", firstDifference(file, again))
	}
}

// uuidless drops what differs between two databases holding the same
// interviews: the question bank's refs.
func uuidless(b []byte) []byte {
	return refRE.ReplaceAll(b, nil)
}

func TestAFormEditedOnBothSidesKeepsTheNewer(t *testing.T) {
	ctx := context.Background()
	now := fixedNow
	office, laptop := openClocked(t, &now), openClocked(t, &now)
	_, f := interviewed(t, office)
	since := office.Today()
	if _, err := laptop.ImportInterviews(ctx, bytes.NewReader(exportInterviews(t, office, model.Date{}))); err != nil {
		t.Fatal(err)
	}
	now = fixedNow.Add(time.Hour)
	f.Notes = "в офисе"
	if err := office.SaveForm(ctx, &f); err != nil {
		t.Fatal(err)
	}
	stale := exportInterviews(t, office, since)
	now = fixedNow.Add(2 * time.Hour)
	lf, _ := laptop.Candidates(ctx)
	forms, _ := laptop.Forms(ctx, lf[0].ID, "")
	forms[0].Notes, forms[0].Scores[4].Score = "на ноутбуке", 5
	if err := laptop.SaveForm(ctx, &forms[0]); err != nil {
		t.Fatal(err)
	}
	res, err := office.ImportInterviews(ctx, bytes.NewReader(exportInterviews(t, laptop, since)))
	if err != nil || res.Forms.Updated != 1 || len(res.Conflicts) != 1 || res.Conflicts[0].Won != hiring.WonFile ||
		res.Conflicts[0].Interviewer != "Смирнова" || res.Conflicts[0].Candidate != "Кузнецова Мария" {
		t.Fatalf("the laptop's newer form: %+v %v", res, err)
	}
	got, _ := office.Forms(ctx, f.CandidateID, "")
	if got[0].Notes != "на ноутбуке" || got[0].ScoreMap()[hiring.Stress] != 5 {
		t.Errorf("the office keeps %+v", got[0])
	}
	res, err = laptop.ImportInterviews(ctx, bytes.NewReader(stale))
	if err != nil || res.Forms.Unchanged != 1 || len(res.Conflicts) != 1 || res.Conflicts[0].Won != hiring.WonHere {
		t.Fatalf("the office's older form: %+v %v", res, err)
	}
	if mine, _ := laptop.Forms(ctx, lf[0].ID, ""); mine[0].Notes != "на ноутбуке" {
		t.Errorf("the laptop lost its newer form: %+v", mine[0])
	}
}

func TestANewerOrBrokenInterviewsFileIsRefusedWhole(t *testing.T) {
	ctx := context.Background()
	now := fixedNow
	office, other := openClocked(t, &now), openClocked(t, &now)
	interviewed(t, office)
	file := string(exportInterviews(t, office, model.Date{}))
	newer := []string{
		strings.Replace(file, `"version": 1`, `"version": 2`, 1),
		schemaRE.ReplaceAllString(file, `"schema": 999`),
	}
	for _, f := range newer {
		_, err := other.ImportInterviews(ctx, strings.NewReader(f))
		if fieldKey(err, "") != "exchange.interviews.newer" {
			t.Errorf("a newer file: %v", err)
		}
	}
	broken := []string{
		file[:len(file)/2],
		strings.Replace(file, `"priority": "drop"`, `"priority": "soon"`, 1),
		strings.Replace(file, `"interviewer": "Смирнова"`, `"interviewer": ""`, 1),
		strings.Replace(file, `"companion-interviews"`, `"companion-exchange"`, 1),
	}
	for i, f := range broken {
		if _, err := other.ImportInterviews(ctx, strings.NewReader(f)); err == nil {
			t.Errorf("broken file %d imported", i)
		}
	}
	if list, _ := other.Candidates(ctx); len(list) != 0 {
		t.Errorf("a refused file wrote %+v", list)
	}
	if qs, _ := other.Questions(ctx); len(qs) != 0 {
		t.Errorf("a refused file wrote questions %+v", qs)
	}
}

var (
	refRE    = regexp.MustCompile(`"(ref|questions)": (\d+|\[[\d,\s]*\])`)
	schemaRE = regexp.MustCompile(`"schema": \d+`)
)
