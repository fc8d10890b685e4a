package settings

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// PrefDatabase is the preference key of the database chosen in Settings:
// a postgres:// address, password included; none means the default file.
const PrefDatabase = "database"

// DatabaseStore is what the database section needs: where the open data
// is and who looks at it.
type DatabaseStore interface {
	Path() string
	kit.RoleStore
}

// databaseSection is the owner's choice of where the data lives: this
// computer's file or a PostgreSQL server, taken at the next start. It is
// one row of the settings' form: its title, then all it shows.
type databaseSection struct {
	w       fyne.Window
	prefs   fyne.Preferences
	title   *widget.Label
	where   *widget.Label
	kind    *widget.RadioGroup
	fields  map[string]*kit.Field
	entries map[string]*widget.Entry
	server  *fyne.Container // the server's fields and the note
	note    *widget.Label
	test    *widget.Button
	result  *widget.Label
	saved   string // the saved password, kept and never shown
	query   string // the saved address's options, such as sslmode
	content fyne.CanvasObject
}

// newDatabaseSection builds the section over s; only the owner sees it.
func newDatabaseSection(w fyne.Window, s DatabaseStore) *databaseSection {
	d := &databaseSection{w: w, prefs: fyne.CurrentApp().Preferences()}
	d.title = widget.NewLabel(i18n.T("database.section"))
	d.title.TextStyle.Bold = true
	d.title.Importance = widget.HighImportance
	d.where = kit.Wrapped(whereText(s.Path()))
	d.buildServerForm()
	d.kind = widget.NewRadioGroup([]string{i18n.T("database.kind.file"), i18n.T("database.kind.server")}, d.kindChanged)
	d.kind.Horizontal = true
	d.result = kit.Wrapped("")
	save := widget.NewButton(i18n.T("database.save"), d.save)
	save.Importance = widget.HighImportance
	d.content = container.NewVBox(d.where, d.kind, d.server, container.NewHBox(d.test, save), d.result)
	d.load(s.Path())
	if !model.Allowed(s.Role(), model.AreaBackups, model.Write) {
		d.title.Hide()
		d.content.Hide()
	}
	return d
}

// Cells places the section in the settings' form.
func (d *databaseSection) Cells() (fyne.CanvasObject, fyne.CanvasObject) { return d.title, d.content }

// whereText says where the open data is: the file, or the server without
// its password.
func whereText(path string) string {
	if addr, ok := model.ServerAddress(path); ok && model.IsPostgres(path) {
		return i18n.T("database.where.server", map[string]any{"Address": addr})
	}
	return i18n.T("database.where.file", map[string]any{"Path": path})
}

// serverFieldLabels are the server's fields in the form's order, each
// with the key of its label.
var serverFieldLabels = [][2]string{{"host", "database.field.host"}, {"port", "database.field.port"},
	{"database", "database.field.database"}, {"user", "database.field.user"}, {"password", "database.field.password"}}

func (d *databaseSection) buildServerForm() {
	d.fields, d.entries = map[string]*kit.Field{}, map[string]*widget.Entry{}
	var rows []*kit.Field
	for _, nl := range serverFieldLabels {
		name := nl[0]
		e := widget.NewEntry()
		if name == "password" {
			e = widget.NewPasswordEntry()
		}
		e.OnChanged = func(string) { d.showNote() }
		d.entries[name] = e
		d.fields[name] = kit.NewField(name, i18n.T(nl[1]), e)
		rows = append(rows, d.fields[name])
	}
	d.note = kit.Wrapped("")
	d.test = widget.NewButton(i18n.T("database.test"), d.testConnection)
	d.server = container.NewVBox(kit.FieldGrid(rows...), d.note)
}

// load shows the saved choice, or else the open database when it is a
// server; the password stays unshown.
func (d *databaseSection) load(open string) {
	addr := d.prefs.String(PrefDatabase)
	if addr == "" {
		addr = open
	}
	f, ok := ParseServerAddress(addr)
	if !ok {
		d.entries["port"].SetText(DefaultServerPort)
		d.kind.SetSelected(i18n.T("database.kind.file"))
		return
	}
	d.fill(f)
	d.kind.SetSelected(i18n.T("database.kind.server"))
}

