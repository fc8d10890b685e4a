package clientio

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"companion/assets"
	"companion/model"
)

// today is the salon's day in the tests.
var today = model.NewDate(2026, time.November, 27)

func parse(t *testing.T, data []byte) *Import {
	t.Helper()
	imp, err := Parse(bytes.NewReader(data), today)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return imp
}

func win1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wantClean(t *testing.T, imp *Import, rows int) {
	t.Helper()
	if len(imp.Rows) != rows || len(imp.Bad()) != 0 {
		for _, r := range imp.Bad() {
			t.Errorf("line %d: %v", r.Line, r.Err())
		}
		t.Fatalf("%d rows, %d bad; want %d good", len(imp.Rows), len(imp.Bad()), rows)
	}
}

// Every byte of Windows-1251 reads as the encoding's table has it, the
// one it leaves undefined (0x98) as U+FFFD.
func TestEveryWindows1251ByteReads(t *testing.T) {
	for c := range 256 {
		got := from1251([]byte{byte(c)})
		want, err := charmap.Windows1251.NewDecoder().String(string([]byte{byte(c)}))
		if err != nil || got != want {
			t.Errorf("byte %#x reads as %q, want %q (%v)", c, got, want, err)
		}
	}
	if got := from1251([]byte{0x98}); got != "\uFFFD" {
		t.Errorf("0x98 reads as %q", got)
	}
}

func TestWindows1251WithSemicolonsAndFullNames(t *testing.T) {
	file := win1251(t, "ФИО;Телефон;Дата рождения;E-mail;Источник;Согласие на рассылку;Баланс\r\n"+
		"Иванова Анна Петровна;8 (916) 123-45-67;05.03.1990;Anna@Mail.RU;Инстаграм;да;1500\r\n"+
		"Пётр;+7 925 000-11-22;;;по рекомендации подруги;нет;0\r\n")
	imp := parse(t, file)
	wantClean(t, imp, 2)
	if imp.Encoding != EncodingWindows1251 || imp.Delimiter != ";" {
		t.Errorf("read as %s with %q", imp.Encoding, imp.Delimiter)
	}
	if !reflect.DeepEqual(imp.Ignored, []string{"Баланс"}) {
		t.Errorf("ignored %q", imp.Ignored)
	}
	a, p := imp.Rows[0].Client, imp.Rows[1].Client
	if a.LastName != "Иванова" || a.FirstName != "Анна" || a.MiddleName != "Петровна" {
		t.Errorf("name split as %q %q %q", a.LastName, a.FirstName, a.MiddleName)
	}
	if a.Phone != "+79161234567" || a.Email != "anna@mail.ru" || a.BirthDate != model.NewDate(1990, 3, 5) {
		t.Errorf("got phone %s email %s birth %s", a.Phone, a.Email, a.BirthDate)
	}
	if a.Source != "social" || !a.MarketingConsent || a.MarketingConsentAt != today {
		t.Errorf("source %q consent %v at %s", a.Source, a.MarketingConsent, a.MarketingConsentAt)
	}
	if p.FirstName != "Пётр" || p.LastName != "" || p.Source != "referral" || p.MarketingConsent {
		t.Errorf("second row: %+v", p)
	}
	if imp.Rows[0].Line != 2 || imp.Rows[1].Line != 3 {
		t.Errorf("lines %d, %d", imp.Rows[0].Line, imp.Rows[1].Line)
	}
}

func TestUTF8WithBOMCommasAndSeparateNames(t *testing.T) {
	file := "\uFEFFФамилия,Имя,Отчество,Моб. телефон,Заметки,Теги\n" +
		`Смирнова,Ольга,Игоревна,9161112233,"Любит кофе, без сахара","VIP; абонемент"` + "\n"
	imp := parse(t, []byte(file))
	wantClean(t, imp, 1)
	c := imp.Rows[0].Client
	if imp.Encoding != EncodingUTF8BOM || imp.Delimiter != "," {
		t.Errorf("read as %s with %q", imp.Encoding, imp.Delimiter)
	}
	if c.FullName() != "Смирнова Ольга Игоревна" || c.Phone != "+79161112233" {
		t.Errorf("got %q %q", c.FullName(), c.Phone)
	}
	if c.Notes != "Любит кофе, без сахара" || c.Tags != "VIP, абонемент" {
		t.Errorf("notes %q tags %q", c.Notes, c.Tags)
	}
}

