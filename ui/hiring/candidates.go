package hiring

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// candidatesPage lists the candidates by status, with the one picked beside
// the list: details, forms and what can be done. An assessment form opens
// in the page's place and gives it back when closed.
type candidatesPage struct {
	t        *Tab
	all      []hiring.Candidate
	shown    []hiring.Candidate
	staff    []model.Staff
	picked   uint // the candidate shown beside the list, 0 for none
	forms    []hiring.Form
	filter   *widget.Select
	list     *widget.List
	empty    kit.EmptyNote
	detail   *fyne.Container
	browse   fyne.CanvasObject
	root     *fyne.Container
	assessed *assessView // the form open in the page's place, nil for none
}

func newCandidatesPage(t *Tab) *candidatesPage {
	p := &candidatesPage{t: t, detail: container.NewVBox()}
	p.filter = widget.NewSelect(append([]string{i18n.T("hiring.status.all")}, names("hiring.status.", hiring.Statuses)...), nil)
	p.filter.SetSelectedIndex(0)
	p.filter.OnChanged = func(string) { p.showList() }
	p.list = widget.NewList(func() int { return len(p.shown) }, newCandidateRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { showCandidateRow(o, p.shown[i]) })
	p.list.OnSelected = func(i widget.ListItemID) { p.pick(p.shown[i].ID) }
	p.empty = kit.NewEmptyNote(i18n.T("hiring.candidates.empty"))
	add := widget.NewButtonWithIcon(i18n.T("hiring.candidates.new"), theme.ContentAddIcon(), func() {
		p.editCandidate(hiring.Candidate{Status: hiring.StatusNew, StatusOn: t.s.Today()})
	})
	add.Importance = widget.HighImportance
	left := container.NewBorder(container.NewBorder(nil, nil, nil, add, p.filter), t.exchangeButtons(), nil, nil, p.empty.Over(p.list))
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(p.detail)))
	split.Offset = 0.34
	p.browse = split
	p.root = container.NewStack(p.browse)
	p.showDetail()
	return p
}

func (p *candidatesPage) content() fyne.CanvasObject { return p.root }

// refresh reads the candidates and the picked one's forms; a form open in
// the page's place stays as it is.
func (p *candidatesPage) refresh(ctx context.Context) {
	picked, who := p.picked, interviewer()
	kit.Background(func() {
		cands, err := p.t.s.Candidates(ctx)
		var staff []model.Staff
		var forms []hiring.Form
		if err == nil {
			staff, err = p.t.s.AllStaff(ctx)
		}
		if err == nil && picked != 0 {
			forms, err = p.t.s.Forms(ctx, picked, who)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			p.all, p.staff = cands, staff
			if picked == p.picked {
				p.forms = forms
			}
			p.showList()
			p.showDetail()
		})
	})
}

// showList shows the candidates of the status chosen.
func (p *candidatesPage) showList() {
	p.shown = p.shown[:0]
	status := pick(hiring.Statuses, p.filter.SelectedIndex()-1)
	for _, c := range p.all {
		if status == "" || c.Status == status {
			p.shown = append(p.shown, c)
		}
	}
	p.empty.Follow(len(p.shown))
	p.list.UnselectAll()
	p.list.Refresh()
}

// pick shows a candidate beside the list.
func (p *candidatesPage) pick(id uint) {
	p.picked, p.forms = id, nil
	p.showDetail()
	p.refresh(context.Background())
}

// candidate is the candidate picked, if any.
func (p *candidatesPage) candidate() (hiring.Candidate, bool) {
	for _, c := range p.all {
		if c.ID == p.picked {
			return c, true
		}
	}
	return hiring.Candidate{}, false
}

func newCandidateRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, info)
}

func showCandidateRow(o fyne.CanvasObject, c hiring.Candidate) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(c.Name)
	box.Objects[1].(*widget.Label).SetText(statusLine(c))
}

// statusLine is a candidate's status with its day: «собеседование с 27.11.2026».
func statusLine(c hiring.Candidate) string {
	return i18n.T("hiring.candidate.status_since", map[string]any{"Status": statusName(c.Status), "Date": c.StatusOn})
}

