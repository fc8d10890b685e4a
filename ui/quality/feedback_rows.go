package quality

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
)

// wordsRunes is how much of the client's words a row shows; the whole of
// them opens with the row.
const wordsRunes = 120

// feedbackList is a list of feedback, three lines a row: when, what and
// from whom; about whom and how far it has come (an overdue complaint in
// red); the client's words.
type feedbackList struct {
	rows  []model.FeedbackRow
	today func() model.Date
	list  *widget.List
}

func newFeedbackList(today func() model.Date, open func(model.FeedbackRow)) *feedbackList {
	fl := &feedbackList{today: today}
	fl.list = widget.NewList(func() int { return len(fl.rows) },
		func() fyne.CanvasObject {
			return container.NewVBox(truncLabel(true), truncLabel(false), truncLabel(false))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { fl.showRow(o.(*fyne.Container), fl.rows[i]) })
	fl.list.OnSelected = func(i widget.ListItemID) {
		fl.list.UnselectAll()
		open(fl.rows[i])
	}
	return fl
}

// set shows rows.
func (fl *feedbackList) set(rows []model.FeedbackRow) {
	fl.rows = rows
	fl.list.Refresh()
}

func (fl *feedbackList) showRow(box *fyne.Container, r model.FeedbackRow) {
	head, about, words := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label), box.Objects[2].(*widget.Label)
	head.SetText(feedbackHead(r))
	line, overdue := feedbackAbout(r, fl.today())
	about.Importance = widget.MediumImportance
	if overdue {
		about.Importance = widget.DangerImportance
	}
	about.SetText(line)
	words.SetText(shortText(r.Words, wordsRunes))
}

// feedbackHead is the first line of a row: the day, the kind, the client
// and the rating.
func feedbackHead(r model.FeedbackRow) string {
	parts := []string{r.On.Format(i18n.Lang()), i18n.T("feedback.kind." + r.Kind), r.Client}
	if r.Rating > 0 {
		parts = append(parts, i18n.T("feedback.rating.short", map[string]any{"N": r.Rating}))
	}
	return strings.Join(parts, " · ")
}

// feedbackAbout is the second line: about whom and what, its state, and
// how long an overdue complaint has waited (first, as a narrow row cuts
// the end); it reports whether the complaint is overdue.
func feedbackAbout(r model.FeedbackRow, today model.Date) (string, bool) {
	var parts []string
	overdue := r.Overdue(today)
	if overdue {
		parts = append(parts, i18n.T("feedback.overdue", map[string]any{"N": today.DaysSince(r.On)}))
	}
	for _, s := range []string{r.Staff, r.Service} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, i18n.T("feedback.state."+r.State))
	return strings.Join(parts, " · "), overdue
}

// ratingOptions are the choices of a rating: none, then 1 to 5.
func ratingOptions() []string {
	out := []string{i18n.T("feedback.rating.none")}
	for i := 1; i <= 5; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

// kindNames are the kinds of feedback as a picker shows them.
func kindNames() []string {
	out := make([]string, len(model.FeedbackKinds))
	for i, k := range model.FeedbackKinds {
		out[i] = i18n.T("feedback.kind." + k)
	}
	return out
}
