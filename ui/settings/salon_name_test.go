package settings_test

import (
	"context"
	"strings"
	"testing"

	"companion/ui/uitest"
)

// The owner types the salon's name and saves it; the store keeps it
// trimmed, and a name too long is refused under the field, nothing written.
func TestOwnerNamesTheSalon(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	f := openSettings(t, s)
	if got := uitest.Entry(t, f.w, "Название салона").Text; got != "" {
		t.Errorf("a new salon shows the name %q", got)
	}

	uitest.Type(t, f.w, "Название салона", "  Студия   «Лотос» ")
	uitest.Tap(t, f.w, "Сохранить название")
	if name, err := s.SalonName(ctx); err != nil || name != "Студия «Лотос»" {
		t.Fatalf("the store holds %q, %v", name, err)
	}
	if got := uitest.Entry(t, f.w, "Название салона").Text; got != "Студия «Лотос»" {
		t.Errorf("the field shows %q after saving", got)
	}
	if !showsExactly(f.w, "Название сохранено") {
		t.Errorf("no word that the name is saved: %q", uitest.Texts(f.w))
	}

	uitest.Type(t, f.w, "Название салона", strings.Repeat("Лотос ", 30))
	if showsExactly(f.w, "Название сохранено") {
		t.Error("«saved» still shows over a name typed since")
	}
	uitest.Tap(t, f.w, "Сохранить название")
	if msg := uitest.Message(t, f.w, "Название салона"); !strings.HasPrefix(msg, "Слишком длинный текст") {
		t.Errorf("a name too long: the message is %q", msg)
	}
	if name, _ := s.SalonName(ctx); name != "Студия «Лотос»" {
		t.Errorf("a name too long was stored: %q", name)
	}

	f.refresh()
	if got := uitest.Entry(t, f.w, "Название салона").Text; !strings.HasPrefix(got, "Лотос Лотос") {
		t.Errorf("reading the settings again threw away what the owner typed: %q", got)
	}
	reopened := openSettings(t, s)
	if got := uitest.Entry(t, reopened.w, "Название салона").Text; got != "Студия «Лотос»" {
		t.Errorf("the settings opened again show %q", got)
	}
}
