package quality

import (
	"context"
	"slices"
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

// standardsPage lists the salon's service standards group by group; the
// owner edits them, the others read them.
type standardsPage struct {
	p        *Pages
	canEdit  bool
	all      []model.Standard
	rows     []standardRow
	roles    []model.StaffRole
	services []model.Service
	list     *widget.List
	empty    kit.EmptyNote
	root     fyne.CanvasObject
}

// standardRow is a line of the list: a group's heading or a standard.
type standardRow struct {
	group string
	std   *model.Standard
}

func newStandardsPage(p *Pages) *standardsPage {
	sp := &standardsPage{p: p, canEdit: model.Allowed(p.s.Role(), model.AreaSettings, model.Write)}
	sp.list = widget.NewList(func() int { return len(sp.rows) }, func() fyne.CanvasObject { return truncLabel(false) },
		func(i widget.ListItemID, o fyne.CanvasObject) { sp.showRow(o.(*widget.Label), sp.rows[i]) })
	sp.list.OnSelected = func(i widget.ListItemID) {
		sp.list.UnselectAll()
		if st := sp.rows[i].std; st != nil {
			sp.open(*st)
		}
	}
	sp.empty = kit.NewEmptyNote(i18n.T("standard.none"))
	top := fyne.CanvasObject(heading(i18n.T("standard.heading")))
	if sp.canEdit {
		add := widget.NewButtonWithIcon(i18n.T("standard.add"), theme.ContentAddIcon(), func() { sp.open(model.Standard{Active: true}) })
		add.Importance = widget.HighImportance
		top = container.NewBorder(nil, nil, top, add)
	}
	sp.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, sp.empty.Over(sp.list)))
	return sp
}

func (sp *standardsPage) content() fyne.CanvasObject { return sp.root }

func (sp *standardsPage) refresh(ctx context.Context) {
	kit.Background(func() {
		all, err := sp.p.s.Standards(ctx)
		var roles []model.StaffRole
		var services []model.Service
		if err == nil {
			roles, err = sp.p.s.StaffRoles(ctx)
		}
		if err == nil {
			services, err = sp.p.s.Services(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, sp.p.w)
				return
			}
			sp.all, sp.roles, sp.services = all, roles, services
			sp.rows = groupStandards(all)
			sp.empty.Follow(len(all))
			sp.list.Refresh()
		})
	})
}

// groupStandards puts a heading before each group's standards (the store
// lists them group by group).
func groupStandards(all []model.Standard) []standardRow {
	var out []standardRow
	for i := range all {
		if i == 0 || all[i].Group != all[i-1].Group {
			out = append(out, standardRow{group: all[i].Group})
		}
		out = append(out, standardRow{std: &all[i]})
	}
	return out
}

func (sp *standardsPage) showRow(l *widget.Label, row standardRow) {
	l.TextStyle.Bold = row.std == nil
	l.Importance = widget.MediumImportance
	if row.std == nil {
		l.SetText(row.group)
		return
	}
	if !row.std.Active {
		l.Importance = widget.LowImportance
	}
	l.SetText("    " + sp.line(*row.std))
}

// line is a standard with whom and what it applies to.
func (sp *standardsPage) line(st model.Standard) string {
	parts := []string{strings.ReplaceAll(st.Text, "\n", " ")}
	if roles := st.RoleList(); len(roles) > 0 {
		parts = append(parts, i18n.T("standard.for_roles", map[string]any{"Roles": strings.Join(roles, ", ")}))
	}
	if names := sp.serviceNames(st.ServiceIDs); len(names) > 0 {
		parts = append(parts, i18n.T("standard.for_services", map[string]any{"Services": strings.Join(names, ", ")}))
	}
	if !st.Active {
		parts = append(parts, i18n.T("standard.inactive"))
	}
	return strings.Join(parts, " · ")
}

func (sp *standardsPage) serviceNames(ids []uint) []string {
	var out []string
	for _, sv := range sp.services {
		if slices.Contains(ids, sv.ID) {
			out = append(out, sv.Name)
		}
	}
	return out
}

// open shows a standard: the owner's form, or its words to the others.
func (sp *standardsPage) open(st model.Standard) {
	if !sp.canEdit {
		d := dialog.NewCustom(st.Group, i18n.T("quality.close"), kit.Wrapped(sp.line(st)), sp.p.w)
		d.Resize(fyne.NewSize(560, 260))
		kit.TrackDialog(sp.p.w, d)
		d.Show()
		return
	}
	sp.edit(st)
}

func (sp *standardsPage) edit(st model.Standard) {
	w := sp.p.w
	var groups []string
	for _, s := range sp.all {
		if !slices.Contains(groups, s.Group) {
			groups = append(groups, s.Group)
		}
	}
	group := widget.NewSelectEntry(groups)
	group.SetText(st.Group)
	group.SetPlaceHolder(i18n.T("standard.group.hint"))
	text := multiLine(w, 3)
	text.SetText(st.Text)
	roles := newCheckGrid(3, sp.roleOptions(st), st.RoleList())
	services, svIDs := sp.serviceOptions(st)
	active := widget.NewCheck(i18n.T("standard.active"), nil)
	active.SetChecked(st.Active)
	fields := fieldMap(kit.NewField("group", i18n.T("standard.group"), group), kit.NewField("text", i18n.T("standard.text"), text),
		kit.NewField("roles", i18n.T("standard.roles"), container.NewVBox(roles.root, hint("standard.roles.hint"))),
		kit.NewField("services", i18n.T("standard.services"), container.NewVBox(services.root, hint("standard.services.hint"))),
		kit.NewField("active", "", active))
	body := kit.FieldGrid(fields["group"], fields["text"], fields["roles"], fields["services"], fields["active"])
	title := i18n.T("standard.title")
	kit.ShowFormDialog(w, title, body, func(close func()) {
		c := st
		c.Group, c.Text, c.Roles, c.Active = group.Text, text.Text, strings.Join(roles.selected(), ", "), active.Checked
		c.ServiceIDs = nil
		for _, i := range services.chosen() {
			c.ServiceIDs = append(c.ServiceIDs, svIDs[i])
		}
		kit.SubmitForm(w, fields, nil, c.Validate, func() error { return sp.p.s.SaveStandard(context.Background(), &c) },
			close, func() { sp.refresh(context.Background()) })
	}).Dialog.Resize(fyne.NewSize(760, 600))
}

// roleOptions are the positions of the salon, and those st names already.
func (sp *standardsPage) roleOptions(st model.Standard) []string {
	var out []string
	for _, r := range sp.roles {
		out = append(out, r.Name)
	}
	for _, r := range st.RoleList() {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// serviceOptions are the catalogue's services (not goods) sold now, and
// those st names already, with their IDs.
func (sp *standardsPage) serviceOptions(st model.Standard) (*checkGrid, []uint) {
	var names []string
	var ids []uint
	var chosen []string
	for _, sv := range sp.services {
		linked := slices.Contains(st.ServiceIDs, sv.ID)
		if sv.CatalogueKind() != model.KindProduct && sv.Active || linked {
			names, ids = append(names, sv.Name), append(ids, sv.ID)
		}
		if linked {
			chosen = append(chosen, sv.Name)
		}
	}
	return newCheckGrid(2, names, chosen), ids
}

// hint is a quiet line under an input.
func hint(key string) *widget.Label {
	l := widget.NewLabel(i18n.T(key))
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}
