package demo

import (
	"math/rand/v2"
	"slices"
	"strings"

	"companion/model"
)

// Quality is the demo salon's quality work: its service standards, a year
// of the clients' feedback with what was done about it, the check rounds
// with their calls and the improvement proposals.
type Quality struct {
	Standards []Standard
	Feedback  []Feedback // the oldest first
	Rounds    []Round
	Proposals []Proposal
}

// Standard is a standard with the indexes in Data.Services of the
// services it applies to (none: all).
type Standard struct {
	model.Standard
	Services []int
}

// Feedback is feedback from Data.Clients[Client] about Data.Staff[Staff]
// and Data.Services[Service] on Data.Visits[Visit] (-1: none).
type Feedback struct {
	model.Feedback
	Client, Staff, Service, Visit int
	topic                         string // what a proposal may take up
}

// Round is a check round with its calls; a mystery client's round is of
// Data.Staff[Staff] (-1 for a round of calls).
type Round struct {
	model.CheckRound
	Staff int
	Calls []Call
}

// Call is a call card of Data.Clients[Client] (-1: a mystery client's
// checklist) with its marks.
type Call struct {
	model.CheckCall
	Client int
	Marks  []Mark
}

// Mark is Data.Quality.Standards[Standard] asked about on a call.
type Mark struct {
	Standard int
	Kept     bool
}

// Proposal is an improvement proposal carried out by Data.Staff[Owner]
// (-1: nobody yet), prompted by the feedback of indexes Feedback.
type Proposal struct {
	model.Proposal
	Owner    int
	Feedback []int
}

// standardTexts are the salon's standards by group: the text, the roles
// (comma separated, "" for all) and the services (names, ";" separated).
var standardTexts = []struct{ group, text, roles, services string }{
	{"Приветствие", "Встать навстречу клиенту, поздороваться и назвать себя по имени", "", ""},
	{"Приветствие", "Предложить воду или чай и назвать время ожидания, если мастер занят", "администратор", ""},
	{"Вводная лекция", "Провести новому клиенту вводную лекцию: правила зала, техника безопасности, как устроен абонемент",
		"тренер", "Вводная тренировка с тренером"},
	{"Вводная лекция", "Рассказать о домашнем уходе после пилинга и о том, чего избегать две недели",
		"врач-косметолог, косметолог-эстетист", "Пилинг миндальный;Пилинг ретиноевый (жёлтый)"},
	{"Гигиена", "Вымыть руки или обработать их антисептиком при клиенте",
		"врач-косметолог, косметолог-эстетист, мастер бровей и ресниц, массажист, мастер СПА", ""},
	{"Гигиена", "Одноразовые простыни и полотенца — новые для каждого клиента", "массажист, мастер СПА", ""},
	{"Гигиена", "Протереть тренажёр и коврик после занятия", "тренер, инструктор по йоге", ""},
	{"Консультация", "Уточнить противопоказания и самочувствие перед процедурой",
		"врач-косметолог, косметолог-эстетист, массажист, мастер СПА", ""},
	{"Консультация", "Спросить о цели и ожиданиях и предложить программу, а не разовую услугу", "", ""},
	{"Консультация", "Перед первой биоревитализацией взять письменное информированное согласие", "врач-косметолог",
		"Биоревитализация"},
	{"Консультация", "Уточнить силу нажима в начале массажа и через десять минут", "массажист", ""},
	{"Запись на следующий визит", "Предложить запись на следующий визит до ухода клиента", "", ""},
	{"Запись на следующий визит", "Подтвердить запись накануне звонком или сообщением", "администратор", ""},
	{"Прощание", "Спросить, всё ли понравилось, и поблагодарить за визит", "", ""},
	{"Прощание", "Проводить до стойки и назвать дату следующей процедуры",
		"врач-косметолог, косметолог-эстетист, массажист", ""},
	{"Прощание", "Напомнить о заданиях на дом и выдать памятку с упражнениями", "тренер, инструктор по йоге", ""},
}

// quality gives the salon made so far its quality work.
func quality(d *Data, seed int64) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9a11e7))
	q := &d.Quality
	q.Standards = standardsOf(d.Services)
	q.Feedback = feedbackOf(r, d)
	q.Rounds = roundsOf(r, d)
	q.Proposals = proposalsOf(d)
}

// standardsOf numbers the standards within their groups and finds their
// services in the catalogue.
func standardsOf(services []Service) []Standard {
	var out []Standard
	pos := map[string]int{}
	for _, t := range standardTexts {
		pos[t.group]++
		st := Standard{Standard: model.Standard{Group: t.group, Text: t.text, Roles: t.roles, Position: pos[t.group],
			Active: true}}
		for _, name := range strings.Split(t.services, ";") {
			if i := slices.IndexFunc(services, func(s Service) bool { return s.Name == name }); i >= 0 {
				st.Services = append(st.Services, i)
			}
		}
		out = append(out, st)
	}
	return out
}

// applies reports whether a standard is asked about a client served by
// people of roles with the services of indexes services.
func (st Standard) applies(roles []string, services []int) bool {
	ids := make([]uint, len(services))
	for i, s := range services {
		ids[i] = uint(s) + 1
	}
	m := st.Standard
	m.ServiceIDs = nil
	for _, s := range st.Services {
		m.ServiceIDs = append(m.ServiceIDs, uint(s)+1)
	}
	if len(roles) == 0 {
		roles = []string{""}
	}
	for _, role := range roles {
		if m.AppliesTo(role, ids) {
			return true
		}
	}
	return false
}

// staffNamed is the index of the member of staff of that name, or -1.
func staffNamed(d *Data, name string) int {
	return slices.IndexFunc(d.Staff, func(s Staff) bool { return s.Name == name })
}
