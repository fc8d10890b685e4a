package sales

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
)

// show fills the page's sections from p.data.
func (p *ClientPane) show() {
	p.showSuggestions()
	p.showOffers()
	p.showFresh()
	p.showConsent()
	p.showReferrals()
	p.root.Refresh()
}

// showSuggestions lists what to offer with why each, then why not more.
func (p *ClientPane) showSuggestions() {
	sg := p.data.sugg
	p.suggest.RemoveAll()
	if len(sg.List) == 0 {
		p.suggest.Add(note(i18n.T("sales.suggest.none")))
	}
	for _, s := range sg.List {
		s := s
		title := widget.NewLabelWithStyle(s.Service.Name+" · "+s.Service.Price.Format(i18n.Lang()), fyne.TextAlignLeading,
			fyne.TextStyle{Bold: true})
		why := note(i18n.T("sales.why", map[string]any{"Reasons": reasonWords(s.Reasons)}))
		btn := widget.NewButton(i18n.T("offer.do"), func() { p.offer(s.Service) })
		btn.Importance = widget.HighImportance
		p.suggest.Add(container.NewBorder(nil, nil, nil, container.NewCenter(btn), container.NewVBox(title, why)))
	}
	p.limit.RemoveAll()
	p.limit.Add(note(limitText(sg)))
}

// reasonWords says the reasons a suggestion is made, joined.
func reasonWords(reasons []string) string {
	words := make([]string, len(reasons))
	for i, r := range reasons {
		words[i] = i18n.T("sales.reason." + r)
	}
	return strings.Join(words, "; ")
}

// limitText says why there are not more suggestions: the trust stage's
// limit and how many it held back.
func limitText(sg model.Suggestions) string {
	args := map[string]any{"Trust": i18n.T("trust." + string(sg.Trust)), "Limit": sg.Limit, "Held": sg.Held}
	switch {
	case sg.Limit < 0:
		return i18n.T("sales.limit.all", args)
	case sg.Trust == model.TrustNew:
		return i18n.T("sales.limit.new", args)
	}
	return i18n.T("sales.limit", args)
}

func (p *ClientPane) showOffers() {
	p.offers.RemoveAll()
	if len(p.data.offers) == 0 {
		p.offers.Add(note(i18n.T("offer.log.none")))
	}
	for _, o := range p.data.offers {
		p.offers.Add(note(p.offerText(o)))
	}
}

// offerText is an offer as its line reads: when, what, who, what came of it.
func (p *ClientPane) offerText(o model.Offer) string {
	lang := i18n.Lang()
	outcome := i18n.T("offer.outcome." + o.Outcome)
	switch o.Outcome {
	case model.OfferDeclined:
		outcome += ": " + o.Reason
	case model.OfferLater:
		outcome = i18n.T("offer.later_row", map[string]any{"Date": o.LaterOn.Format(lang)})
	}
	who := "—"
	for _, st := range p.data.staff {
		if o.StaffID != nil && st.ID == *o.StaffID {
			who = model.ShortName(st.Name)
		}
	}
	return i18n.T("offer.row", map[string]any{"Date": o.On.Format(lang), "Service": p.data.services[o.ServiceID].Name,
		"Staff": who, "Outcome": outcome})
}

// showFresh lists the new services the client has not heard of, each with
// «Рассказал», then those told.
func (p *ClientPane) showFresh() {
	p.fresh.RemoveAll()
	if len(p.data.fresh) == 0 {
		p.fresh.Add(note(i18n.T("sales.new.none")))
	}
	for _, sv := range p.data.fresh {
		sv := sv
		btn := widget.NewButton(i18n.T("sales.new.told"), func() { p.tell(sv) })
		p.fresh.Add(container.NewBorder(nil, nil, nil, btn, note(sv.Name+" · "+sv.Price.Format(i18n.Lang()))))
	}
	for _, t := range p.data.told {
		p.fresh.Add(note(i18n.T("sales.told.row", map[string]any{"Date": t.On.Format(i18n.Lang()),
			"Service": p.data.services[t.ServiceID].Name, "How": channelWord(t.How), "Reaction": t.Reaction})))
	}
}

func channelWord(c string) string {
	if c == "" {
		return "—"
	}
	return i18n.T("contact.channel." + c)
}

// showConsent says the consent to advertising as recorded: its day and
// way, or that it was never given or was withdrawn.
func (p *ClientPane) showConsent() {
	c, lang := p.data.client, i18n.Lang()
	var text string
	switch {
	case !c.MarketingWithdrawnAt.IsZero():
		text = i18n.T("consent.withdrawn", map[string]any{"Date": c.MarketingWithdrawnAt.Format(lang)})
	case c.MayAdvertise():
		text = i18n.T("consent.given", map[string]any{"Date": c.MarketingConsentAt.Format(lang),
			"Way": i18n.T("consent.way." + c.MarketingConsentHow)})
	case c.MarketingConsent:
		text = i18n.T("consent.unproven", map[string]any{"Date": c.MarketingConsentAt.Format(lang)})
	default:
		text = i18n.T("consent.none")
	}
	p.consent.RemoveAll()
	p.consent.Add(note(text))
	if c.MarketingConsent {
		p.withdraw.Show()
	} else {
		p.withdraw.Hide()
	}
}

// showReferrals lists whom the client brought, and whom those brought,
// then the recommendations asked of the client.
func (p *ClientPane) showReferrals() {
	p.refs.RemoveAll()
	if len(p.data.refs) == 0 {
		p.refs.Add(note(i18n.T("sales.refs.none")))
	}
	for _, r := range p.data.refs {
		key := "sales.refs.direct"
		if r.Depth > 1 {
			key = "sales.refs.through"
		}
		p.refs.Add(note(strings.Repeat("    ", r.Depth-1) + i18n.T(key, map[string]any{"Name": p.data.names[r.ClientID]})))
	}
	p.refs.Add(heading(i18n.T("sales.asks.heading")))
	if len(p.data.asks) == 0 {
		p.refs.Add(note(i18n.T("sales.asks.none")))
	}
	for _, a := range p.data.asks {
		result := a.Result
		if result == "" {
			result = i18n.T("sales.ask.no_result")
		}
		p.refs.Add(note(i18n.T("sales.ask.row", map[string]any{"Date": a.On.Format(i18n.Lang()), "Asked": a.Asked,
			"Result": result})))
	}
}
