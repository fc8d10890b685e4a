package clients

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// contactsPane is the timeline of every contact with the client, newest
// first, with the next contact each one promised.
type contactsPane struct {
	w       fyne.Window
	s       ContactStore
	today   func() model.Date
	changed func()

	clientID uint
	contacts []model.Contact
	list     *widget.List
	empty    kit.EmptyNote
	root     fyne.CanvasObject
}

func newContactsPane(w fyne.Window, s ContactStore, today func() model.Date, changed func()) *contactsPane {
	p := &contactsPane{w: w, s: s, today: today, changed: changed}
	p.list = widget.NewList(func() int { return len(p.contacts) },
		func() fyne.CanvasObject {
			head := widget.NewLabel("")
			head.TextStyle.Bold = true
			body := widget.NewLabel("")
			body.Wrapping = fyne.TextWrapWord
			done := widget.NewCheck("", nil)
			return container.NewBorder(nil, nil, nil, done, container.NewVBox(head, body))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { p.updateItem(i, o.(*fyne.Container)) })
	add := widget.NewButtonWithIcon(i18n.T("contact.new"), theme.ContentAddIcon(), p.showNew)
	add.Importance = widget.HighImportance
	p.empty = kit.NewEmptyNote(i18n.T("contact.none"))
	p.root = container.NewBorder(container.NewHBox(add), nil, nil, nil, p.empty.Over(p.list))
	return p
}

func (p *contactsPane) content() fyne.CanvasObject { return p.root }

func (p *contactsPane) updateItem(i int, o *fyne.Container) {
	c := p.contacts[i]
	text := o.Objects[0].(*fyne.Container)
	head := c.On.Format(i18n.Lang()) + " · " + i18n.T("contact.kind."+string(c.Kind))
	if c.Channel != "" {
		head += " · " + i18n.T("contact.channel."+c.Channel)
	}
	text.Objects[0].(*widget.Label).SetText(head)
	var body []string
	for _, s := range []string{c.Outcome, c.Notes} {
		if s != "" {
			body = append(body, s)
		}
	}
	text.Objects[1].(*widget.Label).SetText(strings.Join(body, " — "))
	done := o.Objects[1].(*widget.Check)
	done.OnChanged = nil
	if c.NextOn.IsZero() {
		done.Hide()
		return
	}
	done.Show()
	done.SetText(i18n.T("contact.next", map[string]any{"Date": c.NextOn.Format(i18n.Lang())}))
	done.SetChecked(c.NextDone)
	id := c.ID
	done.OnChanged = func(on bool) { p.setDone(id, on) }
}

func (p *contactsPane) setDone(id uint, done bool) {
	kit.Background(func() {
		err := p.s.SetFollowUpDone(context.Background(), id, done)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
			}
			p.changed()
		})
	})
}

func (p *contactsPane) load(clientID uint) {
	loadFor(p.w, &p.clientID, clientID, p.s.Contacts, func(cs []model.Contact) {
		p.contacts = cs
		p.empty.Follow(len(cs))
		p.list.Refresh()
	})
}

// showNew opens the contact form; an intro lecture shows the salon's
// checklist of topics.
func (p *contactsPane) showNew() {
	id := p.clientID
	kit.Background(func() {
		topics, err := p.s.IntroTopics(context.Background())
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, p.w)
				return
			}
			f := newContactForm(p.w, p.today(), topics)
			kit.ShowFormDialog(p.w, i18n.T("contact.new"), f.root, func(close func()) { p.save(id, f, close) })
		})
	})
}

func (p *contactsPane) save(clientID uint, f *contactForm, close func()) {
	c, errs := f.contact(clientID)
	kit.SubmitForm(p.w, f.fields, errs, func() error { return c.Validate(p.today()) },
		func() error { return p.s.AddContact(context.Background(), &c) }, close, p.changed)
}

