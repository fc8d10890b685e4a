package uitest

import (
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
)

// recoveryCode is how the owner's recovery code shows: five groups of four
// digits.
var recoveryCode = regexp.MustCompile(`^\d{4}(-\d{4}){4}$`)

// AcceptRecoveryCode reads the recovery code the dialog on top of w shows
// once, and goes on as the owner does: Continue waits until «Я записал(а)
// код» is ticked. It returns the code.
func AcceptRecoveryCode(t testing.TB, w fyne.Window) string {
	t.Helper()
	var code string
	for _, s := range DialogTexts(w) {
		if recoveryCode.MatchString(s) {
			code = s
		}
	}
	if code == "" {
		t.Fatalf("no recovery code shows; the window shows %q", Texts(w))
	}
	if !Button(t, w, "Продолжить").Disabled() {
		t.Error("the code's dialog goes on before the code is written down")
	}
	Toggle(t, w, "Я записал(а) код")
	Tap(t, w, "Продолжить")
	return code
}
