package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"companion/model"
)

// Service is a line of the catalogue with the index of its block, the
// staff role that performs it ("" for goods and the gym floor) and the
// lines that go well with it (indexes in Data.Services).
type Service struct {
	model.Service
	Block int
	Role  string
	Pairs []int
}

// Card is a card sold to Data.Clients[Client], of Data.CardTypes[Type].
type Card struct {
	model.Card
	Client, Type int
}

// Freeze is a pause of Data.Cards[Card].
type Freeze struct {
	Card     int
	From, To model.Date
}

// Visit is a visit of Data.Clients[Client].
type Visit struct {
	Client int
	On     model.Date
	Notes  string
	Lines  []Line
}

// Line is a line of a visit: Data.Services[Service] done by
// Data.Staff[Staff] (-1: nobody in particular), paid with money or, when
// Card is not -1, from Data.Cards[Card].
type Line struct {
	Service, Staff  int
	Qty             int
	Price, Discount model.Money
	Card            int
}

// Assessment is a physical assessment of Data.Clients[Client].
type Assessment struct {
	model.Assessment
	Client int
}

// Contact is an entry of the timeline of Data.Clients[Client]; Topics
// name the intro topics by the IDs the first schema gives them (1–10).
type Contact struct {
	model.Contact
	Client int
}

// style is how a client of a block uses the salon: the service they come
// for, the cards they buy (with weights) and their first visit.
type style struct {
	main, first string
	cards       []string
	weights     []float64
	share       float64
}

var styles = [][]style{
	cosmetology: {
		{main: "Чистка лица комбинированная", first: "Консультация косметолога", cards: []string{"Курс чисток: 5 процедур"}, weights: []float64{1}, share: 0.4},
		{main: "", first: "Консультация косметолога", share: 0.6}, // a bit of everything
	},
	fitness: {
		{main: "Тренажёрный зал, разовое посещение", first: "Вводная тренировка с тренером",
			cards:   []string{"Безлимит 30 дней", "Абонемент 3 месяца", "Абонемент 12 месяцев", "10 посещений"},
			weights: []float64{45, 30, 10, 15}, share: 0.55},
		{main: "Группа «Здоровая спина»", first: "Вводная тренировка с тренером",
			cards: []string{"10 посещений", "Безлимит 30 дней"}, weights: []float64{60, 40}, share: 0.15},
		{main: "Хатха-йога, группа", first: "Хатха-йога, группа", cards: []string{"8 занятий йогой"}, weights: []float64{1}, share: 0.15},
		{main: "Персональная тренировка", first: "Вводная тренировка с тренером", share: 0.15},
	},
	spa: {
		{main: "Классический массаж, 60 минут", first: "Классический массаж, 60 минут",
			cards: []string{"Курс массажа: 10 сеансов"}, weights: []float64{1}, share: 0.45},
		{main: "", first: "Массаж спины, 30 минут", share: 0.55},
	},
}

// hist makes up the history of a salon whose clients are drawn.
type hist struct {
	r        *rand.Rand
	d        *Data
	today    model.Date
	service  map[string]int
	cardType map[string]int
	masters  map[string][]int // staff by role
	lines    []Line           // one backing array for the visit lines
}

// history adds the catalogue, cards, visits, assessments and contacts to
// a salon whose clients are made; each client's visits follow the summary
// drawn for them (first and last visit, count).
func history(d *Data, seed int64) {
	h := &hist{r: rand.New(rand.NewPCG(uint64(seed), 0x415709)), d: d, today: d.Today, service: map[string]int{},
		cardType: map[string]int{}, masters: map[string][]int{}}
	d.Services = slices.Clone(catalogue)
	addDetails(d.Services, d.Today)
	addPairs(d.Services)
	for i, s := range d.Services {
		h.service[s.Name] = i
	}
	for i, k := range cardKinds {
		d.CardTypes = append(d.CardTypes, k.CardType)
		h.cardType[k.Name] = i
	}
	for i, s := range d.Staff {
		h.masters[s.Role] = append(h.masters[s.Role], i)
	}
	visits := 0
	for _, c := range d.Clients {
		visits += c.VisitCount
	}
	d.Visits = make([]Visit, 0, visits)
	h.lines = make([]Line, 0, visits*5/4)
	for i := range d.Clients {
		h.client(i)
	}
}

