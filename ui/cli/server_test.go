package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"companion/model/i18n"
)

// A server's address given as --db is refused with a sentence that names
// it without its password, and no folder named «postgres:» appears.
func TestAServerAddressIsRefusedNotTakenForAFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var out bytes.Buffer
	err := cmdExport([]string{"clients", "--db", "postgres://salon:secret@db.local/salon", "--out", "x.csv"}, &out)
	msg := i18n.ErrorText(err)
	if err == nil || !strings.Contains(msg, "postgres://salon@db.local/salon") || strings.Contains(msg, "secret") {
		t.Errorf("the address was not refused as it should be: %q", msg)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the refusal left %v behind", entries)
	}
}
