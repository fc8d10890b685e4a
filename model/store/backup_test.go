package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"companion/model"
)

func init() { ScryptWorkFactor = 10 } // a passphrase costs a millisecond in tests, not a second

// clockStore opens a store whose clock the test moves.
func clockStore(t testing.TB, path string, now *time.Time) *Store {
	t.Helper()
	s, err := Open(path, WithClock(func() time.Time { return *now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func countClientsIn(t testing.TB, path string) int64 {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	n, err := s.CountClients(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func addClients(t testing.TB, s *Store, names ...string) {
	t.Helper()
	for _, n := range names {
		mustCreate(t, s, model.Client{FirstName: n})
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func regular(times ...string) []BackupInfo {
	var list []BackupInfo
	for _, s := range times {
		list = append(list, BackupInfo{Path: s, Time: day(s), Kind: model.BackupRegular})
	}
	return list
}

func paths(list []BackupInfo) []string {
	var out []string
	for _, b := range list {
		out = append(out, b.Path)
	}
	sort.Strings(out)
	return out
}

func TestRotate(t *testing.T) {
	upgrade := BackupInfo{Path: "2020-01-01 10:00 upgrade", Time: day("2020-01-01 10:00"), Kind: model.BackupUpgrade}
	before := BackupInfo{Path: "2020-02-01 10:00 before", Time: day("2020-02-01 10:00"), Kind: model.BackupBeforeRestore}
	tests := []struct {
		name   string
		list   []BackupInfo
		r      Retention
		remove []string
	}{
		{"nothing", nil, DefaultRetention, nil},
		{"one", regular("2026-11-27 10:00"), DefaultRetention, nil},
		{"the newest of a day", regular("2026-11-27 09:00", "2026-11-27 18:00", "2026-11-27 12:00"), DefaultRetention,
			[]string{"2026-11-27 09:00", "2026-11-27 12:00"}},
		{"days with a gap are counted by the days that have backups",
			regular("2026-01-01 10:00", "2026-03-01 10:00", "2026-11-27 10:00"), Retention{Daily: 2}, []string{"2026-01-01 10:00"}},
		{"weeks keep their newest", regular("2026-11-16 10:00", "2026-11-18 10:00", "2026-11-23 10:00", "2026-11-24 10:00"),
			Retention{Daily: 1, Weekly: 2}, []string{"2026-11-16 10:00", "2026-11-23 10:00"}},
		{"months keep their newest", regular("2026-09-30 10:00", "2026-10-01 10:00", "2026-10-31 10:00", "2026-11-02 10:00"),
			Retention{Monthly: 2}, []string{"2026-09-30 10:00", "2026-10-01 10:00"}},
		{"other kinds are never removed", append(regular("2026-11-27 10:00", "2026-11-27 11:00"), upgrade, before),
			Retention{Daily: 1}, []string{"2026-11-27 10:00"}},
		{"zero keeps nothing regular", regular("2026-11-27 10:00"), Retention{}, []string{"2026-11-27 10:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep, remove := Rotate(tt.list, tt.r)
			if got := paths(remove); strings.Join(got, "|") != strings.Join(tt.remove, "|") {
				t.Errorf("removes %v, want %v", got, tt.remove)
			}
			if len(keep)+len(remove) != len(tt.list) {
				t.Errorf("%d kept + %d removed of %d", len(keep), len(remove), len(tt.list))
			}
			for i := 1; i < len(keep); i++ {
				if keep[i].Time.After(keep[i-1].Time) {
					t.Errorf("keep is not newest first: %v", paths(keep))
				}
			}
		})
	}
}

// A backup every day for 400 days, rotated each day, leaves the same files
// as rotating them all at once: 7 days, 4 weeks and 6 months.
func TestRotateAYearOfDailyBackups(t *testing.T) {
	last := day("2026-11-27 18:00") // a Friday
	var all, folder []BackupInfo
	for i := 399; i >= 0; i-- {
		d := last.AddDate(0, 0, -i)
		b := BackupInfo{Path: d.Format("2006-01-02"), Time: d, Kind: model.BackupRegular}
		all = append(all, b)
		folder, _ = Rotate(append(folder, b), DefaultRetention)
	}
	keep, _ := Rotate(all, DefaultRetention)
	want := []string{
		"2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", // months
		"2026-11-08", "2026-11-15", // Sundays that end the ISO weeks
		"2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", // days
	}
	if got := paths(keep); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("keeps\n%v\nwant\n%v", got, want)
	}
	if got := paths(folder); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rotating every day keeps\n%v\nwant\n%v", got, want)
	}
}

func TestBackupIsWholeCheckedAndNamedByItsTime(t *testing.T) {
	now := fixedNow
	path := filepath.Join(t.TempDir(), "salon.db")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна", "Мария")
	ctx := context.Background()

	b, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(b) != BackupDir(path) {
		t.Errorf("backup %s is not in %s", b, BackupDir(path))
	}
	if err := integrityCheck(b); err != nil {
		t.Error(err)
	}
	if n := countClientsIn(t, b); n != 2 {
		t.Errorf("the backup holds %d clients", n)
	}
	list, err := s.Backups()
	if err != nil || len(list) != 1 {
		t.Fatalf("backups %v (%v)", list, err)
	}
	if got := list[0]; got.Path != b || !got.Time.Equal(now.Truncate(time.Second)) || got.Size == 0 || got.Kind != model.BackupRegular {
		t.Errorf("listed as %+v", got)
	}

	// A second in the same second gets a name of its own.
	b2, err := s.Backup(ctx, "")
	if err != nil || b2 == b {
		t.Fatalf("second backup %s (%v)", b2, err)
	}

	// To a named file; no temporary files are left anywhere.
	out := filepath.Join(t.TempDir(), "copy.db")
	if got, err := s.Backup(ctx, out); err != nil || got != out {
		t.Fatalf("backup to %s: %s, %v", out, got, err)
	}
	for _, dir := range []string{BackupDir(path), filepath.Dir(out)} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file left: %s", e.Name())
			}
		}
	}
}

func TestBackupIsTheOwners(t *testing.T) {
	s := openTest(t)
	var forbidden *model.ErrForbidden
	if _, err := s.As(model.RoleManager).Backup(context.Background(), ""); !errors.As(err, &forbidden) {
		t.Errorf("a manager made a backup: %v", err)
	}
	if _, err := s.As(model.RoleManager).Backups(); !errors.As(err, &forbidden) {
		t.Errorf("a manager listed the backups: %v", err)
	}
}

func TestAutoBackupOnceADayAndRotates(t *testing.T) {
	now := fixedNow
	path := filepath.Join(t.TempDir(), "salon.db")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна")
	ctx := context.Background()
	count := func() int {
		list, err := ListBackups(path)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	if err := s.AutoBackup(ctx); err != nil || count() != 1 {
		t.Fatalf("first start: %d backups (%v)", count(), err)
	}
	now = now.Add(23 * time.Hour)
	if err := s.AutoBackup(ctx); err != nil || count() != 1 {
		t.Fatalf("23 hours later: %d backups (%v)", count(), err)
	}
	now = now.Add(2 * time.Hour)
	if err := s.AutoBackup(ctx); err != nil || count() != 2 {
		t.Fatalf("25 hours later: %d backups (%v)", count(), err)
	}
	// A clock put back is no reason to stop making backups.
	now = fixedNow.Add(-72 * time.Hour)
	if err := s.AutoBackup(ctx); err != nil || count() != 3 {
		t.Fatalf("clock put back: %d backups (%v)", count(), err)
	}
	// Six weeks of daily starts leave 7 days, 4 weeks and the months.
	for i := 0; i < 42; i++ {
		now = now.Add(24 * time.Hour)
		if err := s.AutoBackup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := ListBackups(path)
	keep, remove := Rotate(list, DefaultRetention)
	if len(remove) != 0 || len(keep) > 17 || len(keep) < 9 {
		t.Errorf("after six weeks: %d backups, rotation would remove %d more", len(keep), len(remove))
	}
}

func TestListBackupsKnowsTheKindsAndSkipsOthers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "salon.db")
	bdir := BackupDir(path)
	os.MkdirAll(bdir, 0o700)
	for _, name := range []string{
		"salon-20261127-100000.db", "salon-20261127-100000-2.db", "salon-v1-20261126-100000.db",
		"salon-before-restore-20261125-100000.db", "other-20261127-100000.db", ".salon-20261127-110000.db.123.tmp",
		"salon-20261127.db", "notes.txt",
	} {
		os.WriteFile(filepath.Join(bdir, name), []byte("x"), 0o600)
	}
	list, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, filepath.Base(b.Path)+":"+string(b.Kind))
	}
	want := "salon-20261127-100000-2.db:regular salon-20261127-100000.db:regular salon-v1-20261126-100000.db:upgrade " +
		"salon-before-restore-20261125-100000.db:before-restore"
	if strings.Join(got, " ") != want {
		t.Errorf("listed %v", got)
	}
}

func TestRestoreBacksUpTheCurrentDataFirst(t *testing.T) {
	now := fixedNow
	path := filepath.Join(t.TempDir(), "salon.db")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна", "Мария", "Ольга")
	b, err := s.Backup(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	addClients(t, s, "Ирина", "Елена")
	s.Close()

	res, err := RestoreFile(path, b, "")
	if err != nil {
		t.Fatal(err)
	}
	if n := countClientsIn(t, path); n != 3 {
		t.Errorf("%d clients after the restore, want 3", n)
	}
	if res.Saved == "" || res.Damaged != "" {
		t.Fatalf("result %+v", res)
	}
	if n := countClientsIn(t, res.Saved); n != 5 {
		t.Errorf("the data before the restore was saved with %d clients, want 5", n)
	}
	kind, _, ok := parseBackupName("salon", filepath.Base(res.Saved))
	if !ok || kind != model.BackupBeforeRestore {
		t.Errorf("saved as %s", res.Saved)
	}
}

func TestRestoreRefusesABadBackupAndChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "salon.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addClients(t, s, "Анна")
	s.Close()
	before, _ := os.ReadFile(path)

	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 500)), 0o600)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	notOurs := filepath.Join(dir, "other.db")
	o, _ := Open(notOurs)
	o.DB().Exec("PRAGMA user_version = 0")
	o.Close()
	newer := filepath.Join(dir, "newer.db")
	n, _ := Open(newer)
	n.DB().Exec("PRAGMA user_version = 99")
	n.Close()

	for _, tc := range []struct {
		file string
		key  string
	}{
		{junk, "backup.err.bad"},
		{empty, "backup.err.open"},
		{filepath.Join(dir, "missing.db"), "backup.err.open"},
		{notOurs, "backup.err.not_companion"},
		{newer, ""},
	} {
		err := Restore(path, tc.file)
		var fe *model.FieldError
		var newerErr *model.ErrNewerSchema
		switch {
		case err == nil:
			t.Errorf("%s was restored", tc.file)
		case tc.key == "" && !errors.As(err, &newerErr):
			t.Errorf("%s: %v, want ErrNewerSchema", tc.file, err)
		case tc.key != "" && (!errors.As(err, &fe) || fe.Key != tc.key):
			t.Errorf("%s: %v, want %s", tc.file, err, tc.key)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the database was changed by a refused restore")
	}
	if list, _ := ListBackups(path); len(list) != 0 {
		t.Errorf("a refused restore left backups: %v", list)
	}
}

