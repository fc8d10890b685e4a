// Package cli is Companion's command line: the same program without its
// window, for the owner's automation, moving from other tools, and tests.
// Like the tabs, it declares what it needs; main hands it the store.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"companion/model"
	"companion/model/clientio"
	"companion/model/demo"
	"companion/model/i18n"
)

// Store is what the commands need of an open database.
type Store interface {
	Path() string
	Today() model.Date
	Close() error
	FillDemo(ctx context.Context, d demo.Data) error
	AccessMode(ctx context.Context) (string, error)
	SetSingleUser(ctx context.Context) error
	VerifyAudit(ctx context.Context) (checked int, err error)
	Backup(ctx context.Context, dest string) (string, error)
	BackupByHand(ctx context.Context) (string, error)
	BackupEncrypted(ctx context.Context, dest, passphrase string) (string, error)
	CheckImport(ctx context.Context, imp *clientio.Import) error
	ImportClients(ctx context.Context, imp *clientio.Import, onlyGood bool) (clientio.Result, error)
	ExportClients(ctx context.Context, q model.ClientQuery) ([]model.Client, error)
	ExportAll(ctx context.Context, w io.Writer) (model.ExchangeSummary, error)
	ImportAll(ctx context.Context, r io.Reader) (model.ExchangeSummary, error)
}

// Files are the operations on a database by its path; S is the store
// that Open hands back.
type Files[S Store] interface {
	DefaultPath() (string, error)
	Open(path string) (S, error)
	Lock(path string) (release func(), err error)
	ListBackups(dbPath string) ([]model.BackupInfo, error)
	BackupDir(dbPath string) string
	IsEncrypted(path string) (bool, error)
	RestoreFile(dbPath, backup, passphrase string) (model.RestoreResult, error)
	Recovery(dbPath string) (problem string, backup *model.BackupInfo, err error)
	NetworkShare(path string) (bool, string)
}

// fileOps are Files with Open handing back the Store interface, so that
// the commands need no type parameter.
type fileOps interface {
	DefaultPath() (string, error)
	open(path string) (Store, error)
	Lock(path string) (release func(), err error)
	ListBackups(dbPath string) ([]model.BackupInfo, error)
	BackupDir(dbPath string) string
	IsEncrypted(path string) (bool, error)
	RestoreFile(dbPath, backup, passphrase string) (model.RestoreResult, error)
	Recovery(dbPath string) (problem string, backup *model.BackupInfo, err error)
	NetworkShare(path string) (bool, string)
}

type filesOf[S Store] struct{ Files[S] }

func (f filesOf[S]) open(path string) (Store, error) {
	s, err := f.Open(path)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// commands carry out the subcommands over the files main hands in.
type commands struct{ files fileOps }

// Run carries out args when they name a command, and reports whether they
// did; args that name none are the window's.
func Run[S Store](args []string, out io.Writer, files Files[S]) (handled bool, err error) {
	if len(args) == 0 {
		return false, nil
	}
	c := &commands{files: filesOf[S]{files}}
	cmd, ok := c.table()[args[0]]
	if !ok {
		return false, nil
	}
	return true, cmd(args[1:], out)
}

// table is every command by its name.
func (c *commands) table() map[string]func([]string, io.Writer) error {
	return map[string]func([]string, io.Writer) error{
		"demo":       c.cmdDemo,
		"import":     c.cmdImport,
		"export":     c.cmdExport,
		"audit":      c.cmdAudit,
		"backup":     c.cmdBackup,
		"restore":    c.cmdRestore,
		"migrate-to": c.cmdMigrateTo,
		"report":     c.cmdReport,
		"payroll":    c.cmdPayroll,
	}
}

// Commands names the commands, in order, for the help and for a word that
// is none of them.
func Commands() string {
	names := slices.Sorted(maps.Keys((&commands{}).table()))
	return strings.Join(names, ", ")
}

// DBFlag adds --db to a command's flags.
func DBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database file (default: the user's data folder), or a PostgreSQL server's postgres://user:password@host/database")
}

// DBPath is the database file to use: path, or the default one when "".
// Its folder is made if missing.
func DBPath[S Store](files Files[S], path string) (string, error) {
	return (&commands{files: filesOf[S]{files}}).dbPath(path)
}

func (c *commands) dbPath(path string) (string, error) {
	if path == "" {
		p, err := c.files.DefaultPath()
		if err != nil {
			return "", err
		}
		path = p
	}
	if model.IsPostgres(path) {
		return path, nil
	}
	if addr, ok := model.ServerAddress(path); ok {
		return "", &model.ErrServerAddress{Address: addr}
	}
	return path, os.MkdirAll(filepath.Dir(path), 0o700)
}

// OpenDB opens the database at path, warning on standard error when it is
// on a network share and adding to a damaged file's error the command that
// restores its newest good backup.
func OpenDB[S Store](files Files[S], path string) (S, error) {
	c := &commands{files: filesOf[S]{files}}
	c.warnNetworkShare(path)
	s, err := files.Open(path)
	return s, c.withRecoveryHint(path, err)
}

func (c *commands) openDB(path string) (Store, error) {
	c.warnNetworkShare(path)
	s, err := c.files.open(path)
	if err == nil {
		tellUpgrade(s, os.Stderr)
	}
	return s, c.withRecoveryHint(path, err)
}

// upgradable is a store that tells what opening it did to an older schema.
type upgradable interface {
	Upgraded() (model.SchemaUpgrade, bool)
}

// tellUpgrade says once, on w, that opening the database brought it to this
// program's schema, and names the copy kept of it as it was.
func tellUpgrade(s Store, w io.Writer) {
	if u, ok := s.(upgradable); ok {
		if up, ok := u.Upgraded(); ok {
			fmt.Fprintln(w, i18n.UpgradeText(up))
		}
	}
}

// withDB runs a command on the database named by --db (or the default one),
// holding its lock so that no window writes to it meanwhile.
func (c *commands) withDB(db string, run func(s Store, path string) error) error {
	path, err := c.dbPath(db)
	if err != nil {
		return err
	}
	release, err := c.files.Lock(path)
	if err != nil {
		return err
	}
	defer release()
	s, err := c.openDB(path)
	if err != nil {
		return err
	}
	defer s.Close()
	return c.withRecoveryHint(path, run(s, path)) // damage the check found while the command ran
}
