package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"companion/model/i18n"
)

func TestRecoveryCodePDFReadsBack(t *testing.T) {
	i18n.SetLanguage("ru")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	var b bytes.Buffer
	issued := time.Date(2026, 11, 27, 10, 0, 0, 0, time.Local)
	if err := WriteRecoveryCode(&b, "1234-5678-9012-3456-7890", issued); err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, b.Bytes()))
	for _, want := range []string{"Код восстановления PIN-кода владельца", "1234-5678-9012-3456-7890",
		"27.11.2026 10:00", "Забыли PIN-код владельца?"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
}
