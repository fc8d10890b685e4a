package demo

import (
	"math/rand/v2"
	"strings"
	"time"

	"companion/model"
)

// SalonName is what the demo salon is called on what a client takes home.
const SalonName = "Студия красоты и здоровья «Гармония»"

// Template is a program template whose items name their services by index
// in Data.Services; the embedded template's own Items stay empty.
type Template struct {
	model.ProgramTemplate
	Items []TemplateItem
}

// TemplateItem is an item of a template with its service, Data.Services[Service].
type TemplateItem struct {
	model.TemplateItem
	Service int
}

// Program is a program of Data.Clients[Client], paid in part by
// Data.Cards[Card] (-1: no card). Its items are in Items; the embedded
// program's own Items stay empty.
type Program struct {
	model.Program
	Client, Card int
	Items        []ProgramItem
}

// ProgramItem is an item of a program: Data.Services[Service] with
// Data.Staff[Staff] (-1: whoever is free).
type ProgramItem struct {
	model.ProgramItem
	Service, Staff int
}

// Recommendation is what Data.Staff[Staff] recommended for
// Data.Clients[Client]: Data.Services[Service], added to
// Data.Programs[Program] or, with -1, not.
type Recommendation struct {
	model.Recommendation
	Client, Staff, Service, Program int
}

// step is a service of a recipe with its sessions and rhythm.
type step struct {
	service           string
	sessions, perWeek int
}

// recipe is a program the salon makes: the four templates and a few made
// for one client. gym: a client whose card opens the gym gets a weekly
// session on their own on top, paid by the card.
type recipe struct {
	title, goal   string
	block, weeks  int
	weight, waist float64
	template, gym bool
	steps         []step
}

var recipes = []recipe{
	{title: "Коррекция фигуры, 8 недель", block: fitness, weeks: 8, weight: -5, waist: -6, template: true, gym: true,
		goal:  "Минус 5 кг и 6 см в талии за два месяца: силовые тренировки, лимфодренаж и обёртывания",
		steps: []step{{"Персональная тренировка", 16, 2}, {"Лимфодренажный массаж", 8, 1}, {"Водорослевое обёртывание", 6, 1}}},
	{title: "Антистресс, 4 недели", block: spa, weeks: 4, template: true,
		goal:  "Снять напряжение и наладить сон: массаж, хаммам и спокойная йога",
		steps: []step{{"Классический массаж, 60 минут", 4, 1}, {"Хаммам с пилингом", 2, 1}, {"Хатха-йога, группа", 8, 2}}},
	{title: "Чистая кожа, 6 недель", block: cosmetology, weeks: 6, template: true,
		goal: "Чистая ровная кожа без воспалений: чистки, пилинги и уход по типу кожи",
		steps: []step{{"Консультация косметолога", 1, 1}, {"Чистка лица комбинированная", 2, 1}, {"Пилинг миндальный", 4, 1},
			{"Уходовая процедура по типу кожи", 6, 1}}},
	{title: "Здоровая спина, 6 недель", block: fitness, weeks: 6, template: true,
		goal:  "Спина без боли и ровная осанка: мышцы корпуса, массаж и техника движений",
		steps: []step{{"Массаж спины, 30 минут", 6, 1}, {"Группа «Здоровая спина»", 12, 2}, {"Персональная тренировка", 3, 1}}},
	{title: "Подготовка к лету, 10 недель", block: fitness, weeks: 10, weight: -4, waist: -4, gym: true,
		goal:  "Минус 4 кг к отпуску и подтянутое тело",
		steps: []step{{"Персональная тренировка", 10, 1}, {"Функциональный тренинг, группа", 20, 2}, {"Антицеллюлитный массаж", 10, 1}}},
	{title: "Гибкость и осанка, 6 недель", block: fitness, weeks: 6,
		goal:  "Свободно наклоняться и сидеть без боли в пояснице",
		steps: []step{{"Хатха-йога, группа", 12, 2}, {"Стретчинг, группа", 6, 1}, {"Индивидуальное занятие йогой", 2, 1}}},
	{title: "Увлажнение и тонус кожи, 8 недель", block: cosmetology, weeks: 8,
		goal:  "Убрать сухость и вернуть коже упругость к праздникам",
		steps: []step{{"Биоревитализация", 3, 1}, {"Микротоковая терапия лица", 8, 1}, {"Альгинатная маска", 4, 1}}},
	{title: "Лёгкие ноги, 5 недель", block: spa, weeks: 5,
		goal:  "Убрать отёки и тяжесть в ногах к вечеру",
		steps: []step{{"Лимфодренажный массаж", 10, 2}, {"Солевой пилинг тела", 2, 1}, {"Водорослевое обёртывание", 3, 1}}},
}

// planner adds to a salon with its history what the programs feature
// works with: the clients' preferred days, the templates, programs with
// their sessions among the visits, and recommendations.
type planner struct {
	r       *rand.Rand
	d       *Data
	today   model.Date
	service map[string]int
	masters map[string][]int              // staff by role
	spans   [][2]int                      // each client's visits in d.Visits, [from, to)
	cards   map[int][]int                 // each client's cards, in the order sold
	freezes map[int][]model.CardFreeze    // by card
	added   map[int]map[model.Date][]Line // the programs' sessions, by client and day
	taken   map[int]bool                  // clients with a program
	advised map[[2]int]bool               // client and service recommended
}