func (h *hist) client(i int) {
	c := &h.d.Clients[i]
	r := h.r
	if c.VisitCount == 0 {
		h.leadContacts(i)
		return
	}
	st := h.pickStyle(c.Block)
	holder := len(st.cards) > 0 && chance(r, []float64{0.3, 0.8, 0.45}[c.Block])
	masters := map[string]int{} // a favourite specialist per role
	days := h.visitDays(&c.Client)
	sim := cardSim{h: h, client: i, cur: -1}
	for k, day := range days {
		if k > 0 {
			sim.maybeFreeze(days[k-1], day)
		}
		main := st.main
		switch {
		case k == 0:
			main = st.first
		case main == "" || chance(r, 0.15):
			main = h.anyService(c.Block)
		}
		start := len(h.lines)
		card := -1
		if holder && covers(st, main) {
			card = sim.use(day, st)
		}
		h.addLine(main, masters, card)
		if k == 0 && c.Block == fitness && !c.HealthConsentAt.IsZero() {
			h.addLine("Замеры и фитнес-тестирование", masters, -1)
		}
		if chance(r, 0.1) {
			h.addLine(h.anyGood(c.Block), masters, -1)
		}
		v := Visit{Client: i, On: day, Lines: h.lines[start:len(h.lines):len(h.lines)]}
		if chance(r, 0.02) {
			v.Notes = []string{"Опоздала на 15 минут, сократили процедуру", "Пришла с подругой — предложить гостевой визит",
				"Просила тише музыку", "Оплата по QR-коду"}[r.IntN(4)]
		}
		h.d.Visits = append(h.d.Visits, v)
	}
	sim.finish(days[len(days)-1], st, holder)
	h.assessments(i, days)
	h.contacts(i, days)
}

func (h *hist) pickStyle(block int) style {
	w := make([]float64, len(styles[block]))
	for i, s := range styles[block] {
		w[i] = s.share
	}
	return styles[block][weighted(h.r, w)]
}

func covers(st style, service string) bool {
	for _, name := range st.cards {
		for _, k := range cardKinds {
			if k.Name == name && slices.Contains(k.covers, service) {
				return true
			}
		}
	}
	return false
}

// anyService picks a service of the block, not goods, not the first-visit ones.
func (h *hist) anyService(block int) string {
	for {
		s := catalogue[h.r.IntN(len(catalogue))]
		if s.Block == block && s.Kind == "service" && s.Name != "Консультация косметолога" &&
			s.Name != "Вводная тренировка с тренером" && s.Name != "Замеры и фитнес-тестирование" {
			return s.Name
		}
	}
}

func (h *hist) anyGood(block int) string {
	for {
		s := catalogue[h.r.IntN(len(catalogue))]
		if s.Block == block && s.Kind == "product" {
			return s.Name
		}
	}
}

func (h *hist) addLine(name string, masters map[string]int, card int) {
	si := h.service[name]
	s := h.d.Services[si]
	l := Line{Service: si, Staff: -1, Qty: 1, Price: s.Price, Card: card}
	if s.Role != "" {
		if _, ok := masters[s.Role]; !ok {
			fit := h.masters[s.Role]
			masters[s.Role] = fit[h.r.IntN(len(fit))]
		}
		l.Staff = masters[s.Role]
	}
	if s.Kind == "product" && chance(h.r, 0.15) {
		l.Qty = 2
	}
	if card < 0 && s.Price >= model.Rub(2000) && chance(h.r, 0.08) {
		l.Discount = model.Money(l.Qty) * s.Price / 1000 * 100 // 10 %, whole roubles
	}
	h.lines = append(h.lines, l)
}

// visitDays spreads the client's visits from the first to the last.
func (h *hist) visitDays(c *model.Client) []model.Date {
	n, first, last := c.VisitCount, c.FirstVisitOn, c.LastVisitOn
	days := make([]model.Date, n)
	days[0], days[n-1] = first, last
	span := last.DaysSince(first)
	for k := 1; k < n-1; k++ {
		off := int(math.Round(float64(k*span)/float64(n-1))) + h.r.IntN(3) - 1
		days[k] = first.AddDays(min(max(off, 0), span))
	}
	slices.SortFunc(days, func(a, b model.Date) int { return a.DaysSince(b) })
	return days
}

