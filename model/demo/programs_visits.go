package demo

import (
	"slices"
	"time"

	"companion/model"
)

// sessions picks the program's sessions the client came to by today: all
// of a completed one's; of an active one on schedule all due but perhaps
// one; of one behind the first third to a half of those due, after which
// the client stopped coming; of a cancelled one those of its first weeks,
// with the day it was cancelled.
func (p *planner) sessions(prog *Program, sl slot) ([]model.Session, model.Date) {
	var due []model.Session
	for _, s := range model.PlaceSchedule(modelOf(*prog)) {
		if !s.On.After(p.today) {
			due = append(due, s)
		}
	}
	switch {
	case sl.status == model.ProgramDraft:
		return nil, model.Date{}
	case sl.status == model.ProgramCompleted:
		return due, model.Date{}
	case sl.status == model.ProgramActive && sl.behind:
		return due[:len(due)*(30+p.r.IntN(21))/100], model.Date{}
	case sl.status == model.ProgramActive:
		if len(due) >= 8 {
			skip := 1 + p.r.IntN(len(due)-1)
			due = slices.Delete(due, skip, skip+1)
		}
		return due, model.Date{}
	}
	stop := prog.StartOn.AddDays(7 * (1 + p.r.IntN(3)))
	var done []model.Session
	for _, s := range due {
		if s.On.Before(stop) {
			done = append(done, s)
		}
	}
	return done, min2(stop.AddDays(2+p.r.IntN(6)), p.today)
}

// stage makes the visit lines of the sessions done, by day, leaving out a
// service the client already had that day. A training the card pays for
// is taken from the card when the card can take it that day.
func (p *planner) stage(ci int, prog *Program, done []model.Session) map[model.Date][]Line {
	had := map[model.Date]map[int]bool{}
	mark := func(day model.Date, service int) bool {
		if had[day] == nil {
			had[day] = map[int]bool{}
		}
		seen := had[day][service]
		had[day][service] = true
		return seen
	}
	sp := p.spans[ci]
	for _, v := range p.d.Visits[sp[0]:sp[1]] {
		for _, l := range v.Lines {
			mark(v.On, l.Service)
		}
	}
	out := map[model.Date][]Line{}
	byCard := 0
	for _, s := range done {
		it := prog.Items[s.Item]
		if mark(s.On, it.Service) {
			continue
		}
		l := Line{Service: it.Service, Staff: it.Staff, Qty: 1, Price: it.Price, Card: -1}
		if it.ByCard && p.cardTakes(ci, prog.Card, s.On, byCard) {
			l.Card = prog.Card
			byCard++
		}
		out[s.On] = append(out[s.On], l)
	}
	return out
}

// fits reports whether the program with the lines staged stands as its
// slot wants it by today, measured as the store measures it.
func (p *planner) fits(ci int, prog *Program, staged map[model.Date][]Line, sl slot) bool {
	if sl.status == model.ProgramDraft || sl.status == model.ProgramCancelled {
		return true
	}
	mp := modelOf(*prog)
	pr := model.ProgressOf(mp, model.PlaceSchedule(mp), p.done(ci, staged), nil, p.today)
	if sl.status == model.ProgramCompleted {
		return pr.Done == pr.Planned
	}
	return pr.Due > 0 && pr.Behind == sl.behind
}

// done lists the services client ci received, the visits' and the staged
// lines', by day.
func (p *planner) done(ci int, staged map[model.Date][]Line) []model.SessionDone {
	var out []model.SessionDone
	add := func(day model.Date, lines []Line) {
		for _, l := range lines {
			out = append(out, model.SessionDone{On: day, ServiceID: uint(l.Service + 1), Qty: l.Qty})
		}
	}
	sp := p.spans[ci]
	for _, v := range p.d.Visits[sp[0]:sp[1]] {
		add(v.On, v.Lines)
	}
	for _, day := range sortedDays(staged) {
		add(day, staged[day])
	}
	slices.SortStableFunc(out, func(a, b model.SessionDone) int { return a.On.DaysSince(b.On) })
	return out
}

func sortedDays(m map[model.Date][]Line) []model.Date {
	days := make([]model.Date, 0, len(m))
	for d := range m {
		days = append(days, d)
	}
	slices.SortFunc(days, func(a, b model.Date) int { return a.DaysSince(b) })
	return days
}

// dates gives the program the days it was made and last changed, and the
// manager's note on a draft or a cancelled one.
func (p *planner) dates(prog *Program, c model.Client, sl slot, stop model.Date) {
	made := prog.StartOn.AddDays(-1 - p.r.IntN(5))
	if sl.status == model.ProgramDraft {
		made = p.today.AddDays(-p.r.IntN(4))
	}
	if made.Before(c.FirstVisitOn) {
		made = c.FirstVisitOn
	}
	prog.CreatedAt = p.at(made)
	prog.UpdatedAt = prog.CreatedAt
	switch sl.status {
	case model.ProgramCompleted:
		prog.UpdatedAt = p.at(min2(prog.GoalBy, p.today))
	case model.ProgramCancelled:
		prog.UpdatedAt = p.at(stop)
		prog.Notes = cancelNotes[p.r.IntN(len(cancelNotes))]
	case model.ProgramDraft:
		prog.Notes = draftNotes[p.r.IntN(len(draftNotes))]
	}
}

