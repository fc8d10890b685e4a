package store

// schemaV4 gives a client numeric goals, drawn as the goal line of the
// assessment chart.
var schemaV4 = []string{
	`ALTER TABLE clients ADD COLUMN goal_weight_kg REAL NOT NULL DEFAULT 0`,
	`ALTER TABLE clients ADD COLUMN goal_waist_cm REAL NOT NULL DEFAULT 0`,
}
