package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"companion/model"
	"companion/model/i18n"
)

func TestMoneyEntryReadsWhatAPersonTypes(t *testing.T) {
	i18n.SetLanguage("ru")
	defer i18n.SetLanguage("en")
	w := test.NewTempWindow(t, nil)
	e := NewMoneyEntry(w)
	for typed, want := range map[string]model.Money{"1 500": 150000, "1500,50": 150050, "1,500.50 ₽": 150050} {
		e.SetText("")
		test.Type(e, typed)
		if got, err := e.Value("price"); err != nil || got != want {
			t.Errorf("%q: %d, %v; want %d", typed, got, err, want)
		}
	}
	e.SetText("1,,500")
	if _, err := e.Value("price"); err == nil || err.Field != "price" || err.Key != "err.money.format" {
		t.Errorf("«1,,500»: %v", err)
	}
	e.SetText("")
	if _, err := e.Value("price"); err == nil {
		t.Error("an empty price was taken for zero")
	}
	e.Optional = true
	if got, err := e.Value("discount"); err != nil || got != 0 {
		t.Errorf("an empty optional amount: %d, %v", got, err)
	}
	e.SetValue(model.Money(1234567))
	if e.Text != "12\u00a0345,67" {
		t.Errorf("SetValue shows %q", e.Text)
	}
}

func TestDateEntryShowsAndReadsTheLanguagesDates(t *testing.T) {
	i18n.SetLanguage("ru")
	defer i18n.SetLanguage("en")
	w := test.NewTempWindow(t, nil)
	e := NewDateEntry(w)
	if e.PlaceHolder != "ДД.ММ.ГГГГ" {
		t.Errorf("placeholder %q", e.PlaceHolder)
	}
	d := model.NewDate(2026, 11, 27)
	e.SetValue(d)
	if e.Text != "27.11.2026" {
		t.Errorf("SetValue shows %q", e.Text)
	}
	if got, err := e.Value("on"); err != nil || got != d {
		t.Errorf("read back %v, %v", got, err)
	}
	e.SetText("31.02.2026")
	if _, err := e.Value("on"); err == nil || err.Key != "err.date.format" {
		t.Errorf("31 February: %v", err)
	}
	e.SetText("")
	if _, err := e.Value("on"); err == nil {
		t.Error("an empty date was taken")
	}
	e.Optional = true
	if got, err := e.Value("next"); err != nil || !got.IsZero() {
		t.Errorf("an empty optional date: %v, %v", got, err)
	}
}

// In the English window 03/04/2026 is refused as unclear, with its own
// message, and 12/25/2026 is Christmas.
func TestDateEntryInEnglishRefusesAnUnclearDate(t *testing.T) {
	i18n.SetLanguage("en")
	w := test.NewTempWindow(t, nil)
	e := NewDateEntry(w)
	e.SetText("03/04/2026")
	if _, err := e.Value("on"); err == nil || err.Key != "err.date.ambiguous" || err.Field != "on" {
		t.Errorf("03/04/2026: %v", err)
	}
	e.SetText("12/25/2026")
	if got, err := e.Value("on"); err != nil || got != model.NewDate(2026, 12, 25) {
		t.Errorf("12/25/2026: %v, %v", got, err)
	}
}