func TestEncryptedBackupRestoresWithItsPassphraseOnly(t *testing.T) {
	now := fixedNow
	dir := t.TempDir()
	path := filepath.Join(dir, "salon.db")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна", "Мария")
	ctx := context.Background()
	enc := filepath.Join(dir, "stick", "salon.db.age")
	os.MkdirAll(filepath.Dir(enc), 0o700)
	if _, err := s.BackupEncrypted(ctx, enc, ""); err == nil {
		t.Error("an empty passphrase was accepted")
	}
	if _, err := s.BackupEncrypted(ctx, enc, "весна 2026"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := IsEncrypted(enc); !ok {
		t.Fatal("the file is not encrypted")
	}
	data, _ := os.ReadFile(enc)
	if strings.Contains(string(data), "SQLite format") || strings.Contains(string(data), "Мария") {
		t.Error("the encrypted file shows its content")
	}
	if entries, _ := os.ReadDir(BackupDir(path)); len(entries) != 0 {
		t.Errorf("the plain copy stayed behind: %v", entries)
	}
	addClients(t, s, "Ольга")
	s.Close()

	var fe *model.FieldError
	if _, err := RestoreFile(path, enc, "осень"); !errors.As(err, &fe) || fe.Key != "backup.err.passphrase_wrong" {
		t.Errorf("wrong passphrase: %v", err)
	}
	if _, err := RestoreFile(path, enc, ""); !errors.As(err, &fe) || fe.Key != "backup.err.passphrase_empty" {
		t.Errorf("no passphrase: %v", err)
	}
	if n := countClientsIn(t, path); n != 3 {
		t.Fatalf("a failed restore changed the data: %d clients", n)
	}
	if _, err := RestoreFile(path, enc, "весна 2026"); err != nil {
		t.Fatal(err)
	}
	if n := countClientsIn(t, path); n != 2 {
		t.Errorf("%d clients after the restore, want 2", n)
	}

	// DecryptFile gives back the plain backup.
	plain := filepath.Join(dir, "plain.db")
	if err := DecryptFile(enc, plain, "весна 2026"); err != nil {
		t.Fatal(err)
	}
	if err := integrityCheck(plain); err != nil {
		t.Error(err)
	}
	if err := DecryptFile(plain, filepath.Join(dir, "x.db"), "весна 2026"); !errors.As(err, &fe) || fe.Key != "backup.err.not_encrypted" {
		t.Errorf("decrypting a plain file: %v", err)
	}
}

func TestRestoreOnExit(t *testing.T) {
	now := fixedNow
	path := filepath.Join(t.TempDir(), "salon.db")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна")
	b, err := s.Backup(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	addClients(t, s, "Мария")
	if HasPendingRestore(path) {
		t.Fatal("a restore is pending before anyone asked")
	}
	if err := s.RestoreOnExit(filepath.Join(t.TempDir(), "missing.db"), ""); err == nil {
		t.Error("a missing backup was accepted")
	}
	if HasPendingRestore(path) {
		t.Fatal("a refused backup is pending")
	}
	if err := s.RestoreOnExit(b, ""); err != nil {
		t.Fatal(err)
	}
	if !HasPendingRestore(path) {
		t.Fatal("no restore pending")
	}
	s.Close()
	res, ok, err := FinishPendingRestore(path)
	if err != nil || !ok || res.Saved == "" {
		t.Fatalf("finish: %+v %v %v", res, ok, err)
	}
	if n := countClientsIn(t, path); n != 1 {
		t.Errorf("%d clients after the restore on exit, want 1", n)
	}
	if _, ok, _ := FinishPendingRestore(path); ok {
		t.Error("the restore ran twice")
	}
}

func TestABackupByHandOutlivesTheExitBackupOfItsDay(t *testing.T) {
	now := fixedNow
	path := filepath.Join(t.TempDir(), "salon.db")
	s := clockStore(t, path, &now)
	addClients(t, s, "Анна")
	ctx := context.Background()
	manual, err := s.BackupByHand(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // the day's exits, then weeks of daily backups
		now = now.Add(time.Hour)
		if _, err := s.Backup(ctx, ""); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 60; i++ {
		now = now.Add(24 * time.Hour)
		if err := s.AutoBackup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	list, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range list {
		if b.Path == manual {
			if b.Kind != model.BackupManual {
				t.Errorf("the backup by hand reads as %s", b.Kind)
			}
			return
		}
	}
	t.Fatalf("the backup by hand %s was rotated away", filepath.Base(manual))
}
