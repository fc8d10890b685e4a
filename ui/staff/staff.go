// Package staff is the «Персонал и качество» tab: the salon's blocks, its
// staff, and the duties of each role, written once per role.
package staff

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/quality"
)

// Store is what the staff directory and the quality pages beside it need
// from the database.
type Store interface {
	quality.Store
	Role() model.Role
	Today() model.Date
	AllStaff(ctx context.Context) ([]model.Staff, error)
	SaveStaff(ctx context.Context, st *model.Staff) error
	Blocks(ctx context.Context) ([]model.Block, error)
	SaveBlock(ctx context.Context, b *model.Block) error
	StaffRoles(ctx context.Context) ([]model.StaffRole, error)
	SaveStaffRole(ctx context.Context, r *model.StaffRole) error
}

// Tab is the staff directory.
type Tab struct {
	w       fyne.Window
	s       Store
	changes *kit.Changes
	canEdit bool
	staff   []model.Staff
	blocks  []model.Block
	roles   []model.StaffRole
	people  *widget.List
	blockL  *widget.List
	roleL   *widget.List
	quality *quality.Pages
	empty   kit.EmptyNote
	root    fyne.CanvasObject
}

// New builds the staff directory; what it writes it tells changes, so the
// visit form and the catalogue offer the new names.
func New(w fyne.Window, s Store, changes *kit.Changes) *Tab {
	t := &Tab{w: w, s: s, changes: changes, canEdit: model.Allowed(s.Role(), model.AreaStaff, model.Write)}
	t.people = newList(func() int { return len(t.staff) }, func(i int) string { return t.staffLine(t.staff[i]) },
		func(i int) { t.editStaff(t.staff[i]) })
	t.blockL = newList(func() int { return len(t.blocks) }, func(i int) string { return blockLine(t.blocks[i]) },
		func(i int) { t.editBlock(t.blocks[i]) })
	t.roleL = newList(func() int { return len(t.roles) }, func(i int) string { return roleLine(t.roles[i]) },
		func(i int) { t.editRole(t.roles[i]) })
	t.empty = kit.NewEmptyNote(i18n.T("staff.empty"))
	left := container.NewBorder(t.section("staff.people", "staff.add", func() { t.editStaff(model.Staff{Active: true}) }),
		nil, nil, nil, t.empty.Over(t.people))
	right := container.NewGridWithRows(2,
		container.NewBorder(t.section("staff.blocks", "staff.block.add", func() { t.editBlock(model.Block{}) }), nil, nil, nil, t.blockL),
		container.NewBorder(t.section("staff.roles", "staff.role.add", func() { t.editRole(model.StaffRole{}) }), nil, nil, nil, t.roleL))
	split := container.NewHSplit(left, right)
	split.Offset = 0.6
	t.quality = quality.New(w, s, changes)
	t.root = t.quality.Around(container.NewPadded(split))
	changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeSalon)
	return t
}

// section is a list's title with its add button, for those who may edit.
func (t *Tab) section(title, add string, onAdd func()) fyne.CanvasObject {
	h := widget.NewLabel(i18n.T(title))
	h.TextStyle.Bold = true
	if !t.canEdit {
		return h
	}
	return container.NewBorder(nil, nil, h, widget.NewButtonWithIcon(i18n.T(add), theme.ContentAddIcon(), onAdd))
}

func newList(n func() int, line func(int) string, open func(int)) *widget.List {
	l := widget.NewList(n, func() fyne.CanvasObject {
		lb := widget.NewLabel("")
		lb.Truncation = fyne.TextTruncateEllipsis
		return lb
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(line(i)) })
	l.OnSelected = func(i widget.ListItemID) { l.UnselectAll(); open(i) }
	return l
}

// Content is the tab's page.
func (t *Tab) Content() fyne.CanvasObject { return t.root }

// Refresh reads the staff, the blocks and the roles again, and the
// quality page that shows.
func (t *Tab) Refresh(ctx context.Context) {
	t.quality.Refresh(ctx)
	kit.Background(func() {
		staff, err := t.s.AllStaff(ctx)
		var blocks []model.Block
		var roles []model.StaffRole
		if err == nil {
			blocks, err = t.s.Blocks(ctx)
		}
		if err == nil {
			roles, err = t.s.StaffRoles(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.staff, t.blocks, t.roles = staff, blocks, roles
			t.empty.Follow(len(staff))
			t.people.Refresh()
			t.blockL.Refresh()
			t.roleL.Refresh()
		})
	})
}

// saved reads everything again and tells the other tabs.
func (t *Tab) saved() {
	t.changes.Notify(kit.ChangeSalon)
	t.Refresh(context.Background())
}

func (t *Tab) blockName(id *uint) string {
	if id == nil {
		return ""
	}
	for _, b := range t.blocks {
		if b.ID == *id {
			return b.Name
		}
	}
	return ""
}

func (t *Tab) staffLine(st model.Staff) string {
	parts := []string{st.Name, st.Role}
	if b := t.blockName(st.BlockID); b != "" {
		parts = append(parts, b)
	}
	if st.Phone != "" {
		parts = append(parts, model.FormatPhone(st.Phone))
	}
	if !st.Active {
		parts = append(parts, i18n.T("staff.left"))
	}
	return strings.Join(parts, " · ")
}

func blockLine(b model.Block) string {
	if b.Archived {
		return b.Name + " · " + i18n.T("staff.archived")
	}
	return b.Name
}

func roleLine(r model.StaffRole) string {
	if r.Duties == "" {
		return r.Name + " · " + i18n.T("staff.role.no_duties")
	}
	return r.Name + " · " + strings.ReplaceAll(r.Duties, "\n", " ")
}
