package ui_test

import (
	"testing"

	"fyne.io/fyne/v2/lang"
)

// Fyne's own widgets (the date picker, the file dialogs) say in Russian
// the words its translation gets wrong as the program's files put them,
// and the others as Fyne has them (uitest.Main sets the language).
func TestFyneSaysItsOwnWordsInRussian(t *testing.T) {
	for key, want := range map[string]string{"tuesday": "Вторник", "thursday.short": "Чт", "Folder": "папку",
		"Cancel": "Отмена"} {
		if got := lang.L(key); got != want {
			t.Errorf("Fyne says %q for %s, want %q", got, key, want)
		}
	}
}
