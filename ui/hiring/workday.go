package hiring

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// dayTest is the working-day test on the organisation's card: the task
// set's tasks in the candidate's order with the minutes planned or
// dropped, the day's start and end, the four points with the tasks they
// name, and the organisation score they make, to take into the criterion.
type dayTest struct {
	v       *assessView
	sets    []hiring.TaskSet
	set     *hiring.TaskSet // the set chosen, nil for none
	setSel  *widget.Select
	start   *kit.KeyEntry
	end     *kit.KeyEntry
	rows    []*planRow // in the candidate's order
	list    *fyne.Container
	points  *fyne.Container
	take    *widget.Button
	taken   int // the organisation score the points make, 0 for none
	touched bool
	root    fyne.CanvasObject
}

// planRow is a task in the candidate's plan.
type planRow struct {
	task    hiring.DayTask
	minutes *kit.KeyEntry
	dropped *widget.Check
	up      *widget.Button
	down    *widget.Button
}

func newDayTest(v *assessView, sets []hiring.TaskSet, plan *hiring.DayPlan) *dayTest {
	d := &dayTest{v: v, sets: sets, list: container.NewVBox(), points: container.NewVBox()}
	setNames := make([]string, len(sets))
	for i, s := range sets {
		setNames[i] = s.Name
	}
	d.setSel = kit.NewSelect(setNames, func(string) { d.choose(d.setSel.SelectedIndex(), nil) })
	d.start, d.end = kit.NewKeyEntry(nil), kit.NewKeyEntry(nil)
	for _, e := range []*kit.KeyEntry{d.start, d.end} {
		e.SetPlaceHolder(i18n.T("hiring.day.time_hint"))
		e.OnChanged = func(string) { d.edited() }
	}
	d.take = widget.NewButtonWithIcon("", theme.ConfirmIcon(), func() {
		v.cards[hiring.Organisation].setScore(d.taken)
	})
	start := kit.NewField("start", i18n.T("hiring.day.start"), container.NewGridWrap(fyne.NewSize(90, d.start.MinSize().Height), d.start))
	end := kit.NewField("end", i18n.T("hiring.day.end"), container.NewGridWrap(fyne.NewSize(90, d.end.MinSize().Height), d.end))
	v.fields["start"], v.fields["end"] = start, end
	set := kit.NewField("set", i18n.T("hiring.day.set"), container.NewGridWrap(fyne.NewSize(380, d.setSel.MinSize().Height), d.setSel))
	top := container.NewHBox(kit.FieldGrid(set), kit.FieldGrid(start), kit.FieldGrid(end))
	body := container.NewVBox(subheading(i18n.T("hiring.day.title")), quiet(i18n.T("hiring.day.intro")), top, d.list,
		heading(i18n.T("hiring.day.points")), d.points)
	if len(sets) == 0 {
		body = container.NewVBox(subheading(i18n.T("hiring.day.title")), quiet(i18n.T("hiring.day.no_sets")))
	}
	d.root = container.NewVBox(widget.NewSeparator(), body)
	if plan != nil {
		for i, s := range sets {
			if s.ID == plan.SetID {
				d.start.SetText(clock(plan.Start))
				d.end.SetText(clock(plan.End))
				d.choose(i, plan)
			}
		}
	}
	d.touched = plan != nil
	d.follow()
	return d
}

// choose shows set i's tasks, in plan's order when given.
func (d *dayTest) choose(i int, plan *hiring.DayPlan) {
	if i < 0 || i >= len(d.sets) {
		return
	}
	if d.setSel.SelectedIndex() != i {
		d.setSel.SetSelectedIndex(i) // runs choose again, without the plan
	}
	d.set = &d.sets[i]
	d.rows = nil
	byTask := map[uint]hiring.PlanItem{}
	if plan != nil {
		for _, it := range plan.Items {
			byTask[it.TaskID] = it
		}
	}
	for _, t := range d.set.Tasks {
		r := &planRow{task: t, minutes: kit.NewKeyEntry(nil), dropped: widget.NewCheck(i18n.T("hiring.day.drop"), nil)}
		if it, ok := byTask[t.ID]; ok {
			r.dropped.SetChecked(it.Dropped)
			if it.Minutes > 0 {
				r.minutes.SetText(strconv.Itoa(it.Minutes))
			}
		}
		r.minutes.SetPlaceHolder(i18n.T("hiring.day.minutes_hint"))
		r.minutes.OnChanged = func(string) { d.edited() }
		r.dropped.OnChanged = func(bool) { d.edited() }
		d.rows = append(d.rows, r)
	}
	if plan != nil {
		order := func(r *planRow) int {
			if it, ok := byTask[r.task.ID]; ok {
				return it.Order
			}
			return 1 << 30
		}
		sortRows(d.rows, order)
	}
	d.showRows()
	d.edited()
}

