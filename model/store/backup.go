package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"companion/model"
	"companion/model/atomicfile"
)

// BackupInfo is one backup file of the database.
type BackupInfo = model.BackupInfo

// Retention is how many backups rotation keeps: the newest of each of the
// last Daily days, Weekly ISO weeks and Monthly months that have backups.
type Retention struct{ Daily, Weekly, Monthly int }

// DefaultRetention keeps a week of days, a month of weeks and half a year of
// months: enough to go back before a mistake noticed late, in a bounded
// folder (17 files at most).
var DefaultRetention = Retention{Daily: 7, Weekly: 4, Monthly: 6}

// backupEvery is how old the newest backup may be before AutoBackup makes
// another.
const backupEvery = 24 * time.Hour

// stampLayout dates backup file names, in local time so that a person
// browsing the folder reads them.
const stampLayout = "20060102-150405"

// BackupDir is the folder of a database's backups: "backups" beside it, so
// the backups move with the data folder.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// BackupFolder is where this database's backups go.
func (s *Store) BackupFolder() string {
	if s.d.postgres {
		return "" // the server keeps its backups
	}
	return BackupDir(s.path)
}

// Backup copies the database with VACUUM INTO to dest, or, when dest is "",
// to a dated file in the backups folder (then rotating that folder). The
// copy is written to a temporary file, fsynced, checked with PRAGMA
// integrity_check and only then renamed into place, so a backup that exists
// is whole. It returns the backup's path.
func (s *Store) Backup(ctx context.Context, dest string) (string, error) {
	if err := s.allow(model.AreaBackups, model.Write); err != nil {
		return "", err
	}
	return s.backup(ctx, dest)
}

// BackupByHand makes a backup in the backups folder that rotation keeps:
// the owner asked for this one.
func (s *Store) BackupByHand(ctx context.Context) (string, error) {
	if err := s.allow(model.AreaBackups, model.Write); err != nil {
		return "", err
	}
	if s.d.postgres {
		return "", model.ErrServerBackup
	}
	dest, err := backupName(s.path, model.BackupManual, s.now())
	if err != nil {
		return "", err
	}
	return s.backup(ctx, dest)
}

func (s *Store) backup(ctx context.Context, dest string) (string, error) {
	if s.d.postgres {
		return s.serverBackup(ctx, dest)
	}
	if err := s.Checked(ctx); err != nil {
		return "", err // a backup of a damaged file is no backup
	}
	rotate := dest == ""
	if rotate {
		var err error
		if dest, err = backupName(s.path, model.BackupRegular, s.now()); err != nil {
			return "", err
		}
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return "", err
	}
	if err := vacuumInto(ctx, sqlDB, dest); err != nil {
		return "", err
	}
	backupSucceeded(s.path)
	if rotate {
		if _, err := rotateBackups(s.path, DefaultRetention, dest); err != nil {
			return dest, fmt.Errorf("rotate backups: %w", err)
		}
	}
	return dest, nil
}

// serverBackup is a backup of a PostgreSQL database: the server's own
// (pg_dump) is the backup, so the start's and the exit's are none, and one
// asked for into a file is the full export (exchange format).
func (s *Store) serverBackup(ctx context.Context, dest string) (string, error) {
	if dest == "" {
		return "", nil
	}
	err := atomicfile.Write(dest, func(w io.Writer) error {
		_, err := s.ExportAll(ctx, w)
		return err
	})
	return dest, err
}

// Backups lists the database's backups, newest first (none on a server:
// they are the server's).
func (s *Store) Backups() ([]BackupInfo, error) {
	if err := s.allow(model.AreaBackups, model.Read); err != nil {
		return nil, err
	}
	if s.d.postgres {
		return nil, nil
	}
	return ListBackups(s.path)
}

// AutoBackup makes a backup when the newest regular one is older than a
// day (or there is none), then rotates. It runs for whoever is signed in:
// keeping the data safe is not a choice of the role. A failure is noted
// (BackupFailed) for the window to show.
func (s *Store) AutoBackup(ctx context.Context) error {
	err := s.autoBackup(ctx)
	if err != nil && !s.Damaged() {
		BackupFailed(s.path, model.BackupAtStart, err, s.now())
	}
	return err
}

func (s *Store) autoBackup(ctx context.Context) error {
	list, err := ListBackups(s.path)
	if err != nil {
		return err
	}
	now := s.now()
	for _, b := range list {
		if b.Kind != model.BackupRegular {
			continue
		}
		if age := now.Sub(b.Time); age >= 0 && age < backupEvery {
			return nil
		}
		break
	}
	_, err = s.backup(ctx, "")
	return err
}

// ListBackups lists the backups of the database at dbPath, newest first.
// Files of other databases in the same folder and temporary files are left
// out.
func ListBackups(dbPath string) ([]BackupInfo, error) {
	if model.IsPostgres(dbPath) {
		return nil, nil // the server keeps its backups
	}
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	base := dbBase(dbPath)
	var list []BackupInfo
	for _, e := range entries {
		kind, t, ok := parseBackupName(base, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		list = append(list, BackupInfo{Path: filepath.Join(dir, e.Name()), Time: t, Size: info.Size(), Kind: kind})
	}
	sortNewestFirst(list)
	return list, nil
}

func sortNewestFirst(list []BackupInfo) {
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].Time.Equal(list[j].Time) {
			return list[i].Time.After(list[j].Time)
		}
		// Made in the same second: "-10" came after "-9", "-2" after none.
		if len(list[i].Path) != len(list[j].Path) {
			return len(list[i].Path) > len(list[j].Path)
		}
		return list[i].Path > list[j].Path
	})
}

