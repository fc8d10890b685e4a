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
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	version, err := userVersion(s.ctx(ctx))
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return &model.ErrNewerSchema{Have: version, Know: len(migrations)}
	}
	if version == len(migrations) {
		return nil
	}
	if version > 0 {
		if _, err := s.backupBeforeMigration(ctx, version); err != nil {
			return err
		}
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
