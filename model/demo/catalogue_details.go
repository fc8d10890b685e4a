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
	oncology     = "онкология"
	infection    = "кожные инфекции"
	thrombosis   = "тромбоз"
	pacemaker    = "кардиостимулятор"
)

var details = map[string]detail{
	"Консультация косметолога":           {consumables: 50, pros: "План ухода и курс процедур под кожу клиента", cons: "Сама по себе не даёт результата"},
	"Чистка лица комбинированная":        {consumables: 450, pros: "Сразу видимый результат, подходит почти всем типам кожи", cons: "Покраснение до суток после процедуры", contra: []string{skin, infection}},
	"Ультразвуковая чистка лица":         {consumables: 180, pros: "Бережнее механической, без покраснения — можно перед событием", cons: "Не убирает глубокие загрязнения", contra: []string{infection, pacemaker}},
	"Пилинг миндальный":                  {consumables: 380, pros: "Мягкий, можно в любое время года", cons: "Нужен курс из 4–6 процедур", contra: []string{skin, pregnancy}},
	"Пилинг ретиноевый (жёлтый)":         {consumables: 900, pros: "Выравнивает тон и рельеф, убирает пигментацию", cons: "Шелушение 5–7 дней, только осенью и зимой", contra: []string{pregnancy, skin, infection}},
	"Уходовая процедура по типу кожи":    {consumables: 520, pros: "Без восстановления, расслабляет", cons: "Эффект держится неделю-две"},
	"Альгинатная маска":                  {consumables: 320, pros: "Успокаивает кожу после чистки и пилинга", cons: "Одна маска — эффект на несколько дней"},
	"Биоревитализация":                   {consumables: 4200, pros: "Увлажнение и тонус кожи на месяцы", cons: "Папулы 1–2 дня, дорогой препарат", contra: []string{pregnancy, skin, oncology}, newDays: 20},
	"RF-лифтинг лица":                    {consumables: 300, pros: "Подтягивает овал без уколов", cons: "Нужен курс, результат постепенный", contra: []string{pregnancy, heart, pacemaker, oncology}},
	"Микротоковая терапия лица":          {consumables: 150, pros: "Снимает отёки и подтягивает овал, без боли", cons: "Курс из 8–10 процедур", contra: []string{pacemaker, pregnancy, oncology}, newDays: 45},
	"Коррекция и окрашивание бровей":     {consumables: 120, pros: "Быстро, держится 3–4 недели", cons: "Возможна реакция на краску"},
	"Ламинирование ресниц":               {consumables: 350, pros: "Не нужна тушь 6–8 недель", cons: "Нельзя мочить сутки"},
	"Сыворотка с витамином C, 30 мл":     {cost: 1700, pros: "Продлевает эффект процедур дома", cons: "Может щипать чувствительную кожу"},
	"Крем SPF 50, 50 мл":                 {cost: 1100, pros: "Обязателен после пилингов", cons: "Нужно обновлять каждые 2 часа"},
	"Увлажняющий крем для лица, 50 мл":   {cost: 1300, pros: "Восстанавливает кожу после процедур", cons: "Жирной коже может быть плотным"},
	"Гель для умывания":                  {cost: 650, pros: "Мягкий, для ежедневного ухода", cons: "Не снимает стойкий макияж"},
	"Тренажёрный зал, разовое посещение": {training: true, consumables: 25, pros: "Без обязательств, удобно попробовать", cons: "Дороже, чем по абонементу", contra: []string{fever}},
	"Вводная тренировка с тренером":      {training: true, consumables: 20, pros: "Знакомство с залом и безопасная техника", cons: "Одно занятие не даёт программы"},
	"Персональная тренировка":            {training: true, consumables: 30, pros: "Программа под цель и здоровье клиента", cons: "Дороже групповых занятий", contra: []string{hypertension, heart}},
	"Группа «Здоровая спина»":            {training: true, consumables: 15, pros: "Снимает боль в спине, недорого", cons: "Фиксированное расписание", contra: []string{fever}},
	"Функциональный тренинг, группа":     {training: true, consumables: 20, pros: "Сила и выносливость в компании, бодрый темп", cons: "Новичку тяжело без вводной тренировки", contra: []string{hypertension, heart, fever}, newDays: 12},
	"Хатха-йога, группа":                 {training: true, consumables: 15, pros: "Гибкость и снятие стресса", cons: "Медленный прогресс в силе"},
	"Стретчинг, группа":                  {training: true, consumables: 15, pros: "Гибкость и осанка, подходит новичкам", cons: "Результат заметен через месяц-два", contra: []string{fever}},
	"Индивидуальное занятие йогой":       {training: true, consumables: 30, pros: "Практика под здоровье и уровень клиента", cons: "Дороже группы"},
	"Замеры и фитнес-тестирование":       {training: true, consumables: 30, pros: "Видно прогресс в цифрах", cons: "Нужно повторять раз в месяц"},
	"Протеиновый батончик":               {cost: 95, pros: "Перекус после тренировки", cons: "Калорийный"},
	"Протеиновый коктейль":               {cost: 110, pros: "Восстановление после силовой тренировки", cons: "Не заменяет полноценную еду"},
	"Вода 0,5 л": {cost: 30, pros: "Всегда под рукой у стойки", cons: "Дороже, чем принести свою"},
	"Шейкер":     {cost: 200, pros: "Удобно для протеина", cons: "Нужно мыть сразу после тренировки"},
	"Фитнес-резинки, набор из 3":     {cost: 380, pros: "Тренировки дома и в поездках", cons: "Со временем растягиваются"},
	"Массаж спины, 30 минут":         {consumables: 80, pros: "Быстро снимает напряжение", cons: "Только спина", contra: []string{hypertension, skin, fever}},
	"Массаж шейно-воротниковой зоны": {consumables: 60, pros: "Снимает головную боль от сидячей работы", cons: "Только шея и плечи", contra: []string{fever, infection}},
	"Классический массаж, 60 минут":  {consumables: 150, pros: "Расслабляет всё тело", cons: "Нужен курс для стойкого эффекта", contra: []string{hypertension, varicose, fever, thrombosis}},
	"Лимфодренажный массаж":          {consumables: 180, pros: "Убирает отёки, помогает при коррекции фигуры", cons: "Курс из 10 сеансов", contra: []string{varicose, pregnancy, heart, thrombosis, oncology}, newDays: 10},
	"Антицеллюлитный массаж":         {consumables: 200, pros: "Кожа ровнее, уходит застой в тканях", cons: "Болезненный, нужен курс из 10–12", contra: []string{varicose, pregnancy, skin, thrombosis}},
	"Шоколадное обёртывание":         {consumables: 650, pros: "Кожа гладкая, приятный ритуал", cons: "Эффект на коже, не на объёмах", contra: []string{varicose, pregnancy, skin}},
	"Водорослевое обёртывание":       {consumables: 700, pros: "Уходят отёки и объём, кожа подтянутая", cons: "Нужен курс, запах водорослей", contra: []string{varicose, pregnancy, thrombosis, infection}},
	"Солевой пилинг тела":            {consumables: 230, pros: "Гладкая кожа, готовит к обёртыванию", cons: "Щиплет на свежих царапинах", contra: []string{skin, infection}},
	"Хаммам с пилингом":              {consumables: 250, pros: "Глубокое очищение и отдых", cons: "Жарко тем, кто плохо переносит пар", contra: []string{hypertension, heart, pregnancy, infection}},
	"СПА-ритуал для двоих":           {consumables: 1400, pros: "Подарок и отдых для пары", cons: "Нужно записываться заранее", contra: []string{pregnancy}},
	"Масло для тела, 100 мл":         {cost: 900, pros: "Продолжение СПА дома", cons: "Оставляет плёнку, если много нанести"},
	"Скраб для тела, 200 мл":         {cost: 600, pros: "Домашний пилинг между процедурами", cons: "Не для чувствительной кожи"},
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
