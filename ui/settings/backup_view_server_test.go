package settings_test

import (
	"strings"
	"testing"

	"companion/model/store/storetest"
	"companion/ui/uitest"
)

// On a PostgreSQL server the backups section says the server keeps the
// backups (pg_dump) and offers no copy of a file it does not have; the
// full export stays.
func TestTheBackupsSectionOnAServerPointsToItsOwnBackups(t *testing.T) {
	if storetest.Server == "" {
		t.Skip("needs the test server (make test's PostgreSQL run)")
	}
	s, _ := uitest.OpenStore(t)
	f := openSettings(t, s)
	texts := strings.Join(uitest.Texts(f.w), "\n")
	if !strings.Contains(texts, "pg_dump") || !uitest.Shows(f.w, "Выгрузить всё…") {
		t.Errorf("the section on a server shows %q", uitest.Texts(f.w))
	}
	for _, absent := range []string{"Сделать копию сейчас", "Копий пока нет.", "Восстановить из файла…"} {
		if uitest.Shows(f.w, absent) {
			t.Errorf("a server's section offers %q", absent)
		}
	}
}
