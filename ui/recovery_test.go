package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"companion/model"
	"companion/model/i18n"
)

func TestRecoveryWindowAsksBeforeRestoring(t *testing.T) {
	a := test.NewTempApp(t)
	called := 0
	at := time.Date(2026, time.November, 26, 18, 30, 0, 0, time.Local)
	rw := newRecoveryWindow(a, Recovery{DBPath: "/data/salon.db", Problem: "database disk image is malformed",
		Backup: &model.BackupInfo{Path: "/data/backups/salon-20261126-183000.db", Time: at, Size: 3 << 20},
		Restore: func() (string, error) {
			called++
			return "/data/salon-damaged-20261127-100000.db", nil
		}})
	defer rw.w.Close()
	if called != 0 {
		t.Fatal("restored before asking")
	}
	for _, want := range []string{"/data/salon.db", "26.11.2026 18:30", "3,0 МБ", "ничего не записано"} {
		if !strings.Contains(rw.msg.Text, want) {
			t.Errorf("the message lacks %q: %s", want, rw.msg.Text)
		}
	}
	if !strings.Contains(rw.restore.Text, "26.11.2026 18:30") {
		t.Errorf("the button says %q", rw.restore.Text)
	}
	test.Tap(rw.restore)
	if called != 1 || !rw.restored || !strings.Contains(rw.msg.Text, "salon-damaged-20261127-100000.db") {
		t.Errorf("called %d, restored %v, message %q", called, rw.restored, rw.msg.Text)
	}

	failing := newRecoveryWindow(a, Recovery{DBPath: "/data/salon.db",
		Restore: func() (string, error) { return "", errors.New("disk full") }})
	defer failing.w.Close()
	if failing.restore.Text != i18n.T("recovery.start_empty") || !strings.Contains(failing.msg.Text, i18n.T("recovery.no_backup")) {
		t.Errorf("without a backup: %q / %q", failing.restore.Text, failing.msg.Text)
	}
	test.Tap(failing.restore)
	if failing.restored || !strings.Contains(failing.msg.Text, "disk full") || failing.quit.Disabled() {
		t.Errorf("a failed restore: restored %v, message %q", failing.restored, failing.msg.Text)
	}
}
