package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/demo"
	"companion/model/i18n"
)

// SettingsStore is what the settings tab needs from the database.
type SettingsStore interface {
	Path() string
	CountClients(ctx context.Context) (int64, error)
	IsEmpty(ctx context.Context) (bool, error)
	FillDemo(ctx context.Context, d demo.Data) error
	BackupStore
	SafetyStore
	SalonListStore
}

// settingsTab shows where the data lives and the language, and fills an
// empty database with a demo salon.
type settingsTab struct {
	w       fyne.Window
	s       SettingsStore
	today   func() model.Date
	changed func()
	path    *widget.Label
	clients *widget.Label
	demo    *widget.Button
	lang    *widget.RadioGroup
	backups *backupView
	safety  *safetySection
	lists   *salonLists
	root    fyne.CanvasObject
}

func newSettingsTab(w fyne.Window, s Store, version string, changed func()) *settingsTab {
	t := &settingsTab{w: w, s: s, today: s.Today, changed: changed}
	t.backups = newBackupView(w, s, changed)
	t.safety = newSafetySection(w, s)
	t.lists = newSalonLists(w, s)
	t.path = widget.NewLabel(s.Path())
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
	about := widget.NewLabel(i18n.T("settings.about", map[string]any{"Version": version}))
	t.root = container.NewVScroll(container.NewPadded(formGrid(
		heading(i18n.T("settings.section.data")),
		newField("path", i18n.T("settings.data_file"), t.path),
		newField("clients", i18n.T("settings.clients"), t.clients),
		newField("demo", i18n.T("settings.demo"), container.NewHBox(t.demo)),
		t.backups.head, t.backups.listRow, t.backups.exchangeRow,
		heading(i18n.T("settings.section.salon")),
		newField("card_types", i18n.T("settings.card_types"), t.lists.cardTypesRow()),
		newField("topics", i18n.T("settings.topics"), t.lists.topicsRow()),
		heading(i18n.T("safety.section")),
		newField("pins", i18n.T("safety.pins"), t.safety.pins.content()),
		newField("audit", i18n.T("safety.audit"), t.safety.audit.content()),
		heading(i18n.T("settings.section.language")),
		newField("language", i18n.T("settings.language"), container.NewVBox(t.lang, langHint)),
		heading(i18n.T("settings.section.about")),
		newField("version", i18n.T("settings.version"), about))))
	return t
}

func (t *settingsTab) content() fyne.CanvasObject { return t.root }

func (t *settingsTab) refresh(ctx context.Context) {
	t.backups.refresh(ctx)
	t.safety.refresh(ctx)
	t.lists.refresh(ctx)
	background(func() {
		n, err := t.s.CountClients(ctx)
		empty, err2 := t.s.IsEmpty(ctx)
		fyne.Do(func() {
			if err != nil || err2 != nil {
				showError(firstErr(err, err2), t.w)
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

func (t *settingsTab) fillDemo() {
	t.demo.Disable()
	background(func() {
		err := t.s.FillDemo(context.Background(), demo.Salon(1, t.today(), demo.DefaultClients))
		fyne.Do(func() {
			if err != nil {
				showError(err, t.w)
			}
			t.refresh(context.Background())
			t.changed()
		})
	})
}

// setLanguage keeps the choice for the next start: a window does not change
// language while a manager works in it.
func (t *settingsTab) setLanguage(choice string) {
	code := "en"
	if choice == "Русский" {
		code = "ru"
	}
	fyne.CurrentApp().Preferences().SetString(PrefLanguage, code)
}

// PrefLanguage is the preference key of the chosen language.
const PrefLanguage = "language"

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
