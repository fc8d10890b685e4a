package settings_test

import (
	"testing"

	"companion/ui/settings"
)

func TestServerAddressIsBuiltAndReadBack(t *testing.T) {
	cases := []struct {
		name string
		f    settings.ServerFields
		url  string
	}{
		{"plain", settings.ServerFields{Host: "office", Port: "5432", Database: "companion", User: "companion", Password: "secret"},
			"postgres://companion:secret@office:5432/companion"},
		{"no password", settings.ServerFields{Host: "10.0.0.5", Port: "6543", Database: "salon", User: "anna"},
			"postgres://anna@10.0.0.5:6543/salon"},
		{"escaped", settings.ServerFields{Host: "nas.local", Port: "5432", Database: "companion", User: "ann@salon", Password: "p@ss:w/rd?#% x"},
			"postgres://ann%40salon:p%40ss%3Aw%2Frd%3F%23%25%20x@nas.local:5432/companion"},
		{"IPv6", settings.ServerFields{Host: "::1", Port: "5432", Database: "companion", User: "companion"},
			"postgres://companion@[::1]:5432/companion"},
		{"options kept", settings.ServerFields{Host: "127.0.0.1", Port: "55432", Database: "postgres", User: "companion", Query: "sslmode=disable"},
			"postgres://companion@127.0.0.1:55432/postgres?sslmode=disable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.f.URL(); got != c.url {
				t.Fatalf("URL() = %q, want %q", got, c.url)
			}
			back, ok := settings.ParseServerAddress(c.url)
			if !ok || back != c.f {
				t.Fatalf("ParseServerAddress(%q) = %+v, %v; want %+v", c.url, back, ok, c.f)
			}
		})
	}
}

func TestServerAddressParsing(t *testing.T) {
	f, ok := settings.ParseServerAddress("postgresql://u@host/db")
	if !ok || f.Port != settings.DefaultServerPort || f.Host != "host" || f.Database != "db" || f.User != "u" {
		t.Fatalf("a missing port: %+v, %v", f, ok)
	}
	for _, addr := range []string{"", "/home/anna/salon.db", `C:\salon\companion.db`, "mysql://u@h/db"} {
		if _, ok := settings.ParseServerAddress(addr); ok {
			t.Errorf("%q read as a server", addr)
		}
	}
}

func TestServerFieldsSayWhatIsWrong(t *testing.T) {
	cases := []struct {
		name   string
		f      settings.ServerFields
		fields []string
	}{
		{"complete", settings.ServerFields{Host: "h", Port: "5432", Database: "d", User: "u"}, nil},
		{"empty", settings.ServerFields{}, []string{"host", "port", "database", "user"}},
		{"blank host", settings.ServerFields{Host: "  ", Port: "1", Database: "d", User: "u"}, []string{"host"}},
		{"port zero", settings.ServerFields{Host: "h", Port: "0", Database: "d", User: "u"}, []string{"port"}},
		{"port too big", settings.ServerFields{Host: "h", Port: "65536", Database: "d", User: "u"}, []string{"port"}},
		{"port a word", settings.ServerFields{Host: "h", Port: "pg", Database: "d", User: "u"}, []string{"port"}},
		{"port highest", settings.ServerFields{Host: "h", Port: "65535", Database: "d", User: "u"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := c.f.Validate()
			var got []string
			for _, e := range errs {
				got = append(got, e.Field)
			}
			if len(got) != len(c.fields) {
				t.Fatalf("fields %q, want %q", got, c.fields)
			}
			for i := range got {
				if got[i] != c.fields[i] {
					t.Fatalf("fields %q, want %q", got, c.fields)
				}
			}
		})
	}
}
