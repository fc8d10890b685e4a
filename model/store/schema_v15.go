package store

// schemaV15 makes the search's full-text indexes again without the size of
// each client's search key (columnsize=0): the search never ranks by it,
// and writing it was a quarter of the indexes' work when many clients
// come at once. Their content stays in clients, and the triggers that
// keep them are the same.
var schemaV15 = []string{
	`DROP TABLE client_tri`,
	`DROP TABLE client_words`,
	`CREATE VIRTUAL TABLE client_tri USING fts5(search_key, content='clients', content_rowid='id', tokenize='trigram', columnsize=0)`,
	`CREATE VIRTUAL TABLE client_words USING fts5(search_key, content='clients', content_rowid='id', tokenize='unicode61', prefix='1 2', columnsize=0)`,
	`INSERT INTO client_tri(client_tri) VALUES('rebuild')`,
	`INSERT INTO client_words(client_words) VALUES('rebuild')`,
}

// postgresV15 is schemaV15 on PostgreSQL: nothing, its search is one
// trigram index over the search key.
var postgresV15 = []string{}