// programs adds the programs feature's data to a salon with its history.
func programs(d *Data, seed int64) {
	p := &planner{r: rand.New(rand.NewPCG(uint64(seed), 0x960a7a)), d: d, today: d.Today,
		service: map[string]int{}, masters: map[string][]int{}, cards: map[int][]int{},
		freezes: map[int][]model.CardFreeze{}, added: map[int]map[model.Date][]Line{}, taken: map[int]bool{},
		advised: map[[2]int]bool{}}
	for i, s := range d.Services {
		p.service[s.Name] = i
	}
	for i, s := range d.Staff {
		p.masters[s.Role] = append(p.masters[s.Role], i)
	}
	for i, c := range d.Cards {
		p.cards[c.Client] = append(p.cards[c.Client], i)
	}
	for _, f := range d.Freezes {
		p.freezes[f.Card] = append(p.freezes[f.Card], model.CardFreeze{From: f.From, To: f.To})
	}
	p.findSpans()
	d.SalonName = SalonName
	p.preferences()
	p.templates()
	p.programs()
	p.applyVisits()
	p.recommendations()
}

// weekdays is the set of the given weekdays, 0 for Monday.
func weekdays(days ...int) model.Weekdays {
	var w model.Weekdays
	for _, d := range days {
		w |= 1 << d
	}
	return w
}

// rhythms are the weeks clients keep, with how often a client of each
// block (cosmetology, fitness, spa) keeps each.
var rhythms = []struct {
	days    model.Weekdays
	weights [3]float64
}{
	{weekdays(0, 2, 4), [3]float64{4, 30, 4}}, // Mon, Wed, Fri
	{weekdays(1, 3), [3]float64{12, 22, 10}},
	{weekdays(5, 6), [3]float64{18, 14, 22}},
	{weekdays(5), [3]float64{22, 6, 20}},
	{weekdays(0, 3), [3]float64{10, 10, 8}},
	{weekdays(2), [3]float64{16, 4, 14}},
	{weekdays(0, 1, 2, 3, 4), [3]float64{6, 8, 4}},
	{weekdays(1, 3, 5), [3]float64{6, 14, 6}},
}

// preferences gives most clients who come, and some who have only called,
// the days and the time of day they like to come, as their tags say when
// they say it.
func (p *planner) preferences() {
	w := make([]float64, len(rhythms))
	for i := range p.d.Clients {
		c := &p.d.Clients[i]
		if !chance(p.r, []float64{0.35, 0.85}[min(c.VisitCount, 1)]) {
			continue
		}
		for k, rh := range rhythms {
			w[k] = rh.weights[c.Block]
		}
		c.PreferredDays = rhythms[weighted(p.r, w)].days
		if strings.Contains(c.Tags, "выходные") {
			c.PreferredDays = weekdays(5, 6)
		}
		switch {
		case strings.Contains(c.Tags, "утро"):
			c.PreferredTime = model.TimeMorning
		case strings.Contains(c.Tags, "вечер"):
			c.PreferredTime = model.TimeEvening
		case c.PreferredDays&weekdays(0, 1, 2, 3, 4) == 0: // weekends: mostly mornings
			c.PreferredTime = model.TimesOfDay[weighted(p.r, []float64{15, 55, 25, 5})]
		default:
			c.PreferredTime = model.TimesOfDay[weighted(p.r, []float64{10, 25, 15, 50})]
		}
	}
}

// templates are the recipes the salon keeps as templates.
func (p *planner) templates() {
	for _, rc := range recipes {
		if !rc.template {
			continue
		}
		t := Template{ProgramTemplate: model.ProgramTemplate{Name: rc.title, Goal: rc.goal, Weeks: rc.weeks,
			WeightChangeKg: rc.weight, WaistChangeCm: rc.waist}}
		for k, st := range rc.steps {
			t.Items = append(t.Items, TemplateItem{Service: p.service[st.service],
				TemplateItem: model.TemplateItem{Position: k, Sessions: st.sessions, PerWeek: st.perWeek}})
		}
		p.d.Templates = append(p.d.Templates, t)
	}
}

// at is a moment of day d in opening hours, in UTC.
func (p *planner) at(d model.Date) time.Time {
	return d.Time().Add(time.Duration(9*60+p.r.IntN(11*60)) * time.Minute)
}

// modelOf is the program as the model sees it, with the indexes plus one
// for the IDs of its services, staff and card.
func modelOf(p Program) model.Program {
	mp := p.Program
	mp.Items = make([]model.ProgramItem, len(p.Items))
	for i, it := range p.Items {
		mi := it.ProgramItem
		mi.ServiceID = uint(it.Service + 1)
		if it.Staff >= 0 {
			id := uint(it.Staff + 1)
			mi.StaffID = &id
		}
		mp.Items[i] = mi
	}
	if p.Card >= 0 {
		id := uint(p.Card + 1)
		mp.CardID = &id
	}
	return mp
}
