package programs

import (
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
)

// showBuilder opens the builder on prog in a dialog; Save stores it whole
// or shows under each field what is wrong.
func (p *Pane) showBuilder(b model.ProgramBasis, prog model.Program, view *model.ProgramView) {
	f := newBuilder(p.w, b, prog, view)
	f.markContraindicated()
	title := prog.Title
	if prog.ID == 0 {
		title = i18n.T("program.new.title")
	}
	tpl := widget.NewButtonWithIcon(i18n.T("program.save_template"), theme.DocumentSaveIcon(), func() { p.askTemplateName(f) })
	extra := container.NewHBox(tpl)
	if view != nil {
		extra.Add(widget.NewButtonWithIcon(i18n.T("program.pdf"), theme.DocumentPrintIcon(), func() { p.printProgram(view.Program) }))
	}
	body := container.NewVBox(f.root, extra)
	fd := kit.ShowFormDialog(p.w, title, body, func(close func()) {
		prog, read := f.program()
		kit.SubmitForm(p.w, f.fields, read,
			func() error { return f.formErrors(prog.Validate()) },
			func() error { return f.formErrors(p.s.SaveProgram(context.Background(), &prog)) },
			close, p.saved)
	})
	fd.Dialog.Resize(fyne.NewSize(1040, 700))
}

// markContraindicated marks the rows whose service the client's condition
// is against (a program from a template, a condition noted since), keeping
// any reason already given.
func (f *builder) markContraindicated() {
	for _, r := range f.items {
		if i := r.service.SelectedIndex(); i >= 0 {
			if found := f.contraindicated(f.b.Services[i]); len(found) > 0 {
				r.item.Contraindicated = strings.Join(found, ", ")
			}
		}
		f.showContra(r)
	}
}

// askTemplate offers the salon's templates and opens the builder on a
// draft started from the one chosen.
func (p *Pane) askTemplate() {
	p.withBasis(func(b model.ProgramBasis) {
		if len(b.Templates) == 0 {
			kit.ShowError(&model.FieldError{Key: "program.templates.none"}, p.w)
			return
		}
		names := make([]string, len(b.Templates))
		for i, t := range b.Templates {
			names[i] = t.Name
		}
		pick := kit.NewSelect(names, nil)
		body := kit.FieldGrid(kit.NewField("template", i18n.T("program.template"), pick))
		d := dialog.NewCustomConfirm(i18n.T("program.from_template"), i18n.T("program.template.start"), i18n.T("form.cancel"),
			body, func(ok bool) {
				if !ok || pick.SelectedIndex() < 0 {
					return
				}
				services := map[uint]model.Service{}
				for _, s := range b.Services {
					services[s.ID] = s
				}
				p.showBuilder(b, b.Templates[pick.SelectedIndex()].Start(b.Client, services, p.today()), nil)
			}, p.w)
		d.Resize(fyne.NewSize(480, 200))
		kit.TrackDialog(p.w, d)
		d.Show()
	})
}

// askTemplateName keeps what the builder holds as a template under a name.
func (p *Pane) askTemplateName(f *builder) {
	name := kit.NewDialogEntry(p.w, false)
	name.SetText(f.title.Text)
	d := dialog.NewForm(i18n.T("program.save_template"), i18n.T("form.save"), i18n.T("form.cancel"),
		[]*widget.FormItem{widget.NewFormItem(i18n.T("program.template.name"), name)}, func(ok bool) {
			if !ok {
				return
			}
			prog, _ := f.program()
			t := model.TemplateOf(prog, name.Text)
			kit.Background(func() {
				err := p.s.SaveProgramTemplate(context.Background(), &t)
				fyne.Do(func() {
					if err != nil {
						kit.ShowError(err, p.w)
						return
					}
					info := dialog.NewInformation(i18n.T("program.save_template"), i18n.T("program.template.saved", map[string]any{"Name": t.Name}), p.w)
					kit.TrackDialog(p.w, info)
					info.Show()
				})
			})
		}, p.w)
	d.Resize(fyne.NewSize(460, 180))
	kit.TrackDialog(p.w, d)
	d.Show()
}

// printProgram writes the program's PDF for the client to a file chosen.
func (p *Pane) printProgram(prog model.Program) {
	kit.AskSavePath(p.w, model.Fold(prog.Title)+".pdf", func(path string) {
		kit.Background(func() {
			sh, err := p.s.ProgramSheet(context.Background(), prog.ID)
			if err == nil {
				err = reports.WriteFileAtomic(path, func(w io.Writer) error { return reports.WriteProgram(w, sh, i18n.Lang()) })
			}
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, p.w)
					return
				}
				d := dialog.NewInformation(i18n.T("program.pdf"), i18n.T("program.pdf.done", map[string]any{"Path": path}), p.w)
				kit.TrackDialog(p.w, d)
				d.Show()
			})
		})
	})
}
