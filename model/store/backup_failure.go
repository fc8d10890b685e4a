package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"companion/model"
	"companion/model/atomicfile"
)

// The reasons a backup fails, as message keys.
const (
	keyBackupDiskFull   = "backup.failed.disk_full"
	keyBackupPermission = "backup.failed.permission"
	keyBackupReadOnly   = "backup.failed.read_only"
	keyBackupNoFolder   = "backup.failed.no_folder"
	keyBackupCheck      = "backup.failed.check"
	keyBackupOther      = "backup.failed.other"
)

// failureFile is where a failed automatic backup is noted: beside the
// database, not in the backups folder, which may be what failed.
func failureFile(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "."+dbBase(dbPath)+".backup-failed.json")
}

// BackupFailed notes that the automatic backup at moment failed with err,
// so that the window says so now and at the next start, until a backup
// succeeds. It returns the note.
func BackupFailed(dbPath string, moment model.BackupMoment, err error, at time.Time) (*model.BackupFailure, error) {
	f := backupFailureOf(err)
	f.Time, f.Moment, f.Args = at, moment, map[string]any{"Dir": BackupDir(dbPath)}
	werr := atomicfile.Write(failureFile(dbPath), func(w io.Writer) error {
		return json.NewEncoder(w).Encode(f)
	})
	return f, werr
}

// LastBackupFailure is the note of the last automatic backup that failed
// since a backup last succeeded, or nil.
func LastBackupFailure(dbPath string) (*model.BackupFailure, error) {
	if model.IsPostgres(dbPath) {
		return nil, nil // the server's backups are its own
	}
	data, err := os.ReadFile(failureFile(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f model.BackupFailure
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return nil, err
	}
	return &f, nil
}

// BackupFailure is this database's LastBackupFailure, for the backups page.
func (s *Store) BackupFailure() (*model.BackupFailure, error) { return LastBackupFailure(s.path) }

// backupSucceeded forgets a failure noted before: the data is safe again.
func backupSucceeded(dbPath string) {
	os.Remove(failureFile(dbPath))
}

// BackupAtExit makes the exit's backup (see Backup) and notes its failure.
func (s *Store) BackupAtExit(ctx context.Context) error {
	if _, err := s.backup(ctx, ""); err != nil {
		if !s.Damaged() {
			BackupFailed(s.path, model.BackupAtExit, err, s.now())
		}
		return err
	}
	return nil
}

// backupFailureOf names the reason of a failed backup in words a person
// acts on: the disk is full, the folder may not be written, and so on.
func backupFailureOf(err error) *model.BackupFailure {
	f := &model.BackupFailure{Key: keyBackupOther, Detail: err.Error()}
	text := strings.ToLower(err.Error())
	var corrupt *model.ErrCorrupt
	switch {
	case errors.Is(err, syscall.ENOSPC) || strings.Contains(text, "disk is full") || strings.Contains(text, "no space left"):
		f.Key = keyBackupDiskFull
	case errors.Is(err, syscall.EROFS) || strings.Contains(text, "read-only file system"):
		f.Key = keyBackupReadOnly
	case errors.Is(err, fs.ErrPermission):
		f.Key = keyBackupPermission
	case errors.As(err, &corrupt):
		f.Key = keyBackupCheck
	case errors.Is(err, syscall.ENOTDIR) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrExist):
		f.Key = keyBackupNoFolder
	}
	return f
}

// holdsNoClients reports whether the backup at path is readable and has no
// client at all. A file it cannot read counts as holding data: kept.
func holdsNoClients(path string) bool {
	db, err := sql.Open("sqlite", roDSN(path))
	if err != nil {
		return false
	}
	defer db.Close()
	var has int
	if err := db.QueryRow("SELECT EXISTS (SELECT 1 FROM clients)").Scan(&has); err != nil {
		return false
	}
	return has == 0
}
