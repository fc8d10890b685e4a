package programs

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// recSelected offers the decisions on a recommendation that waits.
func (p *Pane) recSelected(i widget.ListItemID) {
	p.recPick = i
	if p.recs[i].Waiting(p.today()) || p.recs[i].Decision == model.RecPostponed {
		p.decide.Show()
	} else {
		p.decide.Hide()
	}
}

// newRecommendation records a service a specialist recommends for the
// client, with the reason.
func (p *Pane) newRecommendation() {
	p.withBasis(func(b model.ProgramBasis) {
		staff := kit.NewSelect(staffNames(b.Staff), nil)
		service := kit.NewSelect(serviceNames(b.Services), nil)
		reason := kit.NewDialogEntry(p.w, true)
		on := widgets.NewDateEntry(p.w)
		on.SetValue(p.today())
		fields := fieldMap(kit.NewField("staff", i18n.T("rec.staff"), staff), kit.NewField("service", i18n.T("rec.service"), service),
			kit.NewField("reason", i18n.T("rec.reason"), reason), kit.NewField("on", i18n.T("rec.on"), on))
		body := kit.FieldGrid(fields["staff"], fields["service"], fields["reason"], fields["on"])
		kit.ShowFormDialog(p.w, i18n.T("rec.new"), body, func(close func()) {
			r := model.Recommendation{ClientID: p.clientID, Reason: reason.Text}
			var read model.ValidationErrors
			var ferr *model.FieldError
			r.On, ferr = on.Value("on")
			read = read.Add(ferr)
			if i := staff.SelectedIndex(); i >= 0 {
				r.StaffID = b.Staff[i].ID
			}
			if i := service.SelectedIndex(); i >= 0 {
				r.ServiceID = b.Services[i].ID
			}
			kit.SubmitForm(p.w, fields, read, func() error { return r.Validate(p.today()) },
				func() error { return p.s.AddRecommendation(context.Background(), &r) }, close, p.saved)
		})
	})
}

// decideRec takes the manager's decision on the chosen recommendation.
func (p *Pane) decideRec(decision string) {
	if p.recPick < 0 || p.recPick >= len(p.recs) {
		return
	}
	r := p.recs[p.recPick].Recommendation
	r.Decision = decision
	switch decision {
	case model.RecDeclined:
		p.decideWith(r, "note", i18n.T("rec.decline_reason"), kit.NewDialogEntry(p.w, true), nil)
	case model.RecPostponed:
		to := widgets.NewDateEntry(p.w)
		to.SetValue(p.today().AddDays(14))
		p.decideWith(r, "postponed_to", i18n.T("rec.postpone_to"), to, func(r *model.Recommendation) *model.FieldError {
			var err *model.FieldError
			r.PostponedTo, err = to.Value("postponed_to")
			return err
		})
	case model.RecAdded:
		p.withBasis(func(b model.ProgramBasis) { p.addToProgram(r, b) })
	}
}

// decideWith asks for the one thing a decision needs: the reason of a
// decline (read from the entry into Note) or the day it is postponed to.
func (p *Pane) decideWith(r model.Recommendation, field, label string, input fyne.CanvasObject, read func(*model.Recommendation) *model.FieldError) {
	fields := fieldMap(kit.NewField(field, label, input))
	title := i18n.T("rec.decision." + r.Decision)
	kit.ShowFormDialog(p.w, title, kit.FieldGrid(fields[field]), func(close func()) {
		var errs model.ValidationErrors
		if read != nil {
			errs = errs.Add(read(&r))
		} else {
			r.Note = input.(*kit.KeyEntry).Text
		}
		kit.SubmitForm(p.w, fields, errs, func() error { return r.Validate(p.today()) },
			func() error { return p.s.DecideRecommendation(context.Background(), &r, nil) }, close, p.saved)
	}).Dialog.Resize(fyne.NewSize(520, 300))
}

