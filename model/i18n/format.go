package i18n

import (
	"fmt"
	"strings"
	"time"
)

// FormatDateTime shows a moment in local time: 27.11.2026 10:00 in
// Russian, 2026-11-27 10:00 in English.
func FormatDateTime(t time.Time) string {
	if Lang() == "ru" {
		return t.In(time.Local).Format("02.01.2006 15:04")
	}
	return t.In(time.Local).Format("2006-01-02 15:04")
}

// FormatSize shows a file size in bytes, KB or MB, with the language's
// decimal mark.
func FormatSize(n int64) string {
	var s string
	switch {
	case n < 1<<10:
		return T("size.b", map[string]any{"N": n})
	case n < 1<<20:
		s = fmt.Sprintf("%.1f", float64(n)/(1<<10))
		s = T("size.kb", map[string]any{"N": LocalDecimal(s)})
	default:
		s = fmt.Sprintf("%.1f", float64(n)/(1<<20))
		s = T("size.mb", map[string]any{"N": LocalDecimal(s)})
	}
	return s
}

func LocalDecimal(s string) string {
	if Lang() == "ru" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// NetworkShareText is the warning about a database on a network share.
func NetworkShareText(path, kind string) string {
	return T("netshare.warning", map[string]any{"Path": path, "Kind": kind})
}
