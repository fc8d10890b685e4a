package hiring

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// bankSection is the question bank, criterion by criterion: a question
// taps open to be changed or set aside.
type bankSection struct {
	t    *Tab
	list *fyne.Container
	root fyne.CanvasObject
}

func newBankSection(t *Tab) *bankSection {
	b := &bankSection{t: t, list: container.NewVBox()}
	add := widget.NewButtonWithIcon(i18n.T("hiring.bank.add"), theme.ContentAddIcon(), func() {
		b.edit(hiring.Question{Criterion: hiring.Knowledge, Active: true})
	})
	b.root = widget.NewCard("", "", container.NewVBox(subheading(i18n.T("hiring.bank.title")), quiet(i18n.T("hiring.bank.hint")),
		b.list, container.NewHBox(add)))
	return b
}

func (b *bankSection) refresh(ctx context.Context) {
	kit.Background(func() {
		qs, err := b.t.s.Questions(ctx)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, b.t.w)
				return
			}
			b.show(qs)
		})
	})
}

func (b *bankSection) show(qs []hiring.Question) {
	b.list.Objects = nil
	for _, c := range hiring.Criteria {
		var rows []fyne.CanvasObject
		for _, q := range qs {
			if q.Criterion != c {
				continue
			}
			text := q.Text
			if !q.Active {
				text = i18n.T("hiring.bank.inactive", map[string]any{"Text": q.Text})
			}
			rows = append(rows, editRow(text, func() { b.edit(q) }))
		}
		if len(rows) > 0 {
			b.list.Add(heading(criterionName(c)))
			b.list.Objects = append(b.list.Objects, rows...)
		}
	}
	if len(qs) == 0 {
		b.list.Add(quiet(i18n.T("hiring.bank.empty")))
	}
	b.list.Refresh()
}

// edit shows a question of the bank, new when q.ID is 0.
func (b *bankSection) edit(q hiring.Question) {
	w := b.t.w
	crit := kit.NewSelect(names("hiring.criterion.", hiring.Criteria), nil)
	crit.SetSelectedIndex(index(hiring.Criteria, q.Criterion))
	text := kit.NewDialogEntry(w, true)
	text.SetText(q.Text)
	active := widget.NewCheck(i18n.T("hiring.bank.active"), nil)
	active.SetChecked(q.Active)
	rows := []*kit.Field{kit.NewField("criterion", i18n.T("hiring.bank.criterion"), crit),
		kit.NewField("text", i18n.T("hiring.bank.text"), text), kit.NewField("active", "", active)}
	fields := fieldMap(rows)
	title := i18n.T("hiring.bank.question")
	kit.ShowFormDialog(w, title, kit.FieldGrid(rows...), func(close func()) {
		v := q
		v.Criterion, v.Text, v.Active = pick(hiring.Criteria, crit.SelectedIndex()), text.Text, active.Checked
		kit.SubmitForm(w, fields, nil, nil, func() error { return b.t.s.SaveQuestion(context.Background(), &v) }, close,
			func() { b.refresh(context.Background()) })
	})
	w.Canvas().Focus(text)
}

// profileSection is the support manager's position profile: knowledge,
// skills and personal qualities, each once.
type profileSection struct {
	t    *Tab
	list *fyne.Container
	root fyne.CanvasObject
}

func newProfileSection(t *Tab) *profileSection {
	p := &profileSection{t: t, list: container.NewVBox()}
	add := widget.NewButtonWithIcon(i18n.T("hiring.profile.add"), theme.ContentAddIcon(), func() {
		p.edit(hiring.Competency{Kind: kinds[0].kind})
	})
	p.root = widget.NewCard("", "", container.NewVBox(subheading(i18n.T("hiring.profile.title")), quiet(i18n.T("hiring.profile.hint")),
		p.list, container.NewHBox(add)))
	return p
}

func (p *profileSection) refresh(ctx context.Context) {
	kit.Background(func() {
		cs, err := p.t.s.Competencies(ctx)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.t.w)
				return
			}
			p.show(cs)
		})
	})
}

func (p *profileSection) show(cs []hiring.Competency) {
	p.list.Objects = nil
	for _, k := range kinds {
		first := true
		for _, c := range cs {
			if c.Kind != k.kind {
				continue
			}
			if first {
				p.list.Add(heading(i18n.T(k.key)))
				first = false
			}
			p.list.Add(editRow(c.Name, func() { p.edit(c) }))
		}
	}
	if len(cs) == 0 {
		p.list.Add(quiet(i18n.T("hiring.profile.empty")))
	}
	p.list.Refresh()
}

// edit shows a line of the profile, new when c.ID is 0.
func (p *profileSection) edit(c hiring.Competency) {
	w := p.t.w
	kindNames := make([]string, len(kinds))
	for i, k := range kinds {
		kindNames[i] = i18n.T(k.key)
	}
	kind := kit.NewSelect(kindNames, nil)
	kind.SetSelected(kindName(c.Kind))
	name := kit.NewDialogEntry(w, false)
	name.SetText(c.Name)
	rows := []*kit.Field{kit.NewField("kind", i18n.T("hiring.profile.kind"), kind), kit.NewField("name", i18n.T("hiring.profile.name"), name)}
	fields := fieldMap(rows)
	kit.ShowFormDialog(w, i18n.T("hiring.profile.line"), kit.FieldGrid(rows...), func(close func()) {
		v := c
		v.Name = name.Text
		if i := kind.SelectedIndex(); i >= 0 {
			v.Kind = kinds[i].kind
		}
		kit.SubmitForm(w, fields, nil, nil, func() error { return p.t.s.SaveCompetency(context.Background(), &v) }, close,
			func() { p.refresh(context.Background()) })
	})
	w.Canvas().Focus(name)
}

// editRow is a line of a list with a button that opens it to be changed.
func editRow(text string, edit func()) fyne.CanvasObject {
	btn := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), edit)
	btn.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, btn, wrapped(text))
}
