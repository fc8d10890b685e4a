package catalogue

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/staff"
	"companion/ui/widgets"
)

// serviceForm is the form of one catalogue line.
type serviceForm struct {
	name, minutes, pros, cons, newTag *kit.KeyEntry
	kind                              *widget.Select
	block                             *staff.BlockSelect
	price, consumables, cost          *widgets.MoneyEntry
	role                              *widget.SelectEntry
	tags                              *widget.CheckGroup
	newSince                          *widgets.DateEntry
	active                            *widget.Check
	pairs                             *pairPicker
}

func (t *Tab) newServiceForm(sv model.Service) *serviceForm {
	f := &serviceForm{name: kit.NewDialogEntry(t.w, false), minutes: kit.NewDialogEntry(t.w, false),
		pros: kit.NewDialogEntry(t.w, true), cons: kit.NewDialogEntry(t.w, true), newTag: kit.NewDialogEntry(t.w, false),
		block: staff.NewBlockSelect(t.blocks, sv.BlockID), price: widgets.NewMoneyEntry(t.w),
		consumables: widgets.NewMoneyEntry(t.w), cost: widgets.NewMoneyEntry(t.w), newSince: widgets.NewDateEntry(t.w),
		active: widget.NewCheck(i18n.T("catalogue.active"), nil)}
	f.name.SetText(sv.Name)
	var kinds []string
	for _, k := range model.CatalogueKinds {
		kinds = append(kinds, kindName(k))
	}
	f.kind = kit.NewSelect(kinds, func(string) { f.kindChanged() })
	f.kind.SetSelectedIndex(slices.Index(model.CatalogueKinds, sv.CatalogueKind()))
	if sv.ID != 0 {
		f.price.SetValue(sv.Price)
		f.minutes.SetText(strconv.Itoa(sv.Minutes))
	}
	f.consumables.Optional, f.cost.Optional, f.newSince.Optional = true, true, true
	f.consumables.SetPlaceHolder("0")
	f.cost.SetPlaceHolder("0")
	if sv.Consumables != 0 {
		f.consumables.SetValue(sv.Consumables)
	}
	if sv.CostPrice != 0 {
		f.cost.SetValue(sv.CostPrice)
	}
	var roles []string
	for _, r := range t.roles {
		roles = append(roles, r.Name)
	}
	f.role = widget.NewSelectEntry(roles)
	f.role.SetText(sv.Role)
	f.pros.SetText(sv.Pros)
	f.cons.SetText(sv.Cons)
	var names []string
	for _, c := range t.tags {
		names = append(names, c.Name)
	}
	f.tags = widget.NewCheckGroup(names, nil)
	f.tags.SetSelected(sv.Contraindications)
	f.newTag.SetPlaceHolder(i18n.T("catalogue.contra.new_hint"))
	f.newSince.SetValue(sv.NewSince)
	f.active.SetChecked(sv.Active)
	f.pairs = t.newPairPicker(sv)
	f.kindChanged()
	return f
}

// addTag puts a contraindication typed in the list and ticks it.
func (f *serviceForm) addTag() {
	name := strings.Join(strings.Fields(f.newTag.Text), " ")
	if name == "" {
		return
	}
	for _, o := range f.tags.Options {
		if model.Fold(o) == model.Fold(name) {
			name = o
		}
	}
	if !slices.Contains(f.tags.Options, name) {
		f.tags.Options = append(f.tags.Options, name)
	}
	f.tags.SetSelected(append(slices.Clone(f.tags.Selected), name))
	f.newTag.SetText("")
}

