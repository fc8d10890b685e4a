package model_test

import (
	"testing"
	"time"

	"companion/model"
	"companion/model/i18n"
)

// A card's messages write their days as the language does and count with
// the plural forms of each language.
func TestCardMessagesInTheLanguage(t *testing.T) {
	d := func(m time.Month, day int) model.Date { return model.NewDate(2026, m, day) }
	st := model.CardState{Status: model.CardActive, ValidFrom: d(time.March, 1), ValidTo: d(time.March, 30),
		VisitsLeft: 1, FreezeDaysLeft: 1}
	earlier := []model.CardFreeze{{From: d(time.March, 5), To: d(time.March, 7)}}
	text := func(lang string, err error) string {
		fe, ok := err.(*model.FieldError)
		if !ok {
			t.Fatalf("not a field error: %v", err)
		}
		return i18n.In(lang).T(fe.Key, fe.Args)
	}
	for _, tc := range []struct {
		lang, want string
		err        error
	}{
		{"ru", "Заморозка должна начинаться в срок действия карты: с 01.03.2026 по 30.03.2026",
			model.ValidateFreeze(st, nil, d(time.April, 2), d(time.April, 3))},
		{"ru", "Карта уже заморожена с 05.03.2026 по 07.03.2026", model.ValidateFreeze(st, earlier, d(time.March, 6), d(time.March, 6))},
		{"ru", "Срок действия карты закончился 30.03.2026", model.CardFor(model.CardState{Status: model.CardExpired, ValidTo: d(time.March, 30)}, 1)},
		{"ru", "На карте остался только 1 визит", model.CardFor(st, 2)},
		{"en", "The card has only 1 visit left", model.CardFor(st, 2)},
		{"ru", "По этой карте остался 1 день заморозки", model.ValidateFreeze(st, nil, d(time.March, 10), d(time.March, 11))},
		{"en", "Only 1 freeze day is left on this card", model.ValidateFreeze(st, nil, d(time.March, 10), d(time.March, 11))},
	} {
		if got := text(tc.lang, tc.err); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
	for _, tc := range []struct{ lang, key, want string }{
		{"en", "card.visits", "1 visit left (0 used)"},
		{"ru", "card.freeze_days", "остался 1 день заморозки"},
		{"en", "card.freeze_days", "1 freeze day left"},
		{"en", "card.freeze.allowance", "1 freeze day left"},
	} {
		if got := i18n.In(tc.lang).T(tc.key, map[string]any{"N": 1, "Used": 0}); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}
