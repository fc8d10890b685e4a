package demo

import (
	"math"

	"companion/model"
)

// intervals are the usual days between visits for each interest: the gym
// weekly or more, the beautician and the spa every few weeks.
var intervals = [][2]int{cosmetology: {14, 42}, fitness: {3, 10}, spa: {10, 35}}

// visits gives the client a history of visits that model.ClientStatus reads
// as status, and the day they first got in touch.
func (g *gen) visits(c *model.Client, status model.Status, interest int) {
	r := g.r
	if status == model.StatusLead {
		c.CreatedAt = g.at(g.today.AddDays(-1 - r.IntN(45)))
		c.UpdatedAt = c.CreatedAt
		return
	}
	iv := intervals[interest]
	for range 20 {
		every := iv[0] + r.IntN(iv[1]-iv[0]+1)
		n, gap := g.visitPlan(status, every)
		span := (n - 1) * every
		if status == model.StatusActive && span+gap > 365 {
			n = 1 + (365-gap)/every
			span = (n - 1) * every
		}
		c.VisitCount = n
		c.LastVisitOn = g.today.AddDays(-gap)
		c.FirstVisitOn = c.LastVisitOn.AddDays(-span)
		if model.ClientStatus(g.today, n, c.FirstVisitOn, c.LastVisitOn) == status {
			break
		}
	}
	c.CreatedAt = g.at(c.FirstVisitOn.AddDays(-r.IntN(10)))
	c.UpdatedAt = g.at(c.LastVisitOn)
}

// visitPlan draws the number of visits and the days since the last one for
// a client of the given status who comes every so many days.
func (g *gen) visitPlan(status model.Status, every int) (visits, gap int) {
	r := g.r
	// the gap after which the rule calls a client at risk
	riskAfter := func(n int) int {
		if n >= model.UsualIntervalVisits {
			return int(math.Floor(1.5 * float64(every)))
		}
		return model.AtRiskAfterDays
	}
	switch status {
	case model.StatusActive:
		visits = 1 + r.IntN(max(1, 330/every))
		return visits, r.IntN(min(riskAfter(visits), 30) + 1)
	case model.StatusAtRisk:
		visits = 1 + r.IntN(max(1, 200/every))
		lo := riskAfter(visits) + 1
		return visits, lo + r.IntN(max(1, model.LapsedAfterDays-lo+1))
	default: // lapsed: many came once and never again
		visits = 1
		if chance(r, 0.6) {
			visits += r.IntN(max(1, 180/every))
		}
		return visits, model.LapsedAfterDays + 1 + r.IntN(240)
	}
}

// referrers lets about a fifth of the clients have been brought by an
// earlier client who had visited by then.
func (g *gen) referrers(cs []Client) {
	for i := range cs {
		if i == 0 || !chance(g.r, 0.2) {
			continue
		}
		since := model.DateOf(cs[i].CreatedAt)
		for range 10 {
			j := g.r.IntN(i)
			ref := cs[j]
			if ref.VisitCount > 0 && !ref.FirstVisitOn.After(since) {
				cs[i].Referrer, cs[i].Source = j, "referral"
				if cs[i].Notes == "" {
					cs[i].Notes = "По рекомендации: " + ref.LastName + " " + ref.FirstName
				}
				break
			}
		}
	}
}

// birthdaysThisWeek moves the birthdays of about one client in a hundred
// (three at least) into the coming seven days, so the filter has work.
func (g *gen) birthdaysThisWeek(cs []Client) {
	if len(cs) == 0 {
		return
	}
	for range max(3, len(cs)/100) {
		c := &cs[g.r.IntN(len(cs))]
		age := g.today.Year() - c.BirthDate.Year()
		if c.BirthDate.IsZero() || age < 19 {
			age = 30
		}
		next := g.today.AddDays(g.r.IntN(7))
		c.BirthDate = model.NewDate(next.Year()-age, next.Month(), next.Day())
	}
}
