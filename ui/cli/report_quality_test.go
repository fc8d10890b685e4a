package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
	"companion/model/store/storetest"
)

// salonWithFeedback is a database (on the test backend) where, this month,
// Мария thanked Белова and Ольга complained about her.
type salonWithFeedback struct {
	db     string
	belova uint
	month  string // this month as --month takes it
}

func newSalonWithFeedback(t *testing.T) salonWithFeedback {
	t.Helper()
	today := model.DateOf(time.Now())
	f := salonWithFeedback{db: storetest.Database(t), month: fmt.Sprintf("%d-%02d", today.Year(), int(today.Month()))}
	ctx := context.Background()
	withStore(t, f.db, func(s *store.Store) {
		belova := model.Staff{Name: "Белова Екатерина", Role: "косметолог", Active: true}
		maria := model.Client{LastName: "Иванова", FirstName: "Мария", Phone: "+79160000011"}
		olga := model.Client{LastName: "Петрова", FirstName: "Ольга", Phone: "+79160000012"}
		for _, err := range []error{s.SetSalonName(ctx, "Студия «Лотос»"), s.SaveStaff(ctx, &belova),
			s.CreateClient(ctx, &maria), s.CreateClient(ctx, &olga)} {
			if err != nil {
				t.Fatal(i18n.ErrorText(err))
			}
		}
		f.belova = belova.ID
		for _, fb := range []model.Feedback{
			{ClientID: maria.ID, StaffID: &belova.ID, Kind: model.FeedbackThanks, Rating: 5, Words: "Екатерина — волшебница", On: today},
			{ClientID: olga.ID, StaffID: &belova.ID, Kind: model.FeedbackComplaint, Rating: 2, Words: "Мастер опоздала", On: today},
		} {
			if err := s.AddFeedback(ctx, &fb); err != nil {
				t.Fatal(i18n.ErrorText(err))
			}
		}
	})
	return f
}

func TestReportQualityWritesTheMonth(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newSalonWithFeedback(t)
	pdf := filepath.Join(t.TempDir(), "качество.pdf")
	var out bytes.Buffer
	if err := cmdReport([]string{"quality", "--db", f.db, "--month", f.month, "--out", pdf}, &out); err != nil {
		t.Fatalf("%s\n%s", i18n.ErrorText(err), out.String())
	}
	month := f.month[5:] + "." + f.month[:4]
	wantLines(t, out.String(), "Отчёт о качестве за "+month+" записан в "+pdf+": сотрудников 1, открытых жалоб 1")
	text := readPDF(t, pdf)
	for _, want := range []string{"Студия «Лотос»", "Качество обслуживания", "Белова Екатерина косметолог мало (2) 1 1 — —",
		"Жалоб за месяц: 1", "«Мастер опоздала»", "Петрова Ольга"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	// the month as people write it, 10.2026, is the same month
	out.Reset()
	if err := cmdReport([]string{"quality", "--db", f.db, "--month", month, "--out", pdf}, &out); err != nil {
		t.Fatal(i18n.ErrorText(err))
	}
}

func TestReportQualityFeedbackSheet(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newSalonWithFeedback(t)
	pdf := filepath.Join(t.TempDir(), "отзывы.pdf")
	var out bytes.Buffer
	err := cmdReport([]string{"feedback", "--db", f.db, "--staff", id(f.belova), "--month", f.month, "--out", pdf}, &out)
	if err != nil {
		t.Fatalf("%s\n%s", i18n.ErrorText(err), out.String())
	}
	month := f.month[5:] + "." + f.month[:4]
	wantLines(t, out.String(), "Лист отзывов для сотрудника Белова Екатерина за "+month+" записан в "+pdf+
		": благодарностей 1, жалоб 1")
	text := readPDF(t, pdf)
	for _, want := range []string{"Белова Екатерина", "Благодарности (1)", "«Екатерина — волшебница»", "оценка 5 из 5",
		"Жалобы (1)", "«Мастер опоздала»", "Иванова Мария"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sheet lacks %q:\n%s", want, text)
		}
	}
}

// What cannot be printed is said in a sentence, the command fails, and no
// file is left behind.
func TestReportQualityRefusesWhatItCannotPrint(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newSalonWithFeedback(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "отчёт.pdf")
	for _, tc := range []struct {
		name string
		args []string
		says string
	}{
		{"unknown staff", []string{"feedback", "--staff", "99999", "--month", f.month}, "Сотрудника с номером 99999 в базе нет."},
		{"a month past December", []string{"quality", "--month", "2026-13"}, "Месяц «2026-13» не понят: укажите его как ГГГГ-ММ"},
		{"a month in words", []string{"feedback", "--staff", id(f.belova), "--month", "октябрь"}, "Месяц «октябрь» не понят"},
		{"no staff", []string{"feedback", "--month", f.month}, "companion report feedback --staff НОМЕР --month ГГГГ-ММ"},
		{"no month", []string{"quality"}, "companion report quality --month ГГГГ-ММ --out ФАЙЛ.pdf"},
	} {
		var out bytes.Buffer
		err := cmdReport(append(tc.args, "--db", f.db, "--out", pdf), &out)
		if msg := i18n.ErrorText(err); err == nil || !strings.Contains(msg, tc.says) {
			t.Errorf("%s: got %v, %q; want %q", tc.name, err, msg, tc.says)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: the refusal left %v behind", tc.name, entries)
		}
	}
}

func TestReportQualityUsage(t *testing.T) {
	i18n.SetLanguage("en")
	db := filepath.Join(t.TempDir(), "salon.db")
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"quality", "--db", db, "--month", "2026-10"}, "companion report quality --month YYYY-MM --out FILE.pdf"},
		{[]string{"quality", "--db", db, "--out", "x.pdf", "--month", "2026-10", "extra"}, "companion report quality"},
		{[]string{"feedback", "--db", db, "--month", "2026-10", "--out", "x.pdf"}, "companion report feedback --staff ID"},
		{[]string{"feedback", "--db", db, "--staff", "1", "--out", "x.pdf"}, "companion report feedback --staff ID"},
		{[]string{"quality", "--db", db, "--month", "2026-10", "--out", "x.pdf"}, "salon.db"},
	} {
		err := cmdReport(tc.args, &bytes.Buffer{})
		if msg := i18n.ErrorText(err); err == nil || !strings.Contains(msg, tc.says) {
			t.Errorf("%q: %q", tc.args, msg)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the report made a new database")
	}
}
