package store

// schemaV7 indexes when each client was added, for Today's "added this
// month".
var schemaV7 = []string{
	`CREATE INDEX clients_created ON clients(created_at)`,
}
