package demo

import (
	"math/rand/v2"
	"slices"

	"companion/model/hiring"
)

// Hiring is the demo salon's hiring: candidates in every status with the
// two interviewers' forms, and the staff's development plans.
type Hiring struct {
	Candidates []Candidate
	DevPlans   []DevPlan
}

// Candidate is a candidate, one of Data.Staff[Staff] (-1: from outside),
// with the forms of the interviews.
type Candidate struct {
	hiring.Candidate
	Staff int
	Forms []Form
}

// Form is an interviewer's form with its scores and, on some, the
// candidate's plan of the working day over hiring.DefaultTasks: each
// item's TaskID is the task's index there.
type Form struct {
	hiring.Form
	Plan *hiring.DayPlan
}

// DevPlan is a development plan of Data.Staff[Staff].
type DevPlan struct {
	hiring.DevPlan
	Staff int
}

// The demo's interviewers.
var Interviewers = [2]string{"Смирнова О. В.", "Громов Д. А."}

var candidateNames = []string{
	"Кузнецова Мария Игоревна", "Павлова Алина Сергеевна", "Сорокина Елена Викторовна",
	"Ковалёва Ольга Дмитриевна", "Тарасова Виктория Андреевна", "Морозова Ксения Павловна",
	"Никитина Дарья Олеговна", "Егорова Полина Максимовна", "Васильева Анна Романовна",
}

var candidateSources = []string{"hh.ru", "рекомендация", "сайт салона", "Авито Работа"}

// hiringOf makes the candidates (the first of every status, one of them of
// the staff) and two development plans.
func hiringOf(r *rand.Rand, d *Data) Hiring {
	var h Hiring
	internal := slices.IndexFunc(d.Staff, func(s Staff) bool { return s.Role == "администратор" })
	statuses := append(slices.Clone(hiring.Statuses), hiring.StatusAssessed, hiring.StatusRejected)
	for i, st := range statuses {
		c := Candidate{Staff: -1, Candidate: hiring.Candidate{
			UUID: newUUID(r), Name: candidateNames[i%len(candidateNames)], Status: st,
			Phone:    "8 916 " + string(rune('1'+i)) + "00-2" + string(rune('0'+i)) + "-3" + string(rune('0'+i)),
			Source:   candidateSources[r.IntN(len(candidateSources))],
			StatusOn: d.Today.AddDays(-(i*9 + r.IntN(7))),
		}}
		if i == 2 && internal >= 0 { // the assessed one is of the staff
			c.Staff, c.Name, c.Phone, c.Source = internal, d.Staff[internal].Name, d.Staff[internal].Phone, "внутренний кандидат"
		}
		c.Forms = formsOf(r, c, i)
		h.Candidates = append(h.Candidates, c)
	}
	h.DevPlans = devPlansOf(d, internal)
	for i := range h.DevPlans {
		h.DevPlans[i].UUID = newUUID(r)
	}
	return h
}

// formsOf gives the two interviewers' forms of a candidate past the first
// call: submitted, except one at an interview under way; every other
// candidate's interviewers disagree on a criterion by two points.
func formsOf(r *rand.Rand, c Candidate, i int) []Form {
	if c.Status == hiring.StatusNew {
		return nil
	}
	base := 2 + r.IntN(3)
	switch c.Status {
	case hiring.StatusHired, hiring.StatusOffer:
		base = 4
	case hiring.StatusRejected:
		base = 2
	}
	on := c.StatusOn.AddDays(-2)
	var out []Form
	for k, who := range Interviewers {
		f := Form{Form: hiring.Form{UUID: newUUID(r), Interviewer: who, On: on,
			Submitted: c.Status != hiring.StatusInterview || k == 0}}
		for j, cr := range hiring.Criteria {
			s := min(max(base+r.IntN(3)-1, 1), 5)
			if k == 1 && i%2 == 0 && j == i%len(hiring.Criteria) {
				s = out[0].Scores[j].Score + 2
				if s > 5 {
					s -= 4
				}
			}
			f.Scores = append(f.Scores, hiring.Score{Criterion: cr, Score: s})
		}
		out = append(out, f)
	}
	out[0].Notes = "Спокойно держалась в ролевой игре, задавала уточняющие вопросы."
	out[0].Plan = dayPlan(r, base >= 4)
	return out
}

// dayPlan is a plan of the seed's working day: a good one keeps the
// reference priorities, drops what may go and estimates time well; a bad
// one does everything in a jumble, too fast, till late at night.
func dayPlan(r *rand.Rand, good bool) *hiring.DayPlan {
	tasks := hiring.DefaultTasks().Tasks
	order := make([]int, len(tasks))
	for i := range order {
		order[i] = i
	}
	p := &hiring.DayPlan{Start: 9 * 60, End: 19 * 60}
	if good {
		rank := func(t hiring.DayTask) int { return slices.Index(hiring.Priorities, t.Priority) }
		slices.SortStableFunc(order, func(a, b int) int { return rank(tasks[a]) - rank(tasks[b]) })
	} else {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		p.Start, p.End = 8*60, 22*60
	}
	for n, i := range order {
		t := tasks[i]
		it := hiring.PlanItem{TaskID: uint(i), Order: n, Minutes: t.Minutes}
		if good {
			it.Dropped = t.Priority == hiring.Drop
			it.Minutes = t.Minutes + 5*(r.IntN(3)-1)
		} else {
			it.Minutes = max(t.Minutes/4, 5)
		}
		p.Items = append(p.Items, it)
	}
	return p
}

// devPlansOf gives two development plans: the internal candidate's, agreed,
// and a trainer's, not yet.
func devPlansOf(d *Data, internal int) []DevPlan {
	trainer := slices.IndexFunc(d.Staff, func(s Staff) bool { return s.Role == "тренер" })
	if internal < 0 || trainer < 0 {
		return nil
	}
	made := d.Today.AddDays(-20)
	item := func(gap, learn, method, check string, days int) hiring.DevItem {
		return hiring.DevItem{Gap: gap, Learn: learn, Method: method, Check: check, Deadline: made.AddDays(days)}
	}
	agreed := DevPlan{Staff: internal, DevPlan: hiring.DevPlan{Title: "Путь в менеджеры сопровождения",
		Made: made, AgreedOn: made.AddDays(3), Items: []hiring.DevItem{
			item(hiring.Stress, "Работа с конфликтной клиенткой", "roleplay", "Ролевая игра с директором", 30),
			item(hiring.Knowledge, "Основы коррекции фигуры", "course", "Тест по программам", 45),
			item(hiring.Organisation, "Планирование дня по приоритетам", "mentoring", "Повторный тест «рабочий день»", 60),
		}}}
	agreed.Items[0].Done = true
	draft := DevPlan{Staff: trainer, DevPlan: hiring.DevPlan{Title: "Продажи персональных тренировок",
		Made: d.Today.AddDays(-3), Items: []hiring.DevItem{
			item(hiring.Knowledge, "Выяснение неосознанных потребностей", "shadowing", "Три консультации при менеджере", 40),
			item(hiring.Communicability, "Презентация программы клиенту", "selfstudy", "Запись презентации", 50),
		}}}
	return []DevPlan{agreed, draft}
}
