package store

// schemaV3 adds the safety of the data: PINs of the roles and the audit log.
var schemaV3 = []string{
	// How people get in: one person who sees everything, or a PIN per role.
	// No row yet: the owner has not chosen (the first start).
	`CREATE TABLE access_mode (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		mode TEXT NOT NULL CHECK (mode IN ('single', 'pins')),
		updated_at DATETIME NOT NULL
	)`,
	// One PIN per role, as an argon2id hash with its salt and the parameters
	// it was made with, so they can be raised later without locking anyone out.
	`CREATE TABLE pins (
		role TEXT PRIMARY KEY CHECK (role IN ('owner', 'manager', 'interviewer')),
		salt TEXT NOT NULL,
		hash TEXT NOT NULL,
		params TEXT NOT NULL,
		updated_at DATETIME NOT NULL
	)`,
	// Wrong PINs in a row and the lockout they caused; kept in the database so
	// that restarting the program does not reset them.
	`CREATE TABLE signin_state (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		failures INTEGER NOT NULL DEFAULT 0,
		lockouts INTEGER NOT NULL DEFAULT 0,
		locked_until DATETIME
	)`,
	// The audit log: who changed which fields of which sensitive record, when.
	// Never values, so it holds no personal data itself. Each entry carries
	// the hash of the one before it.
	`CREATE TABLE audit_log (
		id INTEGER PRIMARY KEY,
		at DATETIME NOT NULL,
		role TEXT NOT NULL,
		area TEXT NOT NULL,
		action TEXT NOT NULL,
		table_name TEXT NOT NULL DEFAULT '',
		record_id INTEGER NOT NULL DEFAULT 0,
		fields TEXT NOT NULL DEFAULT '',
		prev_hash TEXT NOT NULL,
		hash TEXT NOT NULL
	)`,
	`CREATE INDEX audit_log_record ON audit_log(table_name, record_id)`,
	// The last entry of the chain, so that removing entries from the end is
	// found too.
	`CREATE TABLE audit_head (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		last_id INTEGER NOT NULL,
		last_hash TEXT NOT NULL
	)`,
	// The program only ever appends to the log.
	`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
		SELECT RAISE(ABORT, 'the audit log is append-only');
	END`,
	`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
		SELECT RAISE(ABORT, 'the audit log is append-only');
	END`,
}