// cardFor is the client's latest card bought by day and in use on it, or -1.
func (p *planner) cardFor(ci int, day model.Date) int {
	cs := p.cards[ci]
	for k := len(cs) - 1; k >= 0; k-- {
		c := p.d.Cards[cs[k]]
		if c.SoldOn.After(day) || c.ValidFrom.IsZero() {
			continue
		}
		used, _ := p.cardUsed(ci, cs[k], day)
		st := model.CardStateOf(c.Card, p.d.CardTypes[c.Type], p.freezes[cs[k]], used, c.ValidFrom, day)
		if st.Status == model.CardActive || st.Status == model.CardFrozen {
			return cs[k]
		}
	}
	return -1
}

func (p *planner) cardCovers(card int, service string) bool {
	return slices.Contains(cardKinds[p.d.Cards[card].Type].covers, service)
}

// cardUsed counts the visits taken from card k by the end of day, and
// reports whether any is taken later.
func (p *planner) cardUsed(ci, k int, day model.Date) (int, bool) {
	used, later := 0, false
	sp := p.spans[ci]
	for _, v := range p.d.Visits[sp[0]:sp[1]] {
		for _, l := range v.Lines {
			switch {
			case l.Card != k:
			case v.On.After(day):
				later = true
			default:
				used += l.Qty
			}
		}
	}
	return used, later
}

// cardTakes reports whether card k takes one more visit on day after the
// staged ones. A card of so many visits takes none before a visit already
// taken from it, whose count it would change.
func (p *planner) cardTakes(ci, k int, day model.Date, staged int) bool {
	c := p.d.Cards[k]
	ct := p.d.CardTypes[c.Type]
	if c.ValidFrom.IsZero() || day.Before(c.SoldOn) {
		return false
	}
	used, later := p.cardUsed(ci, k, day)
	if later && ct.Visits > 0 {
		return false
	}
	st := model.CardStateOf(c.Card, ct, p.freezes[k], used+staged, c.ValidFrom, day)
	return model.CardFor(st, 1) == nil
}

// applyVisits puts the programs' sessions among the visits: into the
// client's visit of the day, or a visit of their own, each client's visits
// still in order; the clients' visit summaries follow.
func (p *planner) applyVisits() {
	d := p.d
	if len(p.added) == 0 {
		return
	}
	out := make([]Visit, 0, len(d.Visits)+len(p.added)*8)
	for ci := range d.Clients {
		sp := p.spans[ci]
		own := d.Visits[sp[0]:sp[1]]
		if len(p.added[ci]) == 0 {
			out = append(out, own...)
			continue
		}
		merged := slices.Clone(own)
		for _, day := range sortedDays(p.added[ci]) {
			lines := p.added[ci][day]
			if k := slices.IndexFunc(merged, func(v Visit) bool { return v.On == day }); k >= 0 {
				merged[k].Lines = append(slices.Clone(merged[k].Lines), lines...)
			} else {
				merged = append(merged, Visit{Client: ci, On: day, Lines: lines})
			}
		}
		slices.SortStableFunc(merged, func(a, b Visit) int { return a.On.DaysSince(b.On) })
		out = append(out, merged...)
		c := &d.Clients[ci]
		c.VisitCount, c.FirstVisitOn, c.LastVisitOn = len(merged), merged[0].On, merged[len(merged)-1].On
		if t := c.LastVisitOn.Time().Add(19 * time.Hour); t.After(c.UpdatedAt) {
			c.UpdatedAt = t
		}
	}
	d.Visits = out
	p.findSpans()
}

// findSpans finds each client's visits in d.Visits.
func (p *planner) findSpans() {
	p.spans = make([][2]int, len(p.d.Clients))
	for i, v := range p.d.Visits {
		if sp := &p.spans[v.Client]; sp[1] == 0 {
			sp[0], sp[1] = i, i+1
		} else {
			sp[1] = i + 1
		}
	}
}

// timeline writes the program into the client's timeline: the meeting it
// was made at, and how it ended. Like any later contact, each counts as
// the next contact the client's earlier ones asked for by then.
func (p *planner) timeline(prog *Program, sl slot, stop model.Date) {
	made := model.DateOf(prog.CreatedAt)
	outcome := "Составили программу «" + prog.Title + "», согласовали расписание"
	var next model.Date
	if sl.status == model.ProgramDraft {
		outcome, next = "Предложили программу «"+prog.Title+"», клиент думает", made.AddDays(7)
	}
	p.contact(prog.Client, made, model.ContactConsultation, "in_person", outcome, next)
	switch sl.status {
	case model.ProgramCompleted:
		p.contact(prog.Client, model.DateOf(prog.UpdatedAt), model.ContactVisit, "in_person",
			"Программа «"+prog.Title+"» пройдена, обсудили поддерживающий курс", model.Date{})
	case model.ProgramCancelled:
		p.contact(prog.Client, stop, model.ContactCall, "phone", prog.Notes, model.Date{})
	}
}

func (p *planner) contact(ci int, day model.Date, kind model.ContactKind, channel, outcome string, next model.Date) {
	for k := range p.d.Contacts {
		c := &p.d.Contacts[k].Contact
		if p.d.Contacts[k].Client == ci && !c.On.After(day) && !c.NextOn.IsZero() && !c.NextOn.After(day) {
			c.NextDone = true
		}
	}
	p.d.Contacts = append(p.d.Contacts, Contact{Client: ci, Contact: model.Contact{On: day, Kind: kind,
		Channel: channel, Outcome: outcome, NextOn: next, CreatedAt: p.at(day)}})
}
