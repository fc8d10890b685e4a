package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// The recovery window is driven from inside the package: what AskRecovery
// reports (restored) shows nowhere, and AskRecovery itself runs the app
// until the window closes. The test taps the window's buttons through the
// test driver and waits for the restore, which runs in the background.
// (Package uitest imports this package, so it cannot serve this file.)

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
	if called != 0 || rw.restored {
		t.Fatal("restored before asking")
	}
	for _, want := range []string{"/data/salon.db", "26.11.2026 18:30", "3,0 МБ", "ничего не записано", "database disk image is malformed"} {
		if !strings.Contains(rw.msg.Text, want) {
			t.Errorf("the message lacks %q: %s", want, rw.msg.Text)
		}
	}
	if !strings.Contains(rw.restore.Text, "26.11.2026 18:30") {
		t.Errorf("the button says %q", rw.restore.Text)
	}
	test.Tap(rw.restore)
	kit.Settle()
	if called != 1 || !rw.restored || !strings.Contains(rw.msg.Text, "salon-damaged-20261127-100000.db") {
		t.Errorf("called %d, restored %v, message %q", called, rw.restored, rw.msg.Text)
	}
	if rw.restore.Visible() || rw.quit.Text != i18n.T("recovery.close") || rw.quit.Disabled() || rw.progress.Visible() {
		t.Errorf("after the restore: restore shown %v, quit %q disabled %v, progress shown %v",
			rw.restore.Visible(), rw.quit.Text, rw.quit.Disabled(), rw.progress.Visible())
	}

	failing := newRecoveryWindow(a, Recovery{DBPath: "/data/salon.db",
		Restore: func() (string, error) { return "", errors.New("disk full") }})
	defer failing.w.Close()
	if failing.restore.Text != i18n.T("recovery.start_empty") || !strings.Contains(failing.msg.Text, i18n.T("recovery.no_backup")) {
		t.Errorf("without a backup: %q / %q", failing.restore.Text, failing.msg.Text)
	}
	test.Tap(failing.restore)
	kit.Settle()
	if failing.restored || !strings.Contains(failing.msg.Text, "disk full") || failing.quit.Disabled() {
		t.Errorf("a failed restore: restored %v, message %q", failing.restored, failing.msg.Text)
	}
}

// Damage found while the window works: the recovery window takes the
// place of every other window and says what was not saved.
func TestRecoveryWhileWorkingTakesThePlaceOfTheWindow(t *testing.T) {
	a := test.NewTempApp(t)
	main := a.NewWindow("main")
	main.SetContent(widget.NewLabel("работа"))
	main.Show()
	rw := showRecovery(a, Recovery{DBPath: "/data/salon.db", Problem: "database disk image is malformed",
		Restore: func() (string, error) { return "", nil }})
	defer rw.w.Close()
	if wins := a.Driver().AllWindows(); len(wins) != 1 || wins[0] != rw.w {
		t.Fatalf("%d windows open after the damage was found, want the recovery window alone", len(wins))
	}
	for _, want := range []string{"ничего не записано", i18n.T("recovery.while_working")} {
		if !strings.Contains(rw.msg.Text, want) {
			t.Errorf("the message lacks %q: %s", want, rw.msg.Text)
		}
	}
}
