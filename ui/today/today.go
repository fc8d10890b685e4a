package today

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// Store is what the Today tab needs from the database.
type Store interface {
	Today() model.Date
	Agenda(ctx context.Context) (model.Agenda, error)
	FollowUpStore
	PromotionStore
}

// Tab is the manager's morning page: whom to call, whose card ends,
// who is slipping away, whose birthday is near, whose program falls behind,
// which recommendations wait for a decision, and how the salon keeps its
// clients.
type Tab struct {
	w       fyne.Window
	s       Store
	changes *kit.Changes
	open    func(clientID uint, page kit.Page)
	agenda  model.Agenda

	figures  [4]*widget.Label
	captions [4]*widget.Label
	chart    *widgets.BarChart
	sections []*agendaSection
	promos   *agendaSection // the clients to tell of a running promotion
	lists    *agenda
	first    *firstSteps // the hint of a salon that has not begun
	root     fyne.CanvasObject
}

// agendaSection is one list of the agenda with its title and count.
type agendaSection struct {
	title  string
	head   *widget.Label
	list   *widget.List
	rows   []agendaRow
	total  int
	button *widget.Button  // the section's button above the lists
	body   *fyne.Container // its title and list, shown when chosen
}

// agendaRow is one line of a section: who, and why they are on the list.
type agendaRow struct {
	clientID uint
	name     string
	why      string
	urgent   bool
	followUp *model.Contact // the contact whose follow-up is due; nil on other lists
	page     kit.Page       // the page of the profile the row is about
}

// New builds the Today page; it reads the agenda again after every change
// that can move a row or a figure. open shows a client.
func New(w fyne.Window, s Store, changes *kit.Changes, open func(uint, kit.Page)) *Tab {
	t := &Tab{w: w, s: s, changes: changes, open: open, chart: widgets.NewBarChart(nil), lists: newAgenda()}
	figs := container.NewGridWithColumns(4)
	for i, key := range []string{"today.fig.active", "today.fig.retention", "today.fig.lifetime", "today.fig.new"} {
		t.figures[i] = widget.NewLabelWithStyle("—", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		t.figures[i].SizeName = "headingText"
		t.captions[i] = widget.NewLabelWithStyle(i18n.T(key, map[string]any{"N": 0}), fyne.TextAlignCenter, fyne.TextStyle{})
		t.captions[i].Wrapping = fyne.TextWrapWord
		figs.Add(widget.NewCard("", "", container.NewVBox(t.figures[i], t.captions[i])))
	}
	chartTitle := widget.NewLabelWithStyle(i18n.T("today.chart.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := container.NewBorder(container.NewVBox(figs, chartTitle), nil, nil, nil, t.chart)
	for _, title := range []string{i18n.T("today.followups"), i18n.T("today.cards"), i18n.T("today.at_risk"),
		i18n.T("today.birthdays"), i18n.T("today.programs.behind"), i18n.T("today.recs.waiting"), complaintsTitle()} {
		sec := t.newSection(title)
		t.sections = append(t.sections, sec)
		t.lists.add(sec)
	}
	t.promos = t.newSection(i18n.T("promo.today.title"))
	t.lists.add(t.promos)
	split := container.NewHSplit(left, t.lists.content())
	split.Offset = 0.4
	t.root = container.NewBorder(t.newFirstSteps(), nil, nil, nil, split)
	changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeClients, kit.ChangeVisits, kit.ChangeCards, kit.ChangeContacts, kit.ChangeSalon)
	return t
}

func (t *Tab) newSection(title string) *agendaSection {
	sec := &agendaSection{title: title}
	sec.head = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sec.list = widget.NewList(func() int { return len(sec.rows) }, newRowItem,
		func(i widget.ListItemID, o fyne.CanvasObject) { t.showRow(o.(*rowItem), sec.rows[i]) })
	sec.list.OnSelected = func(i widget.ListItemID) {
		sec.list.UnselectAll()
		t.open(sec.rows[i].clientID, sec.rows[i].page)
	}
	return sec
}

func (t *Tab) Content() fyne.CanvasObject { return t.root }

func (t *Tab) Refresh(ctx context.Context) {
	t.refreshFirstSteps(ctx)
	t.refreshPromotions(ctx)
	kit.Background(func() {
		a, err := t.s.Agenda(ctx)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.show(a)
		})
	})
}

