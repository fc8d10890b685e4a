package store

// schemaV2 adds the client relationship: the catalogue, visits with their
// lines, client cards with their types and freezes, physical assessments,
// the contact timeline with the intro lecture's checklist, and the small
// summaries the Today page reads instead of the visits:
//
//   - clients.risk_on, the day the client turns "at risk" by
//     model.ClientStatus, and first_day and last_day, the first and last
//     visit as day numbers, kept by triggers from the visit summary;
//   - month_stats, clients and visits per calendar month, kept by triggers
//     on visits;
//   - client_gaps, each client's pauses of more than gapDays days between
//     two visits, kept by the store on visit writes, so that the 90-day
//     retention is exact without reading the visits.
var schemaV2 = []string{
	`CREATE TABLE services (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		block_id INTEGER REFERENCES blocks(id) ON DELETE SET NULL,
		kind TEXT NOT NULL DEFAULT 'service' CHECK (kind IN ('service', 'product')),
		price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
		minutes INTEGER NOT NULL DEFAULT 0,
		active INTEGER NOT NULL DEFAULT 1
	)`,
	`CREATE TABLE card_types (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE,
		valid_days INTEGER NOT NULL CHECK (valid_days > 0),
		visits INTEGER NOT NULL DEFAULT 0 CHECK (visits >= 0),
		freeze_days INTEGER NOT NULL DEFAULT 0 CHECK (freeze_days >= 0),
		price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
		activate_on_first_visit INTEGER NOT NULL DEFAULT 0,
		active INTEGER NOT NULL DEFAULT 1
	)`,
	// visits_used, frozen_days, first_use and valid_until are kept by the
	// store from the visit lines and the freezes; valid_until is valid_to
	// with the freezes added.
	`CREATE TABLE cards (
		id INTEGER PRIMARY KEY,
		uuid TEXT NOT NULL UNIQUE,
		client_id INTEGER NOT NULL REFERENCES clients(id),
		type_id INTEGER NOT NULL REFERENCES card_types(id),
		number TEXT NOT NULL UNIQUE,
		sold_on TEXT NOT NULL,
		valid_from TEXT,
		valid_to TEXT,
		visits_included INTEGER NOT NULL DEFAULT 0,
		price INTEGER NOT NULL DEFAULT 0,
		notes TEXT NOT NULL DEFAULT '',
		visits_used INTEGER NOT NULL DEFAULT 0,
		frozen_days INTEGER NOT NULL DEFAULT 0,
		first_use TEXT,
		valid_until TEXT,
		created_at DATETIME NOT NULL,
		updated_at DATETIME NOT NULL
	)`,
	`CREATE INDEX cards_client ON cards(client_id)`,
	// Today's card alerts read these two alone (they cover the query).
	`CREATE INDEX cards_until ON cards(valid_until, valid_from, visits_included, visits_used, client_id)
		WHERE valid_until IS NOT NULL`,
	cardsFewLeftDDL, // rules_sql.go: its WHERE carries model.CardAlertVisits
	`CREATE TABLE card_freezes (
		id INTEGER PRIMARY KEY,
		card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
		from_day TEXT NOT NULL,
		to_day TEXT NOT NULL CHECK (to_day >= from_day)
	)`,
	`CREATE INDEX card_freezes_card ON card_freezes(card_id)`,
	// Visits stay with the books: a client with visits cannot be deleted,
	// only anonymised.
	`CREATE TABLE visits (
		id INTEGER PRIMARY KEY,
		uuid TEXT NOT NULL UNIQUE,
		client_id INTEGER NOT NULL REFERENCES clients(id),
		day TEXT NOT NULL,
		notes TEXT NOT NULL DEFAULT '',
		created_at DATETIME NOT NULL,
		updated_at DATETIME NOT NULL
	)`,
	`CREATE INDEX visits_client ON visits(client_id, day)`,
	`CREATE INDEX visits_day ON visits(day)`,
	`CREATE TABLE visit_lines (
		id INTEGER PRIMARY KEY,
		visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
		service_id INTEGER REFERENCES services(id) ON DELETE SET NULL,
		name TEXT NOT NULL,
		staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
		qty INTEGER NOT NULL DEFAULT 1 CHECK (qty > 0),
		price INTEGER NOT NULL DEFAULT 0,
		discount INTEGER NOT NULL DEFAULT 0,
		paid_by TEXT NOT NULL DEFAULT 'money' CHECK (paid_by IN ('money', 'card')),
		card_id INTEGER REFERENCES cards(id),
		CHECK ((paid_by = 'card') = (card_id IS NOT NULL))
	)`,
	`CREATE INDEX visit_lines_visit ON visit_lines(visit_id)`,
	`CREATE INDEX visit_lines_card ON visit_lines(card_id) WHERE card_id IS NOT NULL`,
	`CREATE INDEX visit_lines_staff ON visit_lines(staff_id) WHERE staff_id IS NOT NULL`,
	`CREATE INDEX visit_lines_service ON visit_lines(service_id) WHERE service_id IS NOT NULL`,
	`CREATE TABLE assessments (
		id INTEGER PRIMARY KEY,
		client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
		day TEXT NOT NULL,
		weight_kg REAL NOT NULL DEFAULT 0,
		height_cm REAL NOT NULL DEFAULT 0,
		waist_cm REAL NOT NULL DEFAULT 0,
		hips_cm REAL NOT NULL DEFAULT 0,
		chest_cm REAL NOT NULL DEFAULT 0,
		body_fat_pct REAL NOT NULL DEFAULT 0,
		systolic INTEGER NOT NULL DEFAULT 0,
		diastolic INTEGER NOT NULL DEFAULT 0,
		contraindications TEXT NOT NULL DEFAULT '',
		notes TEXT NOT NULL DEFAULT ''
	)`,
	`CREATE INDEX assessments_client ON assessments(client_id, day)`,
	`CREATE TABLE intro_topics (
		id INTEGER PRIMARY KEY,
		title TEXT NOT NULL,
		position INTEGER NOT NULL DEFAULT 0,
		active INTEGER NOT NULL DEFAULT 1
	)`,
	introTopicsSQL,
	`CREATE TABLE contacts (
		id INTEGER PRIMARY KEY,
		client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
		day TEXT NOT NULL,
		kind TEXT NOT NULL,
		channel TEXT NOT NULL DEFAULT '',
		outcome TEXT NOT NULL DEFAULT '',
		notes TEXT NOT NULL DEFAULT '',
		next_on TEXT,
		next_done INTEGER NOT NULL DEFAULT 0,
		topics TEXT NOT NULL DEFAULT '',
		created_at DATETIME NOT NULL
	)`,
	`CREATE INDEX contacts_client ON contacts(client_id, day)`,
	`CREATE INDEX contacts_due ON contacts(next_on) WHERE next_done = 0 AND next_on IS NOT NULL`,

	// The Today page's summaries.
	`ALTER TABLE clients ADD COLUMN risk_on TEXT`,
	`ALTER TABLE clients ADD COLUMN first_day INTEGER`, // first_visit_on as days since 1970-01-01
	`ALTER TABLE clients ADD COLUMN last_day INTEGER`,  // last_visit_on, the same
	`CREATE INDEX clients_risk ON clients(risk_on, last_visit_on) WHERE risk_on IS NOT NULL`,
	`CREATE INDEX clients_days ON clients(last_day, first_day) WHERE last_day IS NOT NULL`,
	`CREATE INDEX clients_first_visit ON clients(first_visit_on) WHERE first_visit_on IS NOT NULL`,
	`CREATE INDEX clients_archived ON clients(id) WHERE archived_at IS NOT NULL`,
	// risk_on = the last visit + the usual gap (rounded down) + 1 day, the
	// gap as model.ClientStatus reckons it (rules_sql.go).
	sqliteSQL.clientsRiskInsertDDL(),
	sqliteSQL.clientsRiskUpdateDDL(),
	`UPDATE clients SET ` + sqliteSQL.visitDaysSQL(""),
	`CREATE TABLE month_stats (
		month TEXT PRIMARY KEY,
		clients INTEGER NOT NULL DEFAULT 0,
		visits INTEGER NOT NULL DEFAULT 0
	)`,
	`CREATE TRIGGER visits_month_ai AFTER INSERT ON visits BEGIN
		INSERT INTO month_stats (month, clients, visits)
		VALUES (substr(new.day, 1, 7), ` + firstInMonthSQL("new") + `, 1)
		ON CONFLICT (month) DO UPDATE SET clients = clients + excluded.clients, visits = visits + 1;
	END`,
	`CREATE TRIGGER visits_month_ad AFTER DELETE ON visits BEGIN
		UPDATE month_stats SET clients = clients - ` + firstInMonthSQL("old") + `, visits = visits - 1
		WHERE month = substr(old.day, 1, 7);
	END`,
	`CREATE TRIGGER visits_month_au AFTER UPDATE OF day, client_id ON visits BEGIN
		UPDATE month_stats SET clients = clients - ` + firstInMonthSQL("old") + `, visits = visits - 1
		WHERE month = substr(old.day, 1, 7);
		INSERT INTO month_stats (month, clients, visits)
		VALUES (substr(new.day, 1, 7), ` + firstInMonthSQL("new") + `, 1)
		ON CONFLICT (month) DO UPDATE SET clients = clients + excluded.clients, visits = visits + 1;
	END`,
	`CREATE TABLE client_gaps (
		client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
		after_day TEXT NOT NULL,
		before_day TEXT NOT NULL,
		PRIMARY KEY (client_id, after_day)
	)`,
	`CREATE INDEX client_gaps_before ON client_gaps(before_day)`,
}

