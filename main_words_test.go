package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"companion/model/i18n"
)

// companion help tells how to open the window and which commands there
// are; a mistyped command is refused in a sentence that names them, and
// opens nothing.
func TestHelpAndAMistypedCommand(t *testing.T) {
	defer i18n.SetLanguage(i18n.Lang())
	t.Setenv("COMPANION_LANG", "en")
	var out strings.Builder
	if err := run([]string{"help"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"opens the window", "-db", "-demo", "Commands", "import", "migrate-to", "payroll"} {
		if !strings.Contains(out.String(), part) {
			t.Errorf("help lacks %q:\n%s", part, out.String())
		}
	}
	out.Reset()
	err := run([]string{"imprt", "clients", "list.csv"}, &out)
	if err == nil {
		t.Fatal("a mistyped command was taken")
	}
	if msg := i18n.ErrorText(err); !strings.Contains(msg, "“imprt” is not a command") || !strings.Contains(msg, "export, import") {
		t.Errorf("the sentence: %q", msg)
	}
}

// Without a screen the window is not tried (Fyne would stop the program
// with a trace): the person reads why, and that the commands still work.
func TestNoScreenIsSaidInASentence(t *testing.T) {
	none := func(string) string { return "" }
	x11 := func(k string) string { return map[string]string{"DISPLAY": ":0"}[k] }
	wayland := func(k string) string { return map[string]string{"WAYLAND_DISPLAY": "wayland-0"}[k] }
	if hasDisplay(none) || !hasDisplay(x11) || !hasDisplay(wayland) {
		t.Fatalf("displays: none %v, x11 %v, wayland %v", hasDisplay(none), hasDisplay(x11), hasDisplay(wayland))
	}
	defer i18n.SetLanguage(i18n.Lang())
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	dir, err := os.MkdirTemp("", "companion-no-screen") // Fyne may still write its preferences there after the test
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	err = run([]string{"--lang", "en"}, &strings.Builder{})
	if msg := i18n.ErrorText(err); !strings.Contains(msg, "There is no screen to open the window on") || !strings.Contains(msg, "report") {
		t.Errorf("without a screen: %q", msg)
	}
}
