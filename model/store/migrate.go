package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"companion/model"
)

// migrations are the schema's versions in order; migration i brings the
// schema to version i+1. Never edit one that has shipped: add a new one.
var migrations = [][]string{
	schemaV1,
	schemaV2,
	schemaV3,
	schemaV4,
	schemaV5,
	schemaV6,
	schemaV7,
	schemaV8,
	schemaV9,
	schemaV10,
	schemaV11,
	schemaV12,
	schemaV13,
	schemaV14,
	schemaV15,
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the schema up to date: the versions this build knows and
// then the parts of it that carry model's rules.
func (s *Store) migrate(ctx context.Context) error {
	read := userVersion
	if s.d.postgres {
		read = postgresVersion
	}
	version, err := read(s.ctx(ctx))
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return &model.ErrNewerSchema{Have: version, Know: len(migrations), Where: s.Where()}
	}
	if version < len(migrations) {
		upgrade := s.upgrade
		if s.d.postgres {
			upgrade = s.upgradePostgres
		}
		if err := upgrade(ctx, version); err != nil {
			return err
		}
	}
	return s.syncRules(ctx, len(migrations))
}

// Upgraded reports whether opening the database brought it from an older
// schema to this build's, and the copy kept of it as it was: the window
// and the command line say so once.
func (s *Store) Upgraded() (model.SchemaUpgrade, bool) {
	if s.upgraded == nil {
		return model.SchemaUpgrade{}, false
	}
	return *s.upgraded, true
}

// upgrade runs the migrations after version, each in its transaction,
// backing the database up first unless it is new.
func (s *Store) upgrade(ctx context.Context, version int) error {
	if version > 0 {
		backup, err := s.backupBeforeMigration(ctx, version)
		if err != nil {
			return err
		}
		s.upgraded = &model.SchemaUpgrade{From: version, To: len(migrations), Backup: backup}
	}
	for v := version; v < len(migrations); v++ {
		err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
			for _, stmt := range migrations[v] {
				if err := tx.Exec(stmt).Error; err != nil {
					return fmt.Errorf("%w in %.60q", err, strings.TrimSpace(stmt))
				}
			}
			return setUserVersion(tx, v+1)
		})
		if err != nil {
			return fmt.Errorf("upgrade schema to version %d: %w", v+1, err)
		}
	}
	return nil
}

// syncRules brings the parts of the schema that carry a rule (ruleObjects)
// to the SQL this build generates from model's constants. A partial index
// or a trigger whose stored SQL differs — a threshold changed since it was
// made — is made again and the rows it keeps refreshed, all in one
// transaction. A database already in step is only read.
func (s *Store) syncRules(ctx context.Context, version int) error {
	stale, err := staleRuleObjects(s.ctx(ctx), s.d, version)
	if err != nil {
		return fmt.Errorf("check the schema's rules: %w", err)
	}
	if len(stale) == 0 {
		return nil
	}
	err = s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		for _, o := range stale {
			if err := remakeRuleObject(tx, s.d, o); err != nil {
				return fmt.Errorf("%w in %s %s", err, o.kind, o.name)
			}
		}
		for _, q := range refreshOf(stale) {
			if err := tx.Exec(q).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bring the schema's rules up to date: %w", err)
	}
	return nil
}

// remakeRuleObject makes o again with this build's SQL. PostgreSQL keeps
// a function's SQL in its own words, so the SQL it was made with is kept
// beside it, in schema_rules.
func remakeRuleObject(tx *gorm.DB, d dialect, o ruleObject) error {
	if o.kind != "function" {
		if err := tx.Exec("DROP " + strings.ToUpper(o.kind) + " IF EXISTS " + quoteIdent(o.name)).Error; err != nil {
			return err
		}
	}
	if err := tx.Exec(o.ddl).Error; err != nil {
		return err
	}
	if !d.postgres {
		return nil
	}
	return tx.Exec(`INSERT INTO schema_rules (name, ddl) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET ddl = excluded.ddl`, o.kind+" "+o.name, o.ddl).Error
}

// staleRuleObjects lists the rule objects of a schema at version whose SQL
// in sqlite_master (or schema_rules) is not this build's, or which are
// missing.
func staleRuleObjects(db *gorm.DB, d dialect, version int) ([]ruleObject, error) {
	read := schemaSQL
	if d.postgres {
		read = postgresRules
	}
	have, err := read(db)
	if err != nil {
		return nil, err
	}
	var stale []ruleObject
	for _, o := range d.ruleObjects() {
		if o.since <= version && !sameSQL(have[o.kind+" "+o.name], o.ddl) {
			stale = append(stale, o)
		}
	}
	return stale, nil
}

// sameSQL compares two statements word by word: SQLite keeps a CREATE as
// it was written, and a change of indentation is no change of rule.
func sameSQL(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// refreshOf lists, once each and in order, the statements that refresh
// the rows kept by the given rule objects.
func refreshOf(objs []ruleObject) []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range objs {
		for _, q := range o.refresh {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// backupBeforeMigration copies the database with VACUUM INTO into the
// backups folder beside it and returns the copy's path.
func (s *Store) backupBeforeMigration(ctx context.Context, version int) (string, error) {
	dir := filepath.Join(filepath.Dir(s.path), "backups")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("backup before upgrade: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	out := filepath.Join(dir, fmt.Sprintf("%s-v%d-%s.db", base, version, s.now().Format("20060102-150405")))
	if err := s.ctx(ctx).Exec("VACUUM INTO ?", out).Error; err != nil {
		return "", fmt.Errorf("backup before upgrade: %w", err)
	}
	return out, nil
}