// addToProgram puts the recommended service into one of the client's open
// programs, asking the reason when the client's condition is against it.
func (p *Pane) addToProgram(r model.Recommendation, b model.ProgramBasis) {
	var open []model.ProgramView
	var names []string
	for _, v := range p.programs {
		if v.Program.Open() {
			open = append(open, v)
			names = append(names, v.Program.Title)
		}
	}
	if len(open) == 0 {
		kit.ShowError(&model.FieldError{Key: "rec.no_open_program"}, p.w)
		return
	}
	prog := kit.NewSelect(names, nil)
	prog.SetSelectedIndex(0)
	sessions, perWeek, reason := kit.NewDialogEntry(p.w, false), kit.NewDialogEntry(p.w, false), kit.NewDialogEntry(p.w, true)
	sessions.SetText("1")
	perWeek.SetText("1")
	fields := fieldMap(kit.NewField("program", i18n.T("rec.program"), prog),
		kit.NewField("sessions", i18n.T("program.item.sessions"), sessions),
		kit.NewField("per_week", i18n.T("program.item.per_week"), perWeek),
		kit.NewField("override", i18n.T("program.contra.reason"), reason))
	rows := []*kit.Field{fields["program"], fields["sessions"], fields["per_week"]}
	var conditions []string
	for _, sv := range b.Services {
		if sv.ID == r.ServiceID && b.HealthConsent {
			conditions = model.MatchContraindications(sv.Contraindications, b.Health...)
		}
	}
	body := container.NewVBox(kit.FieldGrid(rows...))
	if len(conditions) > 0 {
		warn := kit.Wrapped(i18n.T("program.contra.row", map[string]any{"Conditions": strings.Join(conditions, ", ")}))
		warn.Importance = widget.DangerImportance
		body.Add(warn)
		body.Add(kit.FieldGrid(fields["override"]))
	}
	kit.ShowFormDialog(p.w, i18n.T("rec.add_to_program"), body, func(close func()) {
		var errs model.ValidationErrors
		item := model.ProgramItem{Override: strings.TrimSpace(reason.Text)}
		var err error
		if item.Sessions, err = strconv.Atoi(strings.TrimSpace(sessions.Text)); err != nil {
			errs = append(errs, &model.FieldError{Field: "sessions", Key: "err.number"})
		}
		if item.PerWeek, err = strconv.Atoi(strings.TrimSpace(perWeek.Text)); err != nil {
			errs = append(errs, &model.FieldError{Field: "per_week", Key: "err.number"})
		}
		id := open[max(0, prog.SelectedIndex())].Program.ID
		r.ProgramID = &id
		n := len(open[max(0, prog.SelectedIndex())].Program.Items)
		kit.SubmitForm(p.w, fields, errs, func() error { return r.Validate(p.today()) },
			func() error { return itemErrors(p.s.DecideRecommendation(context.Background(), &r, &item), n) }, close, p.saved)
	})
}

// itemErrors moves the errors of the program's new item n to the fields
// of the decision's form.
func itemErrors(err error, n int) error {
	errs, ok := kit.AsFieldErrors(err)
	if !ok {
		return err
	}
	out := make(model.ValidationErrors, len(errs))
	prefix := model.LineField(n, "")
	for i, e := range errs {
		c := *e
		c.Field = strings.TrimPrefix(c.Field, prefix)
		out[i] = &c
	}
	return out
}

func fieldMap(fields ...*kit.Field) map[string]*kit.Field {
	m := make(map[string]*kit.Field, len(fields))
	for _, f := range fields {
		m[f.Name] = f
	}
	return m
}

func staffNames(staff []model.Staff) []string {
	names := make([]string, len(staff))
	for i, s := range staff {
		names[i] = s.Name + " · " + s.Role
	}
	return names
}

func serviceNames(services []model.Service) []string {
	names := make([]string, len(services))
	for i, s := range services {
		names[i] = s.Name
	}
	return names
}
