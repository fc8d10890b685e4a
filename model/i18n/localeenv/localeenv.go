// Package localeenv gives a program started under a bare C or POSIX
// locale (the default of many servers and containers) a locale name that
// names a language, before any other package asks for it: imported by
// main, it is initialised before Fyne's lang package, which would
// otherwise log "Error parsing user locale C" on every run.
package localeenv

import "os"

func init() {
	if bare(os.Getenv("LC_ALL")) {
		os.Unsetenv("LC_ALL")
	}
	if v := os.Getenv("LANG"); v == "" || bare(v) {
		os.Setenv("LANG", "en_US.UTF-8")
	}
}

// bare reports whether a locale names no language: C, POSIX, C.UTF-8.
func bare(v string) bool {
	return v == "C" || v == "POSIX" || len(v) > 2 && v[:2] == "C."
}
