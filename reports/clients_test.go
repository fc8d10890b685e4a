package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/clientio"
	"companion/model/i18n"
)

var today = model.NewDate(2026, time.November, 27)

func sampleClients() []model.Client {
	return []model.Client{
		{ID: 1, UUID: "u-1", LastName: "Иванова", FirstName: "Анна", MiddleName: "Петровна", Phone: "+79161234567",
			Email: "anna@mail.ru", BirthDate: model.NewDate(1990, 3, 5), Source: "social", Tags: "VIP, абонемент",
			MarketingConsent: true, MarketingConsentAt: today, Notes: "Любит кофе; без сахара.\nЗвонить после \"18:00\"",
			CreatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		{ID: 2, LastName: "=СУММ(A1)", FirstName: "Ёлка", Source: "walk_in", Notes: "-5 кг за месяц"},
		{ID: 3, FirstName: "Alice", Phone: "+442079460958", Source: "maps", Tags: "@vip", Notes: "'quoted'"},
	}
}

func TestClientsCSVIsWhatExcelExpects(t *testing.T) {
	var b bytes.Buffer
	if err := WriteClientsCSV(&b, sampleClients()[:1], "ru"); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFФамилия;Имя;Отчество;Телефон;Email;Дата рождения;Источник;Теги;Согласие на рассылку;Комментарий\r\n" +
		"Иванова;Анна;Петровна;+7 916 123-45-67;anna@mail.ru;05.03.1990;Соцсети;VIP, абонемент;да;" +
		"\"Любит кофе; без сахара.\r\nЗвонить после \"\"18:00\"\"\"\r\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	b.Reset()
	WriteClientsCSV(&b, sampleClients()[:1], "en")
	if !strings.HasPrefix(b.String(), "\uFEFFLast name;First name;Middle name;Phone;") ||
		!strings.Contains(b.String(), ";1990-03-05;Social media;VIP, абонемент;yes;") {
		t.Errorf("English CSV:\n%s", b.String())
	}
}

// TestClientsCSVSaysWhatTheWindowSays: a source in the file reads as the
// window's list of sources names it, in the file's language, and the
// importer knows it again.
func TestClientsCSVSaysWhatTheWindowSays(t *testing.T) {
	i18n.SetLanguage("en")
	for _, lang := range []string{"ru", "en"} {
		for _, src := range model.Sources {
			var b bytes.Buffer
			WriteClientsCSV(&b, []model.Client{{FirstName: "Вера", Source: src}}, lang)
			if want := ";" + i18n.In(lang).T("source."+src) + ";"; !strings.Contains(b.String(), want) {
				t.Errorf("%s: %s is not written %q:\n%s", lang, src, want, b.String())
			}
			imp, err := clientio.Parse(&b, today)
			if err != nil || len(imp.Rows) != 1 || imp.Rows[0].Client.Source != src {
				t.Errorf("%s: %s does not read back: %+v, %v", lang, src, imp, err)
			}
		}
	}
	if i18n.Lang() != "en" {
		t.Errorf("a Russian file changed the window's language to %s", i18n.Lang())
	}
}

func TestFormulasAreNotRunByExcel(t *testing.T) {
	var b bytes.Buffer
	WriteClientsCSV(&b, sampleClients()[1:2], "ru")
	if !strings.Contains(b.String(), "'=СУММ(A1);Ёлка") || !strings.Contains(b.String(), "'-5 кг") {
		t.Errorf("formula not guarded:\n%s", b.String())
	}
}

func TestExportedCSVImportsBack(t *testing.T) {
	for _, lang := range []string{"ru", "en"} {
		var b bytes.Buffer
		cs := sampleClients()
		if err := WriteClientsCSV(&b, cs, lang); err != nil {
			t.Fatal(err)
		}
		imp, err := clientio.Parse(&b, today)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(imp.Rows) != len(cs) || len(imp.Bad()) != 0 || len(imp.Ignored) != 0 {
			t.Fatalf("%s: %d rows, bad %v, ignored %q", lang, len(imp.Rows), imp.Bad(), imp.Ignored)
		}
		for i, r := range imp.Rows {
			if got, want := fingerprint(r.Client), fingerprint(cs[i]); got != want {
				t.Errorf("%s, client %d:\n got %s\nwant %s", lang, i, got, want)
			}
		}
	}
}

// fingerprint is what an export carries of a client.
func fingerprint(c model.Client) string {
	return fmt.Sprintf("%q %q %q %s %s %s %s %q %v %q", c.LastName, c.FirstName, c.MiddleName, c.Phone, c.Email,
		c.BirthDate, c.Source, c.Tags, c.MarketingConsent, c.Notes)
}

func TestClientsJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteClientsJSON(&b, sampleClients()[:1]); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"last_name": "Иванова"`, `"birth_date": "1990-03-05"`, `"phone": "+79161234567"`,
		`"marketing_consent_at": "2026-11-27"`, `"first_visit_on": null`, `"created_at": "2026-01-02T03:04:05Z"`,
		"\n  {\n    \"id\": 1,"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b.String())
		}
	}
	var back []map[string]any
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back) != 1 || back[0]["notes"] != sampleClients()[0].Notes {
		t.Errorf("JSON does not read back: %v, %v", back, err)
	}
	b.Reset()
	WriteClientsJSON(&b, nil)
	if b.String() != "[]\n" {
		t.Errorf("no clients gives %q", b.String())
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "клиенты.csv")
	if err := WriteFileAtomic(path, func(w io.Writer) error { return WriteClientsCSV(w, sampleClients(), "ru") }); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if !bytes.HasPrefix(first, []byte("\uFEFFФамилия;")) {
		t.Fatalf("file holds %q", first)
	}
	boom := errors.New("disk full")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte("half a file"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, first) {
		t.Errorf("a failed write changed the file to %q", now)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files; the temporary one was left behind", len(entries))
	}
	if err := WriteFileAtomic(filepath.Join(dir, "no such folder", "x.csv"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}