// dbBase is the database file's name without its extension: "companion"
// for companion.db.
func dbBase(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
}

var backupNameRE = regexp.MustCompile(`^-(?:v(\d+)-|(before-restore|manual)-)?(\d{8}-\d{6})(?:-\d+)?\.db$`)

// parseBackupName reads the kind and time of a backup from its file name:
// BASE-20261127-100000.db, BASE-v2-20261127-100000.db (before an upgrade)
// or BASE-before-restore-20261127-100000.db, with "-2" before ".db" when two
// were made in one second.
func parseBackupName(base, name string) (model.BackupKind, time.Time, bool) {
	rest, ok := strings.CutPrefix(name, base)
	if !ok {
		return "", time.Time{}, false
	}
	m := backupNameRE.FindStringSubmatch(rest)
	if m == nil {
		return "", time.Time{}, false
	}
	t, err := time.ParseInLocation(stampLayout, m[3], time.Local)
	if err != nil {
		return "", time.Time{}, false
	}
	switch {
	case m[1] != "":
		return model.BackupUpgrade, t, true
	case m[2] == "manual":
		return model.BackupManual, t, true
	case m[2] != "":
		return model.BackupBeforeRestore, t, true
	}
	return model.BackupRegular, t, true
}

// backupName is a new, unused file name in the backups folder for a backup
// of kind made at t; the folder is made if missing.
func backupName(dbPath string, kind model.BackupKind, t time.Time) (string, error) {
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	prefix := dbBase(dbPath) + "-"
	switch kind {
	case model.BackupBeforeRestore:
		prefix += "before-restore-"
	case model.BackupManual:
		prefix += "manual-"
	}
	stamp := t.In(time.Local).Format(stampLayout)
	for i := 1; ; i++ {
		name := prefix + stamp + ".db"
		if i > 1 {
			name = fmt.Sprintf("%s%s-%d.db", prefix, stamp, i)
		}
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
	}
}

// Rotate decides which backups to keep: the newest regular backup of each
// of the last r.Daily days, r.Weekly ISO weeks and r.Monthly months that
// have one (the periods in each backup's own time zone), and every backup
// of another kind. Both lists come newest first. It is a pure function of
// its arguments.
func Rotate(list []BackupInfo, r Retention) (keep, remove []BackupInfo) {
	sorted := append([]BackupInfo(nil), list...)
	sortNewestFirst(sorted)
	kept := make([]bool, len(sorted))
	periods := []struct {
		n   int
		key func(time.Time) string
	}{
		{r.Daily, func(t time.Time) string { return t.Format("2006-01-02") }},
		{r.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }},
		{r.Monthly, func(t time.Time) string { return t.Format("2006-01") }},
	}
	for _, p := range periods {
		seen := map[string]bool{}
		for i, b := range sorted {
			if b.Kind != model.BackupRegular {
				continue
			}
			k := p.key(b.Time)
			if seen[k] {
				continue
			}
			if len(seen) == p.n {
				break
			}
			seen[k] = true
			kept[i] = true
		}
	}
	for i, b := range sorted {
		if kept[i] || b.Kind != model.BackupRegular {
			keep = append(keep, b)
		} else {
			remove = append(remove, b)
		}
	}
	return keep, remove
}

// rotateBackups removes the regular backups that Rotate does not keep and
// returns them. When newest, the backup just made, holds no clients, the
// backups that hold some stay: a backup of an emptied or new database
// never pushes out the last one with the data.
func rotateBackups(dbPath string, r Retention, newest string) ([]BackupInfo, error) {
	list, err := ListBackups(dbPath)
	if err != nil {
		return nil, err
	}
	_, remove := Rotate(list, r)
	if len(remove) > 0 && holdsNoClients(newest) {
		kept := remove[:0]
		for _, b := range remove {
			if holdsNoClients(b.Path) {
				kept = append(kept, b)
			}
		}
		remove = kept
	}
	for _, b := range remove {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	return remove, nil
}

// vacuumInto writes a consistent copy of db to dest: VACUUM INTO a
// temporary file beside dest, fsync, integrity check through a read-only
// connection, rename, fsync the folder. On any error dest is untouched and
// the temporary file removed.
func vacuumInto(ctx context.Context, db *sql.DB, dest string) (err error) {
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := integrityCheck(tmp); err != nil {
		return fmt.Errorf("backup to %s failed its check: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return err
	}
	return atomicfile.SyncDir(dir)
}

// integrityCheck runs the full PRAGMA integrity_check on a database file
// through a read-only connection; a failure is *model.ErrCorrupt.
func integrityCheck(path string) error {
	db, err := sql.Open("sqlite", roDSN(path))
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		return &model.ErrCorrupt{Path: path, Detail: err.Error()}
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return &model.ErrCorrupt{Path: path, Detail: err.Error()}
		}
		if len(lines) < 3 {
			lines = append(lines, line)
		}
	}
	if err := rows.Err(); err != nil {
		return &model.ErrCorrupt{Path: path, Detail: err.Error()}
	}
	if len(lines) != 1 || lines[0] != "ok" {
		return &model.ErrCorrupt{Path: path, Detail: strings.Join(lines, "; ")}
	}
	return nil
}

// syncFile flushes a file's content to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
