// Companion is the desktop tool of a salon's client support manager.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"companion/model"
	"companion/model/i18n"
	_ "companion/model/i18n/localeenv" // a language for a bare C locale, before Fyne asks
	"companion/model/store"
	"companion/ui"
	"companion/ui/cli"
	"companion/ui/settings"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0"

const appID = "ru.companion.salon"

func main() {
	attachConsole()
	if err := run(os.Args[1:], os.Stdout); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, i18n.ErrorText(err))
		}
		os.Exit(1)
	}
}

// files are the database files of this program, for the window and the
// commands alike.
var files = store.Files{}

// run carries out one command line: a subcommand, or the window.
func run(args []string, out io.Writer) error {
	if len(args) > 0 {
		i18n.SetLanguage(os.Getenv("COMPANION_LANG"))
	}
	if handled, err := cli.Run(args, out, files); handled {
		return err
	}
	return runWindow(args, out)
}

func runWindow(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("companion", flag.ContinueOnError)
	db := cli.DBFlag(fs)
	langCode := fs.String("lang", "", "language: ru or en (default: the system's)")
	tab := fs.String("tab", "", "tab to open: "+ui.TabNames())
	demo := fs.Bool("demo", false, "fill an empty database with a demo salon first")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *tab != "" && !ui.IsTab(*tab) {
		return &model.FieldError{Key: "cli.err.unknown_tab", Args: map[string]any{"Tab": *tab, "Tabs": ui.TabNames()}}
	}
	a := app.NewWithID(appID)
	if *langCode == "" {
		*langCode = a.Preferences().String(ui.PrefLanguage)
	}
	ui.SetLanguage(*langCode)
	if *showVersion {
		return printVersion(out, a.Preferences(), *db)
	}
	path, err := cli.DBPath(files, chosenDB(a.Preferences(), *db))
	if err != nil {
		return startProblem(a, err)
	}
	lock, err := store.Acquire(path)
	if err != nil {
		return startProblem(a, err)
	}
	defer lock.Release()
	s, err := cli.OpenDB(files, path)
	if err != nil {
		return askRecovery(a, path, err, out) // a damaged file: offer its newest good backup
	}
	failedBefore, _ := store.LastBackupFailure(path) // told once the window is there
	backup, err := startSession(s, *demo)
	if err != nil {
		s.Close()
		return err
	}
	defer closeWindowDB(s, backup.wait, out) // a backup at start (daily) and at exit
	w, err := ui.Start(a, s, ui.Options{Tab: *tab, About: about(path)})
	if err != nil {
		return err
	}
	if up, ok := s.Upgraded(); ok {
		ui.TellUpgrade(w, up)
	}
	warnNetworkShareWindow(w, path)
	go backup.warn(w, failedBefore)
	w.ShowAndRun()
	return nil
}

// chosenDB is the database the window opens: --db when given, else the
// one the owner chose in Settings, else "" for the default file.
func chosenDB(prefs fyne.Preferences, flagDB string) string {
	if flagDB != "" {
		return flagDB
	}
	return prefs.String(settings.PrefDatabase)
}

// startSession readies the window's database: the demo salon first when
// asked for, so that the start's backup holds it, then that backup in the
// background.
func startSession(s *store.Store, demo bool) (*autoBackup, error) {
	if demo {
		if err := cli.FillDemo(s); err != nil {
			return nil, err
		}
	}
	return startAutoBackup(s), nil
}

// askRecovery is the window's answer to a database that failed its check:
// it shows the person what happened and restores the newest good backup
// only if they agree (ui.AskRecovery). Other errors pass unchanged.
func askRecovery(a fyne.App, path string, err error, out io.Writer) error {
	var corrupt *model.ErrCorrupt
	if !errors.As(err, &corrupt) {
		return startProblem(a, err)
	}
	plan, perr := store.Recover(path)
	if perr != nil {
		return err
	}
	var damaged string
	restored := ui.AskRecovery(a, ui.Recovery{DBPath: path, Problem: plan.Problem, Backup: plan.Backup,
		Restore: func() (string, error) {
			res, err := plan.Apply()
			damaged = res.Damaged
			return res.Damaged, err
		}})
	if !restored {
		return err // main prints the advice with the command
	}
	fmt.Fprintln(out, i18n.T("recovery.cli.done", map[string]any{"Damaged": damaged}))
	return nil
}

// warnNetworkShareWindow shows the same warning in the window.
func warnNetworkShareWindow(w fyne.Window, path string) {
	if ok, kind := store.NetworkShare(path); ok {
		ui.WarnNetworkShare(w, path, kind)
	}
}

// autoBackup is the start's backup running in the background.
type autoBackup struct {
	s    *store.Store
	done chan struct{}
	err  error
}

// startAutoBackup makes the day's backup in the background while the
// window opens (store.AutoBackup, which notes a failure).
func startAutoBackup(s *store.Store) *autoBackup {
	b := &autoBackup{s: s, done: make(chan struct{})}
	go func() {
		defer close(b.done)
		if b.err = s.AutoBackup(context.Background()); b.err != nil {
			log.Printf("automatic backup: %v", b.err)
			fmt.Fprintln(os.Stderr, i18n.ErrorText(b.err))
		}
	}()
	return b
}

// wait waits for the backup to end and returns its error.
func (b *autoBackup) wait() error {
	<-b.done
	return b.err
}

// warn shows over w, once the start's backup has ended, that it failed,
// or else that the last one before this start did (before, if not nil).
func (b *autoBackup) warn(w fyne.Window, before *model.BackupFailure) {
	f := before
	if b.wait() != nil {
		f, _ = store.LastBackupFailure(b.s.Path())
	}
	if f != nil {
		fyne.Do(func() { settings.WarnBackupFailure(w, f) })
	}
}

// closeWindowDB ends the window's session with the database: it waits for
// the start's backup, makes the exit's, closes the store and carries out a
// restore the owner chose in Settings (which backs the data up itself).
func closeWindowDB(s *store.Store, waitAutoBackup func() error, out io.Writer) {
	waitAutoBackup()
	path := s.Path()
	if !store.HasPendingRestore(path) {
		if err := s.BackupAtExit(context.Background()); err != nil {
			log.Printf("backup at exit: %v", err)
			fmt.Fprintln(os.Stderr, i18n.ErrorText(err))
		}
	}
	if err := s.Close(); err != nil {
		log.Printf("close: %v", err)
	}
	res, ok, err := store.FinishPendingRestore(path)
	if !ok {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, i18n.T("restore.cli.failed", map[string]any{"Error": i18n.ErrorText(err)}))
		return
	}
	cli.PrintRestore(out, res)
}
