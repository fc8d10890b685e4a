package i18n

import (
	"testing"
)

func TestFormatSize(t *testing.T) {
	SetLanguage("ru")
	defer SetLanguage("en")
	for n, want := range map[int64]string{512: "512 Б", 1536: "1,5 КБ", 5 << 20: "5,0 МБ"} {
		if got := FormatSize(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