// showDetail shows the candidate picked: details, what can be done, forms.
func (p *candidatesPage) showDetail() {
	c, ok := p.candidate()
	if !ok {
		p.detail.Objects = []fyne.CanvasObject{quiet(i18n.T("hiring.candidates.pick"))}
		p.detail.Refresh()
		return
	}
	objs := []fyne.CanvasObject{subheading(c.Name), heading(statusLine(c))}
	for _, line := range p.details(c) {
		objs = append(objs, wrapped(line))
	}
	edit := widget.NewButtonWithIcon(i18n.T("hiring.candidate.edit"), theme.DocumentCreateIcon(), func() { p.editCandidate(c) })
	assess := widget.NewButtonWithIcon(i18n.T("hiring.candidate.assess"), theme.DocumentIcon(), func() { p.openOwnForm(c) })
	assess.Importance = widget.HighImportance
	report := widget.NewButtonWithIcon(i18n.T("hiring.files.report"), theme.DocumentPrintIcon(), func() { p.t.printInterview(c) })
	buttons := container.NewHBox(assess, edit, report)
	if c.Status == hiring.StatusOffer {
		buttons.Add(widget.NewButtonWithIcon(i18n.T("hiring.candidate.hire"), theme.ConfirmIcon(), func() { p.hire(c) }))
	}
	objs = append(objs, buttons, widget.NewSeparator(), heading(i18n.T("hiring.candidate.forms")))
	if len(p.forms) == 0 {
		objs = append(objs, quiet(i18n.T("hiring.candidate.no_forms")))
	}
	for _, f := range p.forms {
		b := widget.NewButton(p.formLine(f), func() { p.openForm(c, f.ID) })
		b.Alignment = widget.ButtonAlignLeading
		objs = append(objs, b)
	}
	p.detail.Objects = objs
	p.detail.Refresh()
}

// details are a candidate's contacts, source, link to the staff and notes.
func (p *candidatesPage) details(c hiring.Candidate) []string {
	var out []string
	add := func(key, v string) {
		if v != "" {
			out = append(out, i18n.T(key, map[string]any{"V": v}))
		}
	}
	add("hiring.candidate.phone_line", c.Phone)
	add("hiring.candidate.email_line", c.Email)
	add("hiring.candidate.source_line", c.Source)
	if c.StaffID != nil {
		add("hiring.candidate.staff_line", p.staffName(*c.StaffID))
	}
	add("hiring.candidate.notes_line", c.Notes)
	return out
}

func (p *candidatesPage) staffName(id uint) string {
	for _, s := range p.staff {
		if s.ID == id {
			return s.Name
		}
	}
	return "?"
}

// formLine is a form as the candidate's list of forms reads it: its day,
// who filled it, whether it is sent, and its total when it shows.
func (p *candidatesPage) formLine(f hiring.Form) string {
	state := i18n.T("hiring.form.state.draft")
	if f.Submitted {
		state = i18n.T("hiring.form.state.submitted")
	}
	line := f.On.Format(i18n.Lang()) + " · " + f.Interviewer + " · " + state
	if len(f.Scores) == 0 && f.Interviewer != interviewer() {
		return line + " · " + i18n.T("hiring.form.state.hidden")
	}
	return line
}

// openOwnForm opens this computer's interviewer's form of the candidate
// that is not sent yet, or a new one.
func (p *candidatesPage) openOwnForm(c hiring.Candidate) {
	var id uint
	for _, f := range p.forms {
		if f.Interviewer == interviewer() && interviewer() != "" && !f.Submitted {
			id = f.ID
		}
	}
	p.openForm(c, id)
}

// openForm shows the form id of the candidate (0: a new one) in the page's
// place.
func (p *candidatesPage) openForm(c hiring.Candidate, id uint) {
	p.assessed = newAssessView(p.t, c, id, p.closeForm)
	p.root.Objects = []fyne.CanvasObject{p.assessed.root}
	p.root.Refresh()
	p.assessed.load()
}

// closeForm gives the page back to the list, once the form has stored
// what was typed.
func (p *candidatesPage) closeForm() {
	p.assessed = nil
	p.root.Objects = []fyne.CanvasObject{p.browse}
	p.root.Refresh()
	p.refresh(context.Background())
}
