package clients

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// timeOptions are the times of day a client may prefer, «любое» first.
func timeOptions() []string {
	out := make([]string, len(model.TimesOfDay))
	for i, t := range model.TimesOfDay {
		if t == "" {
			t = "any"
		}
		out[i] = i18n.T("time_of_day." + t)
	}
	return out
}

// clientForm is a client's profile: every field, with its message beside it.
// Nothing is written until the whole form is valid.
type clientForm struct {
	w      fyne.Window
	s      ClientStore
	onSave func(model.Client)
	onLoad func(model.Client) // the profile follows the client shown

	c      model.Client // as last read or saved
	dirty  bool
	saving bool // a save is being written

	standing standing // the client's ratings and open complaints, for the trust stage

	title, subtitle                       *widget.Label
	last, first, middle, phone, email     *widget.Entry
	birth, pdDate, healthDate, tags       *widget.Entry
	goalWeight, goalWaist                 *widget.Entry
	days                                  *widgets.WeekdaysInput
	timeOfDay                             *widget.Select
	stated, observed, goals, health, note *widget.Entry
	source                                *widget.Select
	pd, healthOK, marketing               *widget.Check
	consentHow                            *widget.Select // how the consent to advertising was given
	referrer                              *referrerPicker
	fields                                map[string]*kit.Field
	save_, archive                        *widget.Button
	scroll                                *container.Scroll
	root                                  fyne.CanvasObject
}

func newClientForm(w fyne.Window, s ClientStore, onSave func(model.Client)) *clientForm {
	f := &clientForm{w: w, s: s, onSave: onSave, fields: map[string]*kit.Field{}}
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.SizeName = theme.SizeNameSubHeadingText
	f.subtitle = widget.NewLabel("")
	line := func() *widget.Entry { e := widget.NewEntry(); e.OnSubmitted = func(string) { f.save() }; return e }
	multi := func() *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
		return e
	}
	f.last, f.first, f.middle, f.phone, f.email = line(), line(), line(), line(), line()
	f.birth, f.pdDate, f.healthDate, f.tags = line(), line(), line(), line()
	f.goalWeight, f.goalWaist = line(), line()
	f.days, f.timeOfDay = widgets.NewWeekdaysInput(), kit.NewSelect(timeOptions(), nil)
	f.stated, f.observed, f.goals, f.health, f.note = multi(), multi(), multi(), multi(), multi()
	for _, e := range []*widget.Entry{f.birth, f.pdDate, f.healthDate} {
		e.SetPlaceHolder(i18n.T("date.placeholder"))
	}
	f.phone.SetPlaceHolder("+7 916 123-45-67")
	f.tags.SetPlaceHolder(i18n.T("client.tags.placeholder"))
	f.source = kit.NewSelect(sourceOptions(), nil)
	f.pd = widget.NewCheck(i18n.T("client.pd_consent.check"), func(on bool) { f.consentChanged(on, f.pdDate) })
	f.healthOK = widget.NewCheck(i18n.T("client.health_consent.check"), func(on bool) { f.consentChanged(on, f.healthDate) })
	f.marketing = widget.NewCheck(i18n.T("client.marketing_consent.check"), nil)
	f.consentHow = kit.NewSelect(consentWays(), nil)
	f.consentHow.PlaceHolder = i18n.T("consent.how")
	f.referrer = newReferrerPicker(w, s)
	f.save_ = widget.NewButtonWithIcon(i18n.T("form.save"), theme.DocumentSaveIcon(), f.save)
	f.save_.Importance = widget.HighImportance
	f.archive = widget.NewButtonWithIcon(i18n.T("client.archive"), theme.FolderIcon(), f.toggleArchive)
	f.root = f.layout()
	f.watchChanges()
	f.load(model.Client{})
	return f
}

func (f *clientForm) add(name, label string, input fyne.CanvasObject) *kit.Field {
	fl := kit.NewField(name, i18n.T(label), input)
	f.fields[name] = fl
	return fl
}

