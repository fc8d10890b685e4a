package model

import "sort"

// Session is one planned session of a program: a day and the item.
type Session struct {
	On   Date
	Item int // the index of the item in Program.Items
}

// PlaceSchedule lays each item's sessions out week by week from the start,
// PerWeek of them a week on the program's days (every day of the week when
// it names none), spread over the week. An item that needs more days a
// week than the client gave gets the nearest others, spread the same way.
// An item that needs fewer weeks than the program has up to its goal's
// date has its weeks spread over them (three peels in eight weeks: weeks
// one, three and six). The services share the client's days, so the client
// comes as seldom as the program allows. Sessions come in date order, then
// in item order.
func PlaceSchedule(p Program) []Session {
	days := p.Days & AllWeekdays
	if days == 0 {
		days = AllWeekdays
	}
	monday := p.StartOn.AddDays(-mondayIndex(p.StartOn))
	var out []Session
	for i, it := range p.Items {
		if it.Sessions < 1 || it.PerWeek < 1 {
			continue
		}
		week := weekDaysFor(days, it.PerWeek)
		placed := 0
		for _, w := range itemWeeks(p, monday, it) {
			for _, d := range week {
				on := monday.AddDays(7*w + d)
				if on.Before(p.StartOn) || placed == it.Sessions {
					continue
				}
				out = append(out, Session{On: on, Item: i})
				placed++
			}
		}
	}
	// placed item by item: a stable sort keeps the items' order within a day
	sort.SliceStable(out, func(a, b int) bool { return out[a].On.Before(out[b].On) })
	return out
}

// itemWeeks are the weeks, counted from the start's Monday, an item may
// take its sessions in, enough of them for all: one after another, or
// spread over the weeks up to the goal's date when there are more. A week
// cut short by the start gives up its sessions to one more week.
func itemWeeks(p Program, monday Date, it ProgramItem) []int {
	need := (it.Sessions + it.PerWeek - 1) / it.PerWeek
	have := 0
	if !p.GoalBy.IsZero() {
		have = (p.GoalBy.DaysSince(monday) + 1) / 7
	}
	var out []int
	if have > need {
		for j := 0; j < need; j++ {
			out = append(out, j*have/need)
		}
	} else {
		for w := 0; w < need; w++ {
			out = append(out, w)
		}
	}
	// the first week may end before the start; the rest follow one a week
	for w := out[len(out)-1] + 1; len(out) < need+2; w++ {
		out = append(out, w)
	}
	return out
}

// weekDaysFor picks k weekdays (0 Monday) in order: spread over the
// preferred days when there are enough, else all of them and then, one at
// a time, the other day farthest from those taken.
func weekDaysFor(preferred Weekdays, k int) []int {
	k = min(k, 7)
	pick := spread(preferred, k)
	taken := preferred
	for len(pick) < k {
		best, far := -1, -1
		for i := 0; i < 7; i++ {
			if dist := distanceTo(taken, i); !taken.Has(i) && dist > far {
				best, far = i, dist
			}
		}
		pick = append(pick, best)
		taken |= 1 << best
	}
	sort.Ints(pick)
	return pick
}

// distanceTo is how many days, around the week, day i is from the nearest
// day of set; 7 for an empty set.
func distanceTo(set Weekdays, i int) int {
	best := 7
	for j := 0; j < 7; j++ {
		if set.Has(j) {
			dist := (i - j + 7) % 7
			best = min(best, dist, 7-dist)
		}
	}
	return best
}

// spread picks k of the days of set, as evenly apart as the set allows.
func spread(set Weekdays, k int) []int {
	var days []int
	for i := 0; i < 7; i++ {
		if set.Has(i) {
			days = append(days, i)
		}
	}
	if k >= len(days) {
		return days
	}
	out := make([]int, 0, k)
	for j := 0; j < k; j++ {
		out = append(out, days[j*len(days)/k])
	}
	return out
}

// ProgramPrice is what a program costs the client.
type ProgramPrice struct {
	Total        Money // every session at the item's price
	ByCard       Money // the sessions the card pays
	CardSessions int
	Discount     Money
	ToPay        Money // what the client pays on top of the card
}

// CardPays marks the sessions of a schedule the card pays: when the card is
// given and has not ended or been used up, the sessions of the items marked
// ByCard in date order, as long as it has visits left and is valid on the
// day (a card not yet activated has no end day yet).
func CardPays(p Program, sched []Session, card *CardState) []bool {
	out := make([]bool, len(sched))
	if card == nil || card.Status == CardExpired || card.Status == CardUsedUp {
		return out
	}
	left := card.VisitsLeft // -1: unlimited
	for i, s := range sched {
		if !p.Items[s.Item].ByCard || left == 0 || (!card.ValidTo.IsZero() && s.On.After(card.ValidTo)) {
			continue
		}
		out[i] = true
		if left > 0 {
			left--
		}
	}
	return out
}

// PriceOf prices a program over its schedule: every session at its item's
// price, less the sessions the card pays (CardPays), less the discount
// off what is left.
func PriceOf(p Program, sched []Session, card *CardState) ProgramPrice {
	var pr ProgramPrice
	for i, byCard := range CardPays(p, sched, card) {
		price := p.Items[sched[i].Item].Price
		pr.Total += price
		if byCard {
			pr.ByCard += price
			pr.CardSessions++
		}
	}
	pr.Discount = min(p.Discount, pr.Total-pr.ByCard)
	pr.ToPay = pr.Total - pr.ByCard - pr.Discount
	return pr
}
