package hiring

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// sidePanel is the form's side: each criterion's score (a tap brings its
// card into view), the weighted total against the pass threshold, the
// recommendation, how the form was stored, and «Отправить».
type sidePanel struct {
	v      *assessView
	rows   map[string]*widget.Button
	total  *widget.Label
	rec    *widget.Label
	state  *widget.Label
	submit *widget.Button
	root   fyne.CanvasObject
}

func newSidePanel(v *assessView) *sidePanel {
	p := &sidePanel{v: v, rows: map[string]*widget.Button{}, total: heading(""), rec: wrapped(""), state: quiet("")}
	box := container.NewVBox(heading(i18n.T("hiring.form.scores")))
	for _, c := range hiring.Criteria {
		b := widget.NewButton("", func() { v.scrollTo(c) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		p.rows[c] = b
		box.Add(b)
	}
	p.total.Wrapping = fyne.TextWrapWord
	box.Add(widget.NewSeparator())
	box.Add(p.total)
	box.Add(quiet(i18n.T("hiring.form.pass", map[string]any{"Pass": decimal2(v.pass)})))
	box.Add(p.rec)
	p.submit = widget.NewButtonWithIcon(i18n.T("hiring.form.submit"), theme.MailSendIcon(), p.askSubmit)
	p.submit.Importance = widget.HighImportance
	if v.editable {
		box.Add(p.submit)
	} else if v.form.Submitted {
		box.Add(quiet(i18n.T("hiring.form.submitted")))
	} else {
		box.Add(quiet(i18n.T("hiring.form.read_only")))
	}
	box.Add(p.state)
	p.root = container.NewPadded(box)
	return p
}

// follow shows the scores, the total and the recommendation of what the
// form holds.
func (p *sidePanel) follow() {
	scores := p.v.scores()
	for c, b := range p.rows {
		s := "—"
		if scores[c] > 0 {
			s = strconv.Itoa(scores[c])
		}
		b.SetText(i18n.T("hiring.form.score_row", map[string]any{"Criterion": criterionName(c), "Score": s}))
	}
	total, ok := hiring.Weighted(scores, p.v.weights)
	if !ok {
		p.total.SetText(i18n.T("hiring.form.total_none"))
		p.rec.SetText("")
		return
	}
	p.total.SetText(i18n.T("hiring.form.total", map[string]any{"Total": decimal2(total)}))
	p.rec.SetText(i18n.T("hiring.form.rec", map[string]any{"Rec": recName(hiring.Recommend(total, p.v.pass))}))
}

// showSaved says how the last write went.
func (p *sidePanel) showSaved(err error) {
	if err == nil {
		kit.ShowValidation(p.v.t.w, p.v.fields, nil)
		p.state.Importance = widget.LowImportance
		p.state.SetText(i18n.T("hiring.form.saved", map[string]any{"Time": time.Now().Format("15:04:05")}))
		return
	}
	if errs, ok := kit.AsFieldErrors(err); ok {
		for _, e := range errs {
			if f := p.v.fields[e.Field]; f != nil {
				f.SetError(i18n.T(e.Key, e.Args))
			}
		}
	}
	p.state.Importance = widget.DangerImportance
	p.state.SetText(i18n.T("hiring.form.not_saved", map[string]any{"Why": i18n.ErrorSentence(err)}))
}

// askSubmit sends the form once every criterion is scored and the
// interviewer agrees that its scores are final.
func (p *sidePanel) askSubmit() {
	v := p.v
	var missing []string
	for _, c := range hiring.Criteria {
		if v.scores()[c] == 0 {
			missing = append(missing, criterionName(c))
		}
	}
	if len(missing) > 0 {
		kit.ShowError(&model.FieldError{Key: "hiring.form.unscored", Args: map[string]any{"List": strings.Join(missing, ", ")}}, v.t.w)
		return
	}
	d := dialog.NewConfirm(i18n.T("hiring.form.submit_title"), i18n.T("hiring.form.submit_text"), func(ok bool) {
		if ok {
			p.sendNow()
		}
	}, v.t.w)
	d.SetConfirmText(i18n.T("hiring.form.submit"))
	d.SetDismissText(i18n.T("hiring.form.submit_keep"))
	kit.TrackDialog(v.t.w, d)
	d.Show()
}

// sendNow stores what waits, sends the form and shows it again with the
// other interviewers' scores.
func (p *sidePanel) sendNow() {
	v := p.v
	p.submit.Disable()
	v.saver.put(v.draft())
	kit.Background(func() {
		id, err := v.saver.flush()
		if err == nil {
			err = v.t.s.SubmitForm(context.Background(), id)
		}
		fyne.Do(func() {
			if err != nil {
				p.submit.Enable()
				p.showSaved(err)
				return
			}
			v.t.cands.openForm(v.cand, id)
		})
	})
}
