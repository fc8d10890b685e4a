package hiring_test

import (
	"context"
	"testing"

	"companion/model"
	"companion/model/hiring"
	"companion/ui/uitest"
)

func TestWeightsNotSummingTo100AreRefusedWithTheStoresSentence(t *testing.T) {
	sl := newSalon(t, model.RoleOwner)
	sl.open(t, "")
	w := sl.w
	uitest.TapTab(t, w, "Настройки найма")
	if got := uitest.Entry(t, w, "Знания и навыки").Text; got != "20" || !uitest.Shows(w, "100 %") {
		t.Fatalf("the default weights: knowledge %q, %q", got, uitest.Texts(w))
	}
	uitest.Type(t, w, "Знания и навыки", "30")
	if !uitest.Shows(w, "110 %") {
		t.Errorf("the sum does not follow: %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Сумма"); msg != "Веса критериев должны давать в сумме 100 %, сейчас 110 %" {
		t.Errorf("weights of 110 %%: %q", msg)
	}
	if weights, _, _ := sl.s.InterviewSettings(context.Background()); weights[hiring.Knowledge] != 20 {
		t.Errorf("refused weights were stored: %v", weights)
	}
	uitest.Type(t, w, "Позитивность", "5")
	uitest.Type(t, w, "Проходной балл", "3,8")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Сумма"); msg != "" || !uitest.Shows(w, "Сохранено") {
		t.Fatalf("weights of 100 %%: %q, %q", msg, uitest.Texts(w))
	}
	weights, pass, _ := sl.s.InterviewSettings(context.Background())
	if weights[hiring.Knowledge] != 30 || weights[hiring.Positivity] != 5 || pass != 3.8 {
		t.Errorf("stored %v %v", weights, pass)
	}
}

func TestANewSalonStartsWithTheSeedsSetupAndTheBankGrows(t *testing.T) {
	sl := newSalon(t, model.RoleInterviewer)
	sl.open(t, "Смирнова")
	w := sl.w
	uitest.TapTab(t, w, "Настройки найма")
	if !uitest.Shows(w, "Эмпатия") || !uitest.Shows(w, hiring.DefaultTaskSet+" · 20 задач") {
		t.Fatalf("a new salon's settings: %q", uitest.Texts(w))
	}
	ctx := context.Background()
	comps, _ := sl.s.Competencies(ctx)
	if len(comps) != len(hiring.DefaultCompetencies()) {
		t.Errorf("%d competencies", len(comps))
	}
	uitest.Tap(t, w, "Добавить вопрос")
	uitest.Choose(t, w, "Критерий", "Стрессоустойчивость")
	uitest.Type(t, w, "Вопрос", "Клиенту стало плохо в зале. Ваши действия?")
	uitest.Tap(t, w, "Сохранить")
	qs, _ := sl.s.Questions(ctx)
	if len(qs) != 2 || qs[1].Criterion != hiring.Stress || !qs[1].Active { // the salon had a question: the bank is not seeded
		t.Fatalf("the bank: %+v", qs)
	}
	if !uitest.Shows(w, "Клиенту стало плохо в зале. Ваши действия?") {
		t.Errorf("the bank shows %q", uitest.Texts(w))
	}
}
