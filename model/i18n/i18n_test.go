package i18n

import (
	"sync"
	"testing"
)

func TestPluralForms(t *testing.T) {
	for _, tc := range []struct {
		lang, key string
		n         any
		want      string
	}{
		{"ru", "today.overdue", 1, "просрочено на 1 день"},
		{"ru", "today.overdue", 3, "просрочено на 3 дня"},
		{"ru", "today.overdue", 11, "просрочено на 11 дней"},
		{"ru", "today.overdue", 21, "просрочено на 21 день"},
		{"ru", "today.overdue", int64(253), "просрочено на 253 дня"},
		{"ru", "today.card.visits_left", 2, "осталось 2 визита"},
		{"ru", "today.card.visits_left", 0, "осталось 0 визитов"},
		{"ru", "settings.clients.count", int64(222), "222 клиента в базе, включая архив"},
		{"ru", "today.months", "4,6", "4,6 месяца"}, // a fraction: the "other" form
		{"en", "today.overdue", 1, "1 day overdue"},
		{"en", "today.overdue", 253, "253 days overdue"},
		{"en", "visit.summary", 1, "1 visit, 0 ₽ in all"},
		{"ru", "visit.line", 2, "Строка 2"}, // no forms: the plain text
	} {
		args := map[string]any{"N": tc.n}
		if tc.key == "visit.summary" {
			args["Sum"] = "0 ₽"
		}
		if got := In(tc.lang).T(tc.key, args); got != tc.want {
			t.Errorf("%s %s N=%v: got %q, want %q", tc.lang, tc.key, tc.n, got, tc.want)
		}
	}
}

// A caption that counts what stands beside it takes the form of the number
// («222 активных клиента», «1 новый клиент») and reads in general without.
func TestCaptionForms(t *testing.T) {
	ru := In("ru")
	for n, want := range map[int]string{222: "активных клиента (визит за 90 дней)", 1: "активный клиент (визит за 90 дней)",
		5: "активных клиентов (визит за 90 дней)"} {
		if got := ru.T("today.fig.active", map[string]any{"N": n}); got != want {
			t.Errorf("%d: got %q, want %q", n, got, want)
		}
	}
	if got := ru.T("today.fig.new"); got != "впервые пришли в этом месяце" {
		t.Errorf("without a number: %q", got)
	}
	if got := ru.T("today.fig.new", map[string]any{"N": 1}); got != "впервые пришёл в этом месяце" {
		t.Errorf("one: %q", got)
	}
}

func TestInLeavesTheLanguageInUse(t *testing.T) {
	SetLanguage("en")
	if got := In("ru").T("status.at_risk"); got != "Под угрозой" {
		t.Errorf("ru: %q", got)
	}
	if Lang() != "en" || T("status.at_risk") != "At risk" {
		t.Errorf("the language in use became %s", Lang())
	}
	SetLanguage("ru")
	defer SetLanguage("en")
	if w := In(""); w.Lang() != "ru" || w.T("status.lead") != "Новый" {
		t.Errorf(`In("") is %s`, w.Lang())
	}
	if w := In("de"); w.Lang() != "en" {
		t.Errorf(`In("de") is %s`, w.Lang())
	}
	if In("ru").Decimal(4.56) != "4,6" || In("en").Decimal(4.56) != "4.6" {
		t.Error("Decimal does not follow the language")
	}
	if In("ru").MonthShort(1, 2026) != "янв 26" || In("en").MonthShort(1, 2026) == "янв 26" {
		t.Error("MonthShort does not follow the language")
	}
}

func TestMissingKeyComesBackAsItIs(t *testing.T) {
	for _, lang := range Languages {
		w := In(lang)
		if got := w.T("no.such.key", map[string]any{"N": 2}); got != "no.such.key" {
			t.Errorf("%s: %q", lang, got)
		}
		if w.Has("no.such.key") || !w.Has("status.lead") || !w.Has("today.overdue") {
			t.Errorf("%s: Has is wrong", lang)
		}
	}
}

// Reports are written off the window's goroutine while the window speaks.
func TestWordsFromManyGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			lang := Languages[i%len(Languages)]
			for j := 0; j < 200; j++ {
				if In(lang).T("status.lead") == "status.lead" {
					t.Error("no word")
					return
				}
			}
		}(i)
	}
	wg.Wait()
}
