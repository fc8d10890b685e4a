package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"companion/model"
)

// gen makes up clients one by one.
type gen struct {
	r      *rand.Rand
	today  model.Date
	staff  []Staff
	phones map[string]bool
}

// sources are how clients not referred by another client find the salon,
// with how often; "referral" here is a friend who is not a client.
var sources = []struct {
	name   string
	weight float64
}{
	{"social", 30}, {"maps", 18}, {"website", 16}, {"walk_in", 14}, {"advert", 10}, {"partner", 6},
	{"referral", 4}, {"other", 2},
}

var emailDomains = []string{"mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru", "rambler.ru"}

func (g *gen) client() Client {
	r := g.r
	p := newPerson(r, chance(r, 0.68))
	c := model.Client{LastName: p.last, FirstName: p.first, MiddleName: p.middle}
	age := g.age()
	if chance(r, 0.96) {
		c.BirthDate = g.birth(age, r.IntN(365))
	}
	interest := weighted(r, []float64{cosmetology: 35, fitness: 45, spa: 20})
	g.visits(&c, model.Statuses[weighted(r, []float64{9, 52, 17, 22})], interest)
	g.contacts(&c, p)
	g.consents(&c, p.female, age)
	w := make([]float64, len(sources))
	for i, s := range sources {
		w[i] = s.weight
	}
	c.Source = sources[weighted(r, w)].name
	g.texts(&c, p, age, interest)
	return Client{Client: c, Referrer: -1, Block: interest, Female: p.female}
}

// age draws an age from 18 to 69, mostly 25 to 45.
func (g *gen) age() int {
	switch u := g.r.Float64(); {
	case u < 0.12:
		return 18 + g.r.IntN(7)
	case u < 0.82:
		return 25 + g.r.IntN(21)
	case u < 0.95:
		return 46 + g.r.IntN(14)
	default:
		return 60 + g.r.IntN(10)
	}
}

// birth is the birth date of someone age years old whose birthday was
// daysAgo days ago (0–364).
func (g *gen) birth(age, daysAgo int) model.Date {
	d := g.today.AddDays(-daysAgo)
	return model.NewDate(d.Year()-age, d.Month(), d.Day())
}

func (g *gen) contacts(c *model.Client, p person) {
	r := g.r
	if chance(r, 0.97) {
		c.Phone = uniquePhone(r, g.phones)
	}
	if c.Phone == "" || p.latin || chance(r, 0.08) {
		local := latin(p.first) + "." + latin(p.last)
		if chance(r, 0.5) {
			local = latin(p.last) + fmt.Sprint(r.IntN(100))
		}
		c.Email = local + "@" + emailDomains[r.IntN(len(emailDomains))]
	}
}

func (g *gen) consents(c *model.Client, female bool, age int) {
	r := g.r
	contact := model.DateOf(c.CreatedAt)
	if chance(r, 0.94) {
		c.PDConsentAt = contact
	}
	if !c.PDConsentAt.IsZero() && c.VisitCount > 0 && chance(r, 0.3) {
		c.HealthConsentAt = c.FirstVisitOn
		if chance(r, 0.7) {
			c.Health = say(r, health, female, age)
		}
	}
	if chance(r, 0.6) {
		c.MarketingConsent, c.MarketingConsentAt = true, contact
	}
}

func (g *gen) texts(c *model.Client, p person, age, interest int) {
	r := g.r
	if chance(r, 0.7) {
		c.NeedsStated = say(r, stated[interest], p.female, age)
	}
	if c.VisitCount > 0 && chance(r, 0.45) {
		c.NeedsObserved = say(r, observed, p.female, age)
	}
	if chance(r, 0.5) {
		c.Goals = say(r, goals[interest], p.female, age)
	}
	switch {
	case p.latin:
		c.Notes = "Лучше говорит по-английски"
	case c.VisitCount > 3 && chance(r, 0.15):
		c.Notes = "Любимый мастер — " + shortName(g.masterFor(interest).Name)
	case chance(r, 0.3):
		c.Notes = say(r, notes, p.female, age)
	}
	var n int
	switch u := r.Float64(); {
	case c.VisitCount == 0:
		n = 0
	case u < 0.45:
		n = 0
	case u < 0.8:
		n = 1
	case u < 0.95:
		n = 2
	default:
		n = 3
	}
	c.Tags = pickTags(r, n)
}

// masterFor picks a specialist of the block the client comes to.
func (g *gen) masterFor(block int) Staff {
	var fit []Staff
	for _, s := range g.staff {
		if s.Block == block && s.Role != "директор блока" && s.Role != "администратор" {
			fit = append(fit, s)
		}
	}
	return fit[g.r.IntN(len(fit))]
}

// at is a moment on day d during opening hours, in UTC.
func (g *gen) at(d model.Date) time.Time {
	return d.Time().Add(time.Duration(9*60+g.r.IntN(11*60)) * time.Minute)
}
