package demo

import (
	"math/rand/v2"
	"slices"

	"companion/model"
)

// promoTexts are the year's promotions: two past and one running today,
// by how many days ago they started and how long they run, with the
// services (names) they cover and how many were told.
var promoTexts = []struct {
	title     string
	ago, days int
	percent   int64
	services  []string
	told      int
	filter    model.PromoFilter
}{
	{"Осенняя перезагрузка кожи: −15 % на пилинги", 140, 30, 15,
		[]string{"Пилинг миндальный", "Пилинг ретиноевый (жёлтый)"}, 24, model.PromoFilter{VisitedSince: 365}},
	{"Неделя массажа: −20 % на классический и лимфодренажный", 60, 14, 20,
		[]string{"Классический массаж, 60 минут", "Лимфодренажный массаж"}, 18, model.PromoFilter{VisitedSince: 365}},
	{"Предновогодний СПА-ритуал −10 %", 5, 30, 10,
		[]string{"СПА-ритуал для двоих", "Хаммам с пилингом", "Шоколадное обёртывание"}, 9, model.PromoFilter{VisitedSince: 365}},
}

var promoAnswers = []string{"Записалась", "Подумает", "Не интересно", "Придёт после отпуска", "Записалась с подругой", ""}

// promotionsOf makes the promotions and whom they were told to: clients
// who may be told, by phone or messenger, from the first days of each,
// the visitors of its services first, so that its result shows.
func promotionsOf(r *rand.Rand, d *Data) []Promotion {
	var out []Promotion
	for _, t := range promoTexts {
		from := d.Today.AddDays(-t.ago)
		p := Promotion{Promotion: model.Promotion{Title: t.title, From: from, To: from.AddDays(t.days - 1),
			Percent: pct(t.percent), Filter: t.filter}}
		for _, name := range t.services {
			if i := slices.IndexFunc(d.Services, func(s Service) bool { return s.Name == name }); i >= 0 {
				p.Services = append(p.Services, i)
			}
		}
		for _, c := range promoClients(r, d, p) {
			on := min2(from.AddDays(r.IntN(4)), d.Today)
			p.Told = append(p.Told, PromoContact{Client: c, PromoContact: model.PromoContact{
				Channel: []string{"call", "messenger", "sms"}[r.IntN(3)], On: on, Answer: promoAnswers[r.IntN(len(promoAnswers))]}})
			if len(p.Told) >= t.told {
				break
			}
		}
		out = append(out, p)
	}
	return out
}

// promoClients are the clients who may be told of p, those who took its
// services in its period first, then the rest in a random order.
func promoClients(r *rand.Rand, d *Data, p Promotion) []int {
	var came, rest []int
	seen := map[int]bool{}
	for _, v := range d.Visits {
		if v.On.Before(p.From) || v.On.After(p.To) || seen[v.Client] {
			continue
		}
		for _, l := range v.Lines {
			if slices.Contains(p.Services, l.Service) && d.Clients[v.Client].MayAdvertise() && !seen[v.Client] {
				seen[v.Client] = true
				came = append(came, v.Client)
			}
		}
	}
	for _, i := range r.Perm(len(d.Clients)) {
		c := d.Clients[i].Client
		if !seen[i] && c.MayAdvertise() && !c.MarketingConsentAt.After(p.From) {
			rest = append(rest, i)
		}
	}
	return append(came[:min(len(came), 6)], rest...)
}