func (f *clientForm) layout() fyne.CanvasObject {
	body := kit.FormGrid(
		kit.Heading(i18n.T("client.section.contacts")),
		f.add("last_name", "client.last_name", f.last), f.add("first_name", "client.first_name", f.first),
		f.add("middle_name", "client.middle_name", f.middle), f.add("phone", "client.phone", f.phone),
		f.add("email", "client.email", f.email), f.add("birth_date", "client.birth_date", f.birth),
		kit.Heading(i18n.T("client.section.origin")),
		f.add("source", "client.source", f.source), f.add("referrer", "client.referrer", f.referrer.content()),
		f.add("tags", "client.tags", f.tags),
		kit.Heading(i18n.T("client.section.consents")),
		f.add("pd_consent", "client.pd_consent", container.NewBorder(nil, nil, f.pd, nil, f.pdDate)),
		f.add("health_consent", "client.health_consent", container.NewBorder(nil, nil, f.healthOK, nil, f.healthDate)),
		f.add("marketing_consent", "client.marketing_consent", container.NewBorder(nil, nil, f.marketing, nil, f.consentHow)),
		kit.Heading(i18n.T("client.section.needs")),
		f.add("needs_stated", "client.needs_stated", f.stated),
		f.add("needs_observed", "client.needs_observed", f.observed), f.add("goals", "client.goals", f.goals),
		f.add("goal_weight", "client.goal_weight", f.goalWeight), f.add("goal_waist", "client.goal_waist", f.goalWaist),
		f.add("preferred_days", "client.preferred_days", f.days.Content()),
		f.add("preferred_time", "client.preferred_time", f.timeOfDay),
		kit.Heading(i18n.T("client.section.notes")),
		f.add("health", "client.health", f.health), f.add("notes", "client.notes", f.note))
	buttons := container.NewHBox(f.save_, f.archive)
	f.scroll = container.NewVScroll(container.NewPadded(body))
	return container.NewBorder(nil, container.NewPadded(buttons), nil, nil, f.scroll)
}

func (f *clientForm) content() fyne.CanvasObject { return f.root }

func (f *clientForm) focusFirst() { f.w.Canvas().Focus(f.last) }

// watchChanges marks the form dirty on any edit and clears that field's message.
func (f *clientForm) watchChanges() {
	for _, fl := range f.fields {
		fl := fl
		mark := func() { f.dirty = true; fl.SetError("") }
		switch in := fl.Input.(type) {
		case *widget.Entry:
			in.OnChanged = func(string) { mark() }
		case *widget.Select:
			in.OnChanged = func(string) { mark() }
		case *widget.Check:
			in.OnChanged = func(bool) { mark() }
		}
	}
	for _, e := range []*widget.Entry{f.pdDate, f.healthDate} {
		e.OnChanged = func(string) { f.dirty = true }
	}
	f.referrer.onChanged = func() { f.dirty = true; f.fields["referrer"].SetError("") }
	f.days.OnChanged = func(model.Weekdays) { f.dirty = true }
	f.marketing.OnChanged = func(bool) { f.dirty = true; f.fields["marketing_consent"].SetError("") }
	f.consentHow.OnChanged = func(string) { f.dirty = true; f.fields["marketing_consent"].SetError("") }
}

func (f *clientForm) consentChanged(on bool, date *widget.Entry) {
	f.dirty = true
	if on && date.Text == "" {
		date.SetText(f.s.Today().Format(i18n.Lang()))
	}
	if !on {
		date.SetText("")
	}
}

// load shows c in the form; a zero client means a new one.
func (f *clientForm) load(c model.Client) {
	f.c = c
	f.last.SetText(c.LastName)
	f.first.SetText(c.FirstName)
	f.middle.SetText(c.MiddleName)
	f.phone.SetText(model.FormatPhone(c.Phone))
	f.email.SetText(c.Email)
	f.birth.SetText(c.BirthDate.Format(i18n.Lang()))
	f.source.SetSelectedIndex(sourceIndex(c.Source))
	f.referrer.set(c.ReferrerID)
	f.pdDate.SetText(c.PDConsentAt.Format(i18n.Lang()))
	f.pd.SetChecked(!c.PDConsentAt.IsZero())
	f.healthDate.SetText(c.HealthConsentAt.Format(i18n.Lang()))
	f.healthOK.SetChecked(!c.HealthConsentAt.IsZero())
	f.marketing.SetChecked(c.MarketingConsent)
	f.consentHow.ClearSelected()
	for i, way := range model.ConsentWays {
		if way == c.MarketingConsentHow {
			f.consentHow.SetSelectedIndex(i)
		}
	}
	f.tags.SetText(c.Tags)
	f.stated.SetText(c.NeedsStated)
	f.observed.SetText(c.NeedsObserved)
	f.goals.SetText(c.Goals)
	f.goalWeight.SetText(measure(c.GoalWeightKg))
	f.goalWaist.SetText(measure(c.GoalWaistCm))
	f.days.SetValue(c.PreferredDays)
	f.timeOfDay.SetSelectedIndex(max(0, slices.Index(model.TimesOfDay, c.PreferredTime)))
	f.health.SetText(c.Health)
	f.note.SetText(c.Notes)
	for _, fl := range f.fields {
		fl.SetError("")
	}
	f.showHeader()
	f.scroll.ScrollToTop()
	f.dirty = false
	if f.onLoad != nil {
		f.onLoad(c)
	}
}

