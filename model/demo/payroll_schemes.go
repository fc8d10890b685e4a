package demo

import "companion/model"

// schemes are the team's pay, as a Moscow salon pays in 2026: a director
// has a specialist's salary, a director's rate and a share of the block's
// profit; a specialist a small salary and a share of their services after
// consumables and of the goods they sell; the trainers shares of their
// revenue by bands, one band by band and one at the rate reached on all
// of it; the administrator a salary, a share of goods and a monthly bonus;
// the masseur a share of his services alone.
var schemes = map[string][]model.PayComponent{
	"Смирнова Ольга Викторовна":   {salary(40000), directorRate(25000), profitShare(10)},
	"Каримова Алина Рустамовна":   {salary(27000), services(30, true), goods(10)},
	"Белова Екатерина Андреевна":  {salary(20000), services(30, true), goods(10)},
	"Жукова Дарья Игоревна":       {salary(42000), services(40, true), goods(10)},
	"Громов Денис Александрович":  {salary(40000), directorRate(30000), profitShare(10)},
	"Орлов Артём Сергеевич":       {salary(22000), tiered(false, 0, 35, 60000, 40, 120000, 45)},
	"Фёдоров Максим Олегович":     {salary(20000), tiered(true, 0, 35, 100000, 40, 150000, 45)},
	"Лебедева Анастасия Павловна": {salary(30000), services(45, false), goods(10)},
	"Новикова Юлия Сергеевна":     {salary(48000), goods(5), bonus(5000)},
	"Захарова Ирина Николаевна":   {salary(40000), directorRate(25000), profitShare(10)},
	"Соколов Илья Валерьевич":     {services(45, true)},
	"Мельникова Светлана Юрьевна": {salary(27000), services(35, true), goods(10)},
}

// launch is the specialists' pay while the salon moved its clients into
// Companion and their services were not all in it yet: a fixed salary,
// until their scheme starts switchBack months before today's.
var launch = map[string]int64{
	"Каримова Алина Рустамовна": 55000, "Белова Екатерина Андреевна": 52000, "Жукова Дарья Игоревна": 47000,
	"Орлов Артём Сергеевич": 50000, "Фёдоров Максим Олегович": 55000, "Лебедева Анастасия Павловна": 48000,
	"Соколов Илья Валерьевич": 50000, "Мельникова Светлана Юрьевна": 48000,
}

// switchBack is how many months before today's the specialists' schemes
// took over from the launch salaries.
const switchBack = 3

// change is a scheme's change from a day of a month months back from
// today's: the seed's example of a raise in the middle of a month.
type change struct {
	name       string
	monthsBack int
	day        int
	part       model.PayComponent
}

var changes = []change{
	{"Белова Екатерина Андреевна", 2, 16, note(services(35, true), "Повышение процента: ведёт уходовые программы блока")},
}

// schemesOf gives each of the staff their pay from the first month of
// payroll, or from the day they were hired when later: the launch salary
// first for a specialist, then the scheme; and the changes that fall
// within the months of payroll.
func schemesOf(staff []Staff, from, open model.Date) []PayComponent {
	var out []PayComponent
	add := func(i int, c model.PayComponent, on model.Date) {
		c.From = on
		out = append(out, PayComponent{PayComponent: c, Staff: i, Block: -1})
	}
	switched := addMonths(open, -switchBack)
	for i, s := range staff {
		start := max2(from, s.HiredOn)
		own := start
		if rub, ok := launch[s.Name]; ok && start.Before(switched) {
			add(i, note(salary(rub), "Оклад на время переноса клиентской базы в Компаньон"), start)
			own = switched
			if salaryOf(s.Name) == 0 {
				add(i, model.PayComponent{Kind: model.PaySalary, Stopped: true, Note: "Только процент с услуг"}, own)
			}
		}
		for _, c := range schemes[s.Name] {
			add(i, c, own)
		}
		for _, ch := range changes {
			on := addMonths(open, -ch.monthsBack).AddDays(ch.day - 1)
			if ch.name == s.Name && on.After(own) && on.Before(open) {
				add(i, ch.part, on)
			}
		}
	}
	return out
}

func salary(rub int64) model.PayComponent {
	return model.PayComponent{Kind: model.PaySalary, Amount: model.Rub(rub)}
}

func directorRate(rub int64) model.PayComponent {
	return model.PayComponent{Kind: model.PayDirectorRate, Amount: model.Rub(rub)}
}

func bonus(rub int64) model.PayComponent {
	return model.PayComponent{Kind: model.PayBonus, Amount: model.Rub(rub), Note: "За порядок на стойке и записи без ошибок"}
}

// pct is a whole percent as a model.Percent.
func pct(n int64) model.Percent { return model.Percent(n * 100) }

func profitShare(n int64) model.PayComponent {
	return model.PayComponent{Kind: model.PayBlockProfit, Percent: pct(n)}
}

func services(n int64, afterConsumables bool) model.PayComponent {
	return model.PayComponent{Kind: model.PayOwnServices, Percent: pct(n), AfterConsumables: afterConsumables}
}

func goods(n int64) model.PayComponent {
	return model.PayComponent{Kind: model.PayOwnGoods, Percent: pct(n)}
}

// tiered is a tiered share; bands are pairs of the revenue (roubles) a
// band starts from and its percent.
func tiered(retroactive bool, bands ...int64) model.PayComponent {
	c := model.PayComponent{Kind: model.PayTiered, Retroactive: retroactive}
	for i := 0; i+1 < len(bands); i += 2 {
		c.Tiers = append(c.Tiers, model.Tier{From: model.Rub(bands[i]), Percent: pct(bands[i+1])})
	}
	return c
}

func note(c model.PayComponent, text string) model.PayComponent {
	c.Note = text
	return c
}
