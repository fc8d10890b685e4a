package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
	"companion/model/store/storetest"
)

var cmdReport = command("report")

// salonWithPrograms is a database (on the test backend) holding Анна with
// an active program and an older cancelled one, and Вера with none.
type salonWithPrograms struct {
	db                  string
	anna, vera          uint
	active, cancelled   uint
	activeT, cancelledT string
}

func newSalonWithPrograms(t *testing.T) salonWithPrograms {
	t.Helper()
	f := salonWithPrograms{db: storetest.Database(t), activeT: "Стройность к весне", cancelledT: "Осенний старт"}
	ctx := context.Background()
	withStore(t, f.db, func(s *store.Store) {
		anna := model.Client{LastName: "Иванова", FirstName: "Анна", Phone: "+79160000001"}
		vera := model.Client{LastName: "Петрова", FirstName: "Вера", Phone: "+79160000002"}
		sv := model.Service{Name: "Персональная тренировка", Price: model.Rub(2500), Minutes: 60, Active: true}
		sv.SetCatalogueKind(model.KindTraining)
		for _, err := range []error{s.CreateClient(ctx, &anna), s.CreateClient(ctx, &vera), s.SaveService(ctx, &sv)} {
			if err != nil {
				t.Fatal(i18n.ErrorText(err))
			}
		}
		f.anna, f.vera = anna.ID, vera.ID
		program := func(title, status string, start model.Date) uint {
			p := model.Program{ClientID: anna.ID, Title: title, Goal: "Минус 5 кг", StartOn: start, Status: status,
				Items: []model.ProgramItem{{ServiceID: sv.ID, Name: sv.Name, Price: sv.Price, Sessions: 4, PerWeek: 2}}}
			if err := s.SaveProgram(ctx, &p); err != nil {
				t.Fatal(i18n.ErrorText(err))
			}
			return p.ID
		}
		// the cancelled one starts later: an open program comes first all the same
		f.active = program(f.activeT, model.ProgramActive, model.NewDate(2026, 12, 7))
		f.cancelled = program(f.cancelledT, model.ProgramCancelled, model.NewDate(2027, 1, 11))
	})
	return f
}

func id(n uint) string { return strconv.FormatUint(uint64(n), 10) }

// readPDF reads a PDF file back as text with pdftotext (poppler-utils):
// without it the test fails rather than passes unread.
func readPDF(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read the PDF back: install poppler-utils")
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestReportProgramPrintsTheOpenProgram(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newSalonWithPrograms(t)
	pdf := filepath.Join(t.TempDir(), "программа.pdf")
	var out bytes.Buffer
	if err := cmdReport([]string{"program", "--db", f.db, "--client", id(f.anna), "--out", pdf}, &out); err != nil {
		t.Fatalf("%s\n%s", i18n.ErrorText(err), out.String())
	}
	wantLines(t, out.String(), "Программа «"+f.activeT+"» для клиента Иванова Анна записана в "+pdf)
	text := readPDF(t, pdf)
	for _, want := range []string{"Иванова Анна", f.activeT, "Минус 5 кг", "Персональная тренировка", "07.12.2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, f.cancelledT) {
		t.Errorf("the cancelled program was printed, not the active one:\n%s", text)
	}

	out.Reset()
	err := cmdReport([]string{"program", "--db", f.db, "--client", id(f.anna), "--program", id(f.cancelled), "--out", pdf}, &out)
	if err != nil {
		t.Fatal(i18n.ErrorText(err))
	}
	if text := readPDF(t, pdf); !strings.Contains(text, f.cancelledT) || !strings.Contains(text, "Отменена") {
		t.Errorf("--program did not print the program named:\n%s", text)
	}
}

// What cannot be printed is said in a sentence, the command fails, and no
// file is left behind.
func TestReportProgramRefusesWhatItCannotPrint(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	f := newSalonWithPrograms(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "программа.pdf")
	for _, tc := range []struct {
		name string
		args []string
		says string
	}{
		{"no programs", []string{"--client", id(f.vera)}, "У клиента Петрова Вера (номер " + id(f.vera) + ") нет ни одной программы"},
		{"unknown client", []string{"--client", "99999"}, "Клиента с номером 99999 в базе нет."},
		{"another client's program", []string{"--client", id(f.vera), "--program", id(f.active)},
			"нет программы с номером " + id(f.active)},
		{"unknown program", []string{"--client", id(f.anna), "--program", "99999"}, "нет программы с номером 99999"},
	} {
		var out bytes.Buffer
		err := cmdReport(append([]string{"program", "--db", f.db, "--out", pdf}, tc.args...), &out)
		if msg := i18n.ErrorText(err); err == nil || !strings.Contains(msg, tc.says) {
			t.Errorf("%s: got %v, %q; want %q", tc.name, err, msg, tc.says)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: the refusal left %v behind", tc.name, entries)
		}
	}
}

func TestReportProgramUsage(t *testing.T) {
	i18n.SetLanguage("en")
	db := filepath.Join(t.TempDir(), "salon.db")
	for _, args := range [][]string{nil, {"clients"}, {"program", "--db", db, "--out", "x.pdf"},
		{"program", "--db", db, "--client", "1"}, {"program", "--db", db, "--client", "1", "--out", "x.pdf", "extra"}} {
		err := cmdReport(args, &bytes.Buffer{})
		if msg := i18n.ErrorText(err); !strings.Contains(msg, "companion report program --client ID") {
			t.Errorf("%q: %q", args, msg)
		}
	}
	var out bytes.Buffer
	err := cmdReport([]string{"program", "--db", db, "--client", "1", "--out", "x.pdf"}, &out)
	if msg := i18n.ErrorText(err); err == nil || !strings.Contains(msg, "salon.db") {
		t.Errorf("a missing database: %q", msg)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the report made a new database")
	}
}
