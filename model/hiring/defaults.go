package hiring

// The kinds of a line of the position profile.
const (
	KindKnowledge = "knowledge"
	KindSkill     = "skill"
	KindQuality   = "quality"
)

// DefaultTaskSet is the name of the seed's working-day test.
const DefaultTaskSet = "Рабочий день менеджера сопровождения"

var defaultKnowledge = []string{
	"Коммуникация",
	"Выяснение заявленных, незаявленных и неосознанных потребностей",
	"Продажи",
	"Основы менеджмента",
	"Знание продукта",
	"Логистика",
	"Основы коррекции фигуры",
	"Психология",
	"Стандарты компании",
}

var defaultQualities = []string{
	"Коммуникабельность",
	"Эмпатия",
	"Позитивность",
	"Организованность",
	"Стрессоустойчивость",
	"Ответственность",
}

var defaultQuestions = map[string][]string{
	Knowledge: {
		"Расскажите, на основании чего вы составляете программу упражнений",
		"Как вы выясняете неосознанные потребности клиентки? Приведите пример",
		"Какие стандарты обслуживания вы считаете обязательными в салоне и почему?",
	},
	Communicability: {
		"Сыграем: я — новая клиентка, пришла «просто посмотреть». Начните разговор",
		"Клиентка молчит и отвечает односложно. Как вы её разговорите?",
		"Расскажите о случае, когда вам удалось найти общий язык с трудным человеком",
	},
	Positivity: {
		"Почему вы ушли с прошлого места работы?",
		"Клиентка говорит, что в салоне напротив дешевле и лучше. Что вы ответите?",
		"Что вас больше всего раздражает в людях?",
	},
	Organisation: {
		"Как вы планируете свой рабочий день?",
		"У вас три срочных дела и час времени. Как вы решите, с чего начать?",
	},
	Stress: {
		"Клиентке стало плохо на тренировке — ваши действия?",
		"Клиентка кричит на вас при других клиентах. Что вы сделаете?",
		"Вспомните самую напряжённую ситуацию на работе: как вы с ней справились?",
	},
	Responsibility: {
		"Постоянная клиентка требует скидку 50 %, которую вы не вправе дать. Что вы сделаете?",
		"Вы поняли, что дали клиентке неверную информацию о процедуре. Ваши действия?",
		"Коллега не выполнил свою часть работы, и клиентка недовольна. Что вы сделаете?",
	},
}

var defaultTasks = []DayTask{
	{Title: "Вводная лекция новому клиенту", Priority: Must, Minutes: 60},
	{Title: "Разбор жалобы клиентки", Priority: Must, Minutes: 30},
	{Title: "Планёрка с директором", Priority: Must, Minutes: 30},
	{Title: "Документы для годового отчёта", Priority: Must, Minutes: 90},
	{Title: "Подтвердить записи на завтра", Priority: Must, Minutes: 30},
	{Title: "Обзвон 10 бывших клиентов о новой акции", Priority: Should, Minutes: 60},
	{Title: "Контроль качества звонков администраторов", Priority: Should, Minutes: 45},
	{Title: "Составить программу для постоянной клиентки", Priority: Should, Minutes: 40},
	{Title: "Заказать расходные материалы", Priority: Should, Minutes: 20},
	{Title: "Ответить на отзывы клиентов в соцсетях", Priority: Should, Minutes: 30},
	{Title: "Провести пробное занятие", Priority: Should, Minutes: 60},
	{Title: "Обед", Personal: true, Priority: Should, Minutes: 30},
	{Title: "Обновить прайс на стойке администратора", Priority: Could, Minutes: 15},
	{Title: "Разобрать почту", Priority: Could, Minutes: 20},
	{Title: "Подготовить пост о новой услуге", Priority: Could, Minutes: 40},
	{Title: "Забрать костюм из химчистки", Personal: true, Priority: Could, Minutes: 30},
	{Title: "Обед с подругой", Personal: true, Priority: Drop, Minutes: 90},
	{Title: "Переставить мебель в зоне ожидания", Priority: Drop, Minutes: 60},
	{Title: "Посмотреть вебинар конкурентов", Priority: Drop, Minutes: 90},
	{Title: "Записаться на маникюр", Personal: true, Priority: Drop, Minutes: 10},
}

// DefaultCompetencies is the seed's position profile of the support
// manager: the knowledge, then the personal qualities, each once.
func DefaultCompetencies() []Competency {
	out := make([]Competency, 0, len(defaultKnowledge)+len(defaultQualities))
	for i, n := range defaultKnowledge {
		out = append(out, Competency{Kind: KindKnowledge, Name: n, Position: i})
	}
	for i, n := range defaultQualities {
		out = append(out, Competency{Kind: KindQuality, Name: n, Position: i})
	}
	return out
}

// DefaultQuestions is the seed's question bank: two or three questions per
// criterion, in the criteria's order, all active.
func DefaultQuestions() []Question {
	var out []Question
	for _, c := range Criteria {
		for i, text := range defaultQuestions[c] {
			out = append(out, Question{Criterion: c, Text: text, Position: i, Active: true})
		}
	}
	return out
}

// DefaultTasks is the seed's working-day test: the support manager's
// tasks, work and personal, with their reference priorities and realistic
// minutes.
func DefaultTasks() TaskSet {
	ts := TaskSet{Name: DefaultTaskSet, Tasks: make([]DayTask, len(defaultTasks))}
	copy(ts.Tasks, defaultTasks)
	for i := range ts.Tasks {
		ts.Tasks[i].Position = i
	}
	return ts
}
