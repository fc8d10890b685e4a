package sales

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// offerOutcomes are the outcomes the offer form offers, the usual first.
var offerOutcomes = []string{model.OfferAccepted, model.OfferDeclined, model.OfferLater, model.OfferPending}

// offer records that a service was offered: who offered it and what came
// of it — accepted, declined with why, or later with the day to come back.
func (p *ClientPane) offer(sv model.Service) {
	staff := p.data.staff
	who := kit.NewSelect(staffNames(staff), nil)
	outcome := kit.NewSelect(words("offer.outcome.", offerOutcomes), nil)
	reason, later := kit.NewDialogEntry(p.w, false), kit.NewDialogEntry(p.w, false)
	later.SetPlaceHolder(i18n.T("date.placeholder"))
	fields := fieldMap(kit.NewField("staff", i18n.T("offer.staff"), who),
		kit.NewField("outcome", i18n.T("offer.outcome"), outcome),
		kit.NewField("reason", i18n.T("offer.reason"), reason),
		kit.NewField("later_on", i18n.T("offer.later_on"), later))
	outcome.OnChanged = func(string) { // only what the outcome asks for is open
		o := offerOutcomes[max(0, outcome.SelectedIndex())]
		enable(reason, o == model.OfferDeclined)
		enable(later, o == model.OfferLater)
	}
	outcome.SetSelectedIndex(0)
	body := kit.FieldGrid(fields["staff"], fields["outcome"], fields["reason"], fields["later_on"])
	title := i18n.T("offer.title", map[string]any{"Service": sv.Name})
	kit.ShowFormDialog(p.w, title, body, func(close func()) {
		var errs model.ValidationErrors
		o := model.Offer{ClientID: p.clientID, ServiceID: sv.ID, On: p.s.Today(),
			Outcome: offerOutcomes[max(0, outcome.SelectedIndex())], Reason: reason.Text}
		if i := who.SelectedIndex(); i >= 0 {
			o.StaffID = &staff[i].ID
		}
		if o.Outcome == model.OfferLater {
			d, err := model.ParseDateIn(later.Text, i18n.Lang())
			if err != nil {
				errs = append(errs, model.DateError("later_on", err))
			}
			o.LaterOn = d
		}
		kit.SubmitForm(p.w, fields, errs, func() error { return o.Validate(p.s.Today()) },
			func() error { return p.s.SaveOffer(context.Background(), &o) }, close, p.saved)
	})
}

// tell notes that a new service was told to the client: how, and the
// reaction.
func (p *ClientPane) tell(sv model.Service) {
	how := kit.NewSelect(words("contact.channel.", model.Channels), nil)
	how.SetSelectedIndex(0)
	reaction := kit.NewDialogEntry(p.w, true)
	fields := fieldMap(kit.NewField("how", i18n.T("sales.new.how"), how),
		kit.NewField("reaction", i18n.T("sales.new.reaction"), reaction))
	title := i18n.T("sales.new.title", map[string]any{"Service": sv.Name})
	kit.ShowFormDialog(p.w, title, kit.FieldGrid(fields["how"], fields["reaction"]), func(close func()) {
		pr := model.Presentation{ClientID: p.clientID, ServiceID: sv.ID, On: p.s.Today(),
			How: model.Channels[max(0, how.SelectedIndex())], Reaction: strings.TrimSpace(reaction.Text)}
		kit.SubmitForm(p.w, fields, nil, nil,
			func() error { return p.s.AddPresentation(context.Background(), &pr) }, close, p.saved)
	})
}

// askRecommendation notes what the client was asked to recommend, and
// what came of it if it is known already.
func (p *ClientPane) askRecommendation() {
	askFor(p.w, p.s, p.data.client, p.saved)
}

// askFor is the «Попросить рекомендацию» form, for the profile and for the
// ambassadors' list.
func askFor(w fyne.Window, s ClientStore, c model.Client, done func()) {
	asked, result := kit.NewDialogEntry(w, true), kit.NewDialogEntry(w, true)
	asked.SetPlaceHolder(i18n.T("sales.ask.asked.hint"))
	fields := fieldMap(kit.NewField("asked", i18n.T("sales.ask.asked"), asked),
		kit.NewField("result", i18n.T("sales.ask.result"), result))
	title := i18n.T("sales.ask.title", map[string]any{"Name": c.FullName()})
	kit.ShowFormDialog(w, title, kit.FieldGrid(fields["asked"], fields["result"]), func(close func()) {
		a := model.AmbassadorAsk{ClientID: c.ID, On: s.Today(), Asked: asked.Text, Result: result.Text}
		kit.SubmitForm(w, fields, nil, nil, func() error { return s.SaveAmbassadorAsk(context.Background(), &a) }, close, done)
	})
}

// enable opens or closes an entry of a form.
func enable(e *kit.KeyEntry, on bool) {
	if on {
		e.Enable()
	} else {
		e.Disable()
	}
}

func fieldMap(fields ...*kit.Field) map[string]*kit.Field {
	m := make(map[string]*kit.Field, len(fields))
	for _, f := range fields {
		m[f.Name] = f
	}
	return m
}

func staffNames(staff []model.Staff) []string {
	names := make([]string, len(staff))
	for i, s := range staff {
		names[i] = s.Name + " · " + s.Role
	}
	return names
}

// words translates each value of a list under a key prefix.
func words(prefix string, values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = i18n.T(prefix + v)
	}
	return out
}
