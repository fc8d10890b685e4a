package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"companion/model/i18n"
	"companion/model/store"
)

// --version says what Help → About says: the version, the database the
// window would open, its schema and the data folder.
func TestVersionSaysWhatAboutSays(t *testing.T) {
	defer i18n.SetLanguage(i18n.Lang())
	i18n.SetLanguage("en")
	db := filepath.Join(t.TempDir(), "salon.db")
	var out strings.Builder
	if err := printVersion(&out, test.NewTempApp(t).Preferences(), db); err != nil {
		t.Fatal(err)
	}
	want := "Companion " + version + "\nDatabase: " + db + "\nDatabase schema version: " +
		strconv.Itoa(store.SchemaVersion()) + "\nData folder: " + filepath.Dir(db) + "\n"
	if out.String() != want {
		t.Errorf("--version printed\n%s\nwant\n%s", out.String(), want)
	}
	if a := about("postgres://companion:secret@server/companion"); !a.OnServer || strings.Contains(a.Database, "secret") {
		t.Errorf("a server's About: %+v", a)
	}
}
