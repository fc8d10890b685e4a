package model_test

import (
	"errors"
	"strings"
	"testing"

	"companion/model"
	"companion/model/i18n"
)

// wantTranslated fails unless err is a *model.FieldError whose key both
// languages translate.
func wantTranslated(t *testing.T, in string, err error) {
	t.Helper()
	var fe *model.FieldError
	if !errors.As(err, &fe) || !i18n.In("ru").Has(fe.Key) || !i18n.In("en").Has(fe.Key) {
		t.Fatalf("%q refused with %v, which has no translation", in, err)
	}
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"8 (916) 123-45-67", "+7 916 1234567", "9161234567", "+44 20 7946 0958", "", "123",
		"+7 916 123-45-67 доб. 12", "８９１６１２３４５６７", "tel:+79161234567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := model.NormalizePhone(s)
		if err != nil {
			wantTranslated(t, s, err)
			return
		}
		if (p == "") != (strings.TrimSpace(s) == "") {
			t.Fatalf("%q gives %q", s, p)
		}
		if p == "" {
			return
		}
		if p[0] != '+' || model.Digits(p) != p[1:] {
			t.Fatalf("%q gives %q, not E.164", s, p)
		}
		if again, err := model.NormalizePhone(p); again != p || err != nil {
			t.Fatalf("%q gives %q, which gives %q, %v", s, p, again, err)
		}
		if back, err := model.NormalizePhone(model.FormatPhone(p)); back != p || err != nil {
			t.Fatalf("%q shown as %q reads back as %q, %v", p, model.FormatPhone(p), back, err)
		}
	})
}

func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{" Anna@Mail.RU ", "anna", "a@b", "Anna <a@b.ru>", "a.b+c@example.co.uk",
		"\"a b\"@c.ru", "ИВАН@почта.рф"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := model.NormalizeEmail(s)
		if err != nil {
			wantTranslated(t, s, err)
			return
		}
		if e != strings.ToLower(e) || (e == "") != (strings.TrimSpace(s) == "") {
			t.Fatalf("%q gives %q", s, e)
		}
		if again, err := model.NormalizeEmail(e); again != e || err != nil {
			t.Fatalf("%q gives %q, which gives %q, %v", s, e, again, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"05.03.1990", "5.3.1990", "1990-03-05", "05/03/1990", "05.03.90",
		"1990-03-05 00:00:00", "1990-03-05T10:00:00Z", "31.02.1990", "", "0001-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := model.ParseDate(s)
		if err != nil {
			wantTranslated(t, s, err)
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("%q gives no date and no error", s)
			}
			return
		}
		if d.Year() < 1900 {
			t.Fatalf("%q gives %s", s, d)
		}
		for _, lang := range []string{"ru", "en"} {
			if back, err := model.ParseDate(d.Format(lang)); back != d || err != nil {
				t.Fatalf("%q gives %s, shown in %s as %q, read back as %s, %v", s, d, lang, d.Format(lang), back, err)
			}
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1500", "1 500,50", "1,500.50", "1500 ₽", "-200", "12 345,67 ₽", "0,5", "1.234.567",
		"руб.", "−1\u00a0000", "9999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := model.ParseMoney(s)
		if err != nil {
			wantTranslated(t, s, err)
			return
		}
		for _, lang := range []string{"ru", "en"} {
			if back, err := model.ParseMoney(m.Format(lang)); back != m || err != nil {
				t.Fatalf("%q gives %d, shown in %s as %q, read back as %d, %v", s, m, lang, m.Format(lang), back, err)
			}
		}
	})
}