// fill puts a server's fields in the form, all but the password, which it
// keeps aside.
func (d *databaseSection) fill(f ServerFields) {
	d.entries["host"].SetText(f.Host)
	d.entries["port"].SetText(f.Port)
	d.entries["database"].SetText(f.Database)
	d.entries["user"].SetText(f.User)
	d.entries["password"].SetText("")
	d.saved, d.query = f.Password, f.Query
	d.entries["password"].SetPlaceHolder("")
	if f.Password != "" {
		d.entries["password"].SetPlaceHolder(i18n.T("database.password.saved"))
	}
}

func (d *databaseSection) onServer() bool { return d.kind.Selected == i18n.T("database.kind.server") }

func (d *databaseSection) kindChanged(string) {
	d.result.SetText("")
	if d.onServer() {
		d.server.Show()
		d.test.Show()
		d.showNote()
	} else {
		d.server.Hide()
		d.test.Hide()
	}
}

// typed is what the form holds; an empty password is the saved one.
func (d *databaseSection) typed() ServerFields {
	f := ServerFields{Host: d.entries["host"].Text, Port: d.entries["port"].Text, Database: d.entries["database"].Text,
		User: d.entries["user"].Text, Password: d.entries["password"].Text, Query: d.query}
	if f.Password == "" {
		f.Password = d.saved
	}
	return f
}

// showNote says how a server's data is backed up and filled, with the
// commands for what the form holds.
func (d *databaseSection) showNote() {
	f := d.typed()
	orDefault := func(s, def string) string {
		if strings.TrimSpace(s) == "" {
			return def
		}
		return strings.TrimSpace(s)
	}
	d.note.SetText(i18n.T("database.server.note", map[string]any{
		"Host": orDefault(f.Host, "HOST"), "Port": orDefault(f.Port, DefaultServerPort),
		"User": orDefault(f.User, "USER"), "Database": orDefault(f.Database, "DB"),
		"Address": ServerFields{Host: orDefault(f.Host, "HOST"), Port: orDefault(f.Port, DefaultServerPort),
			User: orDefault(f.User, "USER"), Password: "PASSWORD", Database: orDefault(f.Database, "DB"), Query: f.Query}.URL()}))
}

// checked shows a sentence under each wrong field and reports whether all
// are right.
func (d *databaseSection) checked() (ServerFields, bool) {
	f := d.typed()
	for _, field := range d.fields {
		field.SetError("")
	}
	errs := f.Validate()
	for _, e := range errs {
		d.fields[e.Field].SetError(i18n.T(e.Key, e.Args))
	}
	return f, len(errs) == 0
}

// save keeps the choice for the next start.
func (d *databaseSection) save() {
	if !d.onServer() {
		d.prefs.RemoveValue(PrefDatabase)
		d.result.SetText(i18n.T("database.saved.file"))
		return
	}
	f, ok := d.checked()
	if !ok {
		d.result.SetText("")
		return
	}
	d.prefs.SetString(PrefDatabase, f.URL())
	d.fill(f)
	addr, _ := model.ServerAddress(f.URL())
	d.result.SetText(i18n.T("database.saved.server", map[string]any{"Address": addr}))
}

// testConnection opens the typed server in the background and says what
// it found.
func (d *databaseSection) testConnection() {
	f, ok := d.checked()
	if !ok {
		d.result.SetText("")
		return
	}
	d.test.Disable()
	d.result.SetText(i18n.T("database.test.running"))
	addr := f.URL()
	kit.Background(func() {
		empty, err := checkServer(context.Background(), addr)
		fyne.Do(func() {
			d.test.Enable()
			d.result.SetText(testResultText(f.Database, empty, err))
		})
	})
}

// testResultText is the sentence of a connection's test.
func testResultText(database string, empty bool, err error) string {
	switch {
	case err != nil:
		return i18n.ErrorText(err) // a silent server's sentence says what to check
	case empty:
		return i18n.T("database.test.ok_empty", map[string]any{"Database": database})
	default:
		return i18n.T("database.test.ok_salon", map[string]any{"Database": database})
	}
}

// shownPath is the database's file, or its server without the password.
func shownPath(path string) string {
	if addr, ok := model.ServerAddress(path); ok {
		return addr
	}
	return path
}
