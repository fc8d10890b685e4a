package model

import (
	"path/filepath"
	"testing"
	"time"
)

func TestPhotosLeaveOnlyWithBothConsents(t *testing.T) {
	day := NewDate(2026, 11, 1)
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name   string
		client Client
		want   bool
	}{
		{"both", Client{LastName: "Иванова", PDConsentAt: day, HealthConsentAt: day}, true},
		{"health only", Client{LastName: "Иванова", HealthConsentAt: day}, false},
		{"personal only", Client{LastName: "Иванова", PDConsentAt: day}, false},
		{"none", Client{LastName: "Иванова"}, false},
		{"anonymised", Client{LastName: AnonymousName, PDConsentAt: day, HealthConsentAt: day, ArchivedAt: &now}, false},
	} {
		if got := c.client.PhotosMayLeave(); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestBeforeAfterPicksTheEarliestAndTheLatest(t *testing.T) {
	for n, want := range map[int][2]int{0: {-1, -1}, 1: {0, -1}, 2: {0, 1}, 5: {0, 4}} {
		b, a := BeforeAfter(make([]Photo, n))
		if b != want[0] || a != want[1] {
			t.Errorf("%d photos: %d and %d, want %v", n, b, a, want)
		}
	}
}

func TestAPhotosFileStaysInItsFolder(t *testing.T) {
	dir := filepath.Join("data", "photos")
	for file, want := range map[string]string{
		"c1/p1.jpg":      filepath.Join(dir, "c1", "p1.jpg"),
		"../salon.db":    "",
		"/etc/passwd":    "",
		"":               "",
		"c1/../../x.jpg": "",
		"c1/./p2.jpg":    filepath.Join(dir, "c1", "p2.jpg"),
	} {
		if got := (Photo{File: file}).Local(dir); got != want {
			t.Errorf("%q is at %q, want %q", file, got, want)
		}
	}
	if got := PhotosFolderOf(filepath.Join("out", "salon.json")); got != filepath.Join("out", "salon-photos") {
		t.Errorf("the export's photos folder is %s", got)
	}
}

func TestACaptionIsTrimmedAndShort(t *testing.T) {
	p := Photo{Caption: "  анфас  "}
	if err := p.Validate(); err != nil || p.Caption != "анфас" {
		t.Errorf("%q, %v", p.Caption, err)
	}
	long := Photo{Caption: string(make([]rune, 101))}
	if err := long.Validate(); err == nil {
		t.Error("a caption of 101 letters is taken")
	}
}
