package programs

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// itemRow is the widgets of one item of the program.
type itemRow struct {
	item     model.ProgramItem // as read, or as the service was picked: name, price, override
	service  *widget.Select
	sessions *kit.KeyEntry
	perWeek  *kit.KeyEntry
	staff    *widget.Select
	byCard   *widget.Check
	contra   *widget.Label
	reason   *widget.Button
	box      *fyne.Container
	removed  bool
	fields   []*kit.Field
}

// addItem adds a row for it (empty for a new item) under the items.
func (f *builder) addItem(it model.ProgramItem) *itemRow {
	i := len(f.items)
	r := &itemRow{item: it, sessions: kit.NewDialogEntry(f.w, false), perWeek: kit.NewDialogEntry(f.w, false)}
	r.service = kit.NewSelect(f.serviceNames(), nil)
	r.staff = kit.NewSelect(f.staffNames(), func(string) { f.follow() })
	r.byCard = widget.NewCheck(i18n.T("program.item.by_card"), func(bool) { f.follow() })
	r.contra = kit.Wrapped("")
	r.contra.Importance = widget.DangerImportance
	r.reason = widget.NewButtonWithIcon(i18n.T("program.item.reason"), theme.WarningIcon(), func() { f.askReason(r, false) })
	f.fillItem(r, it)
	r.service.OnChanged = func(string) { f.servicePicked(r) }
	for _, e := range []*kit.KeyEntry{r.sessions, r.perWeek} {
		e.OnChanged = func(string) { f.follow() }
	}
	key := func(s string) string { return fmt.Sprintf("line.%d.%s", i, s) }
	svcF := kit.NewField(key("service"), i18n.T("program.item.service"), r.service)
	sesF := kit.NewField(key("sessions"), i18n.T("program.item.sessions"), r.sessions)
	pwF := kit.NewField(key("per_week"), i18n.T("program.item.per_week"), r.perWeek)
	stF := kit.NewField(key("staff"), i18n.T("program.item.staff"), r.staff)
	cardF := kit.NewField(key("by_card"), "", r.byCard)
	ovF := kit.NewField(key("override"), "", container.NewVBox(r.contra, container.NewHBox(r.reason)))
	r.fields = []*kit.Field{svcF, sesF, pwF, stF, cardF, ovF}
	for _, fl := range r.fields {
		f.fields[fl.Name] = fl
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeItem(r) })
	title := widget.NewLabelWithStyle(i18n.T("program.item", map[string]any{"N": i + 1}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.box = container.NewVBox(container.NewBorder(nil, nil, nil, remove, title), kit.FieldGrid(r.fields...))
	f.items = append(f.items, r)
	f.itemsBox.Add(r.box)
	f.showContra(r)
	return r
}

// fillItem shows an item read from a program or a template.
func (f *builder) fillItem(r *itemRow, it model.ProgramItem) {
	for i, s := range f.b.Services {
		if s.ID == it.ServiceID {
			r.service.SetSelectedIndex(i)
		}
	}
	if it.ServiceID != 0 && r.service.SelectedIndex() < 0 {
		// a line no longer sold keeps its place under its own name
		f.b.Services = append(f.b.Services, model.Service{ID: it.ServiceID, Name: it.Name, Price: it.Price})
		r.service.Options = f.serviceNames()
		r.service.SetSelectedIndex(len(f.b.Services) - 1)
	}
	if it.Sessions > 0 {
		r.sessions.SetText(strconv.Itoa(it.Sessions))
	}
	if it.PerWeek > 0 {
		r.perWeek.SetText(strconv.Itoa(it.PerWeek))
	}
	for i, s := range f.b.Staff {
		if it.StaffID != nil && s.ID == *it.StaffID {
			r.staff.SetSelectedIndex(i + 1)
		}
	}
	r.byCard.SetChecked(it.ByCard)
}

// servicePicked takes the service's name and price and, when the client's
// condition is against it, refuses it unless the manager gives a reason.
func (f *builder) servicePicked(r *itemRow) {
	i := r.service.SelectedIndex()
	if i < 0 {
		return
	}
	sv := f.b.Services[i]
	r.item.ServiceID, r.item.Name, r.item.Price, r.item.Override = sv.ID, sv.Name, sv.Price, ""
	r.item.Contraindicated = strings.Join(f.contraindicated(sv), ", ")
	if r.sessions.Text == "" {
		r.sessions.SetText("1")
	}
	if r.perWeek.Text == "" {
		r.perWeek.SetText("1")
	}
	f.showContra(r)
	if r.item.Contraindicated != "" {
		f.askReason(r, true)
	}
	f.follow()
}

// contraindicated lists the client's conditions sv is not for; nothing
// without consent to health data.
func (f *builder) contraindicated(sv model.Service) []string {
	if !f.b.HealthConsent {
		return nil
	}
	return model.MatchContraindications(sv.Contraindications, f.b.Health...)
}

// askReason says the service is contraindicated and takes the reason to
// add it anyway; picked says the service was just chosen, and is taken off
// the row when the manager does not add it.
func (f *builder) askReason(r *itemRow, picked bool) {
	reason := widget.NewMultiLineEntry()
	reason.Wrapping = fyne.TextWrapWord
	reason.SetText(r.item.Override)
	reason.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s", i18n.T("program.contra.reason_required"))
		}
		return nil
	}
	text := kit.Wrapped(i18n.T("program.contra.refused", map[string]any{"Service": r.item.Name, "Conditions": r.item.Contraindicated}))
	d := dialog.NewForm(i18n.T("program.contra.title"), i18n.T("program.contra.add"), i18n.T("program.contra.skip"),
		[]*widget.FormItem{widget.NewFormItem("", text), widget.NewFormItem(i18n.T("program.contra.reason"), reason)},
		func(ok bool) {
			if ok {
				r.item.Override = strings.TrimSpace(reason.Text)
			} else if picked {
				r.item = model.ProgramItem{}
				r.service.ClearSelected()
				r.sessions.SetText("")
				r.perWeek.SetText("")
			}
			f.showContra(r)
			f.follow()
		}, f.w)
	d.Resize(fyne.NewSize(520, 320))
	kit.TrackDialog(f.w, d)
	d.Show()
}

