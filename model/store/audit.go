package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"companion/model"
)

// audit appends e to the audit log inside tx, stamped with the store's role
// and the time, so the entry commits or rolls back with the change it
// describes (auditAll).
func (s *Store) audit(tx *gorm.DB, e model.AuditEntry) error {
	return s.auditAll(tx, []model.AuditEntry{e})
}

// auditAll appends the entries to the audit log inside tx in their order:
// each takes the next number after the chain's head and the hash before
// it, and the head moves on to the last, once for them all.
func (s *Store) auditAll(tx *gorm.DB, entries []model.AuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	if s.d.postgres { // PCs append in turn, so the chain stays one (SQLite's writers take turns already)
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", auditLockKey).Error; err != nil {
			return fmt.Errorf("audit: %w", err)
		}
	}
	var head struct {
		LastID   uint
		LastHash string
	}
	if err := tx.Raw("SELECT last_id, last_hash FROM audit_head WHERE id = 1").Scan(&head).Error; err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	at, role := s.moment(), s.Role()
	for i := range entries {
		e := &entries[i]
		e.ID, e.PrevHash, e.At, e.Role = head.LastID+1, head.LastHash, at, role
		e.Hash = auditHash(e)
		head.LastID, head.LastHash = e.ID, e.Hash
	}
	if err := tx.CreateInBatches(entries, 100).Error; err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	err := tx.Exec(`INSERT INTO audit_head(id, last_id, last_hash) VALUES (1, ?, ?)
		ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`, head.LastID, head.LastHash).Error
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// auditLockKey names the PostgreSQL advisory lock that appending to the
// audit log holds until its transaction ends.
const auditLockKey = 0x636f6d70616e696f // "companio"

// auditHash is the SHA-256 of the entry's fields and the previous hash, each
// written with its length first, so no two different entries encode alike.
func auditHash(e *model.AuditEntry) string {
	var b strings.Builder
	for _, f := range []string{
		"companion-audit-v1",
		strconv.FormatUint(uint64(e.ID), 10),
		e.At.UTC().Format(time.RFC3339Nano),
		string(e.Role),
		string(e.Area),
		e.Action,
		e.Table,
		strconv.FormatUint(uint64(e.RecordID), 10),
		e.Fields,
		e.PrevHash,
	} {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
		b.WriteByte(';')
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// AuditLog reads the audit log, newest first. Only the owner reads it.
func (s *Store) AuditLog(ctx context.Context, limit, offset int) ([]model.AuditEntry, error) {
	if err := s.allow(model.AreaAudit, model.Read); err != nil {
		return nil, err
	}
	var out []model.AuditEntry
	db := s.ctx(ctx)
	if err := db.Order("id DESC").Limit(limit).Offset(offset).Find(&out).Error; err != nil {
		return nil, err
	}
	return out, nameAuditClients(db, out)
}

// auditClientOf is how each table of the audit log leads to its client.
var auditClientOf = map[string]string{
	"clients":     "SELECT id AS record_id, last_name, first_name, middle_name FROM clients WHERE id IN ?",
	"assessments": "SELECT a.id AS record_id, c.last_name, c.first_name, c.middle_name FROM assessments a JOIN clients c ON c.id = a.client_id WHERE a.id IN ?",
	"visits":      "SELECT v.id AS record_id, c.last_name, c.first_name, c.middle_name FROM visits v JOIN clients c ON c.id = v.client_id WHERE v.id IN ?",
	"assessment_photos": "SELECT p.id AS record_id, c.last_name, c.first_name, c.middle_name FROM assessment_photos p " +
		"JOIN clients c ON c.id = p.client_id WHERE p.id IN ?",
}

// nameAuditClients fills in the client each entry is about, by name, for
// the records still in the database.
func nameAuditClients(db *gorm.DB, entries []model.AuditEntry) error {
	ids := map[string][]uint{}
	for _, e := range entries {
		if _, ok := auditClientOf[e.Table]; ok && e.RecordID != 0 {
			ids[e.Table] = append(ids[e.Table], e.RecordID)
		}
	}
	for table, list := range ids {
		var rows []struct {
			RecordID                        uint
			LastName, FirstName, MiddleName string
		}
		if err := db.Raw(auditClientOf[table], list).Scan(&rows).Error; err != nil {
			return err
		}
		names := map[uint]string{}
		for _, r := range rows {
			c := model.Client{LastName: r.LastName, FirstName: r.FirstName, MiddleName: r.MiddleName}
			names[r.RecordID] = c.FullName()
		}
		for i := range entries {
			if entries[i].Table == table {
				entries[i].Client = names[entries[i].RecordID]
			}
		}
	}
	return nil
}

// auditBatch is how many entries VerifyAudit reads at a time.
const auditBatch = 1000

// VerifyAudit walks the whole chain and recomputes every hash. It returns
// how many entries hold, and for the first that does not, one of
// model.ErrAuditAltered, ErrAuditRemoved or ErrAuditTruncated naming it.
func (s *Store) VerifyAudit(ctx context.Context) (checked int, err error) {
	if err := s.allow(model.AreaAudit, model.Read); err != nil {
		return 0, err
	}
	db := s.ctx(ctx)
	var want uint = 1
	prev := ""
	for {
		var batch []model.AuditEntry
		if err := db.Where("id >= ?", want).Order("id").Limit(auditBatch).Find(&batch).Error; err != nil {
			return checked, err
		}
		for i := range batch {
			e := &batch[i]
			if e.ID != want || e.PrevHash != prev {
				return checked, model.AuditBroken(model.ErrAuditRemoved, e.ID)
			}
			if auditHash(e) != e.Hash {
				return checked, model.AuditBroken(model.ErrAuditAltered, e.ID)
			}
			prev = e.Hash
			want++
			checked++
		}
		if len(batch) < auditBatch {
			break
		}
	}
	var head struct {
		LastID   uint
		LastHash string
	}
	if err := db.Raw("SELECT last_id, last_hash FROM audit_head WHERE id = 1").Scan(&head).Error; err != nil {
		return checked, err
	}
	last := want - 1
	switch {
	case head.LastID > last: // the head remembers entries that are gone
		return checked, model.AuditBroken(model.ErrAuditTruncated, last+1)
	case head.LastID < last: // entries were written past the head
		return checked, model.AuditBroken(model.ErrAuditAltered, head.LastID+1)
	case head.LastHash != prev: // the last entry was rewritten, hash and all
		return checked, model.AuditBroken(model.ErrAuditAltered, last)
	}
	return checked, nil
}

// auditHealth logs which of a client's health fields differ between before
// and after: their names, never their values.
func (s *Store) auditHealth(tx *gorm.DB, action string, id uint, before, after model.Client) error {
	e, ok := healthEntry(action, id, before, after)
	if !ok {
		return nil
	}
	return s.audit(tx, e)
}

// healthEntry is the audit entry of a change of a client's health fields,
// if any changed.
func healthEntry(action string, id uint, before, after model.Client) (model.AuditEntry, bool) {
	var fields []string
	if before.Health != after.Health {
		fields = append(fields, "health")
	}
	if !before.HealthConsentAt.Time().Equal(after.HealthConsentAt.Time()) {
		fields = append(fields, "health_consent_at")
	}
	if len(fields) == 0 {
		return model.AuditEntry{}, false
	}
	return model.AuditEntry{Area: model.AreaHealth, Action: action, Table: "clients",
		RecordID: id, Fields: strings.Join(fields, ",")}, true
}
