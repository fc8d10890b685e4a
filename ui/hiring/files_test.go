package hiring_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

func TestTheInterviewReportAndTheLaptopFileFromTheTab(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read the report back (poppler-utils)")
	}
	sl := newSalon(t, model.RoleInterviewer)
	sl.submitted(t, sl.cand.ID, "Смирнова", 4, 5, 4, 3, 3, 4)
	sl.open(t, "Смирнова")
	w, dir := sl.w, t.TempDir()
	uitest.FileChoosersOpenIn(dir)
	uitest.TapRow(t, w, "Кузнецова Мария")
	uitest.Tap(t, w, "Отчёт PDF")
	report := filepath.Join(dir, "report.pdf")
	uitest.TypePath(t, w, report)
	text, err := exec.Command("pdftotext", "-layout", report, "-").Output()
	if err != nil || !strings.Contains(string(text), "Кузнецова Мария") || !strings.Contains(string(text), "3,90") {
		t.Fatalf("the report: %v\n%s", err, text)
	}
	uitest.Tap(t, w, "Выгрузить анкеты…")
	file := filepath.Join(dir, "interviews.json")
	uitest.TypePath(t, w, file)
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), sl.cand.UUID) {
		t.Fatalf("the laptop file: %v", err)
	}
	uitest.Tap(t, w, "Загрузить анкеты…")
	uitest.TypePath(t, w, file)
	if !uitest.DialogShows(w, "Загружено: новых 0, обновлено 0, расхождений 0 (осталась более новая запись).") {
		t.Errorf("importing the same file again: %q", uitest.DialogTexts(w))
	}
	if cands, _ := sl.s.Candidates(context.Background()); len(cands) != 1 {
		t.Errorf("candidates after importing their own file: %+v", cands)
	}
}
