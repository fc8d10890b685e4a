package ui

import (
	"errors"
	"log"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"companion/assets"
	"companion/model"
)

var current = "en"

// SetLanguage loads the translations and chooses the language: "ru", "en",
// or "" for the system's (Russian where the system speaks Russian). It
// returns the language chosen.
func SetLanguage(code string) string {
	if code == "" {
		code = systemLanguage()
	}
	if code != "ru" {
		code = "en"
	}
	os.Setenv("LANGUAGE", code)
	if v := os.Getenv("LC_ALL"); v == "C" || v == "POSIX" {
		os.Unsetenv("LC_ALL")
	}
	if v := os.Getenv("LANG"); v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
		os.Setenv("LANG", map[string]string{"ru": "ru_RU.UTF-8", "en": "en_US.UTF-8"}[code])
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		log.Printf("translations: %v", err)
	}
	current = code
	return code
}

// systemLanguage is "ru" where the system speaks Russian, else "en". A bare
// C or POSIX locale names no language, so it is not asked about.
func systemLanguage() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if l == "C" || l == "POSIX" || strings.HasPrefix(l, "C.") {
				return "en"
			}
			break
		}
	}
	if strings.HasPrefix(lang.SystemLocale().LanguageString(), "ru") {
		return "ru"
	}
	return "en"
}

// Lang is the language in use: "ru" or "en".
func Lang() string { return current }

// T translates a key; args fill its placeholders.
func T(key string, args ...map[string]any) string {
	if len(args) > 0 && args[0] != nil {
		return lang.L(key, args[0])
	}
	return lang.L(key)
}

// ErrorText turns an error into a sentence a manager understands.
func ErrorText(err error) string {
	var fe *model.FieldError
	var ve model.ValidationErrors
	var corrupt *model.ErrCorrupt
	var locked *model.ErrLocked
	var newer *model.ErrNewerSchema
	var forbidden *model.ErrForbidden
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ve):
		lines := make([]string, len(ve))
		for i, e := range ve {
			lines[i] = T(e.Key, e.Args)
		}
		return strings.Join(lines, "\n")
	case errors.As(err, &fe):
		return T(fe.Key, fe.Args)
	case errors.Is(err, model.ErrNotFound):
		return T("err.not_found")
	case errors.Is(err, model.ErrConflict):
		return T("err.conflict")
	case errors.Is(err, model.ErrNotEmpty):
		return T("err.not_empty")
	case errors.As(err, &corrupt):
		return T("err.corrupt", map[string]any{"Path": corrupt.Path})
	case errors.As(err, &locked):
		if locked.PID > 0 {
			return T("err.locked.pid", map[string]any{"Path": locked.Path, "PID": locked.PID})
		}
		return T("err.locked", map[string]any{"Path": locked.Path})
	case errors.As(err, &newer):
		return T("err.newer_schema")
	case errors.As(err, &forbidden):
		return T("err.forbidden", map[string]any{"Role": T("role." + string(forbidden.Role))})
	}
	return T("err.unexpected", map[string]any{"Detail": err.Error()})
}
