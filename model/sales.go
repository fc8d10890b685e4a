package model

import (
	"sort"
	"strings"
	"time"
)

// Windows of the sales rules.
const (
	BoughtWithinDays   = 30  // a service bought this recently is not offered again
	DeclinedWithinDays = 30  // nor one declined this recently
	TakenWithinDays    = 90  // what a client took this recently is what others go well with
	NewClientOffers    = 1   // a new client is offered at most one gentle service, and no goods
	BuildingOffers     = 3   // a client whose trust is building, at most three
	ComplaintAfterDays = 30  // a complaint this soon after an offer is counted against it
	AmbassadorDays     = 183 // thanks or a promoter's NPS within this many days make an ambassador
	suggestRecommended = 3   // the weight of each reason a suggestion is made
	suggestGoesWith    = 2
	suggestGoal        = 1
	minGoalWordLetters = 4
)

// Why a service is suggested.
const (
	ReasonRecommended = "recommended" // a specialist recommended it
	ReasonGoesWith    = "goes_with"   // it goes well with what the client takes
	ReasonGoal        = "goal"        // it fits the client's goals
)

// SuggestionInput is what suggestions for one client are made from.
type SuggestionInput struct {
	Today       Date
	Trust       Trust
	Client      Client
	Health      []string // the client's words on health; nil without consent
	Catalogue   []Service
	Taken       []SessionDone // the client's lines of the last TakenWithinDays, with their days
	InPrograms  []uint        // services of the client's open programs
	Recommended []uint        // services specialists recommended, not yet added or declined
	Declined    []Offer       // the client's declined offers
}

// Suggestion is a service or product to offer, with why.
type Suggestion struct {
	Service Service
	Reasons []string
	Score   int
}

// Suggestions are the offers for a client and why there are not more.
type Suggestions struct {
	List  []Suggestion
	Held  int   // suggestions held back by the trust stage
	Limit int   // how many the stage allows; -1 for all
	Trust Trust // the stage that decided it
}

// Suggest works out what to offer a client: services and goods that a
// specialist recommended, that go well with what the client takes, or that
// fit their goals — less what they bought or declined in the last 30 days
// and anything contraindicated for them — best first, as many as the trust
// stage allows (a new client: one service, no goods).
func Suggest(in SuggestionInput) Suggestions {
	bought, declined := map[uint]bool{}, map[uint]bool{}
	var takenIDs []uint
	for _, d := range in.Taken {
		if in.Today.DaysSince(d.On) <= BoughtWithinDays {
			bought[d.ServiceID] = true
		}
		takenIDs = append(takenIDs, d.ServiceID)
	}
	for _, o := range in.Declined {
		if o.Outcome == OfferDeclined && in.Today.DaysSince(o.On) <= DeclinedWithinDays {
			declined[o.ServiceID] = true
		}
	}
	goesWith := pairsOf(in.Catalogue, append(takenIDs, in.InPrograms...))
	goalWords := strings.Fields(Fold(in.Client.Goals + " " + in.Client.NeedsStated + " " + in.Client.Tags))
	var list []Suggestion
	for _, sv := range in.Catalogue {
		if !sv.Active || bought[sv.ID] || declined[sv.ID] || len(MatchContraindications(sv.Contraindications, in.Health...)) > 0 {
			continue
		}
		s := Suggestion{Service: sv}
		s.add(ReasonRecommended, suggestRecommended, containsID(in.Recommended, sv.ID))
		s.add(ReasonGoesWith, suggestGoesWith, goesWith[sv.ID])
		s.add(ReasonGoal, suggestGoal, fitsGoal(sv, goalWords))
		if s.Score > 0 {
			list = append(list, s)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Score > list[j].Score })
	return limitByTrust(list, in.Trust)
}

func (s *Suggestion) add(reason string, weight int, ok bool) {
	if ok {
		s.Reasons = append(s.Reasons, reason)
		s.Score += weight
	}
}

// limitByTrust keeps as many suggestions as the stage allows.
func limitByTrust(list []Suggestion, t Trust) Suggestions {
	out := Suggestions{Trust: t, Limit: -1}
	switch t {
	case TrustNew:
		out.Limit = NewClientOffers
		var services []Suggestion
		for _, s := range list {
			if s.Service.Kind != "product" {
				services = append(services, s)
			}
		}
		out.Held = len(list) - len(services)
		list = services
	case TrustBuilding:
		out.Limit = BuildingOffers
	}
	if out.Limit >= 0 && len(list) > out.Limit {
		out.Held += len(list) - out.Limit
		list = list[:out.Limit]
	}
	out.List = list
	return out
}

