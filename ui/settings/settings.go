package settings

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/demo"
	"companion/model/i18n"
	"companion/ui/kit"
)

// Store is what the settings tab needs from the database.
type Store interface {
	Path() string
	CountClients(ctx context.Context) (int64, error)
	IsEmpty(ctx context.Context) (bool, error)
	FillDemo(ctx context.Context, d demo.Data) error
	Today() model.Date
	BackupStore
	SafetyStore
	SalonListStore
	SalonNameStore
}

// Tab shows where the data lives and the language, and fills an
// empty database with a demo salon.
type Tab struct {
	w       fyne.Window
	s       Store
	today   func() model.Date
	changed func()
	path    *widget.Label
	clients *widget.Label
	demo    *widget.Button
	lang    *widget.RadioGroup
	backups *backupView
	safety  *safetySection
	lists   *salonLists
	salon   *salonName
	root    fyne.CanvasObject
}

// New builds the owner's settings; what it changes wholesale (a restore,
// an import, the demo) it tells every tab through changes.
func New(w fyne.Window, s Store, about model.About, changes *kit.Changes) *Tab {
	changed := func() { changes.Notify(kit.ChangeAll) }
	t := &Tab{w: w, s: s, today: s.Today, changed: changed}
	t.backups = newBackupView(w, s, changed)
	t.safety = newSafetySection(w, s, func() { changes.Notify(kit.ChangeAccess) })
	t.lists = newSalonLists(w, s)
	t.salon = newSalonName(w, s)
	t.path = widget.NewLabel(shownPath(s.Path()))
	t.path.Wrapping = fyne.TextWrapBreak
	t.clients = widget.NewLabel("")
	t.demo = widget.NewButton(i18n.T("settings.demo.fill"), t.fillDemo)
	t.lang = widget.NewRadioGroup([]string{"Русский", "English"}, t.setLanguage)
	t.lang.Horizontal = true
	if i18n.Lang() == "ru" {
		t.lang.SetSelected("Русский")
	} else {
		t.lang.SetSelected("English")
	}
	langHint := widget.NewLabel(i18n.T("settings.language.hint"))
	langHint.Importance = widget.LowImportance
	version := widget.NewLabel(i18n.T("settings.about", map[string]any{"Version": about.Version}))
	idleRow, recoveryRow := t.safety.session.rows()
	t.root = container.NewVScroll(container.NewPadded(kit.FormGrid(
		kit.Heading(i18n.T("settings.section.data")),
		kit.NewField("path", i18n.T("settings.data_file"), t.path),
		kit.NewField("folder", i18n.T("dist.about.folder"), kit.FolderRow(w, about.DataDir)),
		kit.NewField("clients", i18n.T("settings.clients"), t.clients),
		kit.NewField("demo", i18n.T("settings.demo"), container.NewHBox(t.demo)),
		t.backups.head, t.backups.listRow, t.backups.exchangeRow,
		newDatabaseSection(w, s),
		kit.Heading(i18n.T("settings.section.salon")),
		t.salon.field, t.salon.row,
		kit.NewField("card_types", i18n.T("settings.card_types"), t.lists.cardTypesRow()),
		kit.NewField("topics", i18n.T("settings.topics"), t.lists.topicsRow()),
		kit.Heading(i18n.T("safety.section")),
		kit.NewField("pins", i18n.T("safety.pins"), t.safety.pins.content()),
		idleRow, recoveryRow,
		kit.NewField("audit", i18n.T("safety.audit"), t.safety.audit.content()),
		kit.Heading(i18n.T("settings.section.language")),
		kit.NewField("language", i18n.T("settings.language"), container.NewVBox(t.lang, langHint)),
		kit.Heading(i18n.T("settings.section.about")),
		kit.NewField("version", i18n.T("settings.version"), version))))
	changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeClients)
	return t
}

func (t *Tab) Content() fyne.CanvasObject { return t.root }

func (t *Tab) Refresh(ctx context.Context) {
	t.backups.refresh(ctx)
	t.safety.refresh(ctx)
	t.lists.refresh(ctx)
	t.salon.refresh(ctx)
	kit.Background(func() {
		n, err := t.s.CountClients(ctx)
		empty, err2 := t.s.IsEmpty(ctx)
		fyne.Do(func() {
			if err != nil || err2 != nil {
				kit.ShowError(kit.FirstErr(err, err2), t.w)
				return
			}
			t.clients.SetText(i18n.T("settings.clients.count", map[string]any{"N": n}))
			if empty {
				t.demo.Enable()
			} else {
				t.demo.Disable()
			}
		})
	})
}

func (t *Tab) fillDemo() {
	t.demo.Disable()
	kit.LongWork(t.w, i18n.T("settings.demo.filling"), func(ctx context.Context) error {
		return t.s.FillDemo(ctx, demo.Salon(1, t.today(), demo.DefaultClients))
	}, func(err error) {
		if err != nil && !errors.Is(err, context.Canceled) {
			kit.ShowError(err, t.w)
		}
		t.Refresh(context.Background())
		t.changed()
	})
}

// setLanguage keeps the choice for the next start: a window does not change
// language while a manager works in it.
func (t *Tab) setLanguage(choice string) {
	code := "en"
	if choice == "Русский" {
		code = "ru"
	}
	fyne.CurrentApp().Preferences().SetString(PrefLanguage, code)
}

// PrefLanguage is the preference key of the chosen language.
const PrefLanguage = "language"