// cardSim follows a client's cards visit by visit, as the store will see
// them: a card line only while the card is active with visits left.
type cardSim struct {
	h       *hist
	client  int
	cur     int // index in Data.Cards, -1 for none
	used    int // visits taken from it
	freezes []model.CardFreeze
}

func (s *cardSim) card() *Card { return &s.h.d.Cards[s.cur] }

func (s *cardSim) state(day model.Date) model.CardState {
	c := s.card()
	return model.CardStateOf(c.Card, s.h.d.CardTypes[c.Type], s.freezes, s.used, c.ValidFrom, day)
}

func (s *cardSim) freeze(from, to model.Date) {
	s.h.d.Freezes = append(s.h.d.Freezes, Freeze{Card: s.cur, From: from, To: to})
	s.freezes = append(s.freezes, model.CardFreeze{From: from, To: to})
}

// use returns the card to take the visit on day from, selling a new one
// when the current one cannot take it (and the client buys), or -1.
func (s *cardSim) use(day model.Date, st style) int {
	if s.cur >= 0 {
		c := s.card()
		if c.ValidFrom.IsZero() { // starts at this first visit
			c.ValidFrom, c.ValidTo = day, day.AddDays(s.h.d.CardTypes[c.Type].ValidDays-1)
		}
		if s.state(day).Usable() {
			s.used++
			return s.cur
		}
	}
	if !chance(s.h.r, 0.85) {
		return -1
	}
	s.sell(day, st, true)
	s.used++
	return s.cur
}

func (s *cardSim) sell(day model.Date, st style, start bool) {
	h := s.h
	t := h.cardType[st.cards[weighted(h.r, st.weights)]]
	ct := h.d.CardTypes[t]
	c := Card{Client: s.client, Type: t, Card: model.Card{UUID: newUUID(h.r), SoldOn: day,
		Number: fmt.Sprint(100001 + len(h.d.Cards)), VisitsIncluded: ct.Visits, Price: ct.Price}}
	if !ct.ActivateOnFirstVisit || start {
		c.ValidFrom, c.ValidTo = day, day.AddDays(ct.ValidDays-1)
	}
	if chance(h.r, 0.07) {
		c.Discount = ct.Price / 10
		c.Notes = "Скидка 10% по акции «Приведи друга»"
	}
	c.Paid = c.Due()
	h.d.Cards = append(h.d.Cards, c)
	s.cur, s.used, s.freezes = len(h.d.Cards)-1, 0, nil
}

// maybeFreeze freezes the current card over a long pause between two
// visits, as a client does before a holiday.
func (s *cardSim) maybeFreeze(prev, next model.Date) {
	if s.cur < 0 || next.DaysSince(prev) < 12 || !chance(s.h.r, 0.4) {
		return
	}
	st := s.state(prev)
	if st.Status != model.CardActive || st.FreezeDaysLeft < 3 || st.ValidTo.Before(prev.AddDays(1)) {
		return
	}
	days := min(next.DaysSince(prev)-2, st.FreezeDaysLeft, 14)
	s.freeze(prev.AddDays(1), prev.AddDays(days))
}

// finish leaves some cards as a manager finds them on a working day: one
// bought for later and not yet started, one frozen now.
func (s *cardSim) finish(last model.Date, st style, holder bool) {
	h := s.h
	if !holder || h.today.DaysSince(last) > 20 {
		return
	}
	if s.cur >= 0 && chance(h.r, 0.1) {
		cs := s.state(h.today)
		if cs.Status == model.CardActive && cs.FreezeDaysLeft >= 4 && h.today.DaysSince(last) >= 2 {
			from := max2(last.AddDays(1), h.today.AddDays(-2))
			s.freeze(from, from.AddDays(min(cs.FreezeDaysLeft, 7)-1))
			return
		}
	}
	if chance(h.r, 0.05) && slices.ContainsFunc(st.cards, func(n string) bool { return cardKinds[h.cardType[n]].ActivateOnFirstVisit }) {
		t := h.cardType["Безлимит 30 дней"]
		ct := h.d.CardTypes[t]
		h.d.Cards = append(h.d.Cards, Card{Client: s.client, Type: t, Card: model.Card{UUID: newUUID(h.r), SoldOn: last,
			Number: fmt.Sprint(100001 + len(h.d.Cards)), VisitsIncluded: ct.Visits, Price: ct.Price, Paid: ct.Price,
			Notes: "Куплена впрок, начнётся с первого посещения"}})
	}
}