// firstInMonthSQL is 1 when the visit row is the client's only one in its
// month, else 0.
func firstInMonthSQL(row string) string {
	return `(NOT EXISTS (SELECT 1 FROM visits o WHERE o.client_id = ` + row + `.client_id AND o.id <> ` + row + `.id
		AND o.day BETWEEN substr(` + row + `.day, 1, 7) || '-01' AND substr(` + row + `.day, 1, 7) || '-31'))`
}

// introTopicsSQL is the intro lecture as the seed document describes the
// support manager's first meeting with a client; the salon edits the list.
const introTopicsSQL = `INSERT INTO intro_topics (id, title, position) VALUES
		(1, 'Знакомство с салоном: блоки, специалисты и их обязанности', 1),
		(2, 'Менеджер сопровождения — ваш контакт по всем вопросам и для обратной связи', 2),
		(3, 'Объективная оценка физического состояния: замеры и что они покажут', 3),
		(4, 'Программа тренировок и процедур по вашим потребностям и состоянию', 4),
		(5, 'Клиентская карта: срок действия, посещения, заморозка, акции', 5),
		(6, 'Причины лишнего веса и влияние стресса на организм', 6),
		(7, 'Обмен веществ и принципы рационального питания', 7),
		(8, 'Основные виды эстетических процедур и их сочетание с тренировками', 8),
		(9, 'Стандарты обслуживания и правила клуба', 9),
		(10, 'Противопоказания: что важно сообщить специалистам', 10)`
