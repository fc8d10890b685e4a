package hiring

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// editCandidate shows the form of a candidate, new when c.ID is 0: name,
// contacts, source, the staff member an internal candidate is, the status
// with its day, notes.
func (p *candidatesPage) editCandidate(c hiring.Candidate) {
	w := p.t.w
	name, phone, email, source := kit.NewDialogEntry(w, false), kit.NewDialogEntry(w, false), kit.NewDialogEntry(w, false), kit.NewDialogEntry(w, false)
	notes := kit.NewDialogEntry(w, true)
	name.SetText(c.Name)
	phone.SetText(c.Phone)
	email.SetText(c.Email)
	source.SetText(c.Source)
	notes.SetText(c.Notes)
	source.SetPlaceHolder(i18n.T("hiring.field.source_hint"))
	staff := p.activeStaff(c.StaffID)
	internal := kit.NewSelect(append([]string{i18n.T("hiring.field.external")}, staffNames(staff)...), nil)
	internal.SetSelectedIndex(0)
	for i, s := range staff {
		if c.StaffID != nil && s.ID == *c.StaffID {
			internal.SetSelectedIndex(i + 1)
		}
	}
	internal.OnChanged = func(string) {
		if i := internal.SelectedIndex(); i > 0 && name.Text == "" {
			name.SetText(staff[i-1].Name)
			phone.SetText(staff[i-1].Phone)
		}
	}
	on := widgets.NewDateEntry(w)
	on.SetValue(c.StatusOn)
	status := kit.NewSelect(names("hiring.status.", hiring.Statuses), nil)
	status.SetSelectedIndex(max(0, index(hiring.Statuses, c.Status)))
	status.OnChanged = func(string) { on.SetValue(p.t.s.Today()) } // a new status from today, unless told otherwise
	rows := []*kit.Field{kit.NewField("name", i18n.T("hiring.field.name"), name), kit.NewField("phone", i18n.T("hiring.field.phone"), phone),
		kit.NewField("email", i18n.T("hiring.field.email"), email), kit.NewField("source", i18n.T("hiring.field.source"), source),
		kit.NewField("staff", i18n.T("hiring.field.internal"), internal), kit.NewField("status", i18n.T("hiring.field.status"), status),
		kit.NewField("status_on", i18n.T("hiring.field.status_on"), on), kit.NewField("notes", i18n.T("hiring.field.notes"), notes)}
	fields := fieldMap(rows)
	title := i18n.T("hiring.candidate.title")
	if c.ID == 0 {
		title = i18n.T("hiring.candidates.new")
	}
	kit.ShowFormDialog(w, title, kit.FieldGrid(rows...), func(close func()) {
		v := c
		v.Name, v.Phone, v.Email, v.Source, v.Notes = name.Text, phone.Text, email.Text, source.Text, notes.Text
		v.Status = pick(hiring.Statuses, status.SelectedIndex())
		v.StaffID = nil
		if i := internal.SelectedIndex(); i > 0 {
			id := staff[i-1].ID
			v.StaffID = &id
		}
		var read model.ValidationErrors
		var ferr *model.FieldError
		v.StatusOn, ferr = on.Value("status_on")
		read = read.Add(ferr)
		kit.SubmitForm(w, fields, read, nil, func() error { return p.t.s.SaveCandidate(context.Background(), &v) }, close, func() {
			p.picked = v.ID
			p.refresh(context.Background())
		})
	})
	w.Canvas().Focus(name)
}

// activeStaff are the staff who work, and the one linked if not.
func (p *candidatesPage) activeStaff(linked *uint) []model.Staff {
	var out []model.Staff
	for _, s := range p.staff {
		if s.Active || linked != nil && s.ID == *linked {
			out = append(out, s)
		}
	}
	return out
}

func staffNames(staff []model.Staff) []string {
	out := make([]string, len(staff))
	for i, s := range staff {
		out[i] = s.Name
	}
	return out
}

func fieldMap(rows []*kit.Field) map[string]*kit.Field {
	m := map[string]*kit.Field{}
	for _, f := range rows {
		m[f.Name] = f
	}
	return m
}

// hire asks the position and the block, and makes the candidate one of
// the staff in one step.
func (p *candidatesPage) hire(c hiring.Candidate) {
	w := p.t.w
	role := widget.NewSelectEntry(p.roleNames())
	role.SetText(i18n.T("hiring.hire.role_default"))
	kit.Background(func() {
		blocks, err := p.t.s.Blocks(context.Background())
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, w)
				return
			}
			p.showHire(c, role, blocks)
		})
	})
}

func (p *candidatesPage) showHire(c hiring.Candidate, role *widget.SelectEntry, blocks []model.Block) {
	w := p.t.w
	var open []model.Block
	for _, b := range blocks {
		if !b.Archived {
			open = append(open, b)
		}
	}
	opts := []string{i18n.T("hiring.hire.no_block")}
	for _, b := range open {
		opts = append(opts, b.Name)
	}
	block := kit.NewSelect(opts, nil)
	block.SetSelectedIndex(0)
	rows := []*kit.Field{kit.NewField("role", i18n.T("hiring.hire.role"), role), kit.NewField("block", i18n.T("hiring.hire.block"), block)}
	fields := fieldMap(rows)
	body := container.NewVBox(wrapped(i18n.T("hiring.hire.text", map[string]any{"Name": c.Name})), kit.FieldGrid(rows...))
	kit.ShowFormDialog(w, i18n.T("hiring.hire.title"), body, func(close func()) {
		var blockID *uint
		if i := block.SelectedIndex(); i > 0 {
			blockID = &open[i-1].ID
		}
		r := role.Text
		var st model.Staff
		kit.SubmitForm(w, fields, nil, nil, func() (err error) {
			st, err = p.t.s.HireCandidate(context.Background(), c.ID, r, blockID)
			return err
		}, close, func() {
			p.t.changes.Notify(kit.ChangeSalon)
			p.refresh(context.Background())
			dialog.ShowInformation(i18n.T("hiring.hire.title"), i18n.T("hiring.hire.done", map[string]any{"Name": st.Name}), w)
		})
	})
}

// roleNames are the positions the staff hold, the support manager's first.
func (p *candidatesPage) roleNames() []string {
	out := []string{i18n.T("hiring.hire.role_default")}
	for _, s := range p.staff {
		if index(out, s.Role) < 0 && s.Role != "" {
			out = append(out, s.Role)
		}
	}
	return out
}