func (t *Tab) show(a model.Agenda) {
	t.agenda = a
	f := a.Figures
	t.figures[0].SetText(fmt.Sprint(f.Active))
	t.figures[1].SetText(fmt.Sprintf("%.0f %%", f.Retention90*100))
	t.figures[2].SetText(i18n.T("today.months", map[string]any{"N": i18n.Decimal(f.AvgLifetimeDays / 30.44)}))
	t.figures[3].SetText(fmt.Sprint(f.NewThisMonth))
	t.captions[0].SetText(i18n.T("today.fig.active", map[string]any{"N": f.Active}))
	t.captions[3].SetText(i18n.T("today.fig.new", map[string]any{"N": f.NewThisMonth}) + "\n" +
		i18n.T("today.fig.added", map[string]any{"N": f.AddedThisMonth}))
	var bars []widgets.Bar
	for _, m := range a.ActiveByMonth {
		bars = append(bars, widgets.Bar{Label: i18n.MonthShort(int(m.Month.Month()), m.Month.Year()), Value: float64(m.Count)})
	}
	t.chart.SetBars(bars)
	t.fill(0, followUpRows(a.FollowUps), a.FollowUpsTotal)
	t.fill(1, cardRows(a.ExpiringCards, t.s.Today()), a.ExpiringTotal)
	t.fill(2, clientRows(a.AtRisk, kit.PageVisits, func(r model.ClientRow) string {
		return i18n.T("today.last_visit", map[string]any{"Date": r.LastVisitOn.Format(i18n.Lang())})
	}), a.AtRiskTotal)
	birthdays := clientRows(a.Birthdays, kit.PageProfile, func(r model.ClientRow) string { return birthdayText(r.BirthDate, t.s.Today()) })
	t.fill(3, birthdays, len(birthdays))
	t.fill(4, behindRows(a.Behind), len(a.Behind))
	t.fill(5, recommendationRows(a.Recommended), len(a.Recommended))
	t.fill(6, complaintRows(a.Overdue, t.s.Today()), len(a.Overdue))
}

// fill shows a section's rows under its title with the whole count, which
// may be more than the rows a long list shows.
func (t *Tab) fill(i int, rows []agendaRow, total int) {
	sec := t.sections[i]
	sec.rows = rows
	t.lists.count(sec, max(total, len(rows)))
	sec.list.Refresh()
}

func followUpRows(fs []model.FollowUp) []agendaRow {
	rows := make([]agendaRow, len(fs))
	for i, f := range fs {
		why := i18n.T("contact.kind." + string(f.Contact.Kind))
		if f.OverdueDays > 0 { // how late first: a narrow row cuts the end
			why = i18n.T("today.overdue", map[string]any{"N": f.OverdueDays}) + " · " + why
		}
		rows[i] = agendaRow{clientID: f.Client.ID, name: f.Client.FullName(), why: why, urgent: f.OverdueDays > 0,
			followUp: &fs[i].Contact, page: kit.PageContacts}
	}
	return rows
}

func cardRows(cs []model.CardAlert, today model.Date) []agendaRow {
	rows := make([]agendaRow, len(cs))
	for i, c := range cs {
		st := c.Card.State
		why := i18n.T("today.card.until", map[string]any{"Date": st.ValidTo.Format(i18n.Lang())})
		if st.VisitsLeft >= 0 && st.VisitsLeft <= model.CardAlertVisits {
			why = i18n.T("today.card.visits_left", map[string]any{"N": st.VisitsLeft})
		}
		rows[i] = agendaRow{clientID: c.Client.ID, name: c.Client.FullName(), why: why,
			urgent: st.ValidTo.DaysSince(today) <= 3, page: kit.PageCards}
	}
	return rows
}

func clientRows(rs []model.ClientRow, page kit.Page, why func(model.ClientRow) string) []agendaRow {
	rows := make([]agendaRow, len(rs))
	for i, r := range rs {
		rows[i] = agendaRow{clientID: r.ID, name: r.FullName(), why: why(r), page: page}
	}
	return rows
}

// birthdayText says when the birthday comes and how old the client turns.
func birthdayText(birth, today model.Date) string {
	on, age := model.NextBirthday(birth, today)
	args := map[string]any{"Date": on.Format(i18n.Lang()), "Age": age}
	if on == today {
		return i18n.T("today.birthday.today", args)
	}
	return i18n.T("today.birthday.on", args)
}
