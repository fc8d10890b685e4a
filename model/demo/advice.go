package demo

import (
	"slices"

	"companion/model"
)

// advice is what a specialist of a role recommends, and why: a service,
// for a client who had another one before when after names it, in so many
// sessions a week when it goes into a program.
type advice struct {
	role, service, reason, after string
	sessions, perWeek            int
}

var advices = []advice{
	{"косметолог-эстетист", "Биоревитализация", "Кожа обезвожена после курса пилингов — рекомендую биоревитализацию",
		"Пилинг миндальный", 3, 1},
	{"врач-косметолог", "Пилинг ретиноевый (жёлтый)", "Пигментация после лета не уходит от миндального пилинга — нужен ретиноевый, две процедуры до весны",
		"Пилинг миндальный", 2, 1},
	{"косметолог-эстетист", "Альгинатная маска", "Кожа долго краснеет после чистки — альгинатная маска сразу после процедуры",
		"Чистка лица комбинированная", 2, 1},
	{"косметолог-эстетист", "Крем SPF 50, 50 мл", "Идёт курс пилингов, а защиты от солнца дома нет — без SPF пигментация вернётся",
		"Пилинг миндальный", 1, 1},
	{"врач-косметолог", "Микротоковая терапия лица", "Утренние отёки и поплывший овал — микротоки курсом, раз в неделю", "", 6, 1},
	{"врач-косметолог", "Уходовая процедура по типу кожи", "Кожа сухая и тусклая, домашнего ухода не хватает — уходовые процедуры раз в неделю", "", 4, 1},
	{"мастер бровей и ресниц", "Ламинирование ресниц", "Ресницы ломкие после наращивания — ламинирование с восстанавливающим составом", "", 1, 1},
	{"тренер", "Лимфодренажный массаж", "Вес уходит, а к вечеру ноги отекают — добавить лимфодренаж", "", 6, 1},
	{"тренер", "Массаж шейно-воротниковой зоны", "Зажаты трапеции, голова уходит вперёд — массаж воротниковой зоны раз в неделю", "", 4, 1},
	{"тренер", "Замеры и фитнес-тестирование", "Месяц без замеров — проверить, как идёт программа, и поправить нагрузку", "", 2, 1},
	{"тренер", "Группа «Здоровая спина»", "Жалуется на поясницу после приседаний — нужна стабилизация корпуса", "", 8, 2},
	{"тренер", "Протеиновый коктейль", "Тренируется сразу после работы на голодный желудок — коктейль после тренировки", "", 1, 1},
	{"тренер", "Персональная тренировка", "Техника приседа и тяги нестабильна, одному заниматься рискованно — четыре занятия с тренером", "", 4, 1},
	{"инструктор по йоге", "Стретчинг, группа", "Мало подвижности в тазобедренных суставах — стретчинг раз в неделю", "", 4, 1},
	{"инструктор по йоге", "Индивидуальное занятие йогой", "Стесняется в группе и пропускает перевёрнутые позы — два индивидуальных занятия", "", 2, 1},
	{"инструктор по йоге", "Массаж спины, 30 минут", "После практики жалуется на скованность в грудном отделе — массаж спины", "", 4, 1},
	{"массажист", "Хаммам с пилингом", "Кожа на спине сухая и шелушится — хаммам с пилингом перед массажем", "", 2, 1},
	{"массажист", "Группа «Здоровая спина»", "Спазм в пояснице возвращается через неделю — массаж снимает боль, но мышцы надо укреплять", "", 8, 2},
	{"массажист", "Водорослевое обёртывание", "После лимфодренажа хорошо уходит объём — закрепить обёртываниями",
		"Лимфодренажный массаж", 4, 1},
	{"мастер СПА", "Масло для тела, 100 мл", "Кожа сухая после хаммама — масло для домашнего ухода", "Хаммам с пилингом", 1, 1},
	{"мастер СПА", "Классический массаж, 60 минут", "Жалуется на бессонницу и напряжение — расслабляющий массаж по вечерам", "", 4, 1},
	{"мастер СПА", "Антицеллюлитный массаж", "Неровный рельеф кожи на бёдрах — курс антицеллюлитного массажа к лету", "", 8, 2},
}

// maxAdded is how many recommendations the demo adds to programs.
const maxAdded = 5

// advise picks, for some open programs, a service a specialist who sees
// the client recommended and the manager added: a service, not goods, not
// in the program already and not contraindicated for the client.
func (p *planner) advise(ci int, steps []step, start model.Date) (*Recommendation, step) {
	added := 0
	for _, r := range p.d.Recommendations {
		if r.Decision == model.RecAdded {
			added++
		}
	}
	if added >= maxAdded || !chance(p.r, 0.5) {
		return nil, step{}
	}
	c := p.d.Clients[ci]
	on := min2(start, p.today).AddDays(-1 - p.r.IntN(5))
	if on.Before(c.FirstVisitOn) {
		on = c.FirstVisitOn
	}
	var fit []advice
	for _, a := range advices {
		si, ok := p.service[a.service]
		if ok && p.d.Services[si].Kind == "service" && p.blockOf(a.role) == c.Block && p.fine(ci, si, a, on) &&
			!slices.ContainsFunc(steps, func(s step) bool { return s.service == a.service }) {
			fit = append(fit, a)
		}
	}
	if len(fit) == 0 {
		return nil, step{}
	}
	a := fit[p.r.IntN(len(fit))]
	rec := &Recommendation{Client: ci, Staff: p.staffFor(ci, a.role), Service: p.service[a.service], Program: -1,
		Recommendation: model.Recommendation{Reason: a.reason, On: on, Decision: model.RecAdded,
			DecidedOn: min2(on.AddDays(p.r.IntN(3)), p.today), CreatedAt: p.at(on)}}
	return rec, step{a.service, a.sessions, a.perWeek}
}

