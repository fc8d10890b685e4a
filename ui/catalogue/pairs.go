package catalogue

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// pairPicker chooses what a line goes well with: the lines ticked, and a
// drop-down of the others to add one.
type pairPicker struct {
	others []model.Service // the catalogue's other lines on sale, and those already chosen
	ticked *widget.CheckGroup
	pick   *widget.Select
}

func (t *Tab) newPairPicker(sv model.Service) *pairPicker {
	p := &pairPicker{}
	var chosen []string
	for _, o := range t.all {
		if o.ID == sv.ID || o.ID == 0 {
			continue
		}
		if slices.Contains(sv.GoesWith, o.ID) {
			chosen = append(chosen, o.Name)
			p.others = append(p.others, o)
		} else if o.Active {
			p.others = append(p.others, o)
		}
	}
	p.ticked = widget.NewCheckGroup(slices.Clone(chosen), nil)
	p.ticked.SetSelected(chosen)
	var names []string
	for _, o := range p.others {
		names = append(names, o.Name)
	}
	p.pick = kit.NewSelect(names, func(name string) {
		if name == "" {
			return
		}
		if !slices.Contains(p.ticked.Options, name) {
			p.ticked.Options = append(p.ticked.Options, name)
		}
		p.ticked.SetSelected(append(slices.Clone(p.ticked.Selected), name))
	})
	p.pick.PlaceHolder = i18n.T("catalogue.pairs.add")
	return p
}

func (p *pairPicker) content() fyne.CanvasObject { return container.NewVBox(p.ticked, p.pick) }

// ids are the lines ticked.
func (p *pairPicker) ids() []uint {
	var out []uint
	for _, o := range p.others {
		if slices.Contains(p.ticked.Selected, o.Name) && !slices.Contains(out, o.ID) {
			out = append(out, o.ID)
		}
	}
	return out
}

// pairNames names the lines sv goes well with.
func (t *Tab) pairNames(sv model.Service) string {
	var names []string
	for _, o := range t.all {
		if slices.Contains(sv.GoesWith, o.ID) {
			names = append(names, o.Name)
		}
	}
	return strings.Join(names, ", ")
}
