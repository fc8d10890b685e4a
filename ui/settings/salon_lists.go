package settings

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// SalonListStore is what the owner edits of the salon's own lists: the card
// types it sells and the topics of its intro lecture.
type SalonListStore interface {
	CardTypes(ctx context.Context) ([]model.CardType, error)
	SaveCardType(ctx context.Context, t *model.CardType) error
	IntroTopics(ctx context.Context) ([]model.IntroTopic, error)
	SaveIntroTopics(ctx context.Context, topics []model.IntroTopic) error
	Blocks(ctx context.Context) ([]model.Block, error)
}

// salonLists edits the card types and the intro lecture checklist.
type salonLists struct {
	w      fyne.Window
	s      SalonListStore
	types  []model.CardType
	blocks []model.Block // the blocks a card type's sales may feed
	list   *widget.List
	topics *widget.Entry
	msg    *widget.Label
	saved  []model.IntroTopic
	dialog *kit.FormDialog // the card type form shown last
}

func newSalonLists(w fyne.Window, s SalonListStore) *salonLists {
	l := &salonLists{w: w, s: s, topics: widget.NewMultiLineEntry(), msg: widget.NewLabel("")}
	l.list = widget.NewList(func() int { return len(l.types) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cardTypeLine(l.types[i])) })
	l.list.OnSelected = func(i widget.ListItemID) { l.list.UnselectAll(); l.editType(l.types[i]) }
	l.topics.SetMinRowsVisible(6)
	l.topics.Wrapping = fyne.TextWrapWord
	l.msg.Importance = widget.DangerImportance
	l.msg.Hide()
	return l
}

// cardTypesRow is the list of card types with a button to add one.
func (l *salonLists) cardTypesRow() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(i18n.T("settings.card_types.add"), theme.ContentAddIcon(), func() { l.editType(model.CardType{Active: true}) })
	scroll := container.NewGridWrap(fyne.NewSize(560, 180), l.list)
	return container.NewVBox(scroll, container.NewHBox(add))
}

// topicsRow is the checklist, one topic a line, with its save button.
func (l *salonLists) topicsRow() fyne.CanvasObject {
	save := widget.NewButtonWithIcon(i18n.T("form.save"), theme.DocumentSaveIcon(), l.saveTopics)
	hint := widget.NewLabel(i18n.T("settings.topics.hint"))
	hint.Importance = widget.LowImportance
	return container.NewVBox(hint, l.topics, l.msg, container.NewHBox(save))
}

func cardTypeLine(t model.CardType) string {
	visits := i18n.T("settings.card_types.unlimited")
	if t.Visits > 0 {
		visits = i18n.T("settings.card_types.visits", map[string]any{"N": t.Visits})
	}
	line := fmt.Sprintf("%s · %s · %s · %s", t.Name, i18n.T("settings.card_types.days", map[string]any{"N": t.ValidDays}),
		visits, t.Price.Format(i18n.Lang()))
	if !t.Active {
		line += " · " + i18n.T("settings.card_types.retired")
	}
	return line
}

func (l *salonLists) refresh(ctx context.Context) {
	kit.Background(func() {
		types, err := l.s.CardTypes(ctx)
		var topics []model.IntroTopic
		var blocks []model.Block
		if err == nil {
			topics, err = l.s.IntroTopics(ctx)
		}
		if err == nil {
			blocks, err = l.s.Blocks(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, l.w)
				return
			}
			l.types, l.blocks = types, blocks
			l.list.Refresh()
			l.showTopics(topics)
		})
	})
}

func (l *salonLists) showTopics(topics []model.IntroTopic) {
	l.saved = topics
	var lines []string
	for _, t := range topics {
		if t.Active {
			lines = append(lines, t.Title)
		}
	}
	l.topics.SetText(strings.Join(lines, "\n"))
}

// saveTopics keeps a topic's ID while its title stays, so old lectures
// still name what they covered.
func (l *salonLists) saveTopics() {
	byTitle := map[string]uint{}
	for _, t := range l.saved {
		byTitle[t.Title] = t.ID
	}
	var topics []model.IntroTopic
	for _, line := range strings.Split(l.topics.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			topics = append(topics, model.IntroTopic{ID: byTitle[line], Title: line, Active: true})
		}
	}
	kit.Background(func() {
		err := l.s.SaveIntroTopics(context.Background(), topics)
		fyne.Do(func() {
			if err != nil {
				l.msg.SetText(i18n.ErrorText(err))
				l.msg.Show()
				return
			}
			l.msg.Hide()
			l.refresh(context.Background())
		})
	})
}

// editType shows the form of a card type; a new one when t.ID is 0.
func (l *salonLists) editType(t model.CardType) {
	name, days, visits, freeze := kit.NewDialogEntry(l.w, false), kit.NewDialogEntry(l.w, false),
		kit.NewDialogEntry(l.w, false), kit.NewDialogEntry(l.w, false)
	price := widgets.NewMoneyEntry(l.w)
	name.SetText(t.Name)
	if t.ID != 0 {
		days.SetText(strconv.Itoa(t.ValidDays))
		visits.SetText(strconv.Itoa(t.Visits))
		freeze.SetText(strconv.Itoa(t.FreezeDays))
		price.SetValue(t.Price)
	}
	visits.SetPlaceHolder(i18n.T("settings.card_types.visits.hint"))
	first := widget.NewCheck(i18n.T("settings.card_types.first_visit"), nil)
	first.SetChecked(t.ActivateOnFirstVisit)
	active := widget.NewCheck(i18n.T("settings.card_types.active"), nil)
	active.SetChecked(t.Active)
	pay := newCardTypePay(l.w, l.blocks, t)
	fields := map[string]*kit.Field{}
	rows := []*kit.Field{kit.NewField("name", i18n.T("settings.card_types.name"), name), kit.NewField("valid_days", i18n.T("settings.card_types.valid_days"), days),
		kit.NewField("visits", i18n.T("settings.card_types.visits_label"), visits), kit.NewField("freeze_days", i18n.T("settings.card_types.freeze_days"), freeze),
		kit.NewField("price", i18n.T("settings.card_types.price"), price), pay.block, pay.visit, kit.NewField("activation", "", first), kit.NewField("active", "", active)}
	for _, f := range rows {
		fields[f.Name] = f
	}
	l.dialog = kit.ShowFormDialog(l.w, i18n.T("settings.card_types.title"), kit.FieldGrid(rows...), func(close func()) {
		var errs model.ValidationErrors
		num := func(field string, e *kit.KeyEntry) int {
			if strings.TrimSpace(e.Text) == "" {
				return 0
			}
			n, err := strconv.Atoi(strings.TrimSpace(e.Text))
			if err != nil {
				errs = append(errs, &model.FieldError{Field: field, Key: "err.number"})
			}
			return n
		}
		c := t
		c.Name, c.ValidDays, c.Visits, c.FreezeDays = name.Text, num("valid_days", days), num("visits", visits), num("freeze_days", freeze)
		c.ActivateOnFirstVisit, c.Active = first.Checked, active.Checked
		var perr *model.FieldError
		c.Price, perr = price.Value("price")
		errs = errs.Add(perr, pay.read(&c))
		kit.SubmitForm(l.w, fields, errs, c.Validate, func() error { return l.s.SaveCardType(context.Background(), &c) },
			close, func() { l.refresh(context.Background()) })
	})
}
