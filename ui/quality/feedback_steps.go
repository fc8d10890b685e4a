package quality

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// open shows a piece of feedback whole, with what was done about it, and
// a button for each step it may take next.
func (d *desk) open(r model.FeedbackRow) {
	var dlg *dialog.CustomDialog
	buttons := container.NewHBox()
	for _, to := range model.NextStates(r.Kind, r.State) {
		b := widget.NewButton(stepTitle(to), func() {
			dlg.Hide()
			d.step(r.Feedback, to)
		})
		if to == model.StateWithdrawn {
			b.Importance = widget.DangerImportance
		}
		buttons.Add(b)
	}
	buttons.Add(widget.NewButton(i18n.T("quality.close"), func() { dlg.Hide() }))
	body := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(kit.Wrapped(feedbackText(r, d.s.Today()))))
	title := i18n.T("feedback.title", map[string]any{"Kind": i18n.T("feedback.kind." + r.Kind), "Date": r.On})
	dlg = dialog.NewCustomWithoutButtons(title, body, d.w)
	dlg.Resize(fyne.NewSize(720, 480))
	kit.TrackDialog(d.w, dlg)
	dlg.Show()
}

// stepTitle is the name of the step to state to: «Передать сотруднику»
// for a complaint and a thanks alike.
func stepTitle(to string) string { return i18n.T("feedback.to." + to) }

// feedbackText is everything known of a piece of feedback, a paragraph a
// line.
func feedbackText(r model.FeedbackRow, today model.Date) string {
	lines := []string{i18n.T("feedback.show.client", map[string]any{"Name": r.Client})}
	add := func(key string, when bool, args map[string]any) {
		if when {
			lines = append(lines, i18n.T(key, args))
		}
	}
	add("feedback.show.staff", r.Staff != "", map[string]any{"Name": r.Staff})
	add("feedback.show.service", r.Service != "", map[string]any{"Name": r.Service})
	add("feedback.show.rating", r.Rating > 0, map[string]any{"N": r.Rating})
	add("feedback.show.words", true, map[string]any{"Words": r.Words})
	state := i18n.T("feedback.state." + r.State)
	if r.Overdue(today) {
		state += " · " + i18n.T("feedback.overdue", map[string]any{"N": today.DaysSince(r.On)})
	}
	add("feedback.show.state", true, map[string]any{"State": state})
	add("feedback.show.passed", r.PassedBy != "", map[string]any{"Who": r.PassedBy, "Date": r.PassedOn})
	add("feedback.show.answer", r.Answer != "", map[string]any{"Words": r.Answer, "Date": r.AnsweredOn})
	add("feedback.show.resolution", r.Resolution != "", map[string]any{"Words": r.Resolution, "Date": r.ResolvedOn})
	add("feedback.show.compensation", r.Compensation != "", map[string]any{"Words": r.Compensation})
	if !r.ContactedOn.IsZero() {
		key := "feedback.show.contacted.unsatisfied"
		if r.Satisfied {
			key = "feedback.show.contacted.satisfied"
		}
		add(key, true, map[string]any{"Date": r.ContactedOn})
		add("feedback.show.contact_note", r.ContactNote != "", map[string]any{"Words": r.ContactNote})
	}
	add("feedback.show.withdrawn", r.Withdrawn != "", map[string]any{"Words": r.Withdrawn})
	return strings.Join(lines, "\n")
}

// stepForm is what a step asks for: its fields, and how to read them into
// the step's words.
type stepForm struct {
	rows []*kit.Field
	read func(*model.Feedback)
}

// stepInputs are the inputs of the step to state to.
func (d *desk) stepInputs(to string) stepForm {
	line := func(name, label, hint string) (*kit.Field, *kit.KeyEntry) {
		e := kit.NewDialogEntry(d.w, false)
		e.SetPlaceHolder(hint)
		return kit.NewField(name, label, e), e
	}
	text := func(name, label string) (*kit.Field, *kit.KeyEntry) {
		e := multiLine(d.w, 3)
		return kit.NewField(name, label, e), e
	}
	switch to {
	case model.StatePassed:
		f, e := line("passed_by", i18n.T("feedback.passed_by"), i18n.T("feedback.passed_by.hint"))
		return stepForm{[]*kit.Field{f}, func(s *model.Feedback) { s.PassedBy = e.Text }}
	case model.StateAnswered:
		f, e := text("answer", i18n.T("feedback.answer"))
		return stepForm{[]*kit.Field{f}, func(s *model.Feedback) { s.Answer = e.Text }}
	case model.StateResolved:
		f, e := text("resolution", i18n.T("feedback.resolution"))
		g, c := line("compensation", i18n.T("feedback.compensation"), i18n.T("feedback.compensation.hint"))
		return stepForm{[]*kit.Field{f, g}, func(s *model.Feedback) { s.Resolution, s.Compensation = e.Text, c.Text }}
	case model.StateClosed:
		ok := widget.NewCheck(i18n.T("feedback.satisfied.check"), nil)
		f := kit.NewField("satisfied", i18n.T("feedback.satisfied"), ok)
		g, e := text("contact_note", i18n.T("feedback.contact_note"))
		return stepForm{[]*kit.Field{f, g}, func(s *model.Feedback) { s.Satisfied, s.ContactNote = ok.Checked, e.Text }}
	}
	f, e := text("withdrawn", i18n.T("feedback.withdrawn"))
	return stepForm{[]*kit.Field{f}, func(s *model.Feedback) { s.Withdrawn = e.Text }}
}

// step asks for what the step to needs, checks it as the step's rule does
// (a complaint is not resolved without what was done) and stores it.
func (d *desk) step(f model.Feedback, to string) {
	sf := d.stepInputs(to)
	fields := fieldMap(sf.rows...)
	fd := kit.ShowFormDialog(d.w, stepTitle(to), kit.FieldGrid(sf.rows...), func(close func()) {
		var words model.Feedback
		sf.read(&words)
		check := func() error {
			c := f
			c.PassedBy, c.Answer, c.Withdrawn = words.PassedBy, words.Answer, words.Withdrawn
			c.Resolution, c.Compensation = words.Resolution, words.Compensation
			c.Satisfied, c.ContactNote = words.Satisfied, words.ContactNote
			return c.Move(to, d.s.Today())
		}
		kit.SubmitForm(d.w, fields, nil, check, func() error {
			_, err := d.s.MoveFeedback(context.Background(), f.ID, to, words)
			return err
		}, close, d.done)
	})
	fd.Dialog.Resize(fyne.NewSize(620, 360))
	if e, ok := sf.rows[0].Input.(fyne.Focusable); ok {
		d.w.Canvas().Focus(e)
	}
}
