package hiring_test

import (
	"context"
	"slices"
	"testing"

	"companion/model"
	"companion/model/hiring"
	"companion/ui/uitest"
	"companion/ui/widgets"
)

func TestACandidateAddedThenHiredBecomesStaff(t *testing.T) {
	sl := newSalon(t, model.RoleInterviewer)
	ctx := context.Background()
	block := model.Block{Name: "Косметология"}
	if err := sl.s.SaveBlock(ctx, &block); err != nil {
		t.Fatal(err)
	}
	sl.open(t, "Смирнова")
	w := sl.w
	uitest.Tap(t, w, "Новый кандидат")
	uitest.Type(t, w, "ФИО", "Орлова Вера")
	uitest.Type(t, w, "Телефон", "8 916 123-45-67")
	uitest.Type(t, w, "Эл. почта", "не почта")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Message(t, w, "Эл. почта") == "" {
		t.Fatalf("a wrong email is not refused: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Эл. почта", "")
	uitest.Choose(t, w, "Статус", "предложение")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 || !uitest.Shows(w, "предложение с 27.11.2026") {
		t.Fatalf("the new candidate: %q / %q", uitest.DialogTexts(w), uitest.Texts(w))
	}
	uitest.Choose(t, w, "Все статусы", "предложение")
	if rows := uitest.ListRows(uitest.ListNear(t, w, "Новый кандидат")); len(rows) != 1 || rows[0][0] != "Орлова Вера" {
		t.Errorf("the offers: %q", rows)
	}
	uitest.Tap(t, w, "Принять на работу…")
	uitest.Choose(t, w, "Блок", "Косметология")
	uitest.Tap(t, w, "Сохранить")
	if !uitest.DialogShows(w, "Орлова Вера теперь в списке персонала.") {
		t.Fatalf("hired: %q", uitest.DialogTexts(w))
	}
	staff, _ := sl.s.AllStaff(ctx)
	i := slices.IndexFunc(staff, func(s model.Staff) bool { return s.Name == "Орлова Вера" })
	if i < 0 || staff[i].Role != "менеджер сопровождения" || staff[i].BlockID == nil || *staff[i].BlockID != block.ID {
		t.Fatalf("the staff: %+v", staff)
	}
	cands, _ := sl.s.Candidates(ctx)
	for _, c := range cands {
		if c.Name == "Орлова Вера" && (c.Status != hiring.StatusHired || c.StaffID == nil) {
			t.Errorf("the candidate after hiring: %+v", c)
		}
	}
}

func TestCandidatesSideBySideAndTooFewToJudgeTheAgreement(t *testing.T) {
	sl := newSalon(t, model.RoleOwner)
	other := hiring.Candidate{Name: "Ким Анна"}
	if err := sl.s.SaveCandidate(context.Background(), &other); err != nil {
		t.Fatal(err)
	}
	sl.submitted(t, sl.cand.ID, "Смирнова", 4, 5, 4, 3, 3, 4)
	sl.submitted(t, sl.cand.ID, "Громов", 4, 3, 5, 3, 1, 4)
	sl.submitted(t, other.ID, "Смирнова", 2, 3, 3, 2, 2, 3)
	sl.submitted(t, other.ID, "Громов", 3, 3, 2, 2, 3, 3)
	sl.open(t, "")
	w := sl.w
	uitest.TapTab(t, w, "Сравнение")
	radar := uitest.Shown[*widgets.RadarChart](w)
	if len(radar) != 1 || len(radar[0].Profiles()) != 2 {
		t.Fatalf("the radar: %+v", radar)
	}
	ps := radar[0].Profiles()
	if p := ps[slices.IndexFunc(ps, func(p widgets.Profile) bool { return p.Name == "Кузнецова Мария" })]; p.Values[1] != 4 || p.Values[4] != 2 {
		t.Errorf("Кузнецова's profile: %+v", p)
	}
	for _, want := range []string{"Кузнецова Мария", "Ким Анна", "4,5", "отказать", "2 анкеты"} {
		if !uitest.Shows(w, want) {
			t.Errorf("the comparison does not show %q: %q", want, uitest.Texts(w))
		}
	}
	uitest.Toggle(t, w, "Ким Анна")
	if len(radar[0].Profiles()) != 1 {
		t.Errorf("Ким Анна stays on the radar: %+v", radar[0].Profiles())
	}
	uitest.TapTab(t, w, "Согласованность оценок")
	uitest.Choose(t, w, "Первый интервьюер", "Громов")
	uitest.Choose(t, w, "Второй интервьюер", "Смирнова")
	if !uitest.Shows(w, "Общих кандидатов пока 2 — слишком мало, чтобы судить о согласованности: нужно хотя бы 5.") {
		t.Errorf("the agreement over two candidates: %q", uitest.Texts(w))
	}
}
