package demo

import (
	"slices"
	"strings"

	"companion/model"
)

// slot is a program the demo wants: its status and, for an active one,
// whether it is behind its schedule.
type slot struct {
	status string
	behind bool
}

// slots are the programs of a demo salon, mixed so that the first few hold
// every status: about thirty, most of them followed now.
var slots = func() []slot {
	kinds := []struct {
		slot
		n int
	}{{slot{model.ProgramActive, false}, 9}, {slot{model.ProgramActive, true}, 6},
		{slot{model.ProgramCompleted, false}, 6}, {slot{model.ProgramDraft, false}, 5},
		{slot{model.ProgramCancelled, false}, 4}}
	var out []slot
	for more := true; more; {
		more = false
		for k := range kinds {
			if kinds[k].n > 0 {
				out, more = append(out, kinds[k].slot), true
				kinds[k].n--
			}
		}
	}
	return out
}()

// maxTries bounds the clients looked at for one program.
const maxTries = 400

// programs gives about one client in ten, thirty at most, a program.
func (p *planner) programs() {
	n := min(len(slots), len(p.d.Clients)/10)
	order := p.r.Perm(len(p.d.Clients))
	next := 0
	for _, sl := range slots[:n] {
		for tries := 0; tries < min(maxTries, len(order)); tries++ {
			ci := order[next%len(order)]
			next++
			if p.try(ci, sl) {
				break
			}
		}
	}
}

// overrides are the reasons a manager gives for keeping a contraindicated
// service in a program; a service contraindicated for anything else is
// left out of it.
var overrides = map[string]string{
	hypertension: "Давление держится в норме на препаратах, терапевт разрешил умеренную нагрузку — меряем давление перед каждым визитом",
	varicose:     "Флеболог разрешил щадящий режим без воздействия на ноги — заключение в карте клиента",
	thrombosis:   "Тромбофлебит в ремиссии, сосудистый хирург разрешил процедуру без зоны ног — справка в карте клиента",
}

var (
	draftNotes = []string{"Обсудить с клиентом расписание и оплату частями", "Ждём заключение терапевта перед стартом",
		"Клиент думает, перезвонить в пятницу", ""}
	cancelNotes = []string{"Отменена по просьбе клиента: сменился график работы",
		"Отменена: долгая командировка, вернуться к программе через два месяца",
		"Отменена: врач запретил нагрузки до конца лечения", "Отменена: клиент переехал в другой район"}
)

// try makes the program sl for client ci, with its sessions among the
// visits, and reports whether the client fits it.
func (p *planner) try(ci int, sl slot) bool {
	c := p.d.Clients[ci].Client
	if p.taken[ci] || c.VisitCount == 0 || c.PreferredDays == 0 {
		return false
	}
	var fit []recipe
	for _, rc := range recipes {
		if rc.block == p.d.Clients[ci].Block && (rc.template || chance(p.r, 0.4)) {
			fit = append(fit, rc)
		}
	}
	if len(fit) == 0 {
		return false
	}
	rc := fit[p.r.IntN(len(fit))]
	start, ok := p.startFor(sl, rc, c)
	if !ok {
		return false
	}
	prog, rec := p.compose(ci, rc, sl, start)
	if prog == nil {
		return false
	}
	done, stop := p.sessions(prog, sl)
	staged := p.stage(ci, prog, done)
	if !p.fits(ci, prog, staged, sl) {
		return false
	}
	p.dates(prog, c, sl, stop)
	for day, lines := range staged {
		if p.added[ci] == nil {
			p.added[ci] = map[model.Date][]Line{}
		}
		p.added[ci][day] = append(p.added[ci][day], lines...)
	}
	p.taken[ci] = true
	p.timeline(prog, sl, stop)
	p.d.Programs = append(p.d.Programs, *prog)
	if rec != nil {
		rec.Program = len(p.d.Programs) - 1
		p.d.Recommendations = append(p.d.Recommendations, *rec)
		p.advised[[2]int{ci, rec.Service}] = true
	}
	return true
}

// startFor picks the program's first day for its status, and reports
// whether the client was coming then: a program is made for a client who
// has been, and followed while they come.
func (p *planner) startFor(sl slot, rc recipe, c model.Client) (model.Date, bool) {
	t, r := p.today, p.r
	var start model.Date
	recent := t.AddDays(-30)
	switch {
	case sl.status == model.ProgramDraft:
		start, recent = t.AddDays(1+r.IntN(10)), t.AddDays(-60)
	case sl.status == model.ProgramActive && !sl.behind:
		start = t.AddDays(-7 - r.IntN(7*rc.weeks-10))
	case sl.status == model.ProgramActive:
		start, recent = t.AddDays(-14-r.IntN(max(1, 7*rc.weeks-17))), t.AddDays(-60)
	case sl.status == model.ProgramCompleted:
		start = t.AddDays(-10 - r.IntN(150) - 7*rc.weeks)
		recent = start
	default:
		start = t.AddDays(-20 - r.IntN(180))
		recent = start
	}
	return start, !c.FirstVisitOn.After(min2(start, t)) && !c.LastVisitOn.Before(recent)
}