func TestEnglishHeadersWithTabs(t *testing.T) {
	file := "Last Name\tFirst name\tMobile\tDate of birth\tComment\tSource\tMarketing consent\n" +
		"Brown\tAlice\t+44 20 7946 0958\t1985-12-31\tAllergic to latex\tGoogle Maps\tyes\n"
	imp := parse(t, []byte(file))
	wantClean(t, imp, 1)
	c := imp.Rows[0].Client
	if imp.Encoding != EncodingUTF8 || imp.Delimiter != "\t" {
		t.Errorf("read as %s with %q", imp.Encoding, imp.Delimiter)
	}
	if c.FullName() != "Brown Alice" || c.Phone != "+442079460958" || c.BirthDate != model.NewDate(1985, 12, 31) {
		t.Errorf("got %q %q %s", c.FullName(), c.Phone, c.BirthDate)
	}
	if c.Notes != "Allergic to latex" || c.Source != "maps" || !c.MarketingConsent {
		t.Errorf("got notes %q source %q consent %v", c.Notes, c.Source, c.MarketingConsent)
	}
}

func TestHeadersAreReadLoosely(t *testing.T) {
	for _, h := range []string{"фио", " Ф.И.О. ", "Клиент", "FULL NAME", "Name"} {
		imp := parse(t, []byte(h+";Тел.;Эл. почта;Дата рождения (ДД.ММ.ГГГГ);Примечание\nАнна;;a@b.ru;01.02.2000;x\n"))
		wantClean(t, imp, 1)
		c := imp.Rows[0].Client
		if c.FirstName != "Анна" || c.Email != "a@b.ru" || c.BirthDate.IsZero() || c.Notes != "x" || len(imp.Ignored) != 0 {
			t.Errorf("header %q: %+v, ignored %q", h, c, imp.Ignored)
		}
	}
	imp := parse(t, []byte("ФАМИЛИЯ;ИМЯ;Отчёство;ДР\nСёмина;Алёна;Ильинична;2.3.1991\n"))
	wantClean(t, imp, 1)
	if c := imp.Rows[0].Client; c.MiddleName != "Ильинична" || c.BirthDate != model.NewDate(1991, 3, 2) {
		t.Errorf("got %+v", c)
	}
}

func TestBadRowsKeepTheirLineNumbers(t *testing.T) {
	file := "ФИО;Телефон;Дата рождения;Согласие на рассылку\n" + // line 1
		"Анна;+7 916 000-00-01;;\n" + // 2: good
		"\n" + // 3: blank, skipped
		";;;\n" + // 4: blank, skipped
		"Вера;123;;\n" + // 5: bad phone
		"Ольга;;31.02.1990;\n" + // 6: bad date
		";+7 916 000-00-02;;\n" + // 7: no name
		"\"Мария\nМихайловна\";;01.01.2030;\n" + // 8-9: one record over two lines, birth in the future
		"Нина;8 916 000 00 01;;может быть\n" // 10: duplicate of line 2, unclear consent
	imp := parse(t, []byte(file))
	got := map[int][]string{}
	for _, r := range imp.Bad() {
		for _, e := range r.Errors {
			got[r.Line] = append(got[r.Line], e.Key)
		}
	}
	want := map[int][]string{
		5:  {"err.phone.invalid"},
		6:  {"err.date.format"},
		7:  {"err.name.required"},
		8:  {"err.birth.future"},
		10: {KeyConsent, KeyDupInFile},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors by line:\n got %v\nwant %v", got, want)
	}
	if len(imp.Rows) != 6 || len(imp.Good()) != 1 || imp.Good()[0].FirstName != "Анна" {
		t.Errorf("%d rows, good %v", len(imp.Rows), imp.Good())
	}
	dup := imp.Rows[5].Errors[1]
	if dup.Field != "phone" || dup.Args["Line"] != 2 {
		t.Errorf("duplicate error %+v", dup)
	}
	if e := imp.Rows[2].Errors[0]; e.Field != "birth_date" {
		t.Errorf("bad date on field %q", e.Field)
	}
}

