package store

// schemaV1 is the first schema: clients with their search indexes, blocks
// and staff.
var schemaV1 = []string{
	`CREATE TABLE blocks (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL UNIQUE
	)`,
	`CREATE TABLE staff (
		id INTEGER PRIMARY KEY,
		uuid TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		role TEXT NOT NULL DEFAULT '',
		block_id INTEGER REFERENCES blocks(id),
		phone TEXT NOT NULL DEFAULT '',
		hired_on TEXT,
		active INTEGER NOT NULL DEFAULT 1,
		duties TEXT NOT NULL DEFAULT ''
	)`,
	`CREATE TABLE clients (
		id INTEGER PRIMARY KEY,
		uuid TEXT NOT NULL UNIQUE,
		last_name TEXT NOT NULL DEFAULT '',
		first_name TEXT NOT NULL DEFAULT '',
		middle_name TEXT NOT NULL DEFAULT '',
		phone TEXT NOT NULL DEFAULT '',
		email TEXT NOT NULL DEFAULT '',
		birth_date TEXT,
		source TEXT NOT NULL DEFAULT '',
		referrer_id INTEGER REFERENCES clients(id) ON DELETE SET NULL,
		pd_consent_at TEXT,
		health_consent_at TEXT,
		marketing_consent INTEGER NOT NULL DEFAULT 0,
		marketing_consent_at TEXT,
		tags TEXT NOT NULL DEFAULT '',
		notes TEXT NOT NULL DEFAULT '',
		health TEXT NOT NULL DEFAULT '',
		needs_stated TEXT NOT NULL DEFAULT '',
		needs_observed TEXT NOT NULL DEFAULT '',
		goals TEXT NOT NULL DEFAULT '',
		first_visit_on TEXT,
		last_visit_on TEXT,
		visit_count INTEGER NOT NULL DEFAULT 0,
		card_numbers TEXT NOT NULL DEFAULT '',
		archived_at DATETIME,
		version INTEGER NOT NULL DEFAULT 1,
		created_at DATETIME NOT NULL,
		updated_at DATETIME NOT NULL,
		search_key TEXT NOT NULL DEFAULT '',
		name_key TEXT NOT NULL DEFAULT '',
		birth_md INTEGER NOT NULL DEFAULT 0
	)`,
	`CREATE UNIQUE INDEX clients_phone ON clients(phone) WHERE phone <> ''`,
	`CREATE INDEX clients_name ON clients(name_key)`,
	`CREATE INDEX clients_birth ON clients(birth_md)`,
	`CREATE INDEX clients_referrer ON clients(referrer_id)`,
	`CREATE VIRTUAL TABLE client_tri USING fts5(search_key, content='clients', content_rowid='id', tokenize='trigram')`,
	`CREATE VIRTUAL TABLE client_words USING fts5(search_key, content='clients', content_rowid='id', tokenize='unicode61', prefix='1 2')`,
	clientsSearchInsertDDL,
	`CREATE TRIGGER clients_ad AFTER DELETE ON clients BEGIN
		INSERT INTO client_tri(client_tri, rowid, search_key) VALUES ('delete', old.id, old.search_key);
		INSERT INTO client_words(client_words, rowid, search_key) VALUES ('delete', old.id, old.search_key);
	END`,
	`CREATE TRIGGER clients_au AFTER UPDATE OF search_key ON clients BEGIN
		INSERT INTO client_tri(client_tri, rowid, search_key) VALUES ('delete', old.id, old.search_key);
		INSERT INTO client_words(client_words, rowid, search_key) VALUES ('delete', old.id, old.search_key);
		INSERT INTO client_tri(rowid, search_key) VALUES (new.id, new.search_key);
		INSERT INTO client_words(rowid, search_key) VALUES (new.id, new.search_key);
	END`,
}

// clientsSearchInsertDDL indexes a new client for the search. A batch of
// new clients does its work once for the batch instead (sqlite_rows.go).
const clientsSearchInsertDDL = `CREATE TRIGGER clients_ai AFTER INSERT ON clients BEGIN
		INSERT INTO client_tri(rowid, search_key) VALUES (new.id, new.search_key);
		INSERT INTO client_words(rowid, search_key) VALUES (new.id, new.search_key);
	END`
