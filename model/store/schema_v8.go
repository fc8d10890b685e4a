package store

// schemaV8 numbers each change of a visit and a card, as a client's
// already are: a save made from what was read before someone else's
// change is refused (model.ErrConflict) instead of overwriting it, and
// two PCs changing one card take turns.
var schemaV8 = []string{
	`ALTER TABLE visits ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
	`ALTER TABLE cards ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
}

// postgresV8 is schemaV8 on PostgreSQL, with the index the search as
// you type reads alone: the working list's names in order with their
// search keys (search.go, firstMatchesSQL).
var postgresV8 = []string{
	`ALTER TABLE visits ADD COLUMN version BIGINT NOT NULL DEFAULT 1`,
	`ALTER TABLE cards ADD COLUMN version BIGINT NOT NULL DEFAULT 1`,
	`CREATE INDEX clients_name_search ON clients(name_key, id) INCLUDE (search_key) WHERE archived_at IS NULL`,
}
