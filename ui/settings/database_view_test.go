package settings_test

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	_ "github.com/jackc/pgx/v5/stdlib"

	"companion/model"
	"companion/model/i18n"
	"companion/model/store"
	"companion/model/store/storetest"
	"companion/ui/kit"
	"companion/ui/settings"
	"companion/ui/uitest"
)

// chooseServer picks "a PostgreSQL server" in the Database section.
func chooseServer(t *testing.T, w fyne.Window) {
	t.Helper()
	uitest.TapText(t, w, i18n.T("database.kind.server"))
	if !uitest.Shows(w, i18n.T("database.test")) {
		t.Fatalf("the server's form did not open; the window shows %q", uitest.Texts(w))
	}
}

// typeServer fills the server's fields of the Database section.
func typeServer(t *testing.T, w fyne.Window, f settings.ServerFields) {
	t.Helper()
	uitest.Type(t, w, i18n.T("database.field.host"), f.Host)
	uitest.Type(t, w, i18n.T("database.field.port"), f.Port)
	uitest.Type(t, w, i18n.T("database.field.database"), f.Database)
	uitest.Type(t, w, i18n.T("database.field.user"), f.User)
	uitest.Type(t, w, i18n.T("database.field.password"), f.Password)
}

// reopenSettings shows the settings over s in another window of the same
// app, which keeps its preferences.
func reopenSettings(t *testing.T, s settings.Store) fyne.Window {
	t.Helper()
	var w fyne.Window
	uitest.Do(func() {
		w = fyne.CurrentApp().NewWindow("again")
		w.Resize(fyne.NewSize(1200, 800))
		w.SetContent(settings.New(w, s, model.About{Version: "test"}, &kit.Changes{}).Content())
	})
	t.Cleanup(w.Close)
	return w
}

func TestOwnerChoosesAServerForTheNextStart(t *testing.T) {
	s, _ := uitest.OpenFileStore(t)
	f := openSettings(t, s)
	if !uitest.Shows(f.w, i18n.T("database.where.file", map[string]any{"Path": s.Path()})) {
		t.Fatalf("the section does not say where the data is; the window shows %q", uitest.Texts(f.w))
	}
	chooseServer(t, f.w)
	uitest.Type(t, f.w, i18n.T("database.field.port"), "70000")
	uitest.Tap(t, f.w, i18n.T("database.save"))
	host, port := i18n.T("database.field.host"), i18n.T("database.field.port")
	if got := uitest.Message(t, f.w, host); got != i18n.T("database.err.host_required") {
		t.Fatalf("under the empty server: %q", got)
	}
	if got := uitest.Message(t, f.w, port); got != i18n.T("database.err.port") {
		t.Fatalf("under the port 70000: %q", got)
	}
	if got := fyne.CurrentApp().Preferences().String(settings.PrefDatabase); got != "" {
		t.Fatalf("a wrong form was saved: %q", got)
	}

	typeServer(t, f.w, settings.ServerFields{Host: "office-pc", Port: "5433", Database: "companion", User: "anna", Password: "p@ss word"})
	uitest.Tap(t, f.w, i18n.T("database.save"))
	want := "postgres://anna:p%40ss%20word@office-pc:5433/companion"
	if got := fyne.CurrentApp().Preferences().String(settings.PrefDatabase); got != want {
		t.Fatalf("saved %q, want %q", got, want)
	}
	if uitest.Message(t, f.w, host) != "" || !uitest.Shows(f.w, i18n.T("database.saved.server",
		map[string]any{"Address": "postgres://anna@office-pc:5433/companion"})) {
		t.Fatalf("after saving the window shows %q", uitest.Texts(f.w))
	}
	if uitest.Shows(f.w, "p@ss") {
		t.Fatal("the password shows on the page")
	}
	if !uitest.Shows(f.w, "pg_dump -h office-pc -p 5433 -U anna -Fc companion > companion.dump") {
		t.Fatalf("no pg_dump command; the window shows %q", uitest.Texts(f.w))
	}

	w := reopenSettings(t, s)
	pw := uitest.Entry(t, w, i18n.T("database.field.password"))
	if pw.Text != "" || pw.PlaceHolder != i18n.T("database.password.saved") {
		t.Fatalf("the password field reads %q (placeholder %q) when opened again", pw.Text, pw.PlaceHolder)
	}
	if got := uitest.Entry(t, w, host).Text; got != "office-pc" {
		t.Fatalf("the server reads %q when opened again", got)
	}
	uitest.Type(t, w, i18n.T("database.field.user"), "boris")
	uitest.Tap(t, w, i18n.T("database.save"))
	if got := fyne.CurrentApp().Preferences().String(settings.PrefDatabase); got != "postgres://boris:p%40ss%20word@office-pc:5433/companion" {
		t.Fatalf("an empty password did not keep the saved one: %q", got)
	}
}

