package demo

import (
	"fmt"
	"math/rand/v2"

	"companion/model"
)

// monthNames name a round's month.
var monthNames = []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
	"октябрь", "ноябрь", "декабрь"}

// npsAnswers are what clients answer to "would you recommend us", drawn
// evenly: mostly 8–10, now and then lower.
var npsAnswers = []int{10, 10, 10, 10, 9, 9, 9, 9, 8, 8, 8, 7, 10, 9, 6, 5, 9, 10, 3, 8}

var callComments = map[bool][]string{
	true: {"Всё понравилось, придёт ещё", "Хвалит мастера, просит записать к нему же", "",
		"Хочет больше вечернего времени", ""},
	false: {"Долго ждала у стойки, администратор был занят телефоном", "Считает, что цены выросли",
		"Не предложили записаться на следующий визит"},
}

// roundsOf makes two finished rounds of calls about the last months, one
// under way about the last two weeks, and a mystery client's checklist of
// the administrator.
func roundsOf(r *rand.Rand, d *Data) []Round {
	open := model.MonthOf(d.Today)
	var out []Round
	for back := 2; back >= 1; back-- {
		from := addMonths(open, -back)
		to := addMonths(from, 1).AddDays(-1)
		title := fmt.Sprintf("Обзвон клиентов — %s %d", monthNames[from.Month()-1], from.Year())
		out = append(out, callRound(r, d, title, from, to, 25, 0))
	}
	to := d.Today.AddDays(-1)
	out = append(out, callRound(r, d, "Обзвон клиентов последних двух недель", to.AddDays(-13), to, 15, 8))
	if admin := staffNamed(d, "Новикова Юлия Сергеевна"); admin >= 0 {
		on := addMonths(open, -1).AddDays(13)
		mr := Round{Staff: admin, CheckRound: model.CheckRound{Kind: model.RoundMystery, Title: "Тайный покупатель: стойка администратора",
			From: on, To: on, Made: on}}
		c := Call{Client: -1, CheckCall: model.CheckCall{State: model.CallDone, On: on,
			Comment: "Встретили сразу, предложили чай; о подтверждении записи накануне не напомнили"}}
		for i, st := range d.Quality.Standards {
			if st.applies([]string{d.Staff[admin].Role}, nil) {
				c.Marks = append(c.Marks, Mark{Standard: i, Kept: i != 12})
			}
		}
		mr.Calls = []Call{c}
		out = append(out, mr)
	}
	return out
}

// callRound is a round of calls to sample clients of those who visited
// from from to to, called from the day after to; the last pending of them
// are still to call.
func callRound(r *rand.Rand, d *Data, title string, from, to model.Date, sample, pending int) Round {
	seen := map[int]bool{}
	var clients []int
	roles, services := map[int][]string{}, map[int][]int{}
	for _, v := range d.Visits {
		if v.On.Before(from) || v.On.After(to) {
			continue
		}
		if !seen[v.Client] {
			seen[v.Client] = true
			clients = append(clients, v.Client)
		}
		for _, l := range v.Lines {
			services[v.Client] = append(services[v.Client], l.Service)
			if l.Staff >= 0 {
				roles[v.Client] = append(roles[v.Client], d.Staff[l.Staff].Role)
			}
		}
	}
	made := min2(to.AddDays(1), d.Today)
	rd := Round{Staff: -1, CheckRound: model.CheckRound{Kind: model.RoundCalls, Title: title, From: from, To: to,
		Sample: sample, Seed: int64(from.Year()*100 + int(from.Month())), Made: made}}
	idx := r.Perm(len(clients))[:min(sample, len(clients))]
	for k, i := range idx {
		c := clients[i]
		call := Call{Client: c, CheckCall: model.CheckCall{State: model.CallPending}}
		for si, st := range d.Quality.Standards {
			if st.applies(roles[c], services[c]) {
				call.Marks = append(call.Marks, Mark{Standard: si})
			}
		}
		if k < len(idx)-pending {
			answer(r, &call, min2(made.AddDays(k/5), d.Today))
		}
		rd.Calls = append(rd.Calls, call)
	}
	return rd
}

// answer is what a call came to on day on: mostly an answer with the NPS
// and the standards kept, now and then nobody picked up or the client
// would not talk.
func answer(r *rand.Rand, c *Call, on model.Date) {
	c.On = on
	switch w := r.Float64(); {
	case w < 0.08:
		c.State = model.CallUnreachable
		return
	case w < 0.12:
		c.State, c.Comment = model.CallRefused, "Не хочет отвечать на вопросы"
		return
	}
	nps := npsAnswers[r.IntN(len(npsAnswers))]
	c.State, c.NPS = model.CallDone, &nps
	good := nps >= model.NPSPromoterFrom-1
	cs := callComments[good]
	c.Comment = cs[r.IntN(len(cs))]
	for i := range c.Marks {
		c.Marks[i].Kept = chance(r, 0.95) || good && chance(r, 0.5)
	}
}