func max2(a, b model.Date) model.Date {
	if a.After(b) {
		return a
	}
	return b
}

// assessments measures a client with health consent at the first visit
// and, in the gym, about monthly after, the weight going slowly down.
func (h *hist) assessments(i int, days []model.Date) {
	c := &h.d.Clients[i]
	if c.HealthConsentAt.IsZero() {
		return
	}
	r := h.r
	age := 35
	if !c.BirthDate.IsZero() {
		age = h.today.Year() - c.BirthDate.Year()
	}
	height, bmi := 158+r.Float64()*20, 19+r.Float64()*12
	waist, hips, chest, fat := 64+(bmi-20)*2.6, 92+(bmi-20)*2.2, 84+(bmi-20)*2.0, 22+(bmi-21)*1.2
	if !c.Female {
		height, bmi = 170+r.Float64()*22, 21+r.Float64()*11
		waist, hips, chest, fat = 78+(bmi-22)*2.6, 96+(bmi-22)*1.8, 94+(bmi-22)*2.0, 14+(bmi-22)*1.2
	}
	weight := bmi * height * height / 10000
	sys := 108 + r.IntN(20) + max(0, age-40)/2
	next := days[0]
	for k := 0; k < 12 && !next.After(days[len(days)-1]); k++ {
		a := model.Assessment{ClientID: 0, On: next, WeightKg: round1(weight), HeightCm: math.Round(height),
			WaistCm: round1(waist), HipsCm: round1(hips), ChestCm: round1(chest), BodyFatPct: round1(fat),
			Systolic: sys + r.IntN(7) - 3, Diastolic: sys - 38 + r.IntN(7) - 3}
		if k == 0 {
			a.Contraindications = c.Health
		}
		if c.Block != fitness {
			a.WaistCm, a.HipsCm, a.ChestCm, a.BodyFatPct = 0, 0, 0, 0
		}
		h.d.Assessments = append(h.d.Assessments, Assessment{Assessment: a, Client: i})
		if c.Block != fitness {
			return
		}
		loss := 0.2 + r.Float64()*0.9
		weight -= loss
		waist -= loss * 0.9
		hips -= loss * 0.5
		fat -= loss * 0.35
		next = next.AddDays(28 + r.IntN(8))
		for _, d := range days { // measured on a visit day
			if !d.Before(next) {
				next = d
				break
			}
		}
	}
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

var (
	leadOutcomes = []string{"Спросила про цены на абонементы, отправили прайс", "Записалась на пробное занятие",
		"Интересуется чисткой лица, перезвонить после зарплаты", "Просил подобрать время для массажа",
		"Пришла заявка с сайта, не дозвонились"}
	callOutcomes = []string{"Всё нравится, спросила про новые процедуры", "Напомнили об окончании карты",
		"Договорились о замерах через две недели", "Поблагодарила мастера — передали благодарность",
		"Жаловалась на очередь у стойки — разобрались, извинились", "Записали на массаж в субботу",
		"Предложили программу на месяц, думает", "Уточнили самочувствие после процедуры"}
	lostOutcomes = []string{"Не дозвонились, написали в мессенджер", "Уехала в отпуск, вернётся в следующем месяце",
		"Болеет, перезвонить через неделю", "Неудобно по времени — предложили утренние группы",
		"Перешла в клуб ближе к дому, обещала подумать"}
	notesAbout = []string{"Предпочитает, чтобы звонили после 18:00", "Стесняется на групповых занятиях — предлагать персональные",
		"Важно соблюдать время записи — не любит ждать", "Хочет подарить сертификат маме"}
)

func (h *hist) contact(i int, day model.Date, kind model.ContactKind, channel, outcome string, next model.Date) {
	if day.After(h.today) {
		return
	}
	if !next.IsZero() && next.Before(day) {
		next = day
	}
	created := day.Time().Add(time.Duration(9*60+h.r.IntN(11*60)) * time.Minute)
	h.d.Contacts = append(h.d.Contacts, Contact{Client: i, Contact: model.Contact{On: day, Kind: kind, Channel: channel,
		Outcome: outcome, NextOn: next, CreatedAt: created}})
}

func (h *hist) channel() string {
	return []string{"phone", "phone", "whatsapp", "telegram", "sms"}[h.r.IntN(5)]
}

func (h *hist) leadContacts(i int) {
	r := h.r
	day := model.DateOf(h.d.Clients[i].CreatedAt)
	h.contact(i, day, []model.ContactKind{model.ContactCall, model.ContactMessage}[r.IntN(2)], h.channel(),
		leadOutcomes[r.IntN(len(leadOutcomes))], day.AddDays(1+r.IntN(10)))
	h.closeFollowUps(i)
}

// contacts writes the timeline of a client who has come: the first visit
// with the intro lecture, calls and messages between visits, a call after
// the client slipped away, and the next contact planned.
func (h *hist) contacts(i int, days []model.Date) {
	r := h.r
	first, last := days[0], days[len(days)-1]
	h.contact(i, first, model.ContactFirstVisit, "in_person", "Экскурсия по салону, знакомство с менеджером сопровождения", model.Date{})
	lecture := first
	if len(days) > 1 && chance(r, 0.3) {
		lecture = days[1]
	}
	h.contact(i, lecture, model.ContactIntroLecture, "in_person", "Провели вступительную лекцию, ответили на вопросы",
		lecture.AddDays(7+r.IntN(7)))
	h.d.Contacts[len(h.d.Contacts)-1].Topics = h.topics()
	if h.d.Clients[i].Block == cosmetology {
		h.contact(i, first, model.ContactConsultation, "in_person", "Подобрали уход и план процедур на сезон", model.Date{})
	}
	for d := first.AddDays(30 + r.IntN(25)); d.Before(last); d = d.AddDays(35 + r.IntN(30)) {
		kind := model.ContactCall
		if chance(r, 0.4) {
			kind = model.ContactMessage
		}
		h.contact(i, d, kind, h.channel(), callOutcomes[r.IntN(len(callOutcomes))], d.AddDays(14+r.IntN(30)))
	}
	if chance(r, 0.08) {
		h.contact(i, days[r.IntN(len(days))], model.ContactNote, "", notesAbout[r.IntN(len(notesAbout))], model.Date{})
	}
	gap := h.today.DaysSince(last)
	switch {
	case gap > 25: // slipped away: called, and the next call planned
		d := last.AddDays(25 + r.IntN(min(gap-24, 40)))
		h.contact(i, d, model.ContactCall, "phone", lostOutcomes[r.IntN(len(lostOutcomes))], d.AddDays(5+r.IntN(25)))
	case chance(r, 0.5): // a regular: a check-in planned, some due by now
		h.contact(i, last, model.ContactVisit, "in_person", "Обсудили прогресс после тренировки", last.AddDays(3+r.IntN(25)))
	}
	h.closeFollowUps(i)
}

// topics are the intro topics a lecture covered, by the IDs of the
// seeded checklist: the salon, the manager and the card always.
func (h *hist) topics() string {
	ids := []uint{1, 2, 5}
	for id := uint(3); id <= 10; id++ {
		if id != 5 && chance(h.r, 0.7) {
			ids = append(ids, id)
		}
	}
	return model.TopicsOf(ids)
}

// closeFollowUps marks done the next contacts a later contact made, as
// the store does when a contact is added.
func (h *hist) closeFollowUps(i int) {
	cs := h.d.Contacts
	start := len(cs)
	for start > 0 && cs[start-1].Client == i {
		start--
	}
	own := cs[start:]
	slices.SortStableFunc(own, func(a, b Contact) int { return a.On.DaysSince(b.On) })
	for k := range own {
		for _, later := range own[k+1:] {
			if !own[k].NextOn.IsZero() && !later.On.Before(own[k].NextOn) {
				own[k].NextDone = true
				break
			}
		}
		// most older follow-ups were made without a note, or let go
		if c := &own[k]; c.Due(h.today) && c.OverdueDays(h.today) > 3 && chance(h.r, 0.85) {
			c.NextDone = true
		}
	}
}
