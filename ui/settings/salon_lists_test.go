package settings

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/kit"
)

func TestOwnerEditsCardTypesAndTheIntroChecklist(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	l := m.settings.lists
	l.editType(model.CardType{Active: true})
	l.dialog.Save.OnTapped()
	if types, _ := s.CardTypes(ctx); len(types) != 0 {
		t.Fatal("a card type without a name was stored")
	}
	if len(openDialogs[m.Window]) != 1 {
		t.Fatal("the form closed on an error")
	}
	kit.CloseTopDialog(m.Window)
	if err := s.SaveCardType(ctx, &model.CardType{Name: "Утро 30 дней", ValidDays: 30, Price: model.Rub(4500), Active: true}); err != nil {
		t.Fatal(err)
	}
	l.refresh(ctx)
	if len(l.types) != 1 || !strings.Contains(cardTypeLine(l.types[0]), "Утро 30 дней · 30 дн. · без ограничения визитов") {
		t.Errorf("card types: %v", l.types)
	}
	l.topics.SetText("Правила клуба\n\nКак записаться к тренеру\n")
	l.saveTopics()
	topics, _ := s.IntroTopics(ctx)
	var active []string
	for _, tp := range topics {
		if tp.Active {
			active = append(active, tp.Title)
		}
	}
	if strings.Join(active, "|") != "Правила клуба|Как записаться к тренеру" {
		t.Errorf("checklist: %v", active)
	}
}
