package hiring

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// settingsPage is hiring's settings: the criteria's weights and the pass
// threshold, the question bank, the position profile and the working-day
// task sets.
type settingsPage struct {
	t       *Tab
	weights map[string]*widget.Entry
	pass    *widget.Entry
	sum     *widget.Label
	saved   *widget.Label
	save    *widget.Button
	fields  map[string]*kit.Field
	bank    *bankSection
	profile *profileSection
	sets    *setsSection
	root    fyne.CanvasObject
}

func newSettingsPage(t *Tab) *settingsPage {
	p := &settingsPage{t: t, weights: map[string]*widget.Entry{}, pass: widget.NewEntry(), sum: heading(""), saved: quiet("")}
	var rows []*kit.Field
	for _, c := range hiring.Criteria {
		e := widget.NewEntry()
		e.OnChanged = func(string) { p.follow() }
		p.weights[c] = e
		rows = append(rows, kit.NewField("weight."+c, criterionName(c), narrow(e)))
	}
	rows = append(rows, kit.NewField("weights", i18n.T("hiring.settings.sum_label"), p.sum), kit.NewField("pass", i18n.T("hiring.settings.pass"),
		container.NewVBox(narrow(p.pass), quiet(i18n.T("hiring.settings.pass_hint")))))
	p.fields = fieldMap(rows)
	p.save = widget.NewButtonWithIcon(i18n.T("hiring.settings.save"), theme.DocumentSaveIcon(), p.store)
	p.save.Importance = widget.HighImportance
	weights := widget.NewCard("", "", container.NewVBox(subheading(i18n.T("hiring.settings.weights")),
		quiet(i18n.T("hiring.settings.weights_hint")), kit.FieldGrid(rows...), container.NewHBox(p.save), p.saved))
	p.bank, p.profile, p.sets = newBankSection(t), newProfileSection(t), newSetsSection(t)
	left := container.NewVBox(weights, p.profile.root)
	right := container.NewVBox(p.bank.root, p.sets.root)
	p.root = container.NewVScroll(container.NewPadded(container.NewGridWithColumns(2, left, right)))
	return p
}

// narrow is an entry for a number, as wide as one needs.
func narrow(e *widget.Entry) fyne.CanvasObject {
	return container.NewHBox(container.NewGridWrap(fyne.NewSize(100, e.MinSize().Height), e))
}

func (p *settingsPage) content() fyne.CanvasObject { return p.root }

// refresh reads the settings and the lists.
func (p *settingsPage) refresh(ctx context.Context) {
	kit.Background(func() {
		weights, pass, err := p.t.s.InterviewSettings(ctx)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			for c, e := range p.weights {
				e.SetText(strconv.Itoa(weights[c]))
			}
			p.pass.SetText(i18n.LocalDecimal(strconv.FormatFloat(pass, 'f', -1, 64)))
			p.saved.SetText("")
		})
	})
	p.bank.refresh(ctx)
	p.profile.refresh(ctx)
	p.sets.refresh(ctx)
}

// read is the weights typed, with the errors of those that are not whole
// numbers.
func (p *settingsPage) read() (map[string]int, float64, model.ValidationErrors) {
	var errs model.ValidationErrors
	w := map[string]int{}
	for _, c := range hiring.Criteria {
		v, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.weights[c].Text), "%")))
		if err != nil {
			errs = append(errs, &model.FieldError{Field: "weight." + c, Key: "hiring.settings.weight_err"})
		}
		w[c] = v
	}
	pass, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(p.pass.Text), ",", ".", 1), 64)
	if err != nil {
		errs = append(errs, &model.FieldError{Field: "pass", Key: "err.hiring.pass"})
	}
	return w, pass, errs
}

// follow shows the weights' sum as they are typed.
func (p *settingsPage) follow() {
	w, _, _ := p.read()
	sum := 0
	for _, v := range w {
		sum += v
	}
	p.sum.SetText(i18n.T("hiring.settings.sum", map[string]any{"Sum": sum}))
	p.saved.SetText("")
}

// store keeps the weights and the threshold; the store refuses weights
// that do not sum to 100 %, and its sentence stands under them.
func (p *settingsPage) store() {
	w, pass, errs := p.read()
	if !kit.ShowValidation(p.t.w, p.fields, errs.OrNil()) {
		return
	}
	p.save.Disable()
	kit.Background(func() {
		err := p.t.s.SetInterviewSettings(context.Background(), w, pass)
		fyne.Do(func() {
			p.save.Enable()
			if kit.ShowValidation(p.t.w, p.fields, err) {
				p.saved.SetText(i18n.T("hiring.settings.saved"))
			}
		})
	})
}
