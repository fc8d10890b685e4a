package model

// Status is where a client stands with the salon.
type Status string

// The client statuses, from the visits so far.
const (
	StatusLead   Status = "lead"    // no visit yet
	StatusActive Status = "active"  // coming as usual
	StatusAtRisk Status = "at_risk" // later than usual: call them
	StatusLapsed Status = "lapsed"  // no visit for LapsedAfterDays
)

// Statuses lists the statuses in the order a manager reads them.
var Statuses = []Status{StatusLead, StatusActive, StatusAtRisk, StatusLapsed}

// Thresholds of the status rule, in days. The store's SQL is generated from
// them (model/store/rules_sql.go): a change here is the whole change.
const (
	LapsedAfterDays      = 90  // a client with no visit for longer has lapsed
	AtRiskAfterDays      = 30  // at risk after this gap, while the usual interval is unknown
	UsualIntervalVisits  = 3   // visits needed before the client's own interval counts
	AtRiskIntervalFactor = 1.5 // at risk once the gap exceeds the usual interval this many times
	UsualIntervalMinDays = 7   // the usual interval is taken as at least this, so a busy day is not a habit
)

// ClientStatus decides a client's status on day today from the number of
// days they came (several visits on one day are one) and the first and last
// of them. A client is at risk when the gap
// since the last visit exceeds AtRiskIntervalFactor times their own usual
// interval (after UsualIntervalVisits visits or more; never less than
// UsualIntervalMinDays) or AtRiskAfterDays otherwise; lapsed after
// LapsedAfterDays.
func ClientStatus(today Date, visits int, first, last Date) Status {
	if visits == 0 || last.IsZero() {
		return StatusLead
	}
	gap := float64(today.DaysSince(last))
	if gap > LapsedAfterDays {
		return StatusLapsed
	}
	limit := float64(AtRiskAfterDays)
	if visits >= UsualIntervalVisits && !first.IsZero() {
		usual := max(UsualIntervalMinDays, float64(last.DaysSince(first))/float64(visits-1))
		limit = AtRiskIntervalFactor * usual
	}
	if gap > limit {
		return StatusAtRisk
	}
	return StatusActive
}