// kindChanged offers the fields of the kind chosen: a product has a cost
// price and no duration or role.
func (f *serviceForm) kindChanged() {
	if f.minutes == nil || f.role == nil {
		return
	}
	product := f.kind.SelectedIndex() == slices.Index(model.CatalogueKinds, model.KindProduct)
	for _, w := range []fyne.Disableable{f.minutes, f.role, f.consumables} {
		if product {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if product {
		f.cost.Enable()
	} else {
		f.cost.Disable()
	}
}

// rows lays out the form.
func (f *serviceForm) rows() []*kit.Field {
	add := widget.NewButtonWithIcon(i18n.T("catalogue.contra.add"), theme.ContentAddIcon(), f.addTag)
	f.newTag.OnSubmitted = func(string) { f.addTag() }
	return []*kit.Field{kit.NewField("name", i18n.T("catalogue.name"), f.name), kit.NewField("kind", i18n.T("catalogue.kind"), f.kind),
		kit.NewField("block", i18n.T("staff.block"), f.block.Select), kit.NewField("price", i18n.T("catalogue.price"), f.price),
		kit.NewField("minutes", i18n.T("catalogue.minutes"), f.minutes), kit.NewField("consumables", i18n.T("catalogue.consumables"), f.consumables),
		kit.NewField("cost_price", i18n.T("catalogue.cost_price"), f.cost), kit.NewField("role", i18n.T("catalogue.role"), f.role),
		kit.NewField("pros", i18n.T("catalogue.pros"), f.pros), kit.NewField("cons", i18n.T("catalogue.cons"), f.cons),
		kit.NewField("contraindications", i18n.T("catalogue.contra"),
			container.NewVBox(f.tags, container.NewBorder(nil, nil, nil, add, f.newTag))),
		kit.NewField("goes_with", i18n.T("catalogue.pairs"), f.pairs.content()),
		kit.NewField("new_since", i18n.T("catalogue.new_since"), f.newSince), kit.NewField("active", "", f.active)}
}

// read is the service the form holds, with the errors of what could not
// be read.
func (f *serviceForm) read(sv model.Service) (model.Service, model.ValidationErrors) {
	var errs model.ValidationErrors
	c := sv
	c.Name, c.Role, c.Pros, c.Cons, c.Active = f.name.Text, f.role.Text, f.pros.Text, f.cons.Text, f.active.Checked
	c.BlockID = f.block.ID()
	if i := f.kind.SelectedIndex(); i >= 0 {
		c.SetCatalogueKind(model.CatalogueKinds[i])
	} else {
		c.Kind = ""
	}
	var e1, e2, e3, e4 *model.FieldError
	c.Price, e1 = f.price.Value("price")
	c.Consumables, e2 = f.consumables.Value("consumables")
	c.CostPrice, e3 = f.cost.Value("cost_price")
	c.NewSince, e4 = f.newSince.Value("new_since")
	errs = errs.Add(e1, e2, e3, e4)
	c.Minutes = 0
	if m := strings.TrimSpace(f.minutes.Text); m != "" && c.Kind != "product" {
		n, err := strconv.Atoi(m)
		if err != nil {
			errs = append(errs, &model.FieldError{Field: "minutes", Key: "err.number"})
		}
		c.Minutes = n
	}
	c.Contraindications = slices.Clone(f.tags.Selected)
	c.GoesWith = f.pairs.ids()
	return c, errs
}

// edit shows the form of a catalogue line; a new one when sv.ID is 0.
func (t *Tab) edit(sv model.Service) {
	if !t.canEdit {
		staff.ShowText(t.w, sv.Name, t.line(sv), labelled("catalogue.pros", sv.Pros), labelled("catalogue.cons", sv.Cons),
			labelled("catalogue.contra", strings.Join(sv.Contraindications, ", ")), labelled("catalogue.pairs", t.pairNames(sv)))
		return
	}
	f := t.newServiceForm(sv)
	rows := f.rows()
	fields := map[string]*kit.Field{}
	for _, r := range rows {
		fields[r.Name] = r
	}
	kit.ShowFormDialog(t.w, i18n.T("catalogue.title"), kit.FieldGrid(rows...), func(close func()) {
		c, errs := f.read(sv)
		kit.SubmitForm(t.w, fields, errs, c.Validate, func() error { return t.s.SaveService(context.Background(), &c) }, close, t.saved)
	})
}

// labelled is "Label: text", or "" when there is no text.
func labelled(key, text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return i18n.T(key) + ": " + text
}
