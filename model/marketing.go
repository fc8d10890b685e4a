package model

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The ways a client's consent to advertising is given (38-ФЗ art. 18 asks
// it to be provable).
var ConsentWays = []string{"paper", "form", "sms", "messenger", "email", "call"}

// Marketing consent: whether a client may be told of promotions. Consent
// counts only when its day and way are recorded and it is not withdrawn.
func (c Client) MayAdvertise() bool {
	return c.MarketingConsent && !c.MarketingConsentAt.IsZero() && c.MarketingConsentHow != "" && c.MarketingWithdrawnAt.IsZero()
}

// Presentation is a new service told to a client: how, and the reaction.
type Presentation struct {
	ID        uint
	ClientID  uint
	ServiceID uint
	On        Date `gorm:"column:day"`
	How       string
	Reaction  string
}

// NotPresented lists the catalogue's lines new on day today that the client
// has not been told of.
func NotPresented(catalogue []Service, told []Presentation, today Date) []Service {
	var out []Service
	for _, sv := range catalogue {
		if !sv.Active || !sv.IsNew(today) {
			continue
		}
		seen := false
		for _, p := range told {
			seen = seen || p.ServiceID == sv.ID
		}
		if !seen {
			out = append(out, sv)
		}
	}
	return out
}

// Promotion is a discount on some services for a period, told to the
// clients its filter picks who agreed to hear of promotions.
type Promotion struct {
	ID         uint
	Title      string
	From       Date `gorm:"column:from_day"`
	To         Date `gorm:"column:to_day"`
	Percent    Percent
	Filter     PromoFilter `gorm:"serializer:json"`
	ServiceIDs []uint      `gorm:"-"`
}

// PromoFilter picks a promotion's target clients; a zero field picks all.
type PromoFilter struct {
	Statuses     []Status
	VisitedSince int    // last visit within this many days; 0: any
	AwayFor      int    // no visit for at least this many days; 0: any
	CardTypeID   uint   // holds a card of this type
	Tag          string // has this tag
	BirthMonth   int    // born in this month, 1–12
	Trust        []Trust
}