func sortRows(rows []*planRow, order func(*planRow) int) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && order(rows[j]) < order(rows[j-1]); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

// showRows lays the tasks out in the candidate's order.
func (d *dayTest) showRows() {
	d.list.Objects = nil
	for i, r := range d.rows {
		i := i
		r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { d.move(i, -1) })
		r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { d.move(i, 1) })
		if i == 0 {
			r.up.Disable()
		}
		if i == len(d.rows)-1 {
			r.down.Disable()
		}
		title := r.task.Title
		if r.task.Personal {
			title = i18n.T("hiring.day.personal", map[string]any{"Title": title})
		}
		label := widget.NewLabel(title)
		label.Truncation = fyne.TextTruncateEllipsis
		minutes := container.NewGridWrap(fyne.NewSize(90, r.minutes.MinSize().Height), r.minutes)
		right := container.NewHBox(minutes, r.dropped, r.up, r.down)
		num := widget.NewLabelWithStyle(fmt.Sprintf("%d.", i+1), fyne.TextAlignTrailing, fyne.TextStyle{})
		d.list.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(44, num.MinSize().Height), num), right, label))
	}
	d.list.Refresh()
}

// move puts row i one place up (-1) or down (+1) in the candidate's order.
func (d *dayTest) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(d.rows) {
		return
	}
	d.rows[i], d.rows[j] = d.rows[j], d.rows[i]
	d.showRows()
	d.edited()
}

// edited follows a change of the plan: the points, and the form's store.
func (d *dayTest) edited() {
	if d.v.filling {
		return
	}
	d.touched = true
	d.follow()
	d.v.changed()
}

// plan is the candidate's plan as the form stores it; nil until the test
// was taken, or while the day's start or end is not a time.
func (d *dayTest) plan() *hiring.DayPlan {
	if !d.touched {
		return nil
	}
	return d.planNow()
}

// planNow is the plan the test shows; nil without a set, or while the
// day's start or end is not a time.
func (d *dayTest) planNow() *hiring.DayPlan {
	if d.set == nil {
		return nil
	}
	start, ok1 := parseClock(d.start.Text)
	end, ok2 := parseClock(d.end.Text)
	if !ok1 || !ok2 {
		return nil
	}
	p := &hiring.DayPlan{SetID: d.set.ID, Start: start, End: end}
	for i, r := range d.rows { // a task dropped keeps its place in the list too
		it := hiring.PlanItem{TaskID: r.task.ID, Dropped: r.dropped.Checked, Order: i + 1}
		it.Minutes, _ = strconv.Atoi(strings.TrimSpace(r.minutes.Text))
		p.Items = append(p.Items, it)
	}
	return p
}

// disable leaves the test to be read.
func (d *dayTest) disable() {
	d.setSel.Disable()
	d.start.Disable()
	d.end.Disable()
	for _, r := range d.rows {
		r.minutes.Disable()
		r.dropped.Disable()
		r.up.Disable()
		r.down.Disable()
	}
	d.take.Disable()
}

// clock writes minutes from midnight as a time: «09:00».
func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// parseClock reads a time of day typed as «9», «9:30», «09.30» or «930».
func parseClock(s string) (int, bool) {
	s = strings.NewReplacer(".", ":", " ", "").Replace(strings.TrimSpace(s))
	h, m, found := strings.Cut(s, ":")
	if !found && len(s) > 2 {
		h, m = s[:len(s)-2], s[len(s)-2:]
	}
	hh, err := strconv.Atoi(h)
	if err != nil {
		return 0, false
	}
	mm := 0
	if m != "" {
		if mm, err = strconv.Atoi(m); err != nil {
			return 0, false
		}
	}
	if hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh == 24 && mm > 0 {
		return 0, false
	}
	return hh*60 + mm, true
}

// dayLength writes a span of minutes as hours and minutes: «9 ч 30 мин».
func dayLength(m int) string {
	if m%60 == 0 {
		return i18n.T("hiring.day.hours", map[string]any{"H": m / 60})
	}
	return i18n.T("hiring.day.hours_minutes", map[string]any{"H": m / 60, "M": m % 60})
}