// contactForm is the form of one contact.
type contactForm struct {
	kind, channel     *widget.Select
	on, outcome, next *kit.KeyEntry
	notes             *kit.KeyEntry
	topics            []model.IntroTopic
	checks            []*widget.Check
	checklist         *fyne.Container
	fields            map[string]*kit.Field
	root              fyne.CanvasObject
}

func newContactForm(w fyne.Window, today model.Date, topics []model.IntroTopic) *contactForm {
	f := &contactForm{fields: map[string]*kit.Field{}}
	for _, t := range topics {
		if t.Active {
			f.topics = append(f.topics, t)
			f.checks = append(f.checks, widget.NewCheck(t.Title, nil))
		}
	}
	f.checklist = container.NewVBox()
	for _, c := range f.checks {
		f.checklist.Add(c)
	}
	f.checklist.Hide()
	var kinds, channels []string
	for _, k := range model.ContactKinds {
		kinds = append(kinds, i18n.T("contact.kind."+string(k)))
	}
	for _, c := range model.Channels {
		channels = append(channels, i18n.T("contact.channel."+c))
	}
	f.kind = kit.NewSelect(kinds, func(string) {
		if i := f.kind.SelectedIndex(); i >= 0 && model.ContactKinds[i] == "intro_lecture" {
			f.checklist.Show()
		} else {
			f.checklist.Hide()
		}
	})
	f.channel = kit.NewSelect(channels, nil)
	f.on, f.outcome, f.next = kit.NewDialogEntry(w, false), kit.NewDialogEntry(w, false), kit.NewDialogEntry(w, false)
	f.notes = kit.NewDialogEntry(w, true)
	f.on.SetText(today.Format(i18n.Lang()))
	f.next.SetPlaceHolder(i18n.T("date.placeholder"))
	rows := []*kit.Field{kit.NewField("kind", i18n.T("contact.kind"), f.kind), kit.NewField("channel", i18n.T("contact.channel"), f.channel),
		kit.NewField("on", i18n.T("contact.on"), f.on), kit.NewField("outcome", i18n.T("contact.outcome"), f.outcome),
		kit.NewField("notes", i18n.T("contact.notes"), f.notes), kit.NewField("next_on", i18n.T("contact.next_on"), f.next)}
	for _, r := range rows {
		f.fields[r.Name] = r
	}
	topicsHead := widget.NewLabelWithStyle(i18n.T("contact.topics"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.root = container.NewVBox(kit.FieldGrid(rows...), container.NewVBox(f.checklist))
	f.checklist.Objects = append([]fyne.CanvasObject{topicsHead}, f.checklist.Objects...)
	return f
}

// contact reads the form, with the errors of what could not be read.
func (f *contactForm) contact(clientID uint) (model.Contact, model.ValidationErrors) {
	var errs model.ValidationErrors
	c := model.Contact{ClientID: clientID, Outcome: strings.TrimSpace(f.outcome.Text), Notes: strings.TrimSpace(f.notes.Text)}
	if i := f.kind.SelectedIndex(); i >= 0 {
		c.Kind = model.ContactKinds[i]
	} else {
		errs = append(errs, &model.FieldError{Field: "kind", Key: "err.contact.kind"})
	}
	if i := f.channel.SelectedIndex(); i >= 0 {
		c.Channel = model.Channels[i]
	}
	var err error
	if c.On, err = model.ParseDateIn(f.on.Text, i18n.Lang()); err != nil || c.On.IsZero() {
		errs = append(errs, model.DateError("on", err))
	}
	if c.NextOn, err = model.ParseDateIn(f.next.Text, i18n.Lang()); err != nil {
		errs = append(errs, model.DateError("next_on", err))
	}
	if c.Kind == "intro_lecture" {
		var ids []string
		for i, ch := range f.checks {
			if ch.Checked {
				ids = append(ids, fmt.Sprint(f.topics[i].ID))
			}
		}
		c.Topics = strings.Join(ids, ",")
	}
	return c, errs
}
