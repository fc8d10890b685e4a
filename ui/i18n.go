package ui

import (
	"log"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"companion/assets"
	"companion/model/i18n"
	"companion/ui/settings"
)

// SetLanguage chooses the language of the window and of Fyne's own words:
// "ru", "en", or "" for the system's. It returns the language chosen.
func SetLanguage(code string) string {
	code = i18n.SetLanguage(code)
	os.Setenv("LANGUAGE", code)
	if v := os.Getenv("LC_ALL"); v == "C" || v == "POSIX" {
		os.Unsetenv("LC_ALL")
	}
	if v := os.Getenv("LANG"); v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
		os.Setenv("LANG", map[string]string{"ru": "ru_RU.UTF-8", "en": "en_US.UTF-8"}[code])
	}
	for _, l := range i18n.Languages {
		if err := fyneWords(l); err != nil {
			log.Printf("translations: %v", err)
		}
	}
	return code
}

// fyneWords gives Fyne the words of its own widgets that its translation
// into language l gets wrong (fyne.LANG.json): the others it has right,
// and the program's own words it never asks for.
func fyneWords(l string) error {
	name := "fyne." + l + ".json"
	data, err := assets.Translations.ReadFile("translations/" + name)
	if err != nil {
		return err
	}
	return lang.AddTranslations(fyne.NewStaticResource(name, data))
}

// PrefLanguage is the preference key of the language chosen in Settings.
const PrefLanguage = settings.PrefLanguage
