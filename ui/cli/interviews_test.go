package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"companion/model/hiring"
	"companion/model/i18n"
	"companion/model/store"
	"companion/model/store/storetest"
)

func TestInterviewsGoToALaptopAndComeBackOnce(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	office, laptop := storetest.Database(t), storetest.Database(t)
	ctx := context.Background()
	withStore(t, office, func(s *store.Store) {
		c := hiring.Candidate{Name: "Кузнецова Мария"}
		if err := s.SaveCandidate(ctx, &c); err != nil {
			t.Fatal(i18n.ErrorText(err))
		}
		f := hiring.Form{CandidateID: c.ID, Interviewer: "Смирнова", On: s.Today(), Scores: []hiring.Score{{Criterion: hiring.Knowledge, Score: 4}}}
		if err := s.SaveForm(ctx, &f); err != nil {
			t.Fatal(i18n.ErrorText(err))
		}
	})
	withStore(t, laptop, func(*store.Store) {})
	file := filepath.Join(t.TempDir(), "собеседования.json")
	var out bytes.Buffer
	if err := run([]string{"export", "interviews", "--db", office, "--since", "01.01.2026", "--out", file}, &out); err != nil {
		t.Fatalf("%s\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Собеседования записаны в "+file+".")
	for i, want := range []string{"Кандидаты: добавлено 1, обновлено 0, без изменений 0.", "Кандидаты: добавлено 0, обновлено 0, без изменений 1."} {
		out.Reset()
		if err := run([]string{"import", "interviews", "--db", laptop, file}, &out); err != nil {
			t.Fatalf("import %d: %s", i+1, i18n.ErrorText(err))
		}
		wantLines(t, out.String(), want, "Конфликтов нет.")
	}
	out.Reset()
	if err := run([]string{"import", "interviews", "--db", laptop}, &out); i18n.ErrorText(err) != "Укажите файл: companion import interviews [--db PATH] F.json." {
		t.Errorf("without a file: %v", i18n.ErrorText(err))
	}
}
