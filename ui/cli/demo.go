package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"companion/model"
	"companion/model/demo"
	"companion/model/i18n"
)

// demoSeed makes every demo salon the same, so a screenshot or a bug report
// from one machine can be repeated on another.
const demoSeed = 1

// maxDemoClients is the largest demo salon a command makes.
const maxDemoClients = 1_000_000

// cmdDemo fills an empty database with a made-up salon:
// companion demo [--db PATH] [--clients N] [--seed S].
func (c *commands) cmdDemo(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(out)
	db := DBFlag(fs)
	clients := fs.Int("clients", demo.DefaultClients, "how many clients to make up")
	seed := fs.Int64("seed", demoSeed, "the same seed gives the same salon")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *clients < 0 || *clients > maxDemoClients {
		return &model.FieldError{Key: "demo.err.clients", Args: map[string]any{"N": *clients, "Max": maxDemoClients}}
	}
	return c.withDB(*db, func(s Store, path string) error {
		d := demo.Salon(*seed, s.Today(), *clients)
		if err := s.FillDemo(context.Background(), d); err != nil {
			return err
		}
		if err := openDemo(s); err != nil {
			return err
		}
		printLine(out, "demo.cli.added", map[string]any{"Path": path})
		fmt.Fprintln(out, summary(d))
		return nil
	})
}

// summary says in one line what a demo salon holds.
func summary(d demo.Data) string {
	count := map[model.Status]int{}
	for _, c := range d.Clients {
		count[c.Status(d.Today)]++
	}
	return i18n.T("demo.cli.summary", map[string]any{"Blocks": len(d.Blocks), "Staff": len(d.Staff),
		"Clients": len(d.Clients), "Lead": count[model.StatusLead], "Active": count[model.StatusActive],
		"AtRisk": count[model.StatusAtRisk], "Lapsed": count[model.StatusLapsed]})
}

// FillDemo gives the window's --demo flag a salon to show: it fills the
// database only when it is empty and otherwise leaves it alone.
func FillDemo(s Store) error {
	err := s.FillDemo(context.Background(), demo.Salon(demoSeed, s.Today(), demo.DefaultClients))
	if errors.Is(err, model.ErrNotEmpty) {
		return nil
	}
	if err != nil {
		return err
	}
	return openDemo(s)
}

// openDemo lets everyone into a demo salon that nobody has set PINs for
// yet: it is made to be looked around in.
func openDemo(s Store) error {
	mode, err := s.AccessMode(context.Background())
	if err != nil || mode != "unset" {
		return err
	}
	return s.SetSingleUser(context.Background())
}
