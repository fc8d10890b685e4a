// Companion is the desktop tool of a salon's client support manager.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/app"

	"companion/model/i18n"
	"companion/model/store"
	"companion/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0"

const appID = "ru.companion.salon"

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, i18n.ErrorText(err))
		}
		os.Exit(1)
	}
}

// run carries out one command line: a subcommand, or the window.
func run(args []string, out io.Writer) error {
	if len(args) > 0 {
		if cmd, ok := commands[args[0]]; ok {
			i18n.SetLanguage(os.Getenv("COMPANION_LANG"))
			return cmd(args[1:], out)
		}
	}
	return runWindow(args, out)
}

// commands are the subcommands, by their first word.
var commands = map[string]func(args []string, out io.Writer) error{
	"demo":   cmdDemo,
	"import": cmdImport,
	"export": cmdExport,
	"audit":  cmdAudit,

	// keeping the data safe: cmd_backup.go
	"backup":  cmdBackup,
	"restore": cmdRestore,
}

// dbFlag adds --db to a command's flags.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database file (default: the user's data folder)")
}

// dbPath is the database file to use: path, or the default one when "".
// Its folder is made if missing.
func dbPath(path string) (string, error) {
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return "", err
		}
		path = p
	}
	return path, os.MkdirAll(filepath.Dir(path), 0o700)
}

// openDB opens the database at path, or the default one when path is "".
func openDB(path string) (*store.Store, error) {
	path, err := dbPath(path)
	if err != nil {
		return nil, err
	}
	warnNetworkShare(path)
	s, err := store.Open(path)
	return s, withRecoveryHint(path, err)
}

func runWindow(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("companion", flag.ContinueOnError)
	db := dbFlag(fs)
	langCode := fs.String("lang", "", "language: ru or en (default: the system's)")
	tab := fs.String("tab", "", "tab to open: "+ui.TabNames())
	demo := fs.Bool("demo", false, "fill an empty database with a demo salon first")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *showVersion {
		fmt.Fprintln(out, "Companion", version)
		return nil
	}
	if *tab != "" && !ui.IsTab(*tab) {
		return fmt.Errorf("unknown tab %q: choose one of %s", *tab, ui.TabNames())
	}
	a := app.NewWithID(appID)
	if *langCode == "" {
		*langCode = a.Preferences().String(ui.PrefLanguage)
	}
	ui.SetLanguage(*langCode)
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	lock, err := store.Acquire(path)
	if err != nil {
		return err
	}
	defer lock.Release()
	s, err := openDB(path)
	if err != nil {
		return askRecovery(a, path, err, out) // a damaged file: offer its newest good backup
	}
	defer closeWindowDB(s, startAutoBackup(s), out) // a backup at start (daily) and at exit
	if *demo {
		if err := fillDemo(s); err != nil {
			return err
		}
	}
	w, err := ui.Start(a, s, ui.Options{Tab: *tab, Version: version})
	if err != nil {
		return err
	}
	warnNetworkShareWindow(w, path)
	w.ShowAndRun()
	return nil
}

// withDB runs a command on the database named by --db (or the default one),
// holding its lock so that no window writes to it meanwhile.
func withDB(db string, run func(s *store.Store, path string) error) error {
	path, err := dbPath(db)
	if err != nil {
		return err
	}
	lock, err := store.Acquire(path)
	if err != nil {
		return err
	}
	defer lock.Release()
	s, err := openDB(path)
	if err != nil {
		return err
	}
	defer s.Close()
	return run(s, path)
}
