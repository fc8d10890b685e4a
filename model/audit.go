package model

import (
	"errors"
	"time"
)

// AuditEntry records one change to sensitive data: who (the role), when,
// which record and which fields. Each entry carries the hash of the one
// before it, so an entry altered or removed breaks the chain.
type AuditEntry struct {
	ID       uint
	At       time.Time
	Role     Role
	Area     Area
	Action   string // create, update, delete, anonymize, restore
	Table    string `gorm:"column:table_name"` // the table of the record
	RecordID uint
	Fields   string // the fields changed, comma separated
	PrevHash string
	Hash     string

	Client string `gorm:"-"` // the name of the client the record is about, when read back; "" if gone
}

// TableName keeps audit entries in their own table.
func (AuditEntry) TableName() string { return "audit_log" }

// Errors of VerifyAudit: which entry is the first that does not hold.
// Args["ID"] names it.
var (
	// ErrAuditAltered: the entry's content no longer matches its hash.
	ErrAuditAltered = &FieldError{Key: "err.audit.altered"}
	// ErrAuditRemoved: the entry does not follow the one before it: an entry
	// between them was removed or replaced.
	ErrAuditRemoved = &FieldError{Key: "err.audit.removed"}
	// ErrAuditTruncated: entries at the end of the log were removed; ID is
	// the first missing one.
	ErrAuditTruncated = &FieldError{Key: "err.audit.truncated"}
)

// AuditBroken returns one of the ErrAudit… errors naming entry id.
func AuditBroken(kind *FieldError, id uint) error {
	return &FieldError{Key: kind.Key, Args: map[string]any{"ID": id}}
}

// AuditBrokenAt returns the entry a VerifyAudit error names.
func AuditBrokenAt(err error) (uint, bool) {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return 0, false
	}
	switch fe.Key {
	case ErrAuditAltered.Key, ErrAuditRemoved.Key, ErrAuditTruncated.Key:
		id, _ := fe.Args["ID"].(uint)
		return id, true
	}
	return 0, false
}
