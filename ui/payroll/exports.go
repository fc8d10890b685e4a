package payroll

import (
	"context"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
)

// export is a file of the month shown: its button, the name offered and
// how it is written.
type export struct {
	label string
	name  string // a key of the file's name, filled with the month
	write func(w io.Writer, d *monthData) error
}

// exports are the month's files: the summary and the payslips to print,
// and the figures for the accountant.
func exports() []export {
	return []export{
		{i18n.T("payroll.files.summary"), "payroll.files.summary_name", func(w io.Writer, d *monthData) error {
			return reports.WritePayrollSummary(w, d.result, d.salon, i18n.Lang())
		}},
		{i18n.T("payroll.files.payslips"), "payroll.files.payslips_name", func(w io.Writer, d *monthData) error {
			return reports.WritePayslips(w, d.result, d.salon, i18n.Lang())
		}},
		{"CSV", "payroll.files.csv_name", func(w io.Writer, d *monthData) error { return reports.WritePayrollCSV(w, d.result) }},
		{"JSON", "payroll.files.json_name", func(w io.Writer, d *monthData) error { return reports.WritePayrollJSON(w, d.result) }},
		{"XLSX", "payroll.files.xlsx_name", func(w io.Writer, d *monthData) error { return reports.WritePayrollXLSX(w, d.result) }},
	}
}

// exportButtons are the month's files on the month's line: the two PDFs
// as buttons, the accountant's figures under one «Export» menu.
type exportButtons struct {
	t       *Tab
	buttons []*widget.Button
	root    fyne.CanvasObject
}

func newExportButtons(t *Tab) *exportButtons {
	e := &exportButtons{t: t}
	box := container.NewHBox()
	var items []*fyne.MenuItem
	for i, x := range exports() {
		x := x
		if i >= 2 {
			items = append(items, fyne.NewMenuItem(x.label, func() { e.save(x) }))
			continue
		}
		b := widget.NewButtonWithIcon(x.label, theme.DocumentPrintIcon(), func() { e.save(x) })
		e.buttons = append(e.buttons, b)
		box.Add(b)
	}
	var more *widget.Button
	more = widget.NewButtonWithIcon(i18n.T("payroll.files.export"), theme.DownloadIcon(), func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(more)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(more).AddXY(0, more.Size().Height)
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
	})
	e.buttons = append(e.buttons, more)
	box.Add(more)
	for _, b := range e.buttons {
		b.Disable()
	}
	e.root = box
	return e
}

// show lets the files be written once the month is read.
func (e *exportButtons) show(*monthData) {
	for _, b := range e.buttons {
		b.Enable()
	}
}

// save asks where to write x of the month shown and writes it whole, behind
// a progress dialog that can be cancelled.
func (e *exportButtons) save(x export) {
	d := e.t.d
	if d == nil {
		return
	}
	w := e.t.w
	name := i18n.T(x.name, map[string]any{"Month": d.month.ISO()[:7]})
	kit.AskSavePath(w, name, func(path string) {
		kit.LongWork(w, i18n.T("payroll.files.writing"), func(ctx context.Context) error {
			return reports.WriteFileAtomic(path, func(out io.Writer) error {
				if err := x.write(out, d); err != nil {
					return err
				}
				return ctx.Err() // cancelled: the file stays as it was
			})
		}, func(err error) {
			switch {
			case errors.Is(err, context.Canceled):
			case err != nil:
				kit.ShowError(err, w)
			default:
				info := dialog.NewInformation(i18n.T("payroll.files.done.title"),
					i18n.T("payroll.files.done", map[string]any{"Path": path}), w)
				kit.TrackDialog(w, info)
				info.Show()
			}
		})
	})
}
