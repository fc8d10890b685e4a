package demo

import "companion/model"

// proposalTexts are the improvement proposals, one in each status and a
// second accepted one: the topic of the feedback that prompted it, the
// owner, how many days ago it was made.
var proposalTexts = []struct {
	topic, title, text, owner, status, result string
	daysAgo                                   int
}{
	{"clean", "Проверка раздевалок каждые два часа", "Чек-лист уборки на двери раздевалки, отметка администратора",
		"Новикова Юлия Сергеевна", model.ProposalDone, "Жалоб на чистоту раздевалок больше не было", 200},
	{"remind", "Напоминание о записи в мессенджер накануне", "Сообщение клиенту за день до визита с кнопкой подтверждения",
		"Новикова Юлия Сергеевна", model.ProposalAccepted, "", 60},
	{"care", "Памятка по домашнему уходу после пилингов", "Печатная памятка и разговор о уходе в конце процедуры",
		"Смирнова Ольга Викторовна", model.ProposalAccepted, "", 40},
	{"evening", "Вечерние группы после 21:00", "Открыть поздние группы по вторникам и четвергам",
		"Громов Денис Александрович", model.ProposalRejected, "Мало желающих: опрос показал пять человек, группа не окупится", 120},
	{"wait", "Буфер 10 минут между процедурами", "Не ставить записи к мастеру встык, чтобы не задерживать следующего клиента",
		"", model.ProposalProposed, "", 5},
}

// proposalsOf makes the proposals, each linked to up to three pieces of
// feedback on its topic received before it was made.
func proposalsOf(d *Data) []Proposal {
	var out []Proposal
	for _, t := range proposalTexts {
		made := d.Today.AddDays(-t.daysAgo)
		p := Proposal{Owner: -1, Proposal: model.Proposal{Title: t.title, Text: t.text, Status: t.status,
			Result: t.result, Made: made}}
		if t.owner != "" {
			p.Owner = staffNamed(d, t.owner)
		}
		for i, f := range d.Quality.Feedback {
			if f.topic == t.topic && !f.On.After(made) && len(p.Feedback) < 3 {
				p.Feedback = append(p.Feedback, i)
			}
		}
		out = append(out, p)
	}
	return out
}
