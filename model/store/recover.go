package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"companion/model"
	"companion/model/atomicfile"
)

// RestoreResult says what a restore did.
type RestoreResult = model.RestoreResult

// Restore replaces the database at dbPath with a backup. The backup is
// checked first; the current database is backed up first (or, when it is
// damaged, moved aside, never deleted); then the file is swapped
// atomically. The caller must have closed the store and hold the lock.
func Restore(dbPath, backupPath string) error {
	_, err := RestoreFile(dbPath, backupPath, "")
	return err
}

// RestoreFile is Restore that also takes an encrypted (.age) backup with
// its passphrase and says where the replaced data went.
func RestoreFile(dbPath, backupPath, passphrase string) (RestoreResult, error) {
	res := RestoreResult{From: backupPath}
	src, cleanup, err := prepareBackup(dbPath, backupPath, passphrase)
	if err != nil {
		return res, err
	}
	defer cleanup()
	return res, swapIn(dbPath, src, &res)
}

// swapIn copies src beside the database first (the slow part), then keeps
// the current data (keepCurrent) and only then swaps the copy in, so the
// database is missing from its place for no more than a rename.
func swapIn(dbPath, src string, res *RestoreResult) (err error) {
	staged, err := stageCopy(dbPath, src)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(staged)
		}
	}()
	if res.Saved, res.Damaged, err = keepCurrent(dbPath); err != nil {
		return err
	}
	return commitCopy(dbPath, staged)
}

// prepareBackup checks a backup before a restore: decrypted first when it
// is an age file (into the backups folder, removed by cleanup), then its
// integrity and schema version.
func prepareBackup(dbPath, backupPath, passphrase string) (src string, cleanup func(), err error) {
	cleanup = func() {}
	enc, err := IsEncrypted(backupPath)
	if err != nil {
		return "", cleanup, &model.FieldError{Key: "backup.err.open", Args: map[string]any{"Path": backupPath}}
	}
	src = backupPath
	if enc {
		dir := BackupDir(dbPath)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", cleanup, err
		}
		tmp, err := os.MkdirTemp(dir, ".decrypt-*")
		if err != nil {
			return "", cleanup, err
		}
		cleanup = func() { os.RemoveAll(tmp) }
		src = filepath.Join(tmp, "backup.db")
		if err := DecryptFile(backupPath, src, passphrase); err != nil {
			cleanup()
			return "", func() {}, err
		}
	}
	if err := checkBackup(src); err != nil {
		cleanup()
		var fe *model.FieldError
		var newer *model.ErrNewerSchema
		if errors.As(err, &fe) || errors.As(err, &newer) {
			return "", func() {}, err
		}
		return "", func() {}, &model.FieldError{Key: "backup.err.bad", Args: map[string]any{"Path": backupPath, "Detail": err.Error()}}
	}
	return src, cleanup, nil
}

// checkBackup says whether a file is a whole Companion database this
// program can open.
func checkBackup(path string) error {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return &model.FieldError{Key: "backup.err.open", Args: map[string]any{"Path": path}}
	}
	if err := integrityCheck(path); err != nil {
		return err
	}
	v, err := fileSchema(path)
	if err != nil {
		return err
	}
	if v == 0 {
		return &model.FieldError{Key: "backup.err.not_companion", Args: map[string]any{"Path": path}}
	}
	if v > SchemaVersion() {
		return &model.ErrNewerSchema{Have: v, Know: SchemaVersion(), Where: path}
	}
	return nil
}

// keepCurrent saves the database at dbPath before it is replaced: a backup
// when it passes its check, else the file moved aside as damaged.
func keepCurrent(dbPath string) (saved, damaged string, err error) {
	if !dbExists(dbPath) {
		return "", "", nil
	}
	if checkFile(dbPath) != nil {
		damaged, err = moveAside(dbPath)
		return "", damaged, err
	}
	dest, err := backupName(dbPath, model.BackupBeforeRestore, time.Now())
	if err != nil {
		return "", "", err
	}
	db, err := sql.Open("sqlite", busyDSN(dbPath))
	if err != nil {
		return "", "", err
	}
	err = vacuumInto(context.Background(), db, dest)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", "", fmt.Errorf("back up the current data before the restore: %w", err)
	}
	return dest, "", nil
}

// dbExists reports whether there is a database at dbPath: a file with
// something in it, or a write-ahead log beside it.
func dbExists(dbPath string) bool {
	if st, err := os.Stat(dbPath); err == nil && st.Size() > 0 {
		return true
	}
	_, err := os.Stat(dbPath + "-wal")
	return err == nil
}

