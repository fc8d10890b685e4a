package programs

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// scheduleRows is how many sessions the builder lists; the PDF has them all.
const scheduleRows = 40

// summary is the lower part of the builder: the price, the progress of a
// stored program with its chart, and the schedule.
type summary struct {
	price, progress, goals, schedule *widget.Label
	chart                            *widgets.BarChart
	chartBox                         *fyne.Container
	root                             fyne.CanvasObject
}

func newSummary() *summary {
	s := &summary{price: kit.Wrapped(""), progress: kit.Wrapped(""), goals: kit.Wrapped(""), schedule: widget.NewLabel("")}
	s.chart = widgets.NewBarChart(nil)
	s.chartBox = container.NewGridWrap(fyne.NewSize(640, 150), s.chart)
	s.root = container.NewVBox(heading(i18n.T("program.price")), s.price,
		heading(i18n.T("program.progress")), s.progress, s.goals, s.chartBox,
		heading(i18n.T("program.schedule")), s.schedule)
	return s
}

func (s *summary) content() fyne.CanvasObject { return s.root }

// show writes what follows from p: its price with the card and, for a
// stored program (view), how far it has come.
func (s *summary) show(p model.Program, card *model.CardView, view *model.ProgramView, staff []model.Staff) {
	lang := i18n.Lang()
	sched := model.PlaceSchedule(p)
	var st *model.CardState
	if card != nil {
		st = &card.State
	}
	pr := model.PriceOf(p, sched, st)
	s.price.SetText(i18n.T("program.price.line", map[string]any{
		"Total": pr.Total.Format(lang), "Sessions": pr.CardSessions, "Card": pr.ByCard.Format(lang),
		"Discount": pr.Discount.Format(lang), "ToPay": pr.ToPay.Format(lang)}))
	s.schedule.SetText(scheduleText(p, sched, staff))
	if view == nil {
		s.progress.SetText(i18n.T("program.progress.new"))
		s.goals.Hide()
		s.chartBox.Hide()
		return
	}
	s.showProgress(*view)
}

func (s *summary) showProgress(v model.ProgramView) {
	s.progress.SetText(programLine(v))
	var goals []string
	for _, g := range []struct {
		key string
		gp  model.GoalProgress
	}{{"program.goal.weight", v.Progress.Weight}, {"program.goal.waist", v.Progress.Waist}} {
		if g.gp.Known {
			goals = append(goals, i18n.T(g.key, map[string]any{"Start": trim(g.gp.Start), "Latest": trim(g.gp.Latest),
				"Target": trim(g.gp.Target), "Percent": int(g.gp.Share * 100)}))
		}
	}
	s.goals.SetText(strings.Join(goals, "\n"))
	s.goals.Hidden = len(goals) == 0
	bars := make([]widgets.Bar, len(v.Program.Items))
	for i, it := range v.Program.Items {
		bars[i] = widgets.Bar{Label: fmt.Sprintf("%s %d/%d", short(it.Name), v.Progress.PerItem[i], it.Sessions),
			Value: float64(v.Progress.PerItem[i])}
	}
	s.chart.SetBars(bars)
	s.chartBox.Hidden = len(bars) == 0
	s.root.Refresh()
}

// scheduleText lists the first sessions: the day, the service, who.
func scheduleText(p model.Program, sched []model.Session, staff []model.Staff) string {
	if len(sched) == 0 {
		return i18n.T("program.schedule.none")
	}
	names := map[uint]string{}
	for _, st := range staff {
		names[st.ID] = st.Name
	}
	lang := i18n.Lang()
	var b strings.Builder
	for i, s := range sched {
		if i == scheduleRows {
			b.WriteString(i18n.T("program.schedule.more", map[string]any{"N": len(sched) - scheduleRows}))
			break
		}
		it := p.Items[s.Item]
		day := i18n.T(fmt.Sprintf("weekday.short.%d", (int(s.On.Time().Weekday())+6)%7))
		line := day + " " + s.On.Format(lang) + " — " + it.Name
		if it.StaffID != nil && names[*it.StaffID] != "" {
			line += " (" + names[*it.StaffID] + ")"
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// trim writes a measure to one decimal, without a zero one, in the
// language's way: «20,9», «59».
func trim(v float64) string {
	return i18n.LocalDecimal(strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0"))
}

// short cuts a service's name for a chart's label.
func short(name string) string {
	r := []rune(name)
	if len(r) > 12 {
		return string(r[:11]) + "…"
	}
	return name
}