func min2(a, b model.Date) model.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// compose makes the program of a recipe for client ci: the client's days,
// the specialists they see, their card for the trainings it pays, the
// contraindicated services left out but for one the manager kept with a
// reason, and for some open programs a service a specialist recommended.
func (p *planner) compose(ci int, rc recipe, sl slot, start model.Date) (*Program, *Recommendation) {
	c := p.d.Clients[ci].Client
	prog := &Program{Client: ci, Card: -1, Program: model.Program{Title: rc.title, Goal: rc.goal,
		WeightChangeKg: rc.weight, WaistChangeCm: rc.waist, StartOn: start, GoalBy: start.AddDays(7 * rc.weeks),
		Days: c.PreferredDays, TimeOfDay: c.PreferredTime, Status: sl.status}}
	steps := slices.Clone(rc.steps)
	card := p.cardFor(ci, min2(start, p.today))
	if card >= 0 && rc.gym && p.cardCovers(card, "Тренажёрный зал, разовое посещение") {
		steps = append(steps, step{"Тренажёрный зал, разовое посещение", rc.weeks, 1})
	}
	var rec *Recommendation
	if sl.status == model.ProgramDraft || sl.status == model.ProgramActive {
		var extra step
		if rec, extra = p.advise(ci, steps, start); rec != nil {
			steps = append(steps, extra)
		}
	}
	dropped, kept := 0, false
	for _, st := range steps {
		it, ok := p.item(ci, st, card, &kept)
		if !ok {
			dropped++
			continue
		}
		if it.ByCard {
			prog.Card = card
		}
		prog.Items = append(prog.Items, it)
	}
	if dropped > 1 || len(prog.Items) < 2 {
		return nil, nil
	}
	if chance(p.r, 0.3) { // 5 % off, in whole hundreds of roubles
		var total model.Money
		for _, it := range prog.Items {
			total += model.Money(it.Sessions) * it.Price
		}
		prog.Discount = total / 20 / model.Rub(100) * model.Rub(100)
	}
	return prog, rec
}

// item makes a step into an item for client ci: the specialist of the
// service's role the client has seen most, paid by the card when the card
// covers it; false when the service is contraindicated and either another
// item is kept already or no reason would do.
func (p *planner) item(ci int, st step, card int, kept *bool) (ProgramItem, bool) {
	si := p.service[st.service]
	sv := p.d.Services[si]
	it := ProgramItem{Service: si, Staff: p.staffFor(ci, sv.Role), ProgramItem: model.ProgramItem{Name: sv.Name,
		Price: sv.Price, Sessions: st.sessions, PerWeek: st.perWeek}}
	if found := p.contra(ci, si); len(found) > 0 {
		reason := overrides[found[0]]
		if *kept || len(found) > 1 || reason == "" {
			return it, false
		}
		it.Contraindicated, it.Override, *kept = found[0], reason, true
	}
	it.ByCard = card >= 0 && p.cardCovers(card, sv.Name)
	return it, true
}

// contra lists the client's conditions that service si is not for, as the
// store finds them: from the health notes given with consent.
func (p *planner) contra(ci, si int) []string {
	c := p.d.Clients[ci]
	if c.HealthConsentAt.IsZero() || strings.TrimSpace(c.Health) == "" {
		return nil
	}
	return model.MatchContraindications(p.d.Services[si].Contraindications, c.Health)
}

// staffFor is the specialist of role the client has seen most, or one of
// them; -1 when the role is nobody's.
func (p *planner) staffFor(ci int, role string) int {
	fit := p.masters[role]
	if role == "" || len(fit) == 0 {
		return -1
	}
	seen := map[int]int{}
	best := fit[p.r.IntN(len(fit))]
	sp := p.spans[ci]
	for _, v := range p.d.Visits[sp[0]:sp[1]] {
		for _, l := range v.Lines {
			if l.Staff >= 0 && p.d.Staff[l.Staff].Role == role {
				seen[l.Staff]++
				if seen[l.Staff] > seen[best] {
					best = l.Staff
				}
			}
		}
	}
	return best
}
