package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"companion/model/hiring"
	"companion/model/i18n"
	"companion/model/store"
	"companion/model/store/storetest"
)

func scoresOf(vals ...int) []hiring.Score {
	out := make([]hiring.Score, len(vals))
	for i, v := range vals {
		out[i] = hiring.Score{Criterion: hiring.Criteria[i], Score: v}
	}
	return out
}

// interviewedTwice is a database with a candidate two interviewers
// assessed, one of them with the working-day test.
func interviewedTwice(t *testing.T) (string, uint) {
	db := storetest.Database(t)
	var id uint
	ctx := context.Background()
	withStore(t, db, func(s *store.Store) {
		ts := hiring.TaskSet{Name: "Рабочий день", Tasks: []hiring.DayTask{
			{Title: "Вводная лекция", Priority: hiring.Must, Minutes: 60},
			{Title: "Обед с подругой", Personal: true, Priority: hiring.Drop, Minutes: 90}}}
		c := hiring.Candidate{Name: "Кузнецова Мария", Phone: "+79161112233", Source: "hh.ru"}
		for _, err := range []error{s.SetSalonName(ctx, "Студия «Лотос»"), s.SaveTaskSet(ctx, &ts), s.SaveCandidate(ctx, &c)} {
			if err != nil {
				t.Fatal(i18n.ErrorText(err))
			}
		}
		id = c.ID
		first := hiring.Form{CandidateID: c.ID, Interviewer: "Смирнова", On: s.Today(), Scores: scoresOf(4, 5, 4, 3, 3, 4)}
		first.Scores[1].Notes = "спокойно вела диалог"
		second := hiring.Form{CandidateID: c.ID, Interviewer: "Громов", On: s.Today(), Scores: scoresOf(4, 4, 4, 3, 1, 4)}
		for _, f := range []*hiring.Form{&first, &second} {
			if err := s.SaveForm(ctx, f); err != nil {
				t.Fatal(i18n.ErrorText(err))
			}
			if err := s.SubmitForm(ctx, f.ID); err != nil {
				t.Fatal(err)
			}
		}
		p := hiring.DayPlan{FormID: first.ID, SetID: ts.ID, Start: 8 * 60, End: 22 * 60, Items: []hiring.PlanItem{
			{TaskID: ts.Tasks[1].ID, Order: 1, Minutes: 90}, {TaskID: ts.Tasks[0].ID, Order: 2, Minutes: 10}}}
		if err := s.SaveDayPlan(ctx, &p); err != nil {
			t.Fatal(i18n.ErrorText(err))
		}
	})
	return db, id
}

func TestReportInterviewPrintsTheTotals(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	db, id := interviewedTwice(t)
	pdf := filepath.Join(t.TempDir(), "собеседование.pdf")
	var out bytes.Buffer
	if err := run([]string{"report", "interview", "--db", db, "--candidate", strconv.Itoa(int(id)), "--out", pdf}, &out); err != nil {
		t.Fatalf("%s\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Отчёт о собеседовании с кандидатом Кузнецова Мария записан в "+pdf+": анкет 2.")
	text := readPDF(t, pdf)
	// (4·20 + 5·20 + 4·15 + 3·15 + 3·15 + 4·15) / 100 = 3,90; Громов 3,40; the mean 3,65
	for _, want := range []string{"Студия «Лотос»", "Отчёт о собеседовании", "Кузнецова Мария",
		"Смирнова", "3,90 принять", "Громов", "3,40 принять и обучить", "Среднее по анкетам 3,65 принять",
		"спокойно вела диалог", "Обед с подругой", "Вводная лекция", "Стрессоустойчивость: 3 и 1",
		"мало данных: 1 общий кандидат (нужно не меньше 5)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if err := run([]string{"report", "interview", "--db", db, "--candidate", "999", "--out", pdf}, &out); i18n.ErrorText(err) != "Кандидата № 999 нет." {
		t.Errorf("an unknown candidate: %v", i18n.ErrorText(err))
	}
}
