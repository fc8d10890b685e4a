// Package demo makes up a believable salon — blocks, staff and clients with
// a year of visits — so the app can be shown, tried and measured without
// anybody's real personal data.
package demo

import (
	"math/rand/v2"
	"sort"

	"companion/model"
)

// DefaultClients is how many clients a demo salon has unless asked otherwise:
// about what a small salon gathers in its first year.
const DefaultClients = 320

// Data is a demo salon, ready for the store to write. Links between records
// are indexes into the slices, because the IDs exist only once stored.
type Data struct {
	Today   model.Date // the day the salon was made up for
	Blocks  []model.Block
	Staff   []Staff
	Clients []Client // in the order they first came, so referrers come first

	// A year of history: the catalogue, the cards sold, the visits with
	// their lines, assessments and the contact timeline.
	Services    []Service
	CardTypes   []model.CardType
	Cards       []Card
	Freezes     []Freeze
	Visits      []Visit // by client, each client's in order
	Assessments []Assessment
	Contacts    []Contact

	// What the programs feature works with: the salon's name on a
	// program's sheet, the templates, the clients' programs (whose
	// sessions are among the visits) and the specialists' recommendations.
	SalonName       string
	Templates       []Template
	Programs        []Program
	Recommendations []Recommendation

	// A year of payroll: the schemes, entries and recognitions, the
	// months to approve.
	Payroll Payroll

	// Quality: the standards, a year of feedback, check rounds, proposals.
	Quality Quality

	// Sales: offers, new services told, promotions, ambassadors' asks.
	Sales Sales

	// Hiring: candidates with the interviewers' forms, development plans.
	Hiring Hiring
}

// Staff is a member of staff with the index in Data.Blocks of their block.
type Staff struct {
	model.Staff
	Block int
}

// Client is a client with the index in Data.Clients of the earlier client
// who referred them, or -1; the block they come to and whether a woman.
type Client struct {
	model.Client
	Referrer int
	Block    int
	Female   bool
}

// Salon makes up a salon of the given number of clients as it stands on day
// today. The same seed always gives the same salon.
func Salon(seed int64, today model.Date, clients int) Data {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5a1017))
	d := Data{Today: today}
	d.Blocks, d.Staff = makeStaff(r, today)
	g := &gen{r: r, today: today, staff: d.Staff, phones: map[string]bool{}}
	for _, s := range d.Staff {
		g.phones[s.Phone] = true
	}
	cs := make([]Client, max(clients, 0))
	for i := range cs {
		cs[i] = g.client()
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].CreatedAt.Before(cs[j].CreatedAt) })
	g.referrers(cs)
	g.birthdaysThisWeek(cs)
	for i := range cs {
		cs[i].UUID = newUUID(r)
	}
	d.Clients = cs
	history(&d, seed)
	programs(&d, seed)
	payroll(&d, seed)
	quality(&d, seed)
	sales(&d, seed)
	d.Hiring = hiringOf(rand.New(rand.NewPCG(uint64(seed), 0x41e1)), &d)
	return d
}
