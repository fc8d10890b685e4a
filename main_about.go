package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
	"companion/ui"
)

// about is what Help → About shows and --version prints about the database
// at path: the file (or the server, without its password), its schema and
// the folder it lives in.
func about(path string) model.About {
	a := model.About{Version: version, Database: path, Schema: store.SchemaVersion()}
	if addr, ok := model.ServerAddress(path); ok {
		a.Database, a.OnServer = addr, true
		a.DataDir, _ = store.DataDir()
		return a
	}
	if abs, err := filepath.Abs(path); err == nil {
		a.Database = abs
	}
	a.DataDir = filepath.Dir(a.Database)
	return a
}

// printVersion is `companion --version`: the program and its version, then
// what Help → About says about the database the window would open.
func printVersion(out io.Writer, prefs fyne.Preferences, flagDB string) error {
	path := chosenDB(prefs, flagDB)
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	fmt.Fprintln(out, "Companion", version)
	for _, l := range i18n.AboutLines(about(path))[1:] {
		fmt.Fprintf(out, "%s: %s\n", l[0], l[1])
	}
	return nil
}

// startProblem shows in a window why the window cannot open, when the
// person would otherwise not learn it: always for a database made by a
// newer program, and for any error when there is no console to print to
// (the Windows program started from its icon). main prints it as well.
func startProblem(a fyne.App, err error) error {
	var newer *model.ErrNewerSchema
	if errors.As(err, &newer) || !hasConsole() {
		ui.ShowStartProblem(a, err)
	}
	return err
}
