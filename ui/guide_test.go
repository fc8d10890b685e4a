package ui_test

import (
	"context"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// firstStartSingle goes through the guide's first two steps as the owner
// of a new salon does: the salon's name, then one person without PINs. It
// returns the main window that opens.
func firstStartSingle(t *testing.T, s *store.Store, salon string) *ui.MainWindow {
	t.Helper()
	sw := signInWindow(t, start(t, uitest.NewApp(t), s))
	uitest.Type(t, sw, "Название салона", salon)
	uitest.Tap(t, sw, "Далее")
	uitest.Settle()
	uitest.Tap(t, sw, "Работать без PIN-кодов")
	uitest.Settle()
	if sw.Opened() == nil {
		t.Fatalf("nothing opened: %q", uitest.Texts(sw))
	}
	uitest.CloseAtEnd(t, sw.Opened())
	return mainWindow(t, sw.Opened())
}

// The first start of an empty salon guides from the name to how to begin;
// the demo salon fills the database and keeps the name the owner gave.
func TestTheFirstStartGuidesFromTheNameToTheDemo(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	m := firstStartSingle(t, s, "Студия «Лотос»")
	if !uitest.DialogShows(m, "Шаг 3 из 3") || !uitest.DialogShows(m, "С чего начать") {
		t.Fatalf("the main window offers no way to begin: %q", uitest.DialogTexts(m))
	}
	for _, b := range []string{"Импортировать клиентов из Excel или CSV", "Открыть демо-салон", "Начать с пустой базы"} {
		uitest.Button(t, m, b)
	}
	uitest.Tap(t, m, "Открыть демо-салон")
	uitest.Settle()
	ctx := context.Background()
	if n, _ := s.CountClients(ctx); n == 0 {
		t.Fatal("the demo salon has no clients")
	}
	if name, _ := s.SalonName(ctx); name != "Студия «Лотос»" {
		t.Errorf("the salon's name after the demo: %q", name)
	}
	if uitest.Dialogs(m) != 0 {
		t.Errorf("dialogs left: %q", uitest.DialogTexts(m))
	}
}

// "Start with an empty database" only closes the guide; the next start,
// past the first, offers nothing.
func TestStartingEmptyEndsTheGuide(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	m := firstStartSingle(t, s, "")
	uitest.Tap(t, m, "Начать с пустой базы")
	if uitest.Dialogs(m) != 0 {
		t.Errorf("the guide stays: %q", uitest.DialogTexts(m))
	}
	next := mainWindow(t, start(t, uitest.NewApp(t), s))
	uitest.Settle()
	if uitest.DialogShows(next, "С чего начать") {
		t.Error("the second start offers how to begin again")
	}
}

// The import choice opens the clients' import.
func TestTheGuidesImportOpensTheImport(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	m := firstStartSingle(t, s, "")
	uitest.Tap(t, m, "Импортировать клиентов из Excel или CSV")
	uitest.Settle()
	if uitest.SelectedTab(m) != "Клиенты" || uitest.Dialogs(m) == 0 {
		t.Errorf("the import: tab %q, dialogs %q", uitest.SelectedTab(m), uitest.DialogTexts(m))
	}
}

// Help → About tells the version, the database, its schema and the data
// folder, whose button opens it in the system's file manager.
func TestAboutTellsTheVersionTheDatabaseAndItsFolder(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	a := uitest.NewApp(t)
	dir := filepath.Dir(s.Path())
	var m *ui.MainWindow
	uitest.Do(func() { m = ui.NewMainWindow(a, s, ui.Options{About: aboutOf(s)}) })
	uitest.CloseAtEnd(t, m)
	var opened []string
	kit.OpenURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	t.Cleanup(func() { kit.OpenURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) } })

	help := m.MainMenu().Items[len(m.MainMenu().Items)-1]
	if help.Label != "Справка" || help.Items[0].Label != "О программе" {
		t.Fatalf("the last menu: %q → %q", help.Label, help.Items[0].Label)
	}
	uitest.Do(help.Items[0].Action)
	texts := strings.Join(uitest.DialogTexts(m), "\n")
	for _, want := range []string{"Версия", "1.2.3", "База данных", s.Path(), "Версия схемы базы",
		strconv.Itoa(store.SchemaVersion()), "Папка данных", dir} {
		if !strings.Contains(texts, want) {
			t.Errorf("About lacks %q:\n%s", want, texts)
		}
	}
	uitest.Tap(t, m, "Открыть папку")
	uitest.Settle()
	if want := kit.FolderURL(dir).String(); len(opened) != 1 || opened[0] != want {
		t.Errorf("opened %v, want %s", opened, want)
	}
}

func aboutOf(s *store.Store) model.About {
	return model.About{Version: "1.2.3", Database: s.Path(), Schema: store.SchemaVersion(), DataDir: filepath.Dir(s.Path())}
}

// A database brought to this program's schema is announced over the
// window, with the copy of it as it was.
func TestTheUpgradeIsAnnouncedWithItsBackup(t *testing.T) {
	_, m, _ := newTestWindow(t)
	ui.TellUpgrade(m, model.SchemaUpgrade{From: 8, To: 9, Backup: "/data/backups/companion-v8-20261127-100000.db"})
	texts := strings.Join(uitest.DialogTexts(m), " ")
	for _, want := range []string{"База данных обновлена", "с версии схемы 8 на версию 9", "все записи на месте", "/data/backups/companion-v8-20261127-100000.db"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the notice lacks %q: %s", want, texts)
		}
	}
}