func TestFilesThatCannotBeImported(t *testing.T) {
	for name, tc := range map[string]struct{ file, key string }{
		"empty":          {"", KeyEmpty},
		"blank lines":    {"\n\r\n;;\n", KeyEmpty},
		"no name column": {"Телефон;Email\n+79160000001;a@b.ru\n", KeyNoNameColumn},
		"bom only":       {"\uFEFF", KeyEmpty},
	} {
		_, err := Parse(strings.NewReader(tc.file), today)
		if fe, ok := err.(*model.FieldError); !ok || fe.Key != tc.key {
			t.Errorf("%s: got %v, want %s", name, err, tc.key)
		}
	}
	big := strings.NewReader("ФИО\n" + strings.Repeat("Анна\n", MaxFileSize/8))
	if _, err := Parse(big, today); err == nil || err.(*model.FieldError).Key != KeyTooBig {
		t.Errorf("big file: %v", err)
	}
}

func TestHeaderOnlyGivesNoRows(t *testing.T) {
	imp := parse(t, []byte("ФИО;Телефон\r\n"))
	if len(imp.Rows) != 0 || imp.Good() != nil {
		t.Errorf("rows %v", imp.Rows)
	}
}

func TestExcelSepLineAndUTF16(t *testing.T) {
	imp := parse(t, []byte("sep=,\nФИО,Телефон\nАнна;А,+79160000001\n"))
	wantClean(t, imp, 1)
	if imp.Delimiter != "," || imp.Rows[0].Line != 3 || imp.Rows[0].Client.FullName() != "Анна;А" {
		t.Errorf("delimiter %q line %d name %q", imp.Delimiter, imp.Rows[0].Line, imp.Rows[0].Client.FullName())
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("ФИО\tТелефон\r\nАнна\t89160000001\r\n"))
	imp = parse(t, u16)
	wantClean(t, imp, 1)
	if imp.Encoding != EncodingUTF16 || imp.Delimiter != "\t" || imp.Rows[0].Client.Phone != "+79160000001" {
		t.Errorf("UTF-16: %s %q %+v", imp.Encoding, imp.Delimiter, imp.Rows[0].Client)
	}
}

func TestDelimiterInsideQuotesDoesNotCount(t *testing.T) {
	imp := parse(t, []byte("\"ФИО (полностью, как в паспорте)\";Телефон;\"Заметки (важное, для мастера)\"\n\"Анна\";+79160000001;\"a, b, c\"\n"))
	if imp.Delimiter != ";" {
		t.Fatalf("delimiter %q", imp.Delimiter)
	}
	if len(imp.Rows) != 1 || imp.Rows[0].Client.Notes != "a, b, c" {
		t.Errorf("rows %+v", imp.Rows)
	}
}

func TestSources(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "Рекомендация": "referral", "по рекомендации": "referral", "сарафан": "referral", "друг": "referral",
		"Instagram": "social", "ВК": "social", "ВКонтакте": "social", "соцсети": "social", "Telegram": "social",
		"Сайт": "website", "с сайта": "website", "Яндекс Карты": "maps", "2ГИС": "maps", "2 ГИС": "maps",
		"карты": "maps", "шла мимо": "walk_in", "Вывеска": "walk_in", "walk-in": "walk_in", "Реклама": "advert",
		"листовка": "advert", "партнёр": "partner", "другое": "other", "сама пришла": "other", "Авито": "other",
	} {
		if got := sourceCode(in); got != want {
			t.Errorf("sourceCode(%q) = %q, want %q", in, got, want)
		}
	}
	for _, code := range model.Sources {
		if got := sourceCode(code); got != code {
			t.Errorf("sourceCode(%q) = %q", code, got)
		}
	}
}