func (f *clientForm) showHeader() {
	c := f.c
	if c.ID == 0 {
		f.title.SetText(i18n.T("client.new.title"))
		f.subtitle.SetText(i18n.T("client.new.subtitle"))
		f.archive.Hide()
		return
	}
	f.title.SetText(c.FullName())
	today := f.s.Today()
	f.subtitle.SetText(i18n.T("client.subtitle", map[string]any{
		"Status": i18n.T("status." + string(c.Status(today))),
		"Trust":  i18n.T("trust." + string(f.trust(today))),
		"Since":  model.DateOf(c.CreatedAt.Local()).Format(i18n.Lang()),
		"Visits": c.VisitCount,
	}))
	f.archive.Show()
	if c.Archived() {
		f.archive.SetText(i18n.T("client.restore"))
		f.archive.SetIcon(theme.ViewRefreshIcon())
	} else {
		f.archive.SetText(i18n.T("client.archive"))
		f.archive.SetIcon(theme.FolderIcon())
	}
}

// trust is the client's stage on day today, with what their feedback says.
func (f *clientForm) trust(today model.Date) model.Trust {
	avg, open := f.standing.of(f.c.ID)
	return model.TrustStage(today, f.c.FirstVisitOn, f.c.VisitCount, avg, open)
}

// collect reads the widgets into a client, with the errors of dates that
// could not be read.
func (f *clientForm) collect() (model.Client, model.ValidationErrors) {
	c := f.c
	var errs model.ValidationErrors
	date := func(field string, e *widget.Entry) model.Date {
		d, err := model.ParseDateIn(e.Text, i18n.Lang())
		if err != nil {
			errs = append(errs, model.DateError(field, err))
		}
		return d
	}
	c.LastName, c.FirstName, c.MiddleName = f.last.Text, f.first.Text, f.middle.Text
	c.Phone, c.Email, c.Tags = f.phone.Text, f.email.Text, f.tags.Text
	c.BirthDate = date("birth_date", f.birth)
	c.Source = sourceCode(f.source.SelectedIndex())
	c.ReferrerID = f.referrer.id
	c.PDConsentAt, c.HealthConsentAt = model.Date{}, model.Date{}
	if f.pd.Checked {
		c.PDConsentAt = date("pd_consent", f.pdDate)
	}
	if f.healthOK.Checked {
		c.HealthConsentAt = date("health_consent", f.healthDate)
	}
	if f.marketing.Checked != c.MarketingConsent {
		c.MarketingConsent, c.MarketingConsentAt = f.marketing.Checked, model.Date{}
		if f.marketing.Checked {
			c.MarketingConsentAt = f.s.Today()
		}
		if f.marketing.Checked && f.consentHow.SelectedIndex() < 0 { // a consent given now must be provable
			errs = append(errs, &model.FieldError{Field: "marketing_consent", Key: "err.consent.how"})
		}
	}
	if i := f.consentHow.SelectedIndex(); i >= 0 {
		c.MarketingConsentHow = model.ConsentWays[i]
	}
	c.NeedsStated, c.NeedsObserved, c.Goals = f.stated.Text, f.observed.Text, f.goals.Text
	c.GoalWeightKg = readMeasure("goal_weight", f.goalWeight.Text, &errs)
	c.GoalWaistCm = readMeasure("goal_waist", f.goalWaist.Text, &errs)
	c.PreferredDays = f.days.Value()
	c.PreferredTime = model.TimesOfDay[max(0, f.timeOfDay.SelectedIndex())]
	c.Health, c.Notes = f.health.Text, f.note.Text
	return c, errs
}

