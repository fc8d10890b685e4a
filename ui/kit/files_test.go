package kit

import (
	"path/filepath"
	"testing"
)

func TestResolvePathTakesWhatThePersonMeans(t *testing.T) {
	t.Setenv("HOME", "/home/anna")
	for _, c := range []struct{ typed, want string }{
		{"clients.csv", "/srv/shown/clients.csv"},
		{" clients.csv ", "/srv/shown/clients.csv"},
		{"/tmp/ut/clients.csv", "/tmp/ut/clients.csv"},
		{"~/Документы/база.csv", "/home/anna/Документы/база.csv"},
		{"~", "/home/anna"},
		{"../up.csv", "/srv/up.csv"},
	} {
		if got := ResolvePath(c.typed, "/srv/shown"); got != filepath.FromSlash(c.want) {
			t.Errorf("ResolvePath(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}