func TestConsentWords(t *testing.T) {
	for in, want := range map[string]bool{"да": true, "Да": true, "1": true, "+": true, "yes": true, "TRUE": true,
		"нет": false, "0": false, "no": false, "false": false, "": false, "-": false} {
		if got, ok := yesNo(in); !ok || got != want {
			t.Errorf("yesNo(%q) = %v, %v", in, got, ok)
		}
	}
	if _, ok := yesNo("наверное"); ok {
		t.Error("yesNo accepted 'наверное'")
	}
}

func TestSampleExportOfARussianSalon(t *testing.T) {
	data, err := os.ReadFile("testdata/salon_ru.csv")
	if err != nil {
		t.Fatal(err)
	}
	imp := parse(t, data)
	if len(imp.Rows) != 5 || len(imp.Good()) != 4 {
		t.Fatalf("%d rows, %d good", len(imp.Rows), len(imp.Good()))
	}
	bad := imp.Bad()[0]
	if bad.Line != 4 || bad.Errors[0].Key != "err.email.invalid" {
		t.Errorf("bad row %d: %v", bad.Line, bad.Err())
	}
	if c := imp.Good()[3]; c.FullName() != "Кузнецова Дарья" || c.Source != "maps" {
		t.Errorf("last client %q from %q", c.FullName(), c.Source)
	}
}

// translations holds every message of both languages, by language; a
// message with plural forms counts by its "other" form.
func translations(t testing.TB) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{"ru": {}, "en": {}}
	files, err := assets.Translations.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		parts := strings.Split(strings.TrimSuffix(f.Name(), ".json"), ".")
		data, _ := assets.Translations.ReadFile("translations/" + f.Name())
		m := map[string]json.RawMessage{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		for k, raw := range m {
			var v string
			if json.Unmarshal(raw, &v) != nil {
				var forms map[string]string
				if err := json.Unmarshal(raw, &forms); err != nil {
					t.Fatalf("%s: %s: %v", f.Name(), k, err)
				}
				v = forms["other"]
			}
			if lang := parts[len(parts)-1]; out[lang] != nil {
				out[lang][k] = v
			}
		}
	}
	return out
}

func TestEveryKeyIsTranslated(t *testing.T) {
	tr := translations(t)
	for _, key := range []string{KeyEmpty, KeyNoNameColumn, KeyTooBig, KeyUnreadable, KeyConsent, KeyDupInFile,
		KeyExists, KeyRefused, "err.date.format", "err.phone.invalid"} {
		for lang, m := range tr {
			if m[key] == "" {
				t.Errorf("%s has no %s translation", key, lang)
			}
		}
	}
	for k := range tr["ru"] {
		if tr["en"][k] == "" && strings.HasPrefix(k, "import.") {
			t.Errorf("%s is in Russian only", k)
		}
	}
	for k := range tr["en"] {
		if tr["ru"][k] == "" && strings.HasPrefix(k, "import.") {
			t.Errorf("%s is in English only", k)
		}
	}
}

func TestEveryTitleCanBeMatched(t *testing.T) {
	for f, ts := range titles {
		for _, title := range ts {
			if headerKey(title) != title {
				t.Errorf("title %q of field %d folds to %q and never matches", title, f, headerKey(title))
			}
		}
	}
	for lang, heads := range map[string][]string{
		"ru": {"Фамилия", "Имя", "Отчество", "Телефон", "Email", "Дата рождения", "Источник", "Теги", "Согласие на рассылку", "Комментарий"},
		"en": {"Last name", "First name", "Middle name", "Phone", "Email", "Birth date", "Source", "Tags", "Marketing consent", "Notes"},
	} {
		_, ignored := mapHeader(heads)
		if len(ignored) != 0 {
			t.Errorf("%s export titles not read: %q", lang, ignored)
		}
	}
}
