package sales

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// promoForm is the promotion's form: its title, period, discount and
// services, and the filter that picks whom it is for.
type promoForm struct {
	title, from, to, percent, visited, away, tag *kit.KeyEntry
	services, statuses, trust                    *widget.CheckGroup
	card, month                                  *widget.Select
	fields                                       map[string]*kit.Field
}

// edit opens the form for a promotion, or for a new one when p is nil.
func (t *Tab) edit(p *model.Promotion) {
	pr := model.Promotion{From: t.s.Today(), To: t.s.Today().AddDays(30), Percent: 1000}
	if p != nil {
		pr = *p
	}
	f := t.newPromoForm(pr)
	title := i18n.T("promo.new")
	if pr.ID != 0 {
		title = pr.Title
	}
	kit.ShowFormDialog(t.w, title, kit.FormGrid(f.rows()...), func(close func()) {
		errs := f.read(&pr, t)
		kit.SubmitForm(t.w, f.fields, errs, pr.Validate, func() error { return t.s.SavePromotion(context.Background(), &pr) },
			close, func() { t.detail.promo = pr; t.Refresh(context.Background()) })
	})
}

func (t *Tab) newPromoForm(p model.Promotion) *promoForm {
	lang := i18n.Lang()
	f := &promoForm{}
	entry := func(text string) *kit.KeyEntry { e := kit.NewDialogEntry(t.w, false); e.SetText(text); return e }
	f.title, f.from, f.to = entry(p.Title), entry(p.From.Format(lang)), entry(p.To.Format(lang))
	f.percent = entry(strings.TrimSuffix(strings.TrimSuffix(i18n.Decimal(float64(p.Percent)/100), "0"), ","))
	f.visited, f.away, f.tag = entry(days(p.Filter.VisitedSince)), entry(days(p.Filter.AwayFor)), entry(p.Filter.Tag)
	f.services = widget.NewCheckGroup(serviceNames(t.services), nil)
	for _, sv := range t.services {
		if p.Covers(sv.ID) {
			f.services.Selected = append(f.services.Selected, sv.Name)
		}
	}
	f.statuses = widget.NewCheckGroup(words("status.", statusCodes()), nil)
	for _, st := range p.Filter.Statuses {
		f.statuses.Selected = append(f.statuses.Selected, i18n.T("status."+string(st)))
	}
	f.trust = widget.NewCheckGroup(words("trust.filter.", trustCodes()), nil)
	for _, tr := range p.Filter.Trust {
		f.trust.Selected = append(f.trust.Selected, i18n.T("trust.filter."+string(tr)))
	}
	cards := []string{i18n.T("promo.any")}
	for i, ct := range t.cards {
		cards = append(cards, ct.Name)
		if ct.ID == p.Filter.CardTypeID {
			defer func(i int) { f.card.SetSelectedIndex(i + 1) }(i)
		}
	}
	f.card = kit.NewSelect(cards, nil)
	f.card.SetSelectedIndex(0)
	months := []string{i18n.T("promo.any")}
	for _, key := range monthKeys {
		months = append(months, i18n.T(key))
	}
	f.month = kit.NewSelect(months, nil)
	f.month.SetSelectedIndex(p.Filter.BirthMonth)
	return f
}

func (f *promoForm) rows() []kit.FormRow {
	field := func(name, key string, in fyne.CanvasObject) *kit.Field { return kit.NewField(name, i18n.T(key), in) }
	list := []*kit.Field{field("title", "promo.title", f.title), field("from", "promo.from", f.from),
		field("to", "promo.to", f.to), field("percent", "promo.percent", f.percent),
		field("services", "promo.services", f.services), field("statuses", "promo.filter.statuses", f.statuses),
		field("trust", "promo.filter.trust", f.trust), field("visited", "promo.filter.visited", f.visited),
		field("away", "promo.filter.away", f.away), field("card", "promo.filter.card", f.card),
		field("tag", "promo.filter.tag", f.tag), field("month", "promo.filter.month", f.month)}
	f.fields = fieldMap(list...)
	rows := []kit.FormRow{}
	for i, fl := range list {
		if i == 5 {
			rows = append(rows, kit.Heading(i18n.T("promo.filter.heading")))
		}
		rows = append(rows, fl)
	}
	return rows
}

// read puts the form into p, with the errors of what could not be read.
func (f *promoForm) read(p *model.Promotion, t *Tab) model.ValidationErrors {
	var errs model.ValidationErrors
	date := func(field, text string) model.Date {
		d, err := model.ParseDateIn(text, i18n.Lang())
		if err != nil {
			errs = append(errs, model.DateError(field, err))
		}
		return d
	}
	number := func(field, text string) int {
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if strings.TrimSpace(text) != "" && (err != nil || n < 0) {
			errs = append(errs, &model.FieldError{Field: field, Key: "err.number"})
		}
		return n
	}
	p.Title, p.From, p.To = f.title.Text, date("from", f.from.Text), date("to", f.to.Text)
	pct, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(f.percent.Text), ",", "."), 64)
	if err != nil {
		errs = append(errs, &model.FieldError{Field: "percent", Key: "err.pay.percent"})
	}
	p.Percent = model.Percent(pct*100 + 0.5)
	p.ServiceIDs = nil
	for _, sv := range t.services {
		if contains(f.services.Selected, sv.Name) {
			p.ServiceIDs = append(p.ServiceIDs, sv.ID)
		}
	}
	p.Filter = model.PromoFilter{VisitedSince: number("visited", f.visited.Text), AwayFor: number("away", f.away.Text),
		Tag: strings.TrimSpace(f.tag.Text), BirthMonth: max(0, f.month.SelectedIndex())}
	for _, st := range model.Statuses {
		if contains(f.statuses.Selected, i18n.T("status."+string(st))) {
			p.Filter.Statuses = append(p.Filter.Statuses, st)
		}
	}
	for _, tr := range model.TrustStages {
		if contains(f.trust.Selected, i18n.T("trust.filter."+string(tr))) {
			p.Filter.Trust = append(p.Filter.Trust, tr)
		}
	}
	if i := f.card.SelectedIndex(); i > 0 {
		p.Filter.CardTypeID = t.cards[i-1].ID
	}
	return errs
}

func days(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func serviceNames(services []model.Service) []string {
	names := make([]string, len(services))
	for i, s := range services {
		names[i] = s.Name
	}
	return names
}

func statusCodes() []string {
	out := make([]string, len(model.Statuses))
	for i, s := range model.Statuses {
		out[i] = string(s)
	}
	return out
}

func trustCodes() []string {
	out := make([]string, len(model.TrustStages))
	for i, s := range model.TrustStages {
		out[i] = string(s)
	}
	return out
}

// monthKeys name the months of a birthday.
var monthKeys = []string{"promo.month.1", "promo.month.2", "promo.month.3", "promo.month.4", "promo.month.5",
	"promo.month.6", "promo.month.7", "promo.month.8", "promo.month.9", "promo.month.10", "promo.month.11", "promo.month.12"}