// pairsOf marks the lines that go well with any of the services taken.
func pairsOf(catalogue []Service, taken []uint) map[uint]bool {
	out := map[uint]bool{}
	for _, sv := range catalogue {
		if containsID(taken, sv.ID) {
			for _, p := range sv.GoesWith {
				out[p] = true
			}
		}
	}
	return out
}

// fitsGoal reports whether a word of the client's goals shares its stem
// with a word of the service's name or advantages.
func fitsGoal(sv Service, goal []string) bool {
	words := strings.Fields(Fold(sv.Name + " " + sv.Pros))
	for _, g := range goal {
		if len([]rune(g)) < minGoalWordLetters {
			continue
		}
		for _, w := range words {
			if len([]rune(w)) >= minGoalWordLetters && sameStem(g, w) {
				return true
			}
		}
	}
	return false
}

func containsID(ids []uint, id uint) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// The outcomes of an offer.
const (
	OfferPending  = "pending"
	OfferAccepted = "accepted"
	OfferDeclined = "declined"
	OfferLater    = "later"
)

// OfferOutcomes lists them.
var OfferOutcomes = []string{OfferPending, OfferAccepted, OfferDeclined, OfferLater}

// Offer is a service or product offered to a client, and what came of it:
// accepted (the visit line that sold it), declined (why), or later (a day,
// which becomes a follow-up).
type Offer struct {
	ID          uint
	ClientID    uint
	StaffID     *uint
	ServiceID   uint
	On          Date `gorm:"column:day"`
	Outcome     string
	Reason      string
	LaterOn     Date
	VisitLineID *uint
	CreatedAt   time.Time
}

// Validate checks the offer and its outcome against today.
func (o *Offer) Validate(today Date) error {
	var errs ValidationErrors
	o.Reason = strings.TrimSpace(o.Reason)
	if o.Outcome == "" {
		o.Outcome = OfferPending
	}
	if o.ClientID == 0 {
		errs.add("client", "err.visit.client_required", nil)
	}
	if o.ServiceID == 0 {
		errs.add("service", "err.visit.service", nil)
	}
	if o.On.IsZero() || o.On.After(today) {
		errs.add("on", "err.date.future", nil)
	}
	switch o.Outcome {
	case OfferDeclined:
		if o.Reason == "" {
			errs.add("reason", "err.offer.reason", nil)
		}
	case OfferLater:
		if !o.LaterOn.After(today) {
			errs.add("later_on", "err.rec.postpone_date", nil)
		}
	case OfferAccepted, OfferPending:
	default:
		errs.add("outcome", "err.offer.outcome", nil)
	}
	return errs.OrNil()
}

// OfferFigures are one staff member's offers of a month: how many, how
// many accepted, the revenue of the accepted ones, and the complaints
// their clients made within ComplaintAfterDays after an offer.
type OfferFigures struct {
	Offers, Accepted int
	Revenue          Money
	Complaints       int
}

// Rate is the share of offers accepted, 0 to 1; 0 without offers.
func (f OfferFigures) Rate() float64 {
	if f.Offers == 0 {
		return 0
	}
	return float64(f.Accepted) / float64(f.Offers)
}

// OfferFiguresOf counts the offers of the month by staff member: revenue is the
// value of each accepted offer's visit line (by line ID), complaints those
// of the offer's client within ComplaintAfterDays after it, each counted
// once per staff member.
func OfferFiguresOf(month Date, offers []Offer, lineValue map[uint]Money, complaints []Feedback) map[uint]OfferFigures {
	out := map[uint]OfferFigures{}
	counted := map[[2]uint]bool{} // staff, complaint
	for _, o := range offers {
		if o.StaffID == nil || MonthOf(o.On) != MonthOf(month) {
			continue
		}
		f := out[*o.StaffID]
		f.Offers++
		if o.Outcome == OfferAccepted {
			f.Accepted++
			if o.VisitLineID != nil {
				f.Revenue += lineValue[*o.VisitLineID]
			}
		}
		for _, c := range complaints {
			key := [2]uint{*o.StaffID, c.ID}
			after := c.On.DaysSince(o.On)
			if c.ClientID == o.ClientID && c.Kind == FeedbackComplaint && after >= 0 && after <= ComplaintAfterDays && !counted[key] {
				counted[key] = true
				f.Complaints++
			}
		}
		out[*o.StaffID] = f
	}
	return out
}