// moveAside renames a damaged database (with its -wal and -shm, so they
// still belong together) to BASE-damaged-TIME.db beside it and returns the
// new name. Nothing is deleted: someone may still get data out of it.
func moveAside(dbPath string) (string, error) {
	dir := filepath.Dir(dbPath)
	stamp := time.Now().Format(stampLayout)
	var dest string
	for i := 1; ; i++ {
		dest = filepath.Join(dir, fmt.Sprintf("%s-damaged-%s.db", dbBase(dbPath), stamp))
		if i > 1 {
			dest = filepath.Join(dir, fmt.Sprintf("%s-damaged-%s-%d.db", dbBase(dbPath), stamp, i))
		}
		if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
			break
		}
	}
	if _, err := os.Stat(dbPath); err == nil {
		if err := os.Rename(dbPath, dest); err != nil {
			return "", err
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(dbPath + suffix); err == nil {
			if err := os.Rename(dbPath+suffix, dest+suffix); err != nil {
				return dest, err
			}
		}
	}
	unmarkSession(dbPath) // the mark was the damaged file's
	return dest, atomicfile.SyncDir(dir)
}

// stageCopy copies src to a temporary file beside the database and fsyncs
// it; it returns the copy's path.
func stageCopy(dbPath, src string) (_ string, err error) {
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	f, err := os.CreateTemp(dir, "."+filepath.Base(dbPath)+".restore-*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = io.Copy(f, in); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// commitCopy removes the database's old -wal and -shm (a stale log applied
// to another file would damage it) and its session mark (the copy has
// passed its check), and renames the staged copy over it.
func commitCopy(dbPath, staged string) error {
	unmarkSession(dbPath)
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(staged, dbPath); err != nil {
		return err
	}
	return atomicfile.SyncDir(filepath.Dir(dbPath))
}

// RecoveryPlan is what can be done about a database that failed its check
// on open: move it aside and restore its newest good backup.
type RecoveryPlan struct {
	DBPath  string
	Problem string      // what the check found
	Backup  *BackupInfo // the newest backup that passes its check; nil when none does
}

// Recover looks at a database that failed its check and plans its
// recovery: it finds the newest backup that passes the full integrity
// check. It changes nothing, so the person can still say no: Apply does
// the work.
func Recover(dbPath string) (RecoveryPlan, error) {
	err := checkFile(dbPath)
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) {
		if err == nil {
			return RecoveryPlan{DBPath: dbPath}, &model.FieldError{Key: "recovery.err.not_damaged", Args: map[string]any{"Path": dbPath}}
		}
		return RecoveryPlan{DBPath: dbPath}, err
	}
	return RecoveryOf(corrupt)
}

// RecoveryOf is Recover for a database whose check has already found the
// damage: it only looks for the newest good backup.
func RecoveryOf(corrupt *model.ErrCorrupt) (RecoveryPlan, error) {
	plan := RecoveryPlan{DBPath: corrupt.Path, Problem: corrupt.Detail}
	list, err := ListBackups(corrupt.Path)
	if err != nil {
		return plan, err
	}
	for i := range list {
		if checkBackup(list[i].Path) == nil {
			plan.Backup = &list[i]
			break
		}
	}
	return plan, nil
}

// Apply carries the plan out: the damaged database is moved aside (kept as
// BASE-damaged-TIME.db) and the backup restored. Without a backup only the
// move is made, and the next open starts an empty database. The caller
// holds the lock.
func (p RecoveryPlan) Apply() (RestoreResult, error) {
	if p.Backup == nil {
		damaged, err := moveAside(p.DBPath)
		return RestoreResult{Damaged: damaged}, err
	}
	return RestoreFile(p.DBPath, p.Backup.Path, "")
}

// pending holds, by database path, the backups chosen with RestoreOnExit.
var pending = struct {
	sync.Mutex
	m map[string]pendingRestore
}{m: map[string]pendingRestore{}}

type pendingRestore struct {
	src, from string
	cleanup   func()
}

// RestoreOnExit checks a backup now and remembers it, so that the program
// restores it once the window has closed the store (FinishPendingRestore):
// a database cannot be swapped while it is open.
func (s *Store) RestoreOnExit(backupPath, passphrase string) error {
	if err := s.allow(model.AreaBackups, model.Write); err != nil {
		return err
	}
	src, cleanup, err := prepareBackup(s.path, backupPath, passphrase)
	if err != nil {
		return err
	}
	pending.Lock()
	defer pending.Unlock()
	if old, ok := pending.m[s.path]; ok {
		old.cleanup()
	}
	pending.m[s.path] = pendingRestore{src: src, from: backupPath, cleanup: cleanup}
	return nil
}

// HasPendingRestore reports whether RestoreOnExit chose a backup for the
// database at dbPath: then a backup at exit is not needed, the restore
// makes one.
func HasPendingRestore(dbPath string) bool {
	pending.Lock()
	defer pending.Unlock()
	_, ok := pending.m[dbPath]
	return ok
}

// FinishPendingRestore restores the backup chosen with RestoreOnExit for
// the database at dbPath, if any; ok says whether there was one. The caller
// has closed the store and holds the lock.
func FinishPendingRestore(dbPath string) (res RestoreResult, ok bool, err error) {
	pending.Lock()
	p, ok := pending.m[dbPath]
	delete(pending.m, dbPath)
	pending.Unlock()
	if !ok {
		return res, false, nil
	}
	defer p.cleanup()
	res = RestoreResult{From: p.from}
	if err := checkBackup(p.src); err != nil { // still there and whole?
		return res, true, err
	}
	return res, true, swapIn(dbPath, p.src, &res)
}
