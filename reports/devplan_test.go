package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/hiring"
)

func TestTheDevelopmentPlanPrintsItsGapsAndTheAgreement(t *testing.T) {
	devPlanNow = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { devPlanNow = time.Now })
	staff := model.Staff{Name: "Орлова Вера Павловна", Role: "менеджер сопровождения"}
	plan := hiring.DevPlan{Title: "Первые три месяца", Made: model.NewDate(2026, 11, 2), Items: []hiring.DevItem{
		{Gap: hiring.Stress, Learn: "Спокойный ответ на жалобу", Method: "roleplay", Check: "Ролевая игра с директором", Deadline: model.NewDate(2026, 11, 20)},
		{Gap: "Продажи", Learn: "Техники продаж без давления", Method: "course", Check: "Три продажи абонемента", Deadline: model.NewDate(2027, 1, 31), Done: true},
	}}
	read := func(p hiring.DevPlan) string {
		var buf bytes.Buffer
		if err := WriteDevPlan(&buf, p, staff, "Студия «Лотос»", "ru"); err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(pdfText(t, buf.Bytes())), " ")
	}
	text := read(plan)
	for _, want := range []string{"Студия «Лотос»", "План развития", "Орлова Вера Павловна", "менеджер сопровождения · Первые три месяца",
		"согласие сотрудника ещё не получено", "1 из 2 (50 %)", "Стрессоустойчивость", "ролевая игра", "Ролевая игра с директором",
		"20.11.2026 просрочено", "Техники продаж без давления", "31.01.2027 выполнено", "Орлова В. П.", "Руководитель"} {
		if !strings.Contains(text, want) {
			t.Errorf("the plan lacks %q:\n%s", want, text)
		}
	}
	plan.AgreedOn = model.NewDate(2026, 11, 3)
	if text := read(plan); !strings.Contains(text, "сотрудник согласен с планом с 03.11.2026") || strings.Contains(text, "ещё не получено") {
		t.Errorf("the agreement is not printed:\n%s", text)
	}
}
