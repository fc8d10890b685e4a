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
	"runtime"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"companion/model"
	"companion/model/i18n"
	_ "companion/model/i18n/localeenv" // a language for a bare C locale, before Fyne asks
	"companion/model/store"
	"companion/ui"
	"companion/ui/cli"
	"companion/ui/firstframe"
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
	go i18n.Preload() // beside the rest of the start
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
	if fs.NArg() > 0 {
		return notACommand(fs, fs.Arg(0), out)
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
	if !hasDisplay(os.Getenv) {
		return &model.FieldError{Key: "cli.err.no_display", Args: map[string]any{"Commands": cli.Commands()}}
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
	s, err := cli.OpenDB(windowFiles, path)
	if err != nil {
		return askRecovery(a, path, err, out) // a damaged file: offer its newest good backup
	}
	failedBefore, _ := store.LastBackupFailure(path) // told once the window is there
	backup, err := startSession(s, *demo)
	if err == nil {
		var w fyne.Window
		if w, err = ui.Start(a, s, ui.Options{Tab: *tab, About: about(path), LoadWhenDrawn: true}); err == nil {
			defer closeWindowDB(s, backup.wait, out) // a backup at start (daily) and at exit
			if up, ok := s.Upgraded(); ok {
				ui.TellUpgrade(w, up)
			}
			return showWindow(a, w, s, backup, failedBefore)
		}
	}
	err = damagedOr(s, err)
	s.Close()
	var corrupt *model.ErrCorrupt
	if errors.As(err, &corrupt) {
		return askRecovery(a, path, err, out)
	}
	return err
}

// showWindow runs the window until it closes. Once it is there, the
// file's check and the day's backup start, and a failed check gives the
// window over to the recovery window.
func showWindow(a fyne.App, w fyne.Window, s *store.Store, backup *autoBackup, failedBefore *model.BackupFailure) error {
	path := s.Path()
	warnNetworkShareWindow(w, path)
	whenShown(w, func() {
		s.StartCheck()
		backup.start()
		go backup.warn(w, failedBefore)
		go watchCheck(a, s)
	})
	w.ShowAndRun()
	return nil
}

// damagedOr is the damage the file's check finds, when it finds some, or
// else err: a damaged file may fail to read before its check has ended.
func damagedOr(s *store.Store, err error) error {
	var corrupt *model.ErrCorrupt
	if cerr := s.Checked(context.Background()); errors.As(cerr, &corrupt) {
		return cerr
	}
	return err
}

// watchCheck waits for the check of the file that runs while the window
// works. When it finds damage (nothing has been written to the file, nor
// will be), the window gives way to the recovery window, which offers the
// newest good backup.
func watchCheck(a fyne.App, s *store.Store) {
	var corrupt *model.ErrCorrupt
	if !errors.As(s.Checked(context.Background()), &corrupt) {
		return
	}
	plan, err := store.RecoveryOf(corrupt)
	if err != nil {
		log.Printf("recovery: %v", err)
	}
	fyne.Do(func() {
		ui.ShowRecovery(a, ui.Recovery{DBPath: plan.DBPath, Problem: plan.Problem, Backup: plan.Backup,
			Restore: func() (string, error) {
				s.Close() // the window is gone: the file may be moved aside
				res, err := plan.Apply()
				return res.Damaged, err
			}})
	})
}

// windowFiles are files as the window opens them: the check of a file
// whose last session ended well waits for the window's first frame.
var windowFiles = store.Files{Options: append(files.Options, store.WithDeferredCheck())}

// whenShown calls shown once w has drawn its first frame, or after
// shownAtLatest if it has not by then. With COMPANION_FIRST_FRAME set
// it also says on standard error when the frame is drawn, for the
// benchmarks.
func whenShown(w fyne.Window, shown func()) {
	var once sync.Once
	timer := time.AfterFunc(shownAtLatest, func() { once.Do(shown) })
	report := os.Getenv(firstframe.Env) != ""
	firstframe.Watch(w, func() {
		if report {
			fmt.Fprintln(os.Stderr, firstframe.Line)
		}
		timer.Stop()
		go once.Do(shown)
	})
}

// shownAtLatest bounds the wait for the first frame.
const shownAtLatest = 3 * time.Second

// chosenDB is the database the window opens: --db when given, else the
// one the owner chose in Settings, else "" for the default file.
func chosenDB(prefs fyne.Preferences, flagDB string) string {
	if flagDB != "" {
		return flagDB
	}
	return prefs.String(settings.PrefDatabase)
}

// startSession readies the window's database: the demo salon first when
// asked for, so that the start's backup holds it. That backup runs once
// the window is there (autoBackup.start).
func startSession(s *store.Store, demo bool) (*autoBackup, error) {
	if demo {
		if err := cli.FillDemo(s); err != nil {
			return nil, err
		}
	}
	return &autoBackup{s: s, done: make(chan struct{})}, nil
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

// autoBackup is the start's backup, made in the background while the
// window works.
type autoBackup struct {
	s    *store.Store
	once sync.Once
	done chan struct{}
	err  error
}

// start makes the day's backup in the background (store.AutoBackup, which
// notes a failure), unless it has started already.
func (b *autoBackup) start() {
	b.once.Do(func() {
		go func() {
			defer close(b.done)
			if b.err = b.s.AutoBackup(context.Background()); b.err != nil && !b.s.Damaged() {
				log.Printf("automatic backup: %v", b.err)
				fmt.Fprintln(os.Stderr, i18n.ErrorText(b.err))
			}
		}()
	})
}

// wait waits for the backup to end and returns its error; a backup that
// has not started by then is not made (the exit's is).
func (b *autoBackup) wait() error {
	b.once.Do(func() { close(b.done) })
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
	if !store.HasPendingRestore(path) && !s.Damaged() {
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

// notACommand answers a word on the command line that names no command:
// "help" prints how to start the window and the commands; anything else is
// refused in a sentence that names them.
func notACommand(fs *flag.FlagSet, word string, out io.Writer) error {
	if word != "help" {
		return &model.FieldError{Key: "cli.err.unknown_command", Args: map[string]any{"Command": word, "Commands": cli.Commands()}}
	}
	fmt.Fprintln(out, i18n.T("cli.help.window"))
	fs.SetOutput(out)
	fs.PrintDefaults()
	fmt.Fprintln(out, i18n.T("cli.help.commands", map[string]any{"Commands": cli.Commands()}))
	return nil
}

// hasDisplay reports whether there is a screen to open the window on: on
// Linux and the BSDs, an X11 or Wayland session says where it is.
func hasDisplay(getenv func(string) string) bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	return getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
}
