package hiring

import (
	"context"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
)

// FileStore is what the tab's files need: the interview report, the
// laptop exchange and the salon's name to head a PDF.
type FileStore interface {
	InterviewReport(ctx context.Context, candidateID uint, interviewer string) (hiring.InterviewReport, error)
	ExportInterviews(ctx context.Context, w io.Writer, since model.Date) error
	ImportInterviews(ctx context.Context, r io.Reader) (hiring.InterviewsImport, error)
	SalonName(ctx context.Context) (string, error)
}

// exchangeButtons are the laptop exchange's two buttons: the interviews
// to a file, and a file's interviews in.
func (t *Tab) exchangeButtons() fyne.CanvasObject {
	out := widget.NewButtonWithIcon(i18n.T("hiring.files.export"), theme.UploadIcon(), t.exportInterviews)
	in := widget.NewButtonWithIcon(i18n.T("hiring.files.import"), theme.DownloadIcon(), t.importInterviews)
	return container.NewHBox(out, in)
}

func (t *Tab) exportInterviews() {
	kit.AskSavePath(t.w, "interviews.json", func(path string) {
		t.writeFile(path, func(w io.Writer) error { return t.s.ExportInterviews(context.Background(), w, model.Date{}) })
	})
}

func (t *Tab) importInterviews() {
	kit.AskOpenPath(t.w, []string{".json"}, func(path string) {
		kit.Background(func() {
			f, err := os.Open(path)
			var res hiring.InterviewsImport
			if err == nil {
				res, err = t.s.ImportInterviews(context.Background(), f)
				f.Close()
			}
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, t.w)
					return
				}
				t.done(i18n.T("hiring.files.imported", map[string]any{"Added": res.Candidates.Added + res.Forms.Added,
					"Updated": res.Candidates.Updated + res.Forms.Updated, "Conflicts": len(res.Conflicts)}))
				t.Refresh(context.Background())
			})
		})
	})
}

// printInterview writes a candidate's interview report as PDF.
func (t *Tab) printInterview(c hiring.Candidate) {
	kit.AskSavePath(t.w, model.Fold(c.Name)+".pdf", func(path string) {
		t.writeFile(path, func(w io.Writer) error {
			r, err := t.s.InterviewReport(context.Background(), c.ID, interviewer())
			if err != nil {
				return err
			}
			return reports.WriteInterviewReport(w, r, t.salon(), i18n.Lang())
		})
	})
}

// printPlan writes a development plan as PDF.
func (t *Tab) printPlan(pl hiring.DevPlan, staff model.Staff) {
	kit.AskSavePath(t.w, model.Fold(staff.Name+" "+pl.Title)+".pdf", func(path string) {
		t.writeFile(path, func(w io.Writer) error { return reports.WriteDevPlan(w, pl, staff, t.salon(), i18n.Lang()) })
	})
}

// salon is the salon's name for a PDF's head, or none when the role may
// not read the settings.
func (t *Tab) salon() string {
	name, _ := t.s.SalonName(context.Background())
	return name
}

// writeFile writes a file off the UI goroutine, atomically, and says where.
func (t *Tab) writeFile(path string, write func(io.Writer) error) {
	kit.Background(func() {
		err := reports.WriteFileAtomic(path, write)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.done(i18n.T("hiring.files.saved", map[string]any{"Path": path}))
		})
	})
}

func (t *Tab) done(text string) {
	d := dialog.NewInformation(i18n.T("hiring.tab"), text, t.w)
	kit.TrackDialog(t.w, d)
	d.Show()
}
