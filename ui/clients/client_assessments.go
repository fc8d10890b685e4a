package clients

import (
	"fmt"
	"image/color"

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
// every measurement, to be corrected or removed; a new one needs the
// client's health-data consent.
type assessmentsPane struct {
	w         fyne.Window
	s         AssessmentStore
	today     func() model.Date
	consented func(model.Client) // the profile follows a consent recorded here

	clientID uint
	client   model.Client // as the profile shows it: the goals, the consent
	items    []model.Assessment
	entries  map[string]*kit.KeyEntry // the form shown last
	fields   map[string]*kit.Field
	dialog   *kit.FormDialog
	chart    *widgets.LineChart
	photos   *photosPane
	addPhoto *widget.Button
	views    *container.AppTabs // the chart, the photos
	table    *rowTable
	split    *container.Split
	empty    kit.EmptyNote
	root     fyne.CanvasObject
}

// assessmentColumns are the table's columns, as translation keys.
var assessmentColumns = []string{"assessment.on", "assessment.weight", "assessment.waist", "assessment.bmi",
	"assessment.fat", "assessment.pressure"}

func newAssessmentsPane(w fyne.Window, s AssessmentStore, today func() model.Date, consented func(model.Client)) *assessmentsPane {
	p := &assessmentsPane{w: w, s: s, today: today, consented: consented, chart: widgets.NewLineChart(nil, "", "")}
	p.chart.Format = measure
	p.table = newRowTable(assessmentColumns, []float32{110, 90, 90, 70, 80, 90}, -1, func() int { return len(p.items) },
		func(row, col int) string { return assessmentCell(p.item(row), col) })
	p.table.open = func(row int) { a := p.item(row); p.showForm(&a) }
	p.table.remove = func(row int) { p.askDelete(p.item(row)) }
	add := widget.NewButtonWithIcon(i18n.T("assessment.new"), theme.ContentAddIcon(), p.showNew)
	add.Importance = widget.HighImportance
	edit, del := rowButtons(p.table, "assessment.edit", "assessment.delete")
	p.photos = newPhotosPane(w, s)
	p.addPhoto = widget.NewButtonWithIcon(i18n.T("photo.add"), theme.FileImageIcon(), p.askPhoto)
	p.views = container.NewAppTabs(container.NewTabItem(i18n.T("photo.tab.chart"), p.chart),
		container.NewTabItem(i18n.T("photo.tab.photos"), p.photos.content()))
	p.split = container.NewVSplit(p.views, p.table)
	p.split.Offset = 0.5
	p.empty = kit.NewEmptyNote(i18n.T("assessment.empty"))
	p.root = container.NewBorder(container.NewHBox(add, edit, del, p.addPhoto), nil, nil, nil, p.empty.Over(p.split))
	return p
}

func (p *assessmentsPane) content() fyne.CanvasObject { return p.root }

// follow takes the client the profile shows: the goals drawn, the consent.
func (p *assessmentsPane) follow(c model.Client) { p.client = c }

// item is the assessment on a row of the table: the newest first.
func (p *assessmentsPane) item(row int) model.Assessment { return p.items[len(p.items)-1-row] }

// assessmentCell is the text of one cell; 0 means not measured.
func assessmentCell(a model.Assessment, col int) string {
	switch col {
	case 0:
		return a.On.Format(i18n.Lang())
	case 1:
		return measureCell(a.WeightKg)
	case 2:
		return measureCell(a.WaistCm)
	case 3:
		return measureCell(a.BMI())
	case 4:
		return measureCell(a.BodyFatPct)
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
		showIf(p.split, len(as) > 0)
		if len(as) > 0 {
			p.addPhoto.Enable()
		} else {
			p.addPhoto.Disable()
		}
		p.table.reset()
		p.drawChart()
	})
	p.photos.load(clientID)
}

// drawChart puts weight and waist on one time axis, each goal named.
func (p *assessmentsPane) drawChart() {
	if len(p.items) == 0 {
		p.chart.SetSeries(nil, "", "")
		return
	}
	first := p.items[0].On
	weight := widgets.Series{Name: i18n.T("assessment.weight"), Color: theme.Color(theme.ColorNamePrimary), Goal: p.client.GoalWeightKg}
	waist := widgets.Series{Name: i18n.T("assessment.waist"), Color: color.NRGBA{R: 0x3b, G: 0x9e, B: 0xd6, A: 0xff}, Goal: p.client.GoalWaistCm}
	weight.GoalLabel = i18n.T("assessment.goal.weight", map[string]any{"V": measure(weight.Goal)})
	waist.GoalLabel = i18n.T("assessment.goal.waist", map[string]any{"V": measure(waist.Goal)})
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
