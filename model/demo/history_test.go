package demo

import (
	"testing"

	"companion/model"
)

// TestHistoryIsWhatTheStoreAccepts checks the year of history against the
// model's own rules: every visit, card line, assessment and contact as the
// store would take it, and the visits agreeing with each client's summary.
func TestHistoryIsWhatTheStoreAccepts(t *testing.T) {
	d := Salon(1, today, 3000)
	type summary struct {
		n           int
		first, last model.Date
	}
	seen := make([]summary, len(d.Clients))
	used := map[int]int{}
	freezes := map[int][]model.CardFreeze{}
	for _, f := range d.Freezes {
		freezes[f.Card] = append(freezes[f.Card], model.CardFreeze{From: f.From, To: f.To})
	}
	cardLines := 0
	for vi, v := range d.Visits {
		mv := model.Visit{ClientID: 1, On: v.On, Notes: v.Notes}
		for _, l := range v.Lines {
			s := d.Services[l.Service]
			ml := model.VisitLine{Name: s.Name, Qty: l.Qty, Price: l.Price, Discount: l.Discount, PaidBy: model.PaidMoney}
			if l.Card >= 0 {
				id := uint(l.Card + 1)
				ml.PaidBy, ml.CardID = model.PaidCard, &id
				c := d.Cards[l.Card]
				if c.Client != v.Client || v.On.Before(c.SoldOn) {
					t.Fatalf("visit %d takes from card %d of client %d sold %s", vi, l.Card, c.Client, c.SoldOn)
				}
				st := model.CardStateOf(c.Card, d.CardTypes[c.Type], freezes[l.Card], used[l.Card], c.ValidFrom, v.On)
				if fe := model.CardFor(st, l.Qty); fe != nil {
					t.Fatalf("visit %d on %s: card %d refuses: %v (%+v)", vi, v.On, l.Card, fe, st)
				}
				used[l.Card] += l.Qty
				cardLines++
			}
			if l.Staff >= 0 && d.Staff[l.Staff].Block != s.Block {
				t.Errorf("visit %d: %s done by %s of another block", vi, s.Name, d.Staff[l.Staff].Name)
			}
			mv.Lines = append(mv.Lines, ml)
		}
		if err := mv.Validate(today); err != nil {
			t.Fatalf("visit %d: %v", vi, err)
		}
		s := &seen[v.Client]
		if s.n == 0 || v.On.Before(s.first) {
			s.first = v.On
		}
		if s.n == 0 || v.On.After(s.last) {
			s.last = v.On
		}
		s.n++
	}
	for i, c := range d.Clients {
		if s := seen[i]; s.n != c.VisitCount || s.n > 0 && (s.first != c.FirstVisitOn || s.last != c.LastVisitOn) {
			t.Fatalf("client %d: visits %d %s–%s, summary %d %s–%s", i, s.n, s.first, s.last, c.VisitCount,
				c.FirstVisitOn, c.LastVisitOn)
		}
	}
	statuses := map[model.CardStatus]int{}
	for i, c := range d.Cards {
		c.ClientID, c.TypeID = 1, 1
		if err := c.Validate(today); err != nil {
			t.Errorf("card %d: %v", i, err)
		}
		first := c.ValidFrom
		statuses[model.CardStateOf(c.Card, d.CardTypes[c.Type], freezes[i], used[i], first, today).Status]++
	}
	for _, st := range model.CardStatuses {
		if statuses[st] == 0 {
			t.Errorf("no card is %s: %v", st, statuses)
		}
	}
	for i, a := range d.Assessments {
		if err := a.Validate(today); err != nil || d.Clients[a.Client].HealthConsentAt.IsZero() {
			t.Fatalf("assessment %d of %s: %v", i, d.Clients[a.Client].FullName(), err)
		}
	}
	due, overdue, leads := 0, 0, 0
	for i, c := range d.Contacts {
		c.ClientID = 1
		if err := c.Validate(today); err != nil {
			t.Fatalf("contact %d: %v", i, err)
		}
		if c.Due(today) {
			if c.OverdueDays(today) == 0 {
				due++
			} else {
				overdue++
			}
			if d.Clients[d.Contacts[i].Client].VisitCount == 0 {
				leads++
			}
		}
	}
	t.Logf("%d visits (%d card lines), %d cards %v, %d freezes, %d assessments, %d contacts: %d due today, %d overdue (%d leads)",
		len(d.Visits), cardLines, len(d.Cards), statuses, len(d.Freezes), len(d.Assessments), len(d.Contacts), due, overdue, leads)
	if due == 0 || overdue == 0 || leads == 0 || cardLines < len(d.Visits)/5 || len(d.Assessments) < len(d.Clients)/20 {
		t.Error("the history is too thin for the Today page")
	}
}

func TestSmallSalonHasAUsefulToday(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	due := 0
	for _, c := range d.Contacts {
		if c.Due(today) {
			due++
		}
	}
	if due < 3 || due > 75 || len(d.Visits) < 1000 { // seeds 1–20 give 45–69 due
		t.Errorf("a salon of %d clients has %d visits and %d follow-ups due", len(d.Clients), len(d.Visits), due)
	}
}
