package clients

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// assessmentsPane draws the client's weight and waist over time and lists
// every measurement; a new one needs the client's health-data consent.
type assessmentsPane struct {
	w     fyne.Window
	s     AssessmentStore
	today func() model.Date

	clientID uint
	goals    [2]float64 // weight and waist the client aims at; 0 for none
	items    []model.Assessment
	entries  map[string]*kit.KeyEntry // the form shown last
	fields   map[string]*kit.Field
	dialog   *kit.FormDialog
	chart    *widgets.LineChart
	table    *widget.Table
	empty    kit.EmptyNote
	root     fyne.CanvasObject
}

// assessmentColumns are the table's columns, as translation keys.
var assessmentColumns = []string{"assessment.on", "assessment.weight", "assessment.waist", "assessment.bmi",
	"assessment.fat", "assessment.pressure"}

func newAssessmentsPane(w fyne.Window, s AssessmentStore, today func() model.Date) *assessmentsPane {
	p := &assessmentsPane{w: w, s: s, today: today, chart: widgets.NewLineChart(nil, "", "")}
	p.table = widget.NewTableWithHeaders(func() (int, int) { return len(p.items), len(assessmentColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(assessmentCell(p.items[len(p.items)-1-id.Row], id.Col))
		})
	p.table.ShowHeaderColumn = false
	p.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(i18n.T(assessmentColumns[id.Col]))
		}
	}
	for i, wd := range []float32{110, 90, 90, 70, 80, 90} {
		p.table.SetColumnWidth(i, wd)
	}
	add := widget.NewButtonWithIcon(i18n.T("assessment.new"), theme.ContentAddIcon(), p.showNew)
	add.Importance = widget.HighImportance
	split := container.NewVSplit(p.chart, p.table)
	split.Offset = 0.45
	p.empty = kit.NewEmptyNote(i18n.T("assessment.none"))
	p.root = container.NewBorder(container.NewHBox(add), nil, nil, nil, p.empty.Over(split))
	return p
}

func (p *assessmentsPane) content() fyne.CanvasObject { return p.root }

// assessmentCell is the text of one cell; 0 means not measured.
func assessmentCell(a model.Assessment, col int) string {
	num := func(v float64) string {
		if v == 0 {
			return "—"
		}
		return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", v), "0"), ".")
	}
	switch col {
	case 0:
		return a.On.Format(i18n.Lang())
	case 1:
		return num(a.WeightKg)
	case 2:
		return num(a.WaistCm)
	case 3:
		return num(a.BMI())
	case 4:
		return num(a.BodyFatPct)
	}
	if a.Systolic == 0 {
		return "—"
	}
	return fmt.Sprintf("%d/%d", a.Systolic, a.Diastolic)
}

func (p *assessmentsPane) load(clientID uint) {
	loadFor(p.w, &p.clientID, clientID, p.s.Assessments, func(as []model.Assessment) {
		p.items = as
		p.empty.Follow(len(as))
		p.table.Refresh()
		p.drawChart()
	})
}

// drawChart puts weight and waist on one time axis.
func (p *assessmentsPane) drawChart() {
	if len(p.items) == 0 {
		p.chart.SetSeries(nil, "", "")
		return
	}
	first := p.items[0].On
	weight := widgets.Series{Name: i18n.T("assessment.weight"), Color: theme.Color(theme.ColorNamePrimary), Goal: p.goals[0]}
	waist := widgets.Series{Name: i18n.T("assessment.waist"), Color: color.NRGBA{R: 0xe0, G: 0x8a, B: 0x2c, A: 0xff}, Goal: p.goals[1]}
	for _, a := range p.items {
		x := float64(a.On.DaysSince(first))
		if a.WeightKg > 0 {
			weight.X, weight.Y = append(weight.X, x), append(weight.Y, a.WeightKg)
		}
		if a.WaistCm > 0 {
			waist.X, waist.Y = append(waist.X, x), append(waist.Y, a.WaistCm)
		}
	}
	p.chart.SetSeries([]widgets.Series{weight, waist}, first.Format(i18n.Lang()), p.items[len(p.items)-1].On.Format(i18n.Lang()))
}

// assessmentInputs are the measurement fields of the form, in order.
var assessmentInputs = []struct{ name, key string }{
	{"weight", "assessment.weight"}, {"height", "assessment.height"}, {"waist", "assessment.waist"},
	{"hips", "assessment.hips"}, {"chest", "assessment.chest"}, {"body_fat", "assessment.fat"},
	{"systolic", "assessment.systolic"}, {"diastolic", "assessment.diastolic"},
}

func (p *assessmentsPane) showNew() {
	id := p.clientID
	fields := map[string]*kit.Field{}
	entries := map[string]*kit.KeyEntry{}
	on := kit.NewDialogEntry(p.w, false)
	on.SetText(p.today().Format(i18n.Lang()))
	rows := []*kit.Field{kit.NewField("on", i18n.T("assessment.on"), on)}
	for _, in := range assessmentInputs {
		e := kit.NewDialogEntry(p.w, false)
		entries[in.name] = e
		rows = append(rows, kit.NewField(in.name, i18n.T(in.key), e))
	}
	contra, notes := kit.NewDialogEntry(p.w, true), kit.NewDialogEntry(p.w, true)
	rows = append(rows, kit.NewField("contraindications", i18n.T("assessment.contraindications"), contra),
		kit.NewField("notes", i18n.T("assessment.notes"), notes))
	for _, f := range rows {
		fields[f.Name] = f
	}
	p.entries, p.fields = entries, fields
	p.dialog = kit.ShowFormDialog(p.w, i18n.T("assessment.new"), kit.FieldGrid(rows...), func(close func()) {
		a, errs := readAssessment(id, on.Text, entries)
		a.Contraindications, a.Notes = strings.TrimSpace(contra.Text), strings.TrimSpace(notes.Text)
		kit.SubmitForm(p.w, fields, errs, func() error { return a.Validate(p.today()) },
			func() error { return p.s.AddAssessment(context.Background(), &a) }, close, func() { p.load(id) })
	})
}

// readAssessment parses the numbers typed; a comma works as the decimal mark.
func readAssessment(clientID uint, on string, entries map[string]*kit.KeyEntry) (model.Assessment, model.ValidationErrors) {
	var errs model.ValidationErrors
	a := model.Assessment{ClientID: clientID}
	d, err := model.ParseDate(on)
	if err != nil || d.IsZero() {
		errs = append(errs, &model.FieldError{Field: "on", Key: "err.date.format"})
	}
	a.On = d
	num := func(name string) float64 { return readMeasure(name, entries[name].Text, &errs) }
	a.WeightKg, a.HeightCm, a.WaistCm = num("weight"), num("height"), num("waist")
	a.HipsCm, a.ChestCm, a.BodyFatPct = num("hips"), num("chest"), num("body_fat")
	a.Systolic, a.Diastolic = int(num("systolic")), int(num("diastolic"))
	return a, errs
}
