package model

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestNormalizePhone(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"8 (916) 123-45-67", "+79161234567"},
		{"+7 916 1234567", "+79161234567"},
		{"9161234567", "+79161234567"},
		{"89161234567", "+79161234567"},
		{"+44 20 7946 0958", "+442079460958"},
		{"", ""},
	} {
		got, err := NormalizePhone(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"123", "abc", "+7 916 123", "8 (916) 123-45-67-89-00"} {
		if _, err := NormalizePhone(bad); err == nil {
			t.Errorf("NormalizePhone(%q) accepted a wrong number", bad)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	if got, err := NormalizeEmail(" Anna@Mail.RU "); err != nil || got != "anna@mail.ru" {
		t.Errorf("got %q, %v", got, err)
	}
	for _, bad := range []string{"anna", "anna@", "Anna <a@b.ru>", "a@b", "a b@c.ru"} {
		if _, err := NormalizeEmail(bad); err == nil {
			t.Errorf("NormalizeEmail(%q) accepted", bad)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Иванов Иван Петрович": "иванов иван петрович",
		"СЕМЁНОВ":              "семенов",
		"  O'Brien,  Anna ":    "o brien anna",
		"":                     "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhoneQuery(t *testing.T) {
	for in, want := range map[string]string{
		"8 (916) 123-45-67": "79161234567",
		"+7 916 1234567":    "79161234567",
		"9161234567":        "9161234567",
		"916":               "916",
	} {
		if got, ok := PhoneQuery(in); !ok || got != want {
			t.Errorf("PhoneQuery(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"иван", "", "9a"} {
		if _, ok := PhoneQuery(in); ok {
			t.Errorf("PhoneQuery(%q) took text for a phone", in)
		}
	}
	for in, want := range map[string]string{"8 916": "7916", "8916": "7916", "8 (916) 191": "7916191", "89": "79"} {
		if got, ok := PhonePrefix(in); !ok || got != want {
			t.Errorf("PhonePrefix(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"8", "916", "+7 916", "89161234567", "иван"} {
		if got, ok := PhonePrefix(in); ok {
			t.Errorf("PhonePrefix(%q) = %q: not a number typed with a trunk prefix", in, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	want := NewDate(1990, time.March, 5)
	for _, in := range []string{"05.03.1990", "5.3.1990", "1990-03-05", "05/03/1990", "05.03.1990 0:00:00", "1990-03-05T00:00:00Z"} {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"31.02.1990", "1990", "abc", "05.03.0090", "05.03.55"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
	if d, err := ParseDate(" "); err != nil || !d.IsZero() {
		t.Errorf("empty date: %v, %v", d, err)
	}
}

// In English a slashed date is taken only when it reads one way; Russian
// reads the day first.
func TestParseDateIn(t *testing.T) {
	for _, tc := range []struct {
		in, lang string
		want     Date
		err      error
	}{
		{"03/04/2026", "ru", NewDate(2026, time.April, 3), nil},
		{"03/04/2026", "en", Date{}, ErrAmbiguousDate},
		{"25/12/2026", "en", NewDate(2026, time.December, 25), nil},
		{"12/25/2026", "en", NewDate(2026, time.December, 25), nil},
		{"04/04/2026", "en", NewDate(2026, time.April, 4), nil},
		{"2026-04-03", "en", NewDate(2026, time.April, 3), nil},
		{"03.04.2026", "en", NewDate(2026, time.April, 3), nil},
		{"13/13/2026", "en", Date{}, ErrBadDate},
		{"12/25/0026", "en", Date{}, ErrBadDate},
	} {
		got, err := ParseDateIn(tc.in, tc.lang)
		if got != tc.want || err != tc.err {
			t.Errorf("ParseDateIn(%q, %s) = %v, %v; want %v, %v", tc.in, tc.lang, got, err, tc.want, tc.err)
		}
	}
	if e := DateError("on", ErrAmbiguousDate); e.Field != "on" || e.Key != "err.date.ambiguous" {
		t.Errorf("DateError: %+v", e)
	}
}

func TestDateFormat(t *testing.T) {
	d := NewDate(2024, time.February, 29)
	if d.Format("ru") != "29.02.2024" || d.Format("en") != "2024-02-29" {
		t.Errorf("got %q and %q", d.Format("ru"), d.Format("en"))
	}
	var back Date
	v, _ := d.Value()
	if err := back.Scan(v); err != nil || back != d {
		t.Errorf("round trip: %v, %v", back, err)
	}
}

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		m      Money
		ru, en string
	}{
		{1234567, "12\u00a0345,67\u00a0₽", "12,345.67\u00a0₽"},
		{150000, "1\u00a0500\u00a0₽", "1,500\u00a0₽"},
		{-5, "−0,05\u00a0₽", "−0.05\u00a0₽"},
	} {
		if got := tc.m.Format("ru"); got != tc.ru {
			t.Errorf("ru %d: %q", tc.m, got)
		}
		if got := tc.m.Format("en"); got != tc.en {
			t.Errorf("en %d: %q", tc.m, got)
		}
	}
	for in, want := range map[string]Money{"1500": 150000, "1 500,50": 150050, "1,500.5": 150050, "1500 ₽": 150000, "-200": -20000,
		"0,07": 7, ",5": 50, "1.500.000": 150000000, "12,345": 1234500} {
		if got, err := ParseMoney(in); err != nil || got != want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "1.2.3x", "--5", ".", ",", "-", "1.2.3", "1,5,0", "1,500.000,5", "12345,678",
		"1,,500", ",500", "1,500,", "1500.", "1 500,", ".500"} {
		if _, err := ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) accepted", in)
		}
	}
}

func TestClientStatus(t *testing.T) {
	today := NewDate(2026, time.November, 27)
	day := func(n int) Date { return today.AddDays(-n) }
	for _, tc := range []struct {
		name        string
		visits      int
		first, last Date
		want        Status
	}{
		{"no visits", 0, Date{}, Date{}, StatusLead},
		{"one visit 30 days ago", 1, day(30), day(30), StatusActive},
		{"one visit 31 days ago", 1, day(31), day(31), StatusAtRisk},
		{"91 days ago", 5, day(400), day(91), StatusLapsed},
		{"exactly 90 days", 2, day(100), day(90), StatusAtRisk},
		{"weekly client, 10 days", 9, day(66), day(10), StatusSegment(10, 7)},
		{"weekly client, 11 days", 9, day(67), day(11), StatusAtRisk},
		{"monthly client, 40 days", 4, day(130), day(40), StatusActive},
		{"three visits on one day, the next day", 3, day(1), day(1), StatusActive},
		{"three visits on one day, 10 days on", 3, day(10), day(10), StatusSegment(10, UsualIntervalMinDays)},
		{"three visits on one day, 11 days on", 3, day(11), day(11), StatusAtRisk},
		{"every other day, 5 days on", 5, day(13), day(5), StatusSegment(5, UsualIntervalMinDays)},
	} {
		if got := ClientStatus(today, tc.visits, tc.first, tc.last); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// StatusSegment is the expected status of a client with the given gap and
// usual interval, written out as the rule reads.
func StatusSegment(gap, usual float64) Status {
	if gap > AtRiskIntervalFactor*max(usual, UsualIntervalMinDays) {
		return StatusAtRisk
	}
	return StatusActive
}

func TestClientValidate(t *testing.T) {
	today := NewDate(2026, time.November, 27)
	c := Client{FirstName: " Анна ", Phone: "8 916 123 45 67", Email: "Anna@Mail.ru", Tags: "vip, ,  vip ,йога"}
	if err := c.Validate(today); err != nil {
		t.Fatalf("valid client refused: %v", err)
	}
	if c.FirstName != "Анна" || c.Phone != "+79161234567" || c.Email != "anna@mail.ru" || c.Tags != "vip, йога" {
		t.Errorf("not normalised: %+v", c)
	}
	bad := Client{Phone: "12", Email: "x@", BirthDate: today.AddDays(1), Health: "варикоз", Source: "tv"}
	err := bad.Validate(today)
	var v ValidationErrors
	if !errors.As(err, &v) {
		t.Fatalf("want ValidationErrors, got %v", err)
	}
	want := []string{"first_name", "phone", "email", "birth_date", "source", "health"}
	if len(v) != len(want) {
		t.Fatalf("got %v", v)
	}
	for i, f := range want {
		if v[i].Field != f {
			t.Errorf("error %d is for %s, want %s", i, v[i].Field, f)
		}
	}
}

func TestSearchKey(t *testing.T) {
	c := Client{LastName: "Семёнов", FirstName: "Пётр", Phone: "+79161234567", CardNumbers: "A-0042"}
	if got := c.SearchKey(); got != "семенов петр 79161234567 a 0042" {
		t.Errorf("got %q", got)
	}
}

func TestSplitFullName(t *testing.T) {
	l, f, m := SplitFullName("  Иванов  Иван Петрович оглы")
	if l != "Иванов" || f != "Иван" || m != "Петрович оглы" {
		t.Errorf("got %q %q %q", l, f, m)
	}
	if l, f, _ := SplitFullName("Анна"); l != "" || f != "Анна" {
		t.Errorf("one word: %q %q", l, f)
	}
}

func TestDatesKeptInJSONReadBackTheSame(t *testing.T) {
	type kept struct {
		On, None Date
	}
	b, err := json.Marshal(kept{On: NewDate(2026, 10, 1)})
	if err != nil || string(b) != `{"On":"2026-10-01","None":""}` {
		t.Fatalf("%s %v", b, err)
	}
	var back kept
	if err := json.Unmarshal(b, &back); err != nil || back.On != NewDate(2026, 10, 1) || !back.None.IsZero() {
		t.Errorf("read back %+v %v", back, err)
	}
}
