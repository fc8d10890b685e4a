package model

// Trust is the stage of a client's relationship with the salon. It steers
// how hard the app suggests selling: at first a client is won over, not sold
// to; once trust is there, offers are welcome.
type Trust string

// The trust stages.
const (
	TrustNew      Trust = "new"
	TrustBuilding Trust = "building"
	TrustTrusted  Trust = "trusted"
)

// TrustStages lists the stages in order.
var TrustStages = []Trust{TrustNew, TrustBuilding, TrustTrusted}

// Thresholds of the trust rule.
const (
	TrustBuildingVisits = 3   // visits before the relationship is more than new
	TrustBuildingDays   = 21  // … and days since the first visit
	TrustTrustedVisits  = 8   // visits before a client may be trusted
	TrustTrustedDays    = 90  // … and days since the first visit
	TrustMinRating      = 4.0 // an average rating below this holds trust back
)

// TrustStage decides the stage on day today from the first visit, the
// number of visits, the client's average rating of the salon (0 when none)
// and the complaints still open. A client is new until both the third visit
// and three weeks since the first; trusted after eight visits over three
// months, unless a complaint is open or the ratings are low, which hold the
// relationship at building.
func TrustStage(today, firstVisit Date, visits int, avgRating float64, openComplaints int) Trust {
	if visits <= 0 || firstVisit.IsZero() {
		return TrustNew
	}
	tenure := today.DaysSince(firstVisit)
	if visits < TrustBuildingVisits || tenure < TrustBuildingDays {
		return TrustNew
	}
	unhappy := openComplaints > 0 || avgRating > 0 && avgRating < TrustMinRating
	if visits >= TrustTrustedVisits && tenure >= TrustTrustedDays && !unhappy {
		return TrustTrusted
	}
	return TrustBuilding
}
