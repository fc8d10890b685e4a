package demo

import (
	"math/rand/v2"

	"companion/model"
)

// blockNames are the salon's departments, each with its own turnover.
var blockNames = []string{"Косметология", "Фитнес", "СПА"}

// team is the salon's staff: block, full name, role and duties.
var team = []struct {
	block              int
	name, role, duties string
}{
	{0, "Смирнова Ольга Викторовна", "директор блока",
		"Руководит блоком косметологии: план продаж, график мастеров, закупка препаратов, разбор жалоб."},
	{0, "Каримова Алина Рустамовна", "врач-косметолог",
		"Инъекционные и аппаратные процедуры, первичные консультации, ведёт карты противопоказаний."},
	{0, "Белова Екатерина Андреевна", "косметолог-эстетист",
		"Чистки, пилинги, уходовые программы; подбирает домашний уход и записывает на повторный визит."},
	{0, "Жукова Дарья Игоревна", "мастер бровей и ресниц",
		"Коррекция и окрашивание бровей, ламинирование ресниц."},
	{1, "Громов Денис Александрович", "директор блока",
		"Руководит фитнесом: расписание залов и групп, продажи абонементов, обучение тренеров."},
	{1, "Орлов Артём Сергеевич", "тренер",
		"Персональные тренировки и вводные занятия, составляет программы, проводит замеры раз в месяц."},
	{1, "Фёдоров Максим Олегович", "тренер",
		"Функциональный тренинг и группы «Здоровая спина», работает с восстановлением после травм."},
	{1, "Лебедева Анастасия Павловна", "инструктор по йоге",
		"Утренние и вечерние группы хатха-йоги, йога для беременных, индивидуальные занятия."},
	{1, "Новикова Юлия Сергеевна", "администратор",
		"Стойка ресепшн: запись, звонки, продление абонементов, встречает новых клиентов."},
	{2, "Захарова Ирина Николаевна", "директор блока",
		"Руководит СПА: программы и сертификаты, корпоративные заказы, качество процедур."},
	{2, "Соколов Илья Валерьевич", "массажист",
		"Классический, спортивный и лимфодренажный массаж, курсы для спины."},
	{2, "Мельникова Светлана Юрьевна", "мастер СПА",
		"Обёртывания, пилинги тела, СПА-ритуалы для пар, ведёт хаммам."},
}

// makeStaff gives the blocks and the team, hired over the last eight years.
func makeStaff(r *rand.Rand, today model.Date) ([]model.Block, []Staff) {
	blocks := make([]model.Block, len(blockNames))
	for i, n := range blockNames {
		blocks[i] = model.Block{Name: n}
	}
	staff := make([]Staff, len(team))
	seen := map[string]bool{}
	for i, m := range team {
		days := 180 + r.IntN(8*365)
		if m.role == "директор блока" {
			days += 365 // the heads of blocks have been here longest
		}
		staff[i] = Staff{Block: m.block, Staff: model.Staff{
			UUID: newUUID(r), Name: m.name, Role: m.role, Duties: m.duties, Active: true,
			Phone: uniquePhone(r, seen), HiredOn: today.AddDays(-days),
		}}
	}
	return blocks, staff
}

// shortName turns "Каримова Алина Рустамовна" into "Каримова А. Р.".
func shortName(full string) string {
	last, first, middle := model.SplitFullName(full)
	out := last
	for _, p := range []string{first, middle} {
		if p != "" {
			out += " " + string([]rune(p)[0]) + "."
		}
	}
	return out
}
