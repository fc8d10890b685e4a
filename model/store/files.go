package store

import "companion/model"

// Files are the operations on a database by its path — open, lock, back
// up, restore, recover — as one value, so that the command line is handed
// them by main as the window is handed the store.
type Files struct {
	Options []Option // applied to every Open
}

// DefaultPath is the database file in the user's data folder.
func (Files) DefaultPath() (string, error) { return DefaultPath() }

// Open opens the database at path.
func (f Files) Open(path string) (*Store, error) { return Open(path, f.Options...) }

// Lock takes the database's lock, or says who holds it; release frees it.
func (Files) Lock(path string) (release func(), err error) {
	l, err := Acquire(path)
	if err != nil {
		return nil, err
	}
	return func() { l.Release() }, nil
}

// ListBackups lists the database's backups, newest first.
func (Files) ListBackups(dbPath string) ([]model.BackupInfo, error) { return ListBackups(dbPath) }

// BackupDir is the folder of the database's backups.
func (Files) BackupDir(dbPath string) string { return BackupDir(dbPath) }

// IsEncrypted reports whether the file is an encrypted backup.
func (Files) IsEncrypted(path string) (bool, error) { return IsEncrypted(path) }

// RestoreFile replaces the database with a backup (see RestoreFile).
func (Files) RestoreFile(dbPath, backup, passphrase string) (model.RestoreResult, error) {
	return RestoreFile(dbPath, backup, passphrase)
}

// Recovery says what is wrong with a damaged database and its newest good
// backup (nil when none is good), changing nothing.
func (Files) Recovery(dbPath string) (problem string, backup *model.BackupInfo, err error) {
	plan, err := Recover(dbPath)
	return plan.Problem, plan.Backup, err
}

// NetworkShare reports whether path is on a network share, and its kind.
func (Files) NetworkShare(path string) (bool, string) { return NetworkShare(path) }
