package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"companion/model/i18n"
)

// A --db address of another kind than PostgreSQL, or a PostgreSQL server
// that does not answer, is refused with a sentence that names it without
// its password, and no folder named «postgres:» appears.
func TestAServerAddressIsRefusedNotTakenForAFile(t *testing.T) {
	for _, tc := range []struct{ db, shown, says string }{
		{"mysql://salon:secret@db.local/salon", "mysql://salon@db.local/salon", "PostgreSQL"},
		{"postgres://salon:secret@127.0.0.1:1/salon?sslmode=disable", "postgres://salon@127.0.0.1:1/salon", "connect"},
	} {
		dir := t.TempDir()
		t.Chdir(dir)
		var out bytes.Buffer
		err := cmdExport([]string{"clients", "--db", tc.db, "--out", "x.csv"}, &out)
		msg := i18n.ErrorText(err)
		if err == nil || !strings.Contains(msg, tc.shown) || strings.Contains(msg, "secret") || !strings.Contains(msg, tc.says) {
			t.Errorf("%s was not refused as it should be: %q", tc.db, msg)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("the refusal left %v behind", entries)
		}
	}
}