// showContra shows under the row what the service is contraindicated for
// and the reason it was added anyway.
func (f *builder) showContra(r *itemRow) {
	if r.item.Contraindicated == "" {
		r.contra.Hide()
		r.reason.Hide()
		return
	}
	text := i18n.T("program.contra.row", map[string]any{"Conditions": r.item.Contraindicated})
	if r.item.Override != "" {
		text += " " + i18n.T("program.contra.row_reason", map[string]any{"Reason": r.item.Override})
	}
	r.contra.SetText(text)
	r.contra.Show()
	r.reason.Show()
}

func (f *builder) removeItem(r *itemRow) {
	r.removed = true
	r.box.Hide()
	for _, fl := range r.fields {
		fl.SetError("")
	}
	f.follow()
}

func (f *builder) serviceNames() []string {
	names := make([]string, len(f.b.Services))
	for i, s := range f.b.Services {
		names[i] = s.Name + " · " + s.Price.Format(i18n.Lang())
	}
	return names
}

func (f *builder) staffNames() []string {
	names := []string{i18n.T("visit.line.staff.none")}
	for _, s := range f.b.Staff {
		names = append(names, s.Name+" · "+s.Role)
	}
	return names
}

// readItem reads a row into an item, with the errors of what could not be
// read under the fields of line n.
func (f *builder) readItem(r *itemRow, n int) (model.ProgramItem, model.ValidationErrors) {
	var errs model.ValidationErrors
	it := r.item
	it.ID = 0
	if r.service.SelectedIndex() < 0 {
		it.ServiceID = 0
	}
	var err error
	field := func(s string) string { return fmt.Sprintf("line.%d.%s", n, s) }
	if it.Sessions, err = strconv.Atoi(strings.TrimSpace(r.sessions.Text)); err != nil {
		errs = append(errs, &model.FieldError{Field: field("sessions"), Key: "err.number"})
	}
	if it.PerWeek, err = strconv.Atoi(strings.TrimSpace(r.perWeek.Text)); err != nil {
		errs = append(errs, &model.FieldError{Field: field("per_week"), Key: "err.number"})
	}
	it.StaffID = nil
	if st := r.staff.SelectedIndex(); st > 0 {
		id := f.b.Staff[st-1].ID
		it.StaffID = &id
	}
	it.ByCard = r.byCard.Checked
	return it, errs
}
