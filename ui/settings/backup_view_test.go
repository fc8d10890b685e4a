package settings

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/demo"
	"companion/model/i18n"
	"companion/model/store"
	"companion/ui/kit"
)

func init() { store.ScryptWorkFactor = 10 } // a passphrase costs a millisecond in tests

// backupFixture is the backups section over a real database file.
type backupFixture struct {
	s       *store.Store
	path    string
	v       *backupView
	w       fyne.Window
	changed int
	quit    int
}

func newBackupFixture(t *testing.T, s *store.Store, path string) *backupFixture {
	t.Helper()
	a := test.NewTempApp(t)
	f := &backupFixture{s: s, path: path, w: a.NewWindow("backups")}
	f.v = newBackupView(f.w, s, func() { f.changed++ })
	f.v.quit = func() { f.quit++ }
	f.w.SetContent(kit.FormGrid(f.v.head, f.v.listRow, f.v.exchangeRow))
	f.w.Resize(fyne.NewSize(900, 600))
	t.Cleanup(f.w.Close)
	f.v.refresh(context.Background())
	return f
}

func openBackupStore(t *testing.T, name string) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	s, err := store.Open(path, store.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func listTexts(v *backupView) []string {
	var out []string
	for _, o := range v.list.Objects {
		test.LaidOutObjects(o)
		for _, x := range test.LaidOutObjects(o) {
			if l, ok := x.(*widget.Label); ok {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

func TestOwnerMakesABackupAndChoosesARestore(t *testing.T) {
	s, path := openBackupStore(t, "salon.db")
	ctx := context.Background()
	for _, n := range []string{"Анна", "Мария"} {
		if err := s.CreateClient(ctx, &model.Client{FirstName: n}); err != nil {
			t.Fatal(err)
		}
	}
	f := newBackupFixture(t, s, path)
	if got := listTexts(f.v); len(got) != 1 || got[0] != i18n.T("backup.none") {
		t.Fatalf("an empty list shows %q", got)
	}
	if !strings.Contains(f.v.where.Text, store.BackupDir(path)) {
		t.Errorf("the section does not say where the backups are: %q", f.v.where.Text)
	}

	test.Tap(f.v.now)
	list, err := s.Backups()
	if err != nil || len(list) != 1 {
		t.Fatalf("after the tap: %v backups (%v)", list, err)
	}
	if !strings.Contains(f.v.lastInfo, list[0].Path) {
		t.Errorf("the message %q does not say where the backup went", f.v.lastInfo)
	}
	rows := listTexts(f.v)
	if len(rows) != 1 || !strings.Contains(rows[0], i18n.FormatDateTime(list[0].Time)) || !strings.Contains(rows[0], i18n.T("backup.kind.manual")) {
		t.Errorf("the list shows %q", rows)
	}

	if err := s.CreateClient(ctx, &model.Client{FirstName: "Ольга"}); err != nil {
		t.Fatal(err)
	}
	var asked string
	f.v.confirmHook = func(text string, ok func()) { asked = text; ok() }
	test.Tap(f.v.rowButtons[0])
	if !strings.Contains(asked, i18n.FormatDateTime(list[0].Time)) || !strings.Contains(asked, "копия текущих данных") {
		t.Errorf("the confirmation says %q", asked)
	}
	if !store.HasPendingRestore(path) || !f.v.pendingRestore {
		t.Fatal("the restore was not chosen")
	}
	if n, _ := s.CountClients(ctx); n != 3 {
		t.Fatalf("the data changed while the window is open: %d clients", n)
	}
	// What main does once the window has closed.
	s.Close()
	res, ok, err := store.FinishPendingRestore(path)
	if err != nil || !ok || res.Saved == "" {
		t.Fatalf("finish: %+v %v %v", res, ok, err)
	}
	s2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n, _ := s2.CountClients(ctx); n != 2 {
		t.Errorf("%d clients after the restore, want 2", n)
	}
}

func TestEncryptedCopyAsksForItsPassphraseOnRestore(t *testing.T) {
	s, path := openBackupStore(t, "salon.db")
	if err := s.CreateClient(context.Background(), &model.Client{FirstName: "Анна"}); err != nil {
		t.Fatal(err)
	}
	f := newBackupFixture(t, s, path)
	enc := filepath.Join(t.TempDir(), "copy.db.age")
	f.v.encryptTo(enc, "весна")
	if data, _ := os.ReadFile(enc); !bytes.HasPrefix(data, []byte("age-encryption.org/v1")) {
		t.Fatalf("%s is not an encrypted file (%v)", enc, f.v.lastError)
	}
	asked := 0
	f.v.passphraseHook = func(ok func(string)) {
		asked++
		if asked == 1 {
			ok("осень")
		}
	}
	f.v.chooseRestore(enc, "")
	var fe *model.FieldError
	if asked != 1 || !errors.As(f.v.lastError, &fe) || fe.Key != "backup.err.passphrase_wrong" {
		t.Fatalf("asked %d times, error %v", asked, f.v.lastError)
	}
	f.v.passphraseHook = func(ok func(string)) { ok("весна") }
	f.v.chooseRestore(enc, "")
	if !store.HasPendingRestore(path) {
		t.Fatal("the right passphrase did not choose the restore")
	}
	s.Close()
	store.FinishPendingRestore(path)
}

func TestExportAllThenImportAllIntoAnEmptyDatabase(t *testing.T) {
	src, srcPath := openBackupStore(t, "salon.db")
	if err := src.FillDemo(context.Background(), demo.Salon(2, model.DateOf(testNow), 30)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "salon.json")
	newBackupFixture(t, src, srcPath).v.exportTo(out)
	data, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(data, []byte(`"format": "companion-exchange"`)) {
		t.Fatalf("export: %v", err)
	}

	dst, dstPath := openBackupStore(t, "new.db")
	f := newBackupFixture(t, dst, dstPath)
	var asked string
	f.v.confirmHook = func(text string, ok func()) { asked = text; ok() }
	f.v.confirm(i18n.T("backup.import.confirm", map[string]any{"Path": out}), func() { f.v.importFrom(out) })
	if !strings.Contains(asked, out) {
		t.Errorf("the confirmation says %q", asked)
	}
	if f.v.lastError != nil {
		t.Fatal(f.v.lastError)
	}
	if n, _ := dst.CountClients(context.Background()); n != 30 {
		t.Errorf("%d clients imported", n)
	}
	if f.changed != 1 || !strings.Contains(f.v.lastInfo, "Загружено") {
		t.Errorf("changed %d times, message %q", f.changed, f.v.lastInfo)
	}

	// Once more: the database is no longer empty.
	f.v.importFrom(out)
	var fe *model.FieldError
	if !errors.As(f.v.lastError, &fe) || fe.Key != "exchange.err.not_empty" {
		t.Errorf("second import: %v", f.v.lastError)
	}
}

func TestBackupsAreTheOwnersOnly(t *testing.T) {
	s, path := openBackupStore(t, "salon.db")
	f := newBackupFixture(t, s.As(model.RoleManager), path)
	for _, o := range []fyne.CanvasObject{f.v.headLabel, f.v.listContent, f.v.exchangeContent} {
		if o.Visible() {
			t.Error("a manager sees the backups section")
		}
	}
	owner := newBackupFixture(t, s, path)
	if !owner.v.listContent.Visible() {
		t.Error("the owner does not see the backups section")
	}
}
