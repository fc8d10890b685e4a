// Package i18n holds the words and the language's formats that the window,
// the command line and the reports share, so that each thing is called the
// same everywhere. The translations live in assets/translations.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"os"
	"strings"
	"sync"

	"github.com/jeandeaual/go-locale"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"companion/assets"
	"companion/model"
)

var (
	mu         sync.RWMutex
	current    = "en"
	bundle     *goi18n.Bundle
	localizers = map[string]*goi18n.Localizer{}
	loadOnce   sync.Once
)

// Languages are the languages the program speaks, the default first.
var Languages = []string{"en", "ru"}

// load reads every translation file once.
func load() {
	bundle = goi18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(assets.Translations, "translations/*.json")
	if err != nil {
		log.Printf("translations: %v", err)
	}
	for _, name := range files {
		data, err := fs.ReadFile(assets.Translations, name)
		if err == nil {
			_, err = bundle.ParseMessageFileBytes(data, name)
		}
		if err != nil {
			log.Printf("translations: %s: %v", name, err)
		}
	}
	for _, code := range Languages {
		localizers[code] = goi18n.NewLocalizer(bundle, code)
	}
}

// known is code when the program speaks it, else English.
func known(code string) string {
	if code == "ru" {
		return "ru"
	}
	return "en"
}

// SetLanguage chooses the language: "ru", "en", or "" for the system's
// (Russian where the system speaks Russian). It returns the one chosen.
func SetLanguage(code string) string {
	if code == "" {
		code = SystemLanguage()
	}
	code = known(code)
	mu.Lock()
	defer mu.Unlock()
	current = code
	return code
}

// SystemLanguage is "ru" where the system speaks Russian, else "en". A bare
// C or POSIX locale names no language.
func SystemLanguage() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if l == "C" || l == "POSIX" || strings.HasPrefix(l, "C.") {
				return "en"
			}
			break
		}
	}
	if l, err := locale.GetLanguage(); err == nil && strings.HasPrefix(l, "ru") {
		return "ru"
	}
	return "en"
}

// Lang is the language in use: "ru" or "en".
func Lang() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// Words are the words of one language. A report or a file written in a
// language of its own takes them, so that it says what the window says in
// that language without changing the language of the window.
type Words struct {
	lang string
}

// In gives the words of a language: "ru", "en", or "" for the language in
// use; any other code is English.
func In(code string) Words {
	if code == "" {
		return Words{Lang()}
	}
	return Words{known(code)}
}

// Lang is the language of the words: "ru" or "en".
func (w Words) Lang() string { return w.lang }

// T translates a key; args fill its placeholders. A whole number under
// "N" chooses the plural form of a key that has them («1 клиент»,
// «2 клиента», «5 клиентов»); a model.Date or a model.Money is written in
// the language's way. A key without a translation comes back as it is, which the
// translation test catches.
func (w Words) T(key string, args ...map[string]any) string {
	c := &goi18n.LocalizeConfig{MessageID: key}
	if len(args) > 0 && args[0] != nil {
		c.TemplateData = w.values(args[0])
		if n, ok := wholeNumber(args[0]["N"]); ok {
			c.PluralCount = n
		}
	}
	return w.localize(c)
}

// values is args with each model.Date and model.Money written in the
// language.
func (w Words) values(args map[string]any) map[string]any {
	out := make(map[string]any, len(args))
	for k, v := range args {
		switch x := v.(type) {
		case model.Date:
			out[k] = x.Format(w.lang)
		case model.Money:
			out[k] = x.Format(w.lang)
		default:
			out[k] = v
		}
	}
	return out
}

// Decimal shows a number with one decimal in the language's way: 4,6 or 4.6.
func (w Words) Decimal(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	if w.lang == "ru" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// MonthShort is a short month name with the year: «янв 26».
func (w Words) MonthShort(month, year int) string {
	return fmt.Sprintf("%s %02d", w.T(fmt.Sprintf("month.short.%d", month)), year%100)
}

// Has reports whether key has a translation in the language.
func (w Words) Has(key string) bool {
	_, err := w.localizer().Localize(&goi18n.LocalizeConfig{MessageID: key})
	return err == nil
}

// Preload reads the translations now, for a program with other work to do
// meanwhile: Companion starts it on a goroutine of its own, so that its
// first word waits for less.
func Preload() { loadOnce.Do(load) }

func (w Words) localizer() *goi18n.Localizer {
	loadOnce.Do(load)
	return localizers[w.lang]
}

func (w Words) localize(c *goi18n.LocalizeConfig) string {
	l := w.localizer()
	s, err := l.Localize(c)
	if err != nil && c.PluralCount != nil {
		c.PluralCount = nil // a key without plural forms
		s, err = l.Localize(c)
	}
	if err != nil {
		return c.MessageID
	}
	return s
}

// T translates a key in the language in use; see Words.T.
func T(key string, args ...map[string]any) string { return In("").T(key, args...) }

// wholeNumber is v as an int64 when it is a Go integer.
func wholeNumber(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	case int32:
		return int64(n), true
	case uint:
		return int64(n), true
	}
	return 0, false
}

// Has reports whether key has a translation in the language in use.
func Has(key string) bool { return In("").Has(key) }

// Decimal shows a number with one decimal in the language in use: 4,6 or 4.6.
func Decimal(v float64) string { return In("").Decimal(v) }

// MonthShort is a short month name with the year in the language in use: «янв 26».
func MonthShort(month, year int) string { return In("").MonthShort(month, year) }
