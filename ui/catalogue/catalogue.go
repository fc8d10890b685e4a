// Package catalogue is the «Каталог» tab: the salon's services and goods
// with their prices, costs, the role that performs them, their advantages,
// drawbacks and contraindications; searched as the person types.
package catalogue

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
)

// Store is what the catalogue needs from the database.
type Store interface {
	Role() model.Role
	Today() model.Date
	Services(ctx context.Context) ([]model.Service, error)
	SaveService(ctx context.Context, sv *model.Service) error
	Blocks(ctx context.Context) ([]model.Block, error)
	StaffRoles(ctx context.Context) ([]model.StaffRole, error)
	Contraindications(ctx context.Context) ([]model.Contraindication, error)
	SaveContraindication(ctx context.Context, c *model.Contraindication) error
}

// Tab is the catalogue.
type Tab struct {
	w       fyne.Window
	s       Store
	changes *kit.Changes
	canEdit bool
	all     []model.Service
	shown   []model.Service
	blocks  []model.Block
	roles   []model.StaffRole
	tags    []model.Contraindication
	search  *widget.Entry
	list    *widget.List
	count   *widget.Label
	empty   kit.EmptyNote
	root    fyne.CanvasObject
	// afterRefresh runs once the next refresh has shown what it read.
	afterRefresh func()
}

// New builds the catalogue; what it writes it tells changes, so the visit
// form offers the new lines.
func New(w fyne.Window, s Store, changes *kit.Changes) *Tab {
	t := &Tab{w: w, s: s, changes: changes, canEdit: model.Allowed(s.Role(), model.AreaSettings, model.Write)}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(i18n.T("catalogue.search"))
	t.search.OnChanged = func(string) { t.filter() }
	t.count = widget.NewLabel("")
	t.list = widget.NewList(func() int { return len(t.shown) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.line(t.shown[i])) })
	t.list.OnSelected = func(i widget.ListItemID) { t.list.UnselectAll(); t.edit(t.shown[i]) }
	t.empty = kit.NewEmptyNote(i18n.T("catalogue.empty"))
	top := container.NewBorder(nil, nil, nil, t.count, t.search)
	if t.canEdit {
		add := widget.NewButtonWithIcon(i18n.T("catalogue.add"), theme.ContentAddIcon(),
			func() { t.edit(model.Service{Kind: "service", Active: true}) })
		contra := widget.NewButton(i18n.T("catalogue.contra"), t.showContraindications)
		top = container.NewBorder(nil, nil, nil, container.NewHBox(t.count, contra, add), t.search)
	}
	t.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, t.empty.Over(t.list)))
	changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeSalon)
	return t
}

// Content is the tab's page.
func (t *Tab) Content() fyne.CanvasObject { return t.root }

// Refresh reads the catalogue and its lists again.
func (t *Tab) Refresh(ctx context.Context) {
	kit.Background(func() {
		all, err := t.s.Services(ctx)
		var blocks []model.Block
		var roles []model.StaffRole
		var tags []model.Contraindication
		if err == nil {
			blocks, err = t.s.Blocks(ctx)
		}
		if err == nil {
			roles, err = t.s.StaffRoles(ctx)
		}
		if err == nil {
			tags, err = t.s.Contraindications(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.all, t.blocks, t.roles, t.tags = all, blocks, roles, tags
			t.filter()
			if t.afterRefresh != nil {
				t.afterRefresh()
				t.afterRefresh = nil
			}
		})
	})
}

// filter shows the lines the search matches.
func (t *Tab) filter() {
	t.shown = t.shown[:0]
	for _, sv := range t.all {
		if sv.MatchesSearch(t.search.Text) || strings.Contains(model.Fold(t.blockName(sv.BlockID)), model.Fold(t.search.Text)) {
			t.shown = append(t.shown, sv)
		}
	}
	t.count.SetText(i18n.T("catalogue.count", map[string]any{"N": len(t.shown)}))
	if len(t.all) == 0 {
		t.empty.Follow(0)
	} else {
		t.empty.Follow(1)
	}
	t.list.Refresh()
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

// line is a catalogue line as the list shows it.
func (t *Tab) line(sv model.Service) string {
	parts := []string{sv.Name, kindName(sv.CatalogueKind())}
	if b := t.blockName(sv.BlockID); b != "" {
		parts = append(parts, b)
	}
	parts = append(parts, sv.Price.Format(i18n.Lang()))
	if sv.Minutes > 0 {
		parts = append(parts, i18n.T("catalogue.minutes_short", map[string]any{"N": sv.Minutes}))
	}
	if sv.Role != "" {
		parts = append(parts, sv.Role)
	}
	if sv.IsNew(t.s.Today()) {
		parts = append(parts, i18n.T("catalogue.new_mark"))
	}
	if !sv.Active {
		parts = append(parts, i18n.T("catalogue.archived"))
	}
	return strings.Join(parts, " · ")
}

func (t *Tab) saved() {
	t.changes.Notify(kit.ChangeSalon)
	t.Refresh(context.Background())
}

// kindName is a kind of catalogue line in the language.
func kindName(k string) string {
	switch k {
	case model.KindTraining:
		return i18n.T("catalogue.kind.training")
	case model.KindProduct:
		return i18n.T("catalogue.kind.product")
	}
	return i18n.T("catalogue.kind.procedure")
}