// fine reports whether service si may be recommended to client ci on day
// on: not contraindicated, not recommended to them before, and after the
// service the advice follows.
func (p *planner) fine(ci, si int, a advice, on model.Date) bool {
	if len(p.contra(ci, si)) > 0 || p.advised[[2]int{ci, si}] {
		return false
	}
	if a.after == "" {
		return true
	}
	sp := p.spans[ci]
	for _, v := range p.d.Visits[sp[0]:sp[1]] {
		for _, l := range v.Lines {
			if !v.On.After(on) && p.d.Services[l.Service].Name == a.after {
				return true
			}
		}
	}
	return false
}

// blockOf is the block of the staff of a role, or -1.
func (p *planner) blockOf(role string) int {
	if fit := p.masters[role]; len(fit) > 0 {
		return p.d.Staff[fit[0]].Block
	}
	return -1
}

// recKind is a recommendation the demo wants: the manager's decision and
// how many days ago (from, to) the specialist made it.
type recKind struct {
	decision string
	from, to int
}

var (
	waitingNew = recKind{model.RecWaiting, 0, 6}
	waitingOld = recKind{model.RecWaiting, 8, 25}
	declined   = recKind{model.RecDeclined, 10, 75}
	postponed  = recKind{model.RecPostponed, 3, 35}
	// recKinds are the recommendations not added to a program, mixed so
	// that the first few hold every decision.
	recKinds = []recKind{waitingNew, declined, postponed, waitingOld, waitingNew, declined, postponed, waitingNew,
		declined, waitingOld, postponed, waitingNew, declined, postponed, waitingNew, waitingOld, declined, postponed,
		waitingNew, declined}

	declineNotes = []string{"Сейчас не по бюджету — вернуться к вопросу после отпуска",
		"Нет времени на ещё одну процедуру в неделю", "Делает то же самое в другом салоне рядом с домом",
		"Решили сначала закончить текущий курс", "Не хочет менять мастера, пока идёт курс"}
	declineGoods  = []string{"Уже пользуется похожим средством из аптеки", "Не сейчас — возьмёт в следующий раз"}
	postponeNotes = []string{"Вернуться после курса чисток", "После отпуска — клиент уезжает на две недели",
		"Обсудить вместе с продлением абонемента", "Перезвонить после зарплаты", "Решит после консультации с врачом"}
)

// recommendations adds, for about one client in twelve (twenty at most),
// what a specialist they saw recommended and what the manager decided.
func (p *planner) recommendations() {
	n := min(len(recKinds), len(p.d.Clients)/12)
	order := p.r.Perm(len(p.d.Clients))
	next := 0
	for _, k := range recKinds[:n] {
		for tries := 0; tries < min(maxTries, len(order)); tries++ {
			ci := order[next%len(order)]
			next++
			if p.recommend(ci, k) {
				break
			}
		}
	}
}

// recommend makes a recommendation of kind k for client ci by a specialist
// who served them on their latest visit in k's days, and reports whether
// there was one with something to recommend.
func (p *planner) recommend(ci int, k recKind) bool {
	lo, hi := p.today.AddDays(-k.to), p.today.AddDays(-k.from)
	sp := p.spans[ci]
	for vi := sp[1] - 1; vi >= sp[0]; vi-- {
		v := p.d.Visits[vi]
		if v.On.After(hi) {
			continue
		}
		if v.On.Before(lo) {
			return false
		}
		for _, l := range v.Lines {
			if l.Staff < 0 {
				continue
			}
			var fit []advice
			for _, a := range advices {
				si, ok := p.service[a.service]
				if ok && a.role == p.d.Staff[l.Staff].Role && si != l.Service && p.fine(ci, si, a, v.On) {
					fit = append(fit, a)
				}
			}
			if len(fit) > 0 {
				p.decide(ci, l.Staff, fit[p.r.IntN(len(fit))], v.On, k)
				return true
			}
		}
	}
	return false
}

// decide records the recommendation with the manager's decision.
func (p *planner) decide(ci, staff int, a advice, on model.Date, k recKind) {
	si := p.service[a.service]
	rec := Recommendation{Client: ci, Staff: staff, Service: si, Program: -1,
		Recommendation: model.Recommendation{Reason: a.reason, On: on, Decision: k.decision, CreatedAt: p.at(on)}}
	switch k.decision {
	case model.RecDeclined:
		notes := declineNotes
		if p.d.Services[si].Kind == "product" {
			notes = declineGoods
		}
		rec.Note = notes[p.r.IntN(len(notes))]
		rec.DecidedOn = min2(on.AddDays(1+p.r.IntN(4)), p.today)
	case model.RecPostponed:
		rec.Note = postponeNotes[p.r.IntN(len(postponeNotes))]
		rec.DecidedOn = min2(on.AddDays(1+p.r.IntN(3)), p.today)
		rec.PostponedTo = p.today.AddDays(5 + p.r.IntN(40))
	}
	p.d.Recommendations = append(p.d.Recommendations, rec)
	p.advised[[2]int{ci, si}] = true
}
