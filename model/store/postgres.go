package store

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"companion/model"
)

// The PostgreSQL backend's plumbing: how a server's address is opened and
// checked, and where its schema version is kept. Several Companions share
// the server, so there is no file lock, write gate or backup file here:
// the server takes turns, and pg_dump is its backup.

// connectTimeout is how long opening waits for a server that does not
// answer.
const connectTimeout = 10 * time.Second

// openPostgres connects to the server at addr and checks that it answers.
func openPostgres(addr string, cfg *gorm.Config) (*gorm.DB, error) {
	shown, _ := model.ServerAddress(addr)
	dsn, err := withConnectTimeout(addr)
	if err != nil {
		return nil, &model.ErrServerUnreachable{Address: shown, Detail: err.Error()}
	}
	db, err := gorm.Open(postgres.Open(dsn), cfg)
	if err != nil {
		return nil, &model.ErrServerUnreachable{Address: shown, Detail: driverWords(err)}
	}
	return db, nil
}

// withConnectTimeout adds connect_timeout to a URL that has none.
func withConnectTimeout(addr string) (string, error) {
	u, err := url.Parse(addr)
	if err != nil {
		return "", err
	}
	q := u.Query()
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", fmt.Sprint(int(connectTimeout/time.Second)))
		u.RawQuery = q.Encode()
	}
	return u.String(), nil
}

// failedToConnect is how pgx begins its error, naming the user and the
// database the sentence names already.
var failedToConnect = regexp.MustCompile("^failed to connect to `[^`]*`:")

// driverWords is the driver's error without the address it repeats, each
// attempt's words once (pgx tries with TLS and without).
func driverWords(err error) string {
	var out []string
	for _, line := range strings.Split(err.Error(), "\n") {
		line = strings.TrimSpace(failedToConnect.ReplaceAllString(line, ""))
		if line != "" && !slices.Contains(out, line) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "; ")
}

// postgresVersion reads the schema version from schema_version (0 for a
// database without it: an empty one).
func postgresVersion(db *gorm.DB) (int, error) {
	var table *string
	if err := db.Raw("SELECT CAST(to_regclass('schema_version') AS text)").Scan(&table).Error; err != nil {
		return 0, err
	}
	if table == nil {
		return 0, postgresEmpty(db)
	}
	var v int
	err := db.Raw("SELECT version FROM schema_version WHERE id = 1").Scan(&v).Error
	return v, err
}

// postgresEmpty refuses a database without Companion's schema that holds
// tables of something else.
func postgresEmpty(db *gorm.DB) error {
	var n int
	err := db.Raw(`SELECT count(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`).Scan(&n).Error
	if err != nil {
		return err
	}
	if n > 0 {
		return &model.FieldError{Key: "err.server_not_ours", Args: map[string]any{"Tables": n}}
	}
	return nil
}

// upgradePostgres makes a new database's schema at postgresBase, then runs
// the migrations after version, each in its transaction.
func (s *Store) upgradePostgres(ctx context.Context, version int) error {
	if version > 0 {
		s.upgraded = &model.SchemaUpgrade{From: version, To: SchemaVersion()}
	}
	steps := map[int][]string{}
	if version == 0 {
		steps[postgresBase] = postgresSchema
		version = postgresBase - 1
	} else if version < postgresBase {
		return fmt.Errorf("schema version %d is older than any PostgreSQL schema (%d)", version, postgresBase)
	}
	for v := max(version, postgresBase); v < SchemaVersion(); v++ {
		steps[v+1] = postgresMigrations[v-postgresBase]
	}
	for v := version + 1; v <= SchemaVersion(); v++ {
		err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
			for _, stmt := range steps[v] {
				if err := tx.Exec(stmt).Error; err != nil {
					return fmt.Errorf("%w in %.60q", err, strings.TrimSpace(stmt))
				}
			}
			return tx.Exec(`INSERT INTO schema_version (id, version) VALUES (1, ?)
				ON CONFLICT (id) DO UPDATE SET version = excluded.version`, v).Error
		})
		if err != nil {
			return fmt.Errorf("upgrade schema to version %d: %w", v, err)
		}
	}
	return nil
}

// postgresRules reads the SQL of the rule objects as this build's
// predecessors made them, keyed as schemaSQL keys them.
func postgresRules(db *gorm.DB) (map[string]string, error) {
	var rows []struct{ Name, DDL string }
	if err := db.Raw("SELECT name, ddl FROM schema_rules").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Name] = r.DDL
	}
	return out, nil
}

// resyncIdentities moves each table's id sequence past the largest id, for
// rows written with their ids (the demo's history, an import): PostgreSQL
// would otherwise give a new row an id that is taken.
func resyncIdentities(tx *gorm.DB) error {
	var tables []string
	err := tx.Raw(`SELECT table_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`).Scan(&tables).Error
	if err != nil {
		return err
	}
	for _, t := range tables {
		q := `SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, false) FROM ` + quoteIdent(t)
		if err := tx.Exec(q, t).Error; err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	return nil
}
