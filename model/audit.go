package model

import "time"

// AuditEntry records one change to sensitive data: who (the role), when,
// which record and which fields. Each entry carries the hash of the one
// before it, so an entry altered or removed breaks the chain.
type AuditEntry struct {
	ID       uint
	At       time.Time
	Role     Role
	Area     Area
	Action   string // create, update, delete, anonymize, restore
	Table    string // the table of the record
	RecordID uint
	Fields   string // the fields changed, comma separated
	PrevHash string
	Hash     string
}

// TableName keeps audit entries in their own table.
func (AuditEntry) TableName() string { return "audit_log" }
