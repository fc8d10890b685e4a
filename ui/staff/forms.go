package staff

import (
	"context"

	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

func fieldMap(rows ...*kit.Field) map[string]*kit.Field {
	m := map[string]*kit.Field{}
	for _, f := range rows {
		m[f.Name] = f
	}
	return m
}

// activeBlocks are the blocks a person or a service may be put in: those
// not archived, and the one it is in already.
func activeBlocks(all []model.Block, current *uint) []model.Block {
	var out []model.Block
	for _, b := range all {
		if !b.Archived || (current != nil && *current == b.ID) {
			out = append(out, b)
		}
	}
	return out
}

// BlockSelect is a drop-down of blocks with «—» for none.
type BlockSelect struct {
	Select *widget.Select
	blocks []model.Block
}

// NewBlockSelect offers the blocks that work and the one of current.
func NewBlockSelect(all []model.Block, current *uint) *BlockSelect {
	bs := &BlockSelect{blocks: activeBlocks(all, current)}
	opts := []string{i18n.T("staff.block.none")}
	for _, b := range bs.blocks {
		opts = append(opts, b.Name)
	}
	bs.Select = kit.NewSelect(opts, nil)
	bs.Select.SetSelectedIndex(0)
	for i, b := range bs.blocks {
		if current != nil && *current == b.ID {
			bs.Select.SetSelectedIndex(i + 1)
		}
	}
	return bs
}

// ID is the chosen block, or nil.
func (bs *BlockSelect) ID() *uint {
	if i := bs.Select.SelectedIndex(); i > 0 {
		id := bs.blocks[i-1].ID
		return &id
	}
	return nil
}

func (t *Tab) editStaff(st model.Staff) {
	if !t.canEdit {
		ShowText(t.w, st.Name, t.staffLine(st), t.roleDuties(st.Role), st.Duties)
		return
	}
	name, phone, duties := kit.NewDialogEntry(t.w, false), kit.NewDialogEntry(t.w, false), kit.NewDialogEntry(t.w, true)
	name.SetText(st.Name)
	phone.SetText(model.FormatPhone(st.Phone))
	phone.SetPlaceHolder("+7 916 123-45-67")
	duties.SetText(st.Duties)
	duties.SetPlaceHolder(i18n.T("staff.duties.own_hint"))
	var roleNames []string
	for _, r := range t.roles {
		roleNames = append(roleNames, r.Name)
	}
	role := widget.NewSelectEntry(roleNames)
	role.SetText(st.Role)
	role.SetPlaceHolder(i18n.T("staff.role.hint"))
	block := NewBlockSelect(t.blocks, st.BlockID)
	hired := widgets.NewDateEntry(t.w)
	hired.Optional = true
	hired.SetValue(st.HiredOn)
	works := widget.NewCheck(i18n.T("staff.works"), nil)
	works.SetChecked(st.Active || st.ID == 0)
	rows := []*kit.Field{kit.NewField("name", i18n.T("staff.name"), name), kit.NewField("role", i18n.T("staff.role"), role),
		kit.NewField("block", i18n.T("staff.block"), block.Select), kit.NewField("phone", i18n.T("staff.phone"), phone),
		kit.NewField("hired_on", i18n.T("staff.hired_on"), hired), kit.NewField("active", "", works),
		kit.NewField("duties", i18n.T("staff.duties.own"), duties)}
	fields := fieldMap(rows...)
	kit.ShowFormDialog(t.w, i18n.T("staff.title"), kit.FieldGrid(rows...), func(close func()) {
		c := st
		c.Name, c.Role, c.Phone, c.Duties, c.BlockID, c.Active = name.Text, role.Text, phone.Text, duties.Text, block.ID(), works.Checked
		var errs model.ValidationErrors
		var derr *model.FieldError
		c.HiredOn, derr = hired.Value("hired_on")
		errs = errs.Add(derr)
		kit.SubmitForm(t.w, fields, errs, func() error { return c.Validate(t.s.Today()) },
			func() error { return t.s.SaveStaff(context.Background(), &c) }, close, t.saved)
	})
}

func (t *Tab) editBlock(b model.Block) {
	if !t.canEdit {
		return
	}
	name := kit.NewDialogEntry(t.w, false)
	name.SetText(b.Name)
	name.SetPlaceHolder(i18n.T("staff.block.hint"))
	archived := widget.NewCheck(i18n.T("staff.block.archived"), nil)
	archived.SetChecked(b.Archived)
	rows := []*kit.Field{kit.NewField("name", i18n.T("staff.block.name"), name)}
	if b.ID != 0 {
		rows = append(rows, kit.NewField("archived", "", archived))
	}
	fields := fieldMap(rows...)
	kit.ShowFormDialog(t.w, i18n.T("staff.block.title"), kit.FieldGrid(rows...), func(close func()) {
		c := b
		c.Name, c.Archived = name.Text, archived.Checked
		kit.SubmitForm(t.w, fields, nil, c.Validate, func() error { return t.s.SaveBlock(context.Background(), &c) }, close, t.saved)
	})
}

func (t *Tab) editRole(r model.StaffRole) {
	if !t.canEdit {
		ShowText(t.w, r.Name, r.Duties)
		return
	}
	name, duties := kit.NewDialogEntry(t.w, false), kit.NewDialogEntry(t.w, true)
	name.SetText(r.Name)
	duties.SetText(r.Duties)
	duties.SetMinRowsVisible(6)
	duties.SetPlaceHolder(i18n.T("staff.role.duties_hint"))
	rows := []*kit.Field{kit.NewField("name", i18n.T("staff.role.name"), name), kit.NewField("duties", i18n.T("staff.role.duties"), duties)}
	fields := fieldMap(rows...)
	kit.ShowFormDialog(t.w, i18n.T("staff.role.title"), kit.FieldGrid(rows...), func(close func()) {
		c := r
		c.Name, c.Duties = name.Text, duties.Text
		kit.SubmitForm(t.w, fields, nil, c.Validate, func() error { return t.s.SaveStaffRole(context.Background(), &c) }, close, t.saved)
	})
}

// roleDuties are the duties written for the position of that name.
func (t *Tab) roleDuties(name string) string {
	for _, r := range t.roles {
		if r.Name == name {
			return r.Duties
		}
	}
	return ""
}
