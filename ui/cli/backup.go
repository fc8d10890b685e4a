package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"companion/model"
	"companion/model/i18n"
)

// cmdBackup copies the database, checked, into the backups folder beside it
// (rotated) or to --out, encrypted with a passphrase when asked:
// companion backup [--db PATH] [--out F] [--passphrase-file F] [--list].
func (c *commands) cmdBackup(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	outPath := fs.String("out", "", "file to write (default: a dated file in the backups folder beside the database)")
	passFile := fs.String("passphrase-file", "", "encrypt with the passphrase in this file, for a copy that leaves the PC")
	list := fs.Bool("list", false, "list the backups, newest first, and make none")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &model.FieldError{Key: "backup.err.args", Args: map[string]any{"Args": strings.Join(fs.Args(), " ")}}
	}
	path, err := c.existingDB(*db)
	if err != nil {
		return err
	}
	if *list && model.IsPostgres(path) {
		return model.ErrServerBackup // the server's backups are its own
	}
	if *list {
		return c.printBackups(path, out)
	}
	if *passFile != "" && *outPath == "" {
		return &model.FieldError{Key: "backup.err.out_needed"}
	}
	s, err := c.openDB(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	if *passFile != "" {
		pass, err := readPassphrase(*passFile)
		if err != nil {
			return err
		}
		dest, err := s.BackupEncrypted(ctx, *outPath, pass)
		if err != nil {
			return err
		}
		printLine(out, "backup.cli.done_encrypted", map[string]any{"Path": dest})
		return nil
	}
	var dest string
	if *outPath == "" {
		dest, err = s.BackupByHand(ctx)
	} else {
		dest, err = s.Backup(ctx, *outPath)
	}
	if err != nil {
		return err
	}
	var size int64
	if st, err := os.Stat(dest); err == nil {
		size = st.Size()
	}
	printLine(out, "backup.cli.done", map[string]any{"Path": dest, "Size": i18n.FormatSize(size)})
	return nil
}

// existingDB is the database file a command reads; unlike dbPath it does
// not let a mistyped path become a new, empty database.
func (c *commands) existingDB(path string) (string, error) {
	path, err := c.dbPath(path)
	if err != nil || model.IsPostgres(path) {
		return path, err // a server's database is found by opening it
	}
	if _, err := os.Stat(path); err != nil {
		return "", &model.FieldError{Key: "backup.err.no_database", Args: map[string]any{"Path": path}}
	}
	return path, nil
}

func (c *commands) printBackups(path string, out io.Writer) error {
	list, err := c.files.ListBackups(path)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		printLine(out, "backup.cli.none", map[string]any{"Dir": c.files.BackupDir(path)})
	}
	for _, b := range list {
		printLine(out, "backup.cli.item", map[string]any{"Date": i18n.FormatDateTime(b.Time),
			"Size": i18n.FormatSize(b.Size), "Kind": i18n.T("backup.kind." + string(b.Kind)), "Path": b.Path})
	}
	return nil
}

// readPassphrase reads a passphrase from a file: its first line, without
// the line end, so `echo secret > f` works.
func readPassphrase(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	pass, _, _ := strings.Cut(string(data), "\n")
	pass = strings.TrimSuffix(pass, "\r")
	if pass == "" {
		return "", &model.FieldError{Field: "passphrase", Key: "backup.err.passphrase_empty"}
	}
	return pass, nil
}

// cmdRestore replaces the database with a backup, after checking the
// backup and backing up the current data (a damaged database is moved
// aside instead): companion restore [--db PATH] [--passphrase-file F] FILE.
// It takes the database's lock, so it refuses while a window has it open.
func (c *commands) cmdRestore(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	passFile := fs.String("passphrase-file", "", "the passphrase of an encrypted backup, in a file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &model.FieldError{Key: "restore.err.file"}
	}
	path, err := c.dbPath(*db)
	if err != nil {
		return err
	}
	file := c.backupFile(path, fs.Arg(0))
	pass := ""
	if *passFile != "" {
		if pass, err = readPassphrase(*passFile); err != nil {
			return err
		}
	} else if enc, _ := c.files.IsEncrypted(file); enc {
		return &model.FieldError{Key: "restore.err.passphrase_file", Args: map[string]any{"Path": file}}
	}
	release, err := c.files.Lock(path)
	if err != nil {
		return err
	}
	defer release()
	res, err := c.files.RestoreFile(path, file, pass)
	if err != nil {
		return err
	}
	PrintRestore(out, res)
	return nil
}

// backupFile is name, or the backup of that name in the database's backups
// folder when there is no such file here: `companion backup --list` shows
// the names.
func (c *commands) backupFile(dbPath, name string) string {
	if _, err := os.Stat(name); err != nil && !strings.ContainsRune(name, os.PathSeparator) {
		in := filepath.Join(c.files.BackupDir(dbPath), name)
		if _, err := os.Stat(in); err == nil {
			return in
		}
	}
	return name
}

// PrintRestore says what a restore did.
func PrintRestore(out io.Writer, res model.RestoreResult) {
	printLine(out, "restore.cli.done", map[string]any{"From": res.From})
	if res.Saved != "" {
		printLine(out, "restore.cli.saved", map[string]any{"Path": res.Saved})
	}
	if res.Damaged != "" {
		printLine(out, "restore.cli.damaged", map[string]any{"Path": res.Damaged})
	}
}

// recoveryError is a damaged database with what to do about it: people
// read the advice (it is a *model.FieldError to ui.ErrorText), code still
// finds the *model.ErrCorrupt underneath.
type recoveryError struct {
	corrupt *model.ErrCorrupt
	advice  *model.FieldError
}

func (e *recoveryError) Error() string { return e.corrupt.Error() }
func (e *recoveryError) Unwrap() error { return e.corrupt }

// As hands errors.As the advice when it asks for a *model.FieldError.
func (e *recoveryError) As(target any) bool {
	if fe, ok := target.(**model.FieldError); ok {
		*fe = e.advice
		return true
	}
	return false
}

// withRecoveryHint adds to a damaged database's error the newest good
// backup and the command that restores it. Other errors pass unchanged.
func (c *commands) withRecoveryHint(path string, err error) error {
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) {
		return err
	}
	problem, backup, perr := c.files.Recovery(path)
	if perr != nil {
		return err
	}
	args := map[string]any{"Path": path, "Problem": problem}
	key := "recovery.cli.none"
	if backup != nil {
		key = "recovery.cli"
		args["Date"] = i18n.FormatDateTime(backup.Time)
		args["Backup"] = backup.Path
	}
	return &recoveryError{corrupt: corrupt, advice: &model.FieldError{Key: key, Args: args}}
}

// warnNetworkShare prints a warning when the database lives on a network
// share, where SQLite's locking is not safe.
func (c *commands) warnNetworkShare(path string) {
	if ok, kind := c.files.NetworkShare(path); ok {
		fmt.Fprintln(os.Stderr, i18n.NetworkShareText(path, kind))
	}
}
