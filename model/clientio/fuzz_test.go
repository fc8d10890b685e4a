package clientio

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"companion/model"
	"companion/reports"
)

// FuzzParse feeds the importer any bytes: it must never panic, refuse a
// file only with a translated message, and keep every row it returns
// consistent (line numbers, errors translated, good rows valid and unique).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"ФИО;Телефон;Дата рождения\nАнна;89160000001;05.03.1990\n",
		"\uFEFFLast name,First name,Phone\nBrown,Alice,+442079460958\n",
		"sep=\t\nName\tMobile\n\"A\nB\"\t1\n",
		"Фамилия;Имя;Согласие на рассылку;Источник\nСидорова;Ира;да;инстаграм\n\n;;\nX;;может;\n",
	} {
		f.Add([]byte(s))
	}
	if data, err := os.ReadFile("testdata/salon_ru.csv"); err == nil {
		f.Add(data)
	}
	tr := translations(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := Parse(bytes.NewReader(data), today)
		if err != nil {
			var fe *model.FieldError
			if !errors.As(err, &fe) || tr["ru"][fe.Key] == "" || tr["en"][fe.Key] == "" {
				t.Fatalf("refused with %v, which has no translation", err)
			}
			return
		}
		checkImport(t, imp, tr)
		checkRoundTrip(t, imp)
	})
}

// checkRoundTrip exports the good clients as the app does and imports them
// again: nothing may be lost or changed on the way.
func checkRoundTrip(t *testing.T, imp *Import) {
	var good []model.Client
	for _, c := range imp.Good() {
		good = append(good, *c)
	}
	if len(good) == 0 {
		return
	}
	for _, lang := range []string{"ru", "en"} {
		var b bytes.Buffer
		if err := reports.WriteClientsCSV(&b, good, lang); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(&b, today)
		if err != nil || len(back.Rows) != len(good) {
			t.Fatalf("%s export of %d clients reads back as %v, %v", lang, len(good), back, err)
		}
		for i, r := range back.Rows {
			if r.Client != good[i] || len(r.Errors) > 0 {
				t.Fatalf("%s: client %d\n was %#v\n back %#v %v", lang, i, good[i], r.Client, r.Err())
			}
		}
	}
}

func checkImport(t *testing.T, imp *Import, tr map[string]map[string]string) {
	if !strings.Contains(";,\t", imp.Delimiter) || len(imp.Delimiter) != 1 || imp.Encoding == "" {
		t.Fatalf("read as %q with %q", imp.Encoding, imp.Delimiter)
	}
	checkRows(t, imp, tr, 1)
}

// checkRows holds the rows of an import to what the report promises:
// rows in the file's order below the header (on line last), every error
// translated, the good rows valid and their phones unique.
func checkRows(t *testing.T, imp *Import, tr map[string]map[string]string, last int) {
	if len(imp.Good())+len(imp.Bad()) != len(imp.Rows) {
		t.Fatalf("%d good + %d bad != %d rows", len(imp.Good()), len(imp.Bad()), len(imp.Rows))
	}
	phones := map[string]bool{}
	for _, r := range imp.Rows {
		if r.Line <= last {
			t.Fatalf("row on line %d after line %d", r.Line, last)
		}
		last = r.Line
		for _, e := range r.Errors {
			if tr["ru"][e.Key] == "" || tr["en"][e.Key] == "" {
				t.Fatalf("line %d: error %v has no translation", r.Line, e)
			}
		}
		if len(r.Errors) > 0 {
			continue
		}
		c := r.Client
		if err := c.Validate(today); err != nil || c != r.Client {
			t.Fatalf("line %d: a good row fails validation again: %v", r.Line, err)
		}
		if c.Phone != "" && phones[c.Phone] {
			t.Fatalf("line %d: phone %s twice among good rows", r.Line, c.Phone)
		}
		phones[c.Phone] = true
	}
}