func TestOwnerGoesBackToTheFile(t *testing.T) {
	s, _ := uitest.OpenFileStore(t)
	fyne.CurrentApp().Preferences().SetString(settings.PrefDatabase, "postgres://anna:secret@office-pc/companion")
	w := reopenSettings(t, s)
	uitest.TapText(t, w, i18n.T("database.kind.file"))
	uitest.Tap(t, w, i18n.T("database.save"))
	if got := fyne.CurrentApp().Preferences().String(settings.PrefDatabase); got != "" {
		t.Fatalf("the server is still chosen: %q", got)
	}
	if !uitest.Shows(w, i18n.T("database.saved.file")) {
		t.Fatalf("the window shows %q", uitest.Texts(w))
	}
}

func TestOnlyTheOwnerSeesTheDatabaseSection(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	uitest.SetPINs(t, s, map[model.Role]string{model.RoleOwner: "1111", model.RoleManager: "2222"})
	manager, err := s.SignIn(context.Background(), model.RoleManager, "2222")
	if err != nil {
		t.Fatal(err)
	}
	f := openSettings(t, manager)
	if uitest.Shows(f.w, i18n.T("database.kind.server")) || uitest.Shows(f.w, i18n.T("database.save")) {
		t.Fatalf("a manager sees the database's choice: %q", uitest.Texts(f.w))
	}
}

func TestTestConnectionSaysWhatTheServerAnswered(t *testing.T) {
	s, _ := uitest.OpenFileStore(t)
	f := openSettings(t, s)
	chooseServer(t, f.w)
	server := settings.ServerFields{Host: "127.0.0.1", Port: "1", Database: "companion", User: "companion"}
	silent := i18n.T("err.server_unreachable", map[string]any{
		"Address": "postgres://companion@127.0.0.1:1/companion", "Detail": "\x00"})
	want, _, _ := strings.Cut(silent, "\x00")
	if storetest.Server != "" {
		server, _ = settings.ParseServerAddress(storetest.ServerDatabase(t))
		want = i18n.T("database.test.ok_empty", map[string]any{"Database": server.Database})
	}
	typeServer(t, f.w, server)
	if server.Query != "" {
		fyne.CurrentApp().Preferences().SetString(settings.PrefDatabase, server.URL()) // the options the form does not show
		f = &settingsFixture{w: reopenSettings(t, s)}
		typeServer(t, f.w, server)
	}
	uitest.Tap(t, f.w, i18n.T("database.test"))
	uitest.Settle()
	if !uitest.Shows(f.w, want) {
		t.Fatalf("after the test the window shows %q, want %q", uitest.Texts(f.w), want)
	}
	if uitest.Button(t, f.w, i18n.T("database.test")).Disabled() {
		t.Fatal("the test button stays disabled")
	}
}

func TestTheServersPasswordNeverShows(t *testing.T) {
	if storetest.Server == "" {
		t.Skip("needs a PostgreSQL server: COMPANION_TEST_POSTGRES")
	}
	f, _ := settings.ParseServerAddress(storetest.ServerDatabase(t))
	f.Password = "pw-secret-42" // a server that trusts the test user takes any
	s, err := store.Open(f.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fyne.CurrentApp().Preferences().RemoveValue(settings.PrefDatabase)
	w := openSettings(t, s).w
	f.Password = ""
	where := i18n.T("database.where.server", map[string]any{"Address": f.URL()})
	if !uitest.Shows(w, where) {
		t.Fatalf("the page shows %q, not %q", uitest.Texts(w), where)
	}
	for _, text := range uitest.Texts(w) {
		if strings.Contains(text, "pw-secret-42") {
			t.Fatalf("the page shows the password: %q", text)
		}
	}
	if pw := uitest.Entry(t, w, i18n.T("database.field.password")); pw.Text != "" || pw.PlaceHolder != i18n.T("database.password.saved") {
		t.Fatalf("the password field reads %q (placeholder %q)", pw.Text, pw.PlaceHolder)
	}
}