// Validate trims the promotion and checks it.
func (p *Promotion) Validate() error {
	var errs ValidationErrors
	p.Title = strings.Join(strings.Fields(p.Title), " ")
	if p.Title == "" {
		errs.add("title", "err.program.title_required", nil)
	} else if utf8.RuneCountInString(p.Title) > maxTitle {
		errs.add("title", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if p.From.IsZero() || p.To.IsZero() || p.To.Before(p.From) {
		errs.add("to", "err.round.period", nil)
	}
	if p.Percent <= 0 || p.Percent > MaxPercent {
		errs.add("percent", "err.pay.percent", nil)
	}
	if len(p.ServiceIDs) == 0 {
		errs.add("services", "err.promo.services", nil)
	}
	return errs.OrNil()
}

// Active reports whether the promotion runs on day.
func (p Promotion) Active(day Date) bool { return !day.Before(p.From) && !day.After(p.To) }

// Covers reports whether the promotion's discount applies to a service.
func (p Promotion) Covers(serviceID uint) bool { return containsID(p.ServiceIDs, serviceID) }

// Target is a client as a promotion's filter sees them.
type Target struct {
	Client    Client
	Status    Status
	Trust     Trust
	CardTypes []uint
}

// Why a client is left out of a promotion's list.
const (
	ExcludedNoConsent = "no_consent" // consent never recorded, or without its day and way
	ExcludedWithdrawn = "withdrawn"  // consent withdrawn
)

// Excluded is a client the filter picks who may not be told, and why.
type Excluded struct {
	Client Client
	Reason string
}

// Audience splits the clients the promotion's filter picks on day today
// into those who may be told (their consent recorded and not withdrawn)
// and those left out, with the reason; both by name.
func Audience(p Promotion, clients []Target, today Date) (tell []Client, out []Excluded) {
	for _, t := range clients {
		if !p.Filter.picks(t, today) {
			continue
		}
		switch c := t.Client; {
		case c.MayAdvertise():
			tell = append(tell, c)
		case !c.MarketingWithdrawnAt.IsZero():
			out = append(out, Excluded{c, ExcludedWithdrawn})
		default:
			out = append(out, Excluded{c, ExcludedNoConsent})
		}
	}
	sort.SliceStable(tell, func(i, j int) bool { return tell[i].FullName() < tell[j].FullName() })
	sort.SliceStable(out, func(i, j int) bool { return out[i].Client.FullName() < out[j].Client.FullName() })
	return tell, out
}

func (f PromoFilter) picks(t Target, today Date) bool {
	c := t.Client
	switch {
	case c.Archived():
		return false
	case len(f.Statuses) > 0 && !containsStatus(f.Statuses, t.Status):
		return false
	case len(f.Trust) > 0 && !containsTrust(f.Trust, t.Trust):
		return false
	case f.VisitedSince > 0 && (c.LastVisitOn.IsZero() || today.DaysSince(c.LastVisitOn) > f.VisitedSince):
		return false
	case f.AwayFor > 0 && !c.LastVisitOn.IsZero() && today.DaysSince(c.LastVisitOn) < f.AwayFor:
		return false
	case f.CardTypeID != 0 && !containsID(t.CardTypes, f.CardTypeID):
		return false
	case f.BirthMonth != 0 && (c.BirthDate.IsZero() || int(c.BirthDate.Month()) != f.BirthMonth):
		return false
	case f.Tag != "" && !hasTag(c.Tags, f.Tag):
		return false
	}
	return true
}

func hasTag(tags, tag string) bool {
	for _, t := range strings.Split(tags, ",") {
		if Fold(t) == Fold(tag) {
			return true
		}
	}
	return false
}

func containsStatus(list []Status, s Status) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsTrust(list []Trust, t Trust) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}

// The channels a promotion is told by.
var PromoChannels = []string{"call", "sms", "messenger", "email", "in_person"}

// PromoContact is a client told of a promotion: by which channel, when,
// and the answer.
type PromoContact struct {
	ID          uint
	PromotionID uint
	ClientID    uint
	Channel     string
	On          Date `gorm:"column:day"`
	Answer      string
}

// Ambassadors picks, of the clients given (their trust stage with them),
// the trusted ones who thanked the salon or answered a check round with a
// promoter's NPS within AmbassadorDays before today: the clients to ask for
// a recommendation.
func Ambassadors(clients []Target, thanks []Feedback, nps map[uint][]Answer, today Date) []Client {
	var out []Client
	for _, t := range clients {
		if t.Trust != TrustTrusted || t.Client.Archived() {
			continue
		}
		ok := false
		for _, f := range thanks {
			ok = ok || f.ClientID == t.Client.ID && f.Kind == FeedbackThanks && f.State != StateWithdrawn &&
				today.DaysSince(f.On) <= AmbassadorDays
		}
		for _, a := range nps[t.Client.ID] {
			ok = ok || a.NPS != nil && *a.NPS >= NPSPromoterFrom && today.DaysSince(a.On) <= AmbassadorDays
		}
		if ok {
			out = append(out, t.Client)
		}
	}
	return out
}

// AmbassadorAsk is a recommendation asked of an ambassador, and its result.
type AmbassadorAsk struct {
	ID       uint
	ClientID uint
	On       Date `gorm:"column:day"`
	Asked    string
	Result   string
}

// ReferralChain lists whom a client brought, and whom those brought, depth
// first, each with their depth (1: brought by the client); a loop is
// followed once.
func ReferralChain(rootID uint, referrerOf map[uint]uint) []Referral {
	children := map[uint][]uint{}
	for c, r := range referrerOf {
		children[r] = append(children[r], c)
	}
	for _, list := range children {
		sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	}
	var out []Referral
	seen := map[uint]bool{rootID: true}
	var walk func(id uint, depth int)
	walk = func(id uint, depth int) {
		for _, c := range children[id] {
			if !seen[c] {
				seen[c] = true
				out = append(out, Referral{ClientID: c, Depth: depth})
				walk(c, depth+1)
			}
		}
	}
	walk(rootID, 1)
	return out
}

// Referral is a client in a referral chain.
type Referral struct {
	ClientID uint
	Depth    int
}

// PromotionFor is the promotion running on day that covers a service, the
// largest discount when several do; ok is false when none does.
func PromotionFor(promos []Promotion, serviceID uint, day Date) (best Promotion, ok bool) {
	for _, p := range promos {
		if p.Active(day) && p.Covers(serviceID) && (!ok || p.Percent > best.Percent) {
			best, ok = p, true
		}
	}
	return best, ok
}
