package store

// schemaV7 indexes when each client was added, for Today's "added this
// month", and counts a client's visits by the days they came.
var schemaV7 = []string{
	`CREATE INDEX clients_created ON clients(created_at)`,
	`UPDATE clients SET visit_count = (SELECT count(DISTINCT day) FROM visits WHERE client_id = clients.id)
		WHERE EXISTS (SELECT 1 FROM visits WHERE client_id = clients.id)`,
}
