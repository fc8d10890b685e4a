package model

import "time"

// Agenda is the manager's Today page: whom to contact, which cards end,
// who is slipping away, whose birthday comes, and how the salon keeps its
// clients.
type Agenda struct {
	Today         Date
	FollowUps     []FollowUp  // next contacts due today or overdue, the most recent due day first
	ExpiringCards []CardAlert // cards ending within CardAlertDays or with CardAlertVisits visits left
	AtRisk        []ClientRow // later than usual, the most recently slipped first
	Birthdays     []ClientRow // within BirthdayDays, the nearest first
	Figures       Retention
	ActiveByMonth []MonthCount        // the last 12 months, oldest first, this month last
	Behind        []ProgramAlert      // active programs behind their schedule, the most sessions short first
	Recommended   []RecommendationRow // specialists' recommendations waiting for a decision, the oldest first
	Overdue       []ComplaintAlert    // complaints open more than OverdueDays, the oldest first

	// How many there are in all; the lists stop at AgendaLimit.
	FollowUpsTotal, ExpiringTotal, AtRiskTotal int
}

// FollowUp is a next contact that is due.
type FollowUp struct {
	Contact     Contact
	Client      ClientRow
	OverdueDays int // 0: due today
}

// ComplaintAlert is a complaint still open after OverdueDays.
type ComplaintAlert struct {
	Feedback Feedback
	Client   ClientRow
	Staff    string
}

// ProgramAlert is a client's program behind its schedule.
type ProgramAlert struct {
	View   ProgramView
	Client ClientRow
}

// CardAlert is a card that is about to end.
type CardAlert struct {
	Card   CardView
	Client ClientRow
}

// Retention are the figures of how the salon keeps its clients.
type Retention struct {
	Active          int     // clients with a visit within ActiveDays (not lapsed)
	NewThisMonth    int     // clients whose first visit is in this calendar month
	AddedThisMonth  int     // clients added to the base in this calendar month, visited or not
	Retention90     float64 // 0..1: of the clients active 91 days ago, the share active today
	AvgLifetimeDays float64 // from the first visit to the last (lapsed) or to today (others)
}

// MonthCount is a figure of a calendar month.
type MonthCount struct {
	Month Date // the first day
	Count int
}

// Windows of the Today page.
const (
	AgendaLimit     = 200 // rows of each list at most
	CardAlertDays   = 14  // a card ending within this many days is shown
	CardAlertVisits = 2   // … and one with this many visits left or fewer
	BirthdayDays    = 7   // birthdays within this many days, today included
	ActiveDays      = LapsedAfterDays
	ChartMonths     = 12
)

// CardAlertOn reports whether Today warns of a card in state st: the card
// is running (active or frozen today) and either its last valid day comes
// within CardAlertDays or it has CardAlertVisits visits left or fewer. The
// store's query and its partial index are held to this rule.
func CardAlertOn(st CardState, today Date) bool {
	if st.Status != CardActive && st.Status != CardFrozen {
		return false
	}
	if !st.ValidTo.After(today.AddDays(CardAlertDays)) {
		return true
	}
	return st.VisitsLeft >= 0 && st.VisitsLeft <= CardAlertVisits
}

// ActiveOn reports whether a client whose last visit up to day d was last
// is active on d: a visit within ActiveDays, as ClientStatus sees it.
func ActiveOn(d, last Date) bool {
	return !last.IsZero() && !last.After(d) && d.DaysSince(last) <= ActiveDays
}

// RetentionWindows are the two periods the 90-day retention compares, both
// ends included: a client active 91 days ago had a visit in [prevFrom,
// prevTo]; one active today, in [curFrom, today].
func RetentionWindows(today Date) (prevFrom, prevTo, curFrom Date) {
	curFrom = today.AddDays(-ActiveDays)
	prevTo = curFrom.AddDays(-1)
	return prevTo.AddDays(-ActiveDays), prevTo, curFrom
}

// LifetimeDays is how long a client has stayed: from the first visit to
// the last for a client who has lapsed, to today for one who still comes.
func LifetimeDays(today, first, last Date) int {
	if first.IsZero() {
		return 0
	}
	if ActiveOn(today, last) {
		return today.DaysSince(first)
	}
	return last.DaysSince(first)
}

// MonthOf is the first day of d's month.
func MonthOf(d Date) Date { return NewDate(d.Year(), d.Month(), 1) }

// ChartMonthsTo lists the first days of the n months up to today's, oldest
// first.
func ChartMonthsTo(today Date, n int) []Date {
	out := make([]Date, n)
	for i := range out {
		out[i] = NewDate(today.Year(), today.Month()-time.Month(n-1-i), 1)
	}
	return out
}

// FiguresOf works the retention figures and the monthly chart out of every
// client's visit days (any order), as the definitions say. The store keeps
// summaries that give the same answers fast; this is the rule they are held
// to.
func FiguresOf(today Date, visits [][]Date) (Retention, []MonthCount) {
	var r Retention
	prevFrom, prevTo, curFrom := RetentionWindows(today)
	months := ChartMonthsTo(today, ChartMonths)
	counts := make([]MonthCount, len(months))
	for i, m := range months {
		counts[i].Month = m
	}
	month := MonthOf(today)
	var base, kept, lived, visited int
	for _, days := range visits {
		var first, last Date
		var inPrev, inCur bool
		seen := map[Date]bool{}
		for _, d := range days {
			if d.After(today) {
				continue
			}
			if first.IsZero() || d.Before(first) {
				first = d
			}
			if last.IsZero() || d.After(last) {
				last = d
			}
			inPrev = inPrev || !d.Before(prevFrom) && !d.After(prevTo)
			inCur = inCur || !d.Before(curFrom)
			if m := MonthOf(d); !seen[m] {
				seen[m] = true
				for i := range counts {
					if counts[i].Month == m {
						counts[i].Count++
					}
				}
			}
		}
		if first.IsZero() {
			continue
		}
		visited++
		lived += LifetimeDays(today, first, last)
		if inCur {
			r.Active++
		}
		if !first.Before(month) {
			r.NewThisMonth++
		}
		if inPrev {
			base++
			if inCur {
				kept++
			}
		}
	}
	r.Retention90 = Ratio(kept, base)
	if visited > 0 {
		r.AvgLifetimeDays = float64(lived) / float64(visited)
	}
	return r, counts
}

// Ratio is part/whole, 0 for an empty whole.
func Ratio(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}
