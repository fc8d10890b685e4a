package demo

import (
	"fmt"
	"math/rand/v2"

	"companion/model"
)

// FeedbackCount is about how many pieces of feedback the demo's year holds.
const FeedbackCount = 80

// said is what a client said, with the topic a proposal may take up.
type said struct{ topic, text string }

var (
	thanksWords = []said{
		{"", "Спасибо мастеру за «%s»: всё объяснили, было спокойно и совсем не больно"},
		{"", "Очень внимательное отношение, «%s» — лучше, чем в других салонах, где я была"},
		{"", "Огромное спасибо! После процедуры «%s» подруги спрашивают, где я так похорошела"},
		{"", "Спасибо за терпение и подробные объяснения, «%s» прошла отлично"},
		{"", "Всё чисто, вовремя и с улыбкой. За «%s» отдельное спасибо"},
		{"", "Спасибо, что подобрали время под мой график, «%s» — выше всяких похвал"},
	}
	complaintWords = []said{
		{"wait", "Ждала начала процедуры «%s» двадцать минут, никто не предупредил о задержке"},
		{"care", "После процедуры «%s» два дня было покраснение, о таком не предупреждали"},
		{"clean", "В раздевалке после «%s» было грязно, полотенца лежали на полу"},
		{"booking", "Пришла на «%s» по записи, а мастера в этот день нет — запись потерялась"},
		{"pressure", "На «%s» было больно, просила мягче — не услышали"},
		{"pushy", "На «%s» всё время навязывали покупку косметики, было неприятно"},
		{"wait", "На «%s» начали на пятнадцать минут позже и закончили раньше времени"},
	}
	suggestionWords = []said{
		{"remind", "Было бы удобно получать напоминание о записи на «%s» в мессенджер"},
		{"evening", "Добавьте, пожалуйста, вечернее время на «%s» — после работы не успеваю"},
		{"", "Поставьте кулер с водой рядом с залом, после «%s» очень хочется пить"},
		{"booking", "Хочется записываться на «%s» онлайн, а не только по телефону"},
	}
	answers = []string{"Приношу извинения, в тот день сдвинулось расписание. Впредь предупреждаю клиентов заранее",
		"Разобрали ситуацию с мастером, клиентке предложен повторный визит без оплаты",
		"Объяснил(а) клиентке, почему так бывает, и как ухаживать за кожей в ближайшие дни"}
	resolutions = []string{"Повторная процедура без оплаты, мастер прошёл инструктаж по стандарту",
		"Извинились, следующий визит со скидкой 20 %", "Ввели проверку раздевалок каждые два часа",
		"Запись перенесена, клиентке позвонил директор блока"}
	compensations = []string{"Скидка 20 % на следующий визит", "Повторная процедура бесплатно", "", "Подарочный сертификат на 1 500 ₽"}
	contactNotes  = []string{"Клиентка довольна, записалась снова", "Поблагодарила за звонок, всё в порядке",
		"Осталась недовольна: считает, что компенсация мала", "Сказала, что больше не придёт, но оценила звонок"}
	withdrawals = []string{"Клиентка перепутала салон: жалоба относилась к другому месту",
		"Записана дважды по ошибке администратора"}
)

// closing is how old complaints ended, in turn: most closed with the
// client contacted again and satisfied, some not, some only resolved, now
// and then one withdrawn.
var closing = []string{"sat", "sat", model.StateResolved, "unsat", "sat", model.StateWithdrawn, "sat", "unsat"}

// feedbackOf makes up a year of feedback about the visits' services and
// their staff, the oldest first: complaints older than model.OverdueDays
// are done with, two open ones are overdue, and a few came in the last days.
func feedbackOf(r *rand.Rand, d *Data) []Feedback {
	fg := fbGen{r: r, d: d}
	var picks []int
	for i, v := range d.Visits {
		if d.Today.DaysSince(v.On) <= 365 && d.Today.DaysSince(v.On) > 8 && fg.line(v) >= 0 {
			picks = append(picks, i)
		}
	}
	if len(picks) == 0 {
		return nil
	}
	var out []Feedback
	for k := 0; k < FeedbackCount-4; k++ {
		vi := picks[r.IntN(len(picks))]
		switch w := r.Float64(); {
		case w < 0.42:
			out = append(out, fg.make(vi, model.FeedbackThanks, d.Visits[vi].On.AddDays(r.IntN(2))))
		case w < 0.75:
			out = append(out, fg.complaint(vi, d.Visits[vi].On.AddDays(r.IntN(2))))
		default:
			out = append(out, fg.make(vi, model.FeedbackSuggestion, d.Visits[vi].On.AddDays(r.IntN(3))))
		}
	}
	out = append(out, fg.recent()...)
	sortFeedback(out)
	return out
}

type fbGen struct {
	r    *rand.Rand
	d    *Data
	turn int // the next of closing
}

// line is the index of a visit's first service done by somebody, or -1.
func (g *fbGen) line(v Visit) int {
	for i, l := range v.Lines {
		if l.Staff >= 0 && g.d.Services[l.Service].Kind == "service" {
			return i
		}
	}
	return -1
}

// make is feedback of kind about visit vi received on day on, taken as
// far as its age allows.
func (g *fbGen) make(vi int, kind string, on model.Date) Feedback {
	r, v := g.r, g.d.Visits[vi]
	on = min2(on, g.d.Today)
	l := v.Lines[g.line(v)]
	words := map[string][]said{model.FeedbackThanks: thanksWords, model.FeedbackComplaint: complaintWords,
		model.FeedbackSuggestion: suggestionWords}[kind]
	w := words[r.IntN(len(words))]
	f := Feedback{Client: v.Client, Staff: l.Staff, Service: l.Service, Visit: vi, Feedback: model.Feedback{
		Kind: kind, Words: fmt.Sprintf(w.text, g.d.Services[l.Service].Name), On: on, State: model.StateNew},
		topic: w.topic}
	switch kind {
	case model.FeedbackThanks:
		f.Rating = 4 + boolOf(chance(r, 0.8))
		if g.d.Today.DaysSince(on) > 7 {
			f.State, f.PassedOn, f.PassedBy = model.StatePassed, on.AddDays(1), g.director(l.Staff)
		}
	case model.FeedbackComplaint:
		f.Rating = 1 + r.IntN(3)
	case model.FeedbackSuggestion:
		f.Rating = []int{0, 4, 5}[r.IntN(3)]
		if g.d.Today.DaysSince(on) > 20 {
			f.State, f.PassedOn, f.PassedBy = model.StatePassed, on.AddDays(1), g.director(l.Staff)
			if chance(r, 0.5) {
				f.State, f.ResolvedOn = model.StateResolved, on.AddDays(10)
				f.Resolution = "Предложение принято, обсудили на планёрке блока"
			}
		}
	}
	return f
}

// director is who passes feedback on to Data.Staff[staff]: their block's
// director, in short.
func (g *fbGen) director(staff int) string {
	for _, s := range g.d.Staff {
		if s.Block == g.d.Staff[staff].Block && s.Role == "директор блока" {
			return shortName(s.Name)
		}
	}
	return "Новикова Ю. С."
}

func boolOf(b bool) int {
	if b {
		return 1
	}
	return 0
}
