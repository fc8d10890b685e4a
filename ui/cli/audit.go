package cli

import (
	"context"
	"flag"
	"io"

	"companion/model"
)

// cmdAudit checks the audit log: companion audit verify [--db PATH]. It
// recomputes every entry's hash and link and exits non-zero, naming the
// first entry that does not hold, when one was altered or removed.
func (c *commands) cmdAudit(args []string, out io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		return &model.FieldError{Key: "audit.err.usage"}
	}
	fs := flag.NewFlagSet("audit verify", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &model.FieldError{Key: "audit.err.usage"}
	}
	return c.withDB(*db, func(s Store, path string) error {
		n, err := s.VerifyAudit(context.Background())
		if err != nil {
			printLine(out, "audit.cli.broken", map[string]any{"N": n})
			return err
		}
		printLine(out, "audit.cli.intact", map[string]any{"N": n})
		return nil
	})
}
