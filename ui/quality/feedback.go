package quality

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// feedbackPage is the salon's feedback, the newest first, picked by month,
// by staff member, or the complaints still open.
type feedbackPage struct {
	p      *Pages
	desk   *desk
	months []model.Date
	staff  []model.Staff
	month  *widget.Select
	who    *widget.Select
	open   *widget.Check
	count  *widget.Label
	list   *feedbackList
	empty  kit.EmptyNote
	seq    int // the newest query; older answers are dropped
	root   fyne.CanvasObject
}

func newFeedbackPage(p *Pages) *feedbackPage {
	fp := &feedbackPage{p: p, months: recentMonths(p.s.Today(), pickMonths), count: widget.NewLabel("")}
	fp.desk = &desk{w: p.w, s: p.s, done: p.written}
	fp.list = newFeedbackList(p.s.Today, fp.desk.open)
	again := func(string) { fp.refresh(context.Background()) }
	fp.month = widget.NewSelect(append([]string{i18n.T("feedback.filter.all_months")}, monthNames(fp.months)...), nil)
	fp.month.SetSelectedIndex(0)
	fp.who = widget.NewSelect([]string{i18n.T("feedback.filter.all_staff")}, nil)
	fp.who.SetSelectedIndex(0)
	fp.month.OnChanged, fp.who.OnChanged = again, again
	fp.open = widget.NewCheck(i18n.T("feedback.filter.open"), func(bool) { fp.refresh(context.Background()) })
	add := widget.NewButtonWithIcon(i18n.T("feedback.new"), theme.ContentAddIcon(), func() { fp.desk.receive(nil) })
	add.Importance = widget.HighImportance
	filters := container.NewHBox(container.NewGridWrap(fyne.NewSize(200, fp.month.MinSize().Height), fp.month),
		container.NewGridWrap(fyne.NewSize(300, fp.who.MinSize().Height), fp.who), fp.open)
	top := container.NewBorder(nil, nil, filters, add)
	fp.empty = kit.NewEmptyNote(i18n.T("feedback.none"))
	fp.root = container.NewPadded(container.NewBorder(top, fp.count, nil, nil, fp.empty.Over(fp.list.list)))
	return fp
}

func (fp *feedbackPage) content() fyne.CanvasObject { return fp.root }

// query is what the filters pick.
func (fp *feedbackPage) query() model.FeedbackQuery {
	var q model.FeedbackQuery
	if i := fp.month.SelectedIndex(); i > 0 {
		q.Month = fp.months[i-1]
	}
	if i := fp.who.SelectedIndex(); i > 0 && i <= len(fp.staff) {
		q.StaffID = fp.staff[i-1].ID
	}
	q.OpenOnly = fp.open.Checked
	return q
}

func (fp *feedbackPage) refresh(ctx context.Context) {
	fp.seq++
	seq, q := fp.seq, fp.query()
	kit.Background(func() {
		rows, err := fp.p.s.FeedbackList(ctx, q)
		var staff []model.Staff
		if err == nil {
			staff, err = fp.p.s.AllStaff(ctx)
		}
		fyne.Do(func() {
			if seq != fp.seq {
				return
			}
			if err != nil {
				kit.ShowError(err, fp.p.w)
				return
			}
			fp.showStaff(staff)
			fp.list.set(rows)
			fp.empty.Follow(len(rows))
			fp.count.SetText(i18n.T("feedback.count", map[string]any{"N": len(rows)}))
		})
	})
}

// showStaff offers the staff in the filter, keeping the one chosen.
func (fp *feedbackPage) showStaff(staff []model.Staff) {
	chosen := uint(0)
	if i := fp.who.SelectedIndex(); i > 0 && i <= len(fp.staff) {
		chosen = fp.staff[i-1].ID
	}
	fp.staff = staff
	opts := []string{i18n.T("feedback.filter.all_staff")}
	at := 0
	for i, st := range staff {
		opts = append(opts, st.Name)
		if st.ID == chosen {
			at = i + 1
		}
	}
	fp.who.Options = opts
	fp.who.OnChanged = nil // choosing the same again reads nothing
	fp.who.SetSelectedIndex(at)
	fp.who.OnChanged = func(string) { fp.refresh(context.Background()) }
	fp.who.Refresh()
}
