package store

// schemaV6 gives the staff directory and the catalogue the fields the
// manager edits: archived blocks, the duties of each role written once,
// a service's kind, costs, role, advantages and drawbacks, its "new" mark,
// its contraindications from the salon's one list, and what it goes well
// with.
var schemaV6 = []string{
	`ALTER TABLE blocks ADD COLUMN archived INTEGER NOT NULL DEFAULT 0`,
	`CREATE TABLE staff_roles (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE,
		duties TEXT NOT NULL DEFAULT ''
	)`,
	`ALTER TABLE services ADD COLUMN training INTEGER NOT NULL DEFAULT 0`,
	`ALTER TABLE services ADD COLUMN consumables INTEGER NOT NULL DEFAULT 0 CHECK (consumables >= 0)`,
	`ALTER TABLE services ADD COLUMN cost_price INTEGER NOT NULL DEFAULT 0 CHECK (cost_price >= 0)`,
	`ALTER TABLE services ADD COLUMN role TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE services ADD COLUMN pros TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE services ADD COLUMN cons TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE services ADD COLUMN new_since TEXT`,
	`CREATE TABLE contraindications (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE
	)`,
	`CREATE TABLE service_contraindications (
		service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
		contraindication_id INTEGER NOT NULL REFERENCES contraindications(id) ON DELETE CASCADE,
		PRIMARY KEY (service_id, contraindication_id)
	)`,
	`CREATE INDEX service_contraindications_tag ON service_contraindications(contraindication_id)`,
	// "Goes well with": what the manager offers beside a service.
	`CREATE TABLE service_pairs (
		service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
		pair_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
		PRIMARY KEY (service_id, pair_id),
		CHECK (service_id <> pair_id)
	)`,
}
