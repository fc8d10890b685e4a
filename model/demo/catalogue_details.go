package demo

import "companion/model"

// roleDuties are the duties of each position, written once per position.
var roleDuties = map[string]string{
	"директор блока":         "Отвечает за выручку и качество блока: план продаж, график специалистов, закупки, обучение, разбор жалоб клиентов.",
	"врач-косметолог":        "Консультирует и ведёт инъекционные и аппаратные процедуры; собирает анамнез, проверяет противопоказания, назначает курс.",
	"косметолог-эстетист":    "Чистки, пилинги и уходовые процедуры; подбирает домашний уход и приглашает на повторный визит.",
	"мастер бровей и ресниц": "Коррекция, окрашивание и ламинирование бровей и ресниц; напоминает клиенту о сроке коррекции.",
	"тренер":             "Вводные и персональные тренировки, программы занятий, ежемесячные замеры; следит за техникой и самочувствием клиента.",
	"инструктор по йоге": "Групповые и индивидуальные занятия йогой; подбирает нагрузку с учётом здоровья и беременности.",
	"администратор":      "Встречает клиентов, записывает на услуги, продаёт и продлевает абонементы, принимает оплату.",
	"массажист":          "Классический, спортивный и лимфодренажный массаж; уточняет противопоказания перед каждым сеансом.",
	"мастер СПА":         "Обёртывания, пилинги тела, хаммам и СПА-ритуалы; готовит кабинет и следит за расходом средств.",
}

// Roles are the positions of the demo team with their duties, by name.
func Roles(staff []Staff) []model.StaffRole {
	seen := map[string]bool{}
	var out []model.StaffRole
	for _, s := range staff {
		if !seen[s.Role] {
			seen[s.Role] = true
			out = append(out, model.StaffRole{Name: s.Role, Duties: roleDuties[s.Role]})
		}
	}
	return out
}

// detail is what the catalogue says of a line beyond its price.
type detail struct {
	training          bool
	consumables, cost int64 // roubles
	pros, cons        string
	contra            []string
	newDays           int // marked new this many days ago; 0: not new
}

// Contraindications of the demo catalogue.
const (
	hypertension = "гипертония"
	pregnancy    = "беременность"
	varicose     = "варикоз"
	skin         = "воспаления кожи"
	heart        = "болезни сердца"
	fever        = "простуда, температура"
)

var details = map[string]detail{
	"Чистка лица комбинированная":        {consumables: 450, pros: "Сразу видимый результат, подходит почти всем типам кожи", cons: "Покраснение до суток после процедуры", contra: []string{skin}},
	"Пилинг миндальный":                  {consumables: 380, pros: "Мягкий, можно в любое время года", cons: "Нужен курс из 4–6 процедур", contra: []string{skin, pregnancy}},
	"Уходовая процедура по типу кожи":    {consumables: 520, pros: "Без восстановления, расслабляет", cons: "Эффект держится неделю-две"},
	"Биоревитализация":                   {consumables: 4200, pros: "Увлажнение и тонус кожи на месяцы", cons: "Папулы 1–2 дня, дорогой препарат", contra: []string{pregnancy, skin}, newDays: 20},
	"RF-лифтинг лица":                    {consumables: 300, pros: "Подтягивает овал без уколов", cons: "Нужен курс, результат постепенный", contra: []string{pregnancy, heart}},
	"Коррекция и окрашивание бровей":     {consumables: 120, pros: "Быстро, держится 3–4 недели", cons: "Возможна реакция на краску"},
	"Ламинирование ресниц":               {consumables: 350, pros: "Не нужна тушь 6–8 недель", cons: "Нельзя мочить сутки"},
	"Консультация косметолога":           {pros: "План ухода и курс процедур под кожу клиента", cons: "Сама по себе не даёт результата"},
	"Тренажёрный зал, разовое посещение": {training: true, pros: "Без обязательств, удобно попробовать", cons: "Дороже, чем по абонементу", contra: []string{fever}},
	"Вводная тренировка с тренером":      {training: true, pros: "Знакомство с залом и безопасная техника", cons: "Одно занятие не даёт программы"},
	"Персональная тренировка":            {training: true, pros: "Программа под цель и здоровье клиента", cons: "Дороже групповых занятий", contra: []string{hypertension, heart}},
	"Группа «Здоровая спина»":            {training: true, pros: "Снимает боль в спине, недорого", cons: "Фиксированное расписание", contra: []string{fever}},
	"Хатха-йога, группа":                 {training: true, pros: "Гибкость и снятие стресса", cons: "Медленный прогресс в силе"},
	"Замеры и фитнес-тестирование":       {training: true, consumables: 30, pros: "Видно прогресс в цифрах", cons: "Нужно повторять раз в месяц"},
	"Массаж спины, 30 минут":             {consumables: 80, pros: "Быстро снимает напряжение", cons: "Только спина", contra: []string{hypertension, skin, fever}},
	"Классический массаж, 60 минут":      {consumables: 150, pros: "Расслабляет всё тело", cons: "Нужен курс для стойкого эффекта", contra: []string{hypertension, varicose, fever}},
	"Лимфодренажный массаж":              {consumables: 180, pros: "Убирает отёки, помогает при коррекции фигуры", cons: "Курс из 10 сеансов", contra: []string{varicose, pregnancy, heart}, newDays: 10},
	"Шоколадное обёртывание":             {consumables: 650, pros: "Кожа гладкая, приятный ритуал", cons: "Эффект на коже, не на объёмах", contra: []string{varicose, pregnancy, skin}},
	"Хаммам с пилингом":                  {consumables: 250, pros: "Глубокое очищение и отдых", cons: "Жарко тем, кто плохо переносит пар", contra: []string{hypertension, heart, pregnancy}},
	"СПА-ритуал для двоих":               {consumables: 1400, pros: "Подарок и отдых для пары", cons: "Нужно записываться заранее", contra: []string{pregnancy}},
	"Сыворотка с витамином C, 30 мл":     {cost: 1700, pros: "Продлевает эффект процедур дома", cons: "Может щипать чувствительную кожу"},
	"Крем SPF 50, 50 мл":                 {cost: 1100, pros: "Обязателен после пилингов", cons: "Нужно обновлять каждые 2 часа"},
	"Гель для умывания":                  {cost: 650, pros: "Мягкий, для ежедневного ухода", cons: "Не снимает стойкий макияж"},
	"Протеиновый батончик":               {cost: 95, pros: "Перекус после тренировки", cons: "Калорийный"},
	"Вода 0,5 л":             {cost: 30},
	"Шейкер":                 {cost: 200, pros: "Удобно для протеина"},
	"Масло для тела, 100 мл": {cost: 900, pros: "Продолжение СПА дома", cons: "Оставляет плёнку, если много нанести"},
}

// addDetails gives the catalogue's lines their costs, advantages,
// drawbacks, contraindications and "new" marks.
func addDetails(services []Service, today model.Date) {
	for i := range services {
		s := &services[i].Service
		s.Role = services[i].Role
		dt, ok := details[s.Name]
		if !ok {
			continue
		}
		s.Training, s.Consumables, s.CostPrice = dt.training, model.Rub(dt.consumables), model.Rub(dt.cost)
		s.Pros, s.Cons, s.Contraindications = dt.pros, dt.cons, dt.contra
		if dt.newDays > 0 {
			s.NewSince = today.AddDays(-dt.newDays)
		}
	}
}