// save checks the whole form, shows every problem next to its field, and
// writes only a valid client.
func (f *clientForm) save() {
	if f.saving {
		return // the first save is still being written
	}
	c, errs := f.collect()
	if err := c.Validate(f.s.Today()); err != nil {
		v, ok := kit.AsFieldErrors(err)
		if !ok {
			kit.ShowError(err, f.w)
			return
		}
		errs = append(errs, v...)
	}
	if len(errs) > 0 {
		f.showErrors(errs)
		return
	}
	f.saving = true
	f.save_.Disable()
	kit.Background(func() {
		var err error
		if c.ID == 0 {
			err = f.s.CreateClient(context.Background(), &c)
		} else {
			err = f.s.UpdateClient(context.Background(), &c)
		}
		if err == nil {
			c, err = f.s.Client(context.Background(), c.ID)
		}
		fyne.Do(func() { f.saveDone(c, err) })
	})
}

func (f *clientForm) saveDone(c model.Client, err error) {
	f.saving = false
	f.save_.Enable()
	var fe *model.FieldError
	var v model.ValidationErrors
	switch {
	case err == nil:
		f.load(c)
		f.onSave(c)
	case errors.As(err, &v):
		f.showErrors(v)
	case errors.As(err, &fe) && f.fields[fe.Field] != nil:
		f.showErrors(model.ValidationErrors{fe})
	default:
		kit.ShowError(err, f.w)
	}
}

// showErrors puts each message under its field; the first field gets the cursor.
func (f *clientForm) showErrors(errs model.ValidationErrors) {
	for i, e := range errs {
		fl := f.fields[e.Field]
		if fl == nil {
			kit.ShowError(e, f.w)
			continue
		}
		fl.SetError(i18n.T(e.Key, e.Args))
		if i == 0 {
			f.scrollTo(fl.Input)
			if in, ok := fl.Input.(fyne.Focusable); ok {
				f.w.Canvas().Focus(in)
			}
		}
	}
}

// scrollTo brings o into the visible part of the form, a line of context
// above it.
func (f *clientForm) scrollTo(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(f.scroll.Content).Y
	if top, bottom := f.scroll.Offset.Y, f.scroll.Offset.Y+f.scroll.Size().Height; y >= top && y+o.Size().Height <= bottom {
		return
	}
	f.scroll.Offset.Y = max(0, y-o.Size().Height)
	f.scroll.Refresh()
}

func (f *clientForm) toggleArchive() {
	c := f.c
	if c.ID == 0 {
		return
	}
	if c.Archived() {
		f.archiveNow(c.ID, false)
		return
	}
	d := dialog.NewConfirm(i18n.T("client.archive.title"), i18n.T("client.archive.confirm", map[string]any{"Name": c.FullName()}),
		func(ok bool) {
			if ok {
				f.archiveNow(c.ID, true)
			}
		}, f.w)
	kit.TrackDialog(f.w, d)
	d.Show()
}

// archiveNow moves the client to the archive or back, then shows the result.
func (f *clientForm) archiveNow(id uint, archive bool) {
	kit.Background(func() {
		err := f.s.SetArchived(context.Background(), id, archive)
		var c model.Client
		if err == nil {
			c, err = f.s.Client(context.Background(), id)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, f.w)
				return
			}
			f.load(c)
			f.onSave(c)
		})
	})
}

// sourceOptions are the translated sources, "not stated" first.
func sourceOptions() []string {
	opts := []string{i18n.T("source.none")}
	for _, s := range model.Sources {
		opts = append(opts, i18n.T("source."+s))
	}
	return opts
}

func sourceIndex(code string) int {
	for i, s := range model.Sources {
		if s == code {
			return i + 1
		}
	}
	return 0
}

func sourceCode(i int) string {
	if i <= 0 || i > len(model.Sources) {
		return ""
	}
	return model.Sources[i-1]
}

// leave runs next at once when the form holds nothing unsaved; otherwise it
// asks first, so that nothing typed is lost without the manager's word;
// stay runs when the manager keeps the form.
func (f *clientForm) leave(next, stay func()) {
	if !f.dirty {
		next()
		return
	}
	name := f.c.FullName()
	if name == "" {
		name = i18n.T("client.new.title")
	}
	kit.AskBeforeLoss(f.w, i18n.T("client.unsaved.title"), i18n.T("client.unsaved", map[string]any{"Name": name}),
		i18n.T("client.unsaved.stay"), i18n.T("client.unsaved.discard"), func() {
			f.dirty = false
			next()
		}, stay)
}

// consentWays are the ways a consent to advertising is given, in words.
func consentWays() []string {
	out := make([]string, len(model.ConsentWays))
	for i, w := range model.ConsentWays {
		out[i] = i18n.T("consent.way." + w)
	}
	return out
}
