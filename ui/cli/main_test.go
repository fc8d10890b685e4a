package cli

import (
	"fmt"
	"io"

	"companion/model/store"
)

// run carries out a command line as main does, over the real store.
func run(args []string, out io.Writer) error {
	handled, err := Run(args, out, store.Files{})
	if !handled {
		return fmt.Errorf("%q is not a command", args)
	}
	return err
}

// command runs one command, by its first word, with the rest of args.
func command(name string) func(args []string, out io.Writer) error {
	return func(args []string, out io.Writer) error { return run(append([]string{name}, args...), out) }
}

var (
	cmdDemo   = command("demo")
	cmdImport = command("import")
	cmdExport = command("export")
)
