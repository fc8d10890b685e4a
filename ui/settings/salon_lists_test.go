package settings_test

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/uitest"
)

func TestOwnerEditsCardTypesAndTheIntroChecklist(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	f := openSettings(t, s)
	uitest.Tap(t, f.w, "Добавить вид карты")
	if uitest.Dialogs(f.w) != 1 || !uitest.DialogShows(f.w, "Вид карты") {
		t.Fatalf("no card type form: %q", uitest.DialogTexts(f.w))
	}
	uitest.Tap(t, f.w, "Сохранить")
	if types, _ := s.CardTypes(ctx); len(types) != 0 {
		t.Fatal("a card type without a name was stored")
	}
	if uitest.Dialogs(f.w) != 1 {
		t.Fatal("the form closed on an error")
	}
	if msg := uitest.Message(t, f.w, "Цена, ₽"); !strings.HasPrefix(msg, "Неверная сумма") {
		t.Errorf("the empty price: %q", msg)
	}
	uitest.Tap(t, f.w, "Отмена")
	if uitest.Dialogs(f.w) != 0 {
		t.Fatalf("the form stays open after Cancel: %q", uitest.DialogTexts(f.w))
	}

	if err := s.SaveCardType(ctx, &model.CardType{Name: "Утро 30 дней", ValidDays: 30, Price: model.Rub(4500), Active: true}); err != nil {
		t.Fatal(err)
	}
	f.refresh()
	types := uitest.ListRows(uitest.List(t, f.w, "Виды карт"))
	if len(types) != 1 || !strings.Contains(strings.Join(types[0], " "), "Утро 30 дней · 30 дн. · без ограничения визитов") {
		t.Errorf("card types: %q", types)
	}

	uitest.Type(t, f.w, i18n.T("settings.topics"), "Правила клуба\n\nКак записаться к тренеру\n")
	uitest.Tap(t, f.w, "Сохранить")
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
	if got := uitest.Entry(t, f.w, i18n.T("settings.topics")).Text; got != "Правила клуба\nКак записаться к тренеру" {
		t.Errorf("the checklist shows %q after saving", got)
	}
}
